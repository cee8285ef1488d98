"""Object storage (Swift): accounts, containers, objects, large objects and temporary URLs.

The v1 API is the only one; see :mod:`oscloud.openstack.objectstorage.v1`.
"""
