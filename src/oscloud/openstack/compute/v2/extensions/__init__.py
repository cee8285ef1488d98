"""Compute v2 extensions: API fields beyond the base resources, wrapping their options.

An extension's option classes wrap a base option builder (anything with the builder
method, such as :class:`~oscloud.openstack.compute.v2.servers.CreateOpts`) and add their
fields to the body it builds; its ``extract_*`` functions read their fields from the same
results the base operations return.

- :mod:`~oscloud.openstack.compute.v2.extensions.diskconfig`: ``OS-DCF:diskConfig``, how
  the root disk is partitioned (create, rebuild, resize, update; read from servers).
"""
