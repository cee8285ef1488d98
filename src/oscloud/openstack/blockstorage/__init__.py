"""Block storage (Cinder).

The v3 API is in :mod:`oscloud.openstack.blockstorage.v3`, used with a client from
:func:`oscloud.openstack.new_block_storage_v3`.
"""
