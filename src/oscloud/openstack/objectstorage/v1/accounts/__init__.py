"""Object storage v1 accounts: usage, metadata, and the temporary URL keys.

Usage::

    from oscloud.openstack.objectstorage.v1 import accounts

    account = accounts.get(swift).extract()
    print(account.bytes_used, account.object_count, account.container_count)
    print(account.metadata.get("Subject"))

    accounts.update(swift, accounts.UpdateOpts(
        metadata={"Subject": "Literature"},
        remove_metadata=["Old-Item"],
        temp_url_key="s3cr3t",          # never shown in repr or logs
    )).extract_err()

The account's containers are listed by
:func:`oscloud.openstack.objectstorage.v1.containers.list`; each listing page carries the
account headers too (``accounts.Account.from_headers(page.headers)``).
"""

from oscloud.openstack.objectstorage.v1.accounts import requests as _requests
from oscloud.openstack.objectstorage.v1.accounts import results as _results
from oscloud.openstack.objectstorage.v1.accounts.requests import *
from oscloud.openstack.objectstorage.v1.accounts.requests import __getattr__ as __getattr__
from oscloud.openstack.objectstorage.v1.accounts.results import *

__all__ = _requests.__all__ + _results.__all__
