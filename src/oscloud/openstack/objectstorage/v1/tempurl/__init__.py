"""Temporary URLs and form POST signatures (the tempurl and formpost middleware).

A temporary URL lets anyone holding it ``GET`` (or ``PUT``, ``HEAD``, ``DELETE``...) one
object, or every object under a prefix, until it expires, without a token. A signed form
lets a browser upload files straight to a container. Both are signed with a key set on the
account or the container (``temp_url_key`` of
:class:`~oscloud.openstack.objectstorage.v1.accounts.UpdateOpts`). Nothing here sends a
request; the URLs carry their signature: share them as you would a password.

Usage::

    import datetime as dt
    from oscloud.openstack.objectstorage.v1 import tempurl

    url = tempurl.generate(swift, "GET", "photos", "2024/cat.jpg", key, expires=3600)
    url = tempurl.generate(swift, "PUT", "uploads", "user-7/report.pdf", key,
                           expires=dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc),
                           opts=tempurl.GenerateOpts(digest="sha512", ip_range="10.0.0.0/8"))
    shared = tempurl.generate(swift, "GET", "photos", "2024/cat.jpg", key, expires=600,
                              opts=tempurl.GenerateOpts(prefix="2024/"))  # all of 2024/

    form = tempurl.form_post(swift, "uploads", key, tempurl.FormPostOpts(
        max_file_size=100 * 2**20, max_file_count=5, expires=600), object_prefix="user-7/")
    form.url, form.fields()     # the form's action and its hidden inputs
"""

from oscloud.openstack.objectstorage.v1.tempurl import requests as _requests
from oscloud.openstack.objectstorage.v1.tempurl import results as _results
from oscloud.openstack.objectstorage.v1.tempurl.requests import *
from oscloud.openstack.objectstorage.v1.tempurl.results import *

__all__ = _requests.__all__ + _results.__all__
