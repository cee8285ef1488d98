"""URLs of the disk config extension: none of its own.

The extension adds the ``OS-DCF:diskConfig`` member to the bodies of server operations,
so requests go to the server URLs of
:mod:`oscloud.openstack.compute.v2.servers.urls`.
"""

__all__: list[str] = []
