"""Object storage v1 (Swift).

One package per resource, each used with a client from
:func:`oscloud.openstack.new_object_storage_v1`:

- :mod:`~oscloud.openstack.objectstorage.v1.accounts`: the account's usage, metadata and
  temporary URL keys.
- :mod:`~oscloud.openstack.objectstorage.v1.containers`: list, create, read, update, delete,
  bulk delete.
- :mod:`~oscloud.openstack.objectstorage.v1.objects`: list, streamed upload and download,
  metadata, copy, delete, bulk delete.
- :mod:`~oscloud.openstack.objectstorage.v1.largeobjects`: static and dynamic large objects,
  and an upload that picks the right kind for the size.
- :mod:`~oscloud.openstack.objectstorage.v1.info`: the cluster's capabilities (``GET /info``).
- :mod:`~oscloud.openstack.objectstorage.v1.tempurl`: temporary URLs and form POST
  signatures.

Usage::

    import oscloud
    from oscloud import openstack
    from oscloud.openstack.objectstorage.v1 import containers, objects

    provider = openstack.authenticated_client(opts)
    swift = openstack.new_object_storage_v1(provider, oscloud.EndpointOpts())

    containers.create(swift, "photos").extract_err()
    with open("cat.jpg", "rb") as f:
        objects.upload(swift, "photos", "2024/cat.jpg", f,
                       objects.UploadOpts(content_type="image/jpeg")).extract()
"""
