"""Compute v2 extensions: the APIs beyond servers, flavors and keypairs.

Two kinds live here. Most are resources of their own, each a package laid out like
any other (``requests``, ``results``, ``urls``). A few add fields to the base resources:
their option classes wrap a base option builder (anything with the builder method, such as
:class:`~oscloud.openstack.compute.v2.servers.CreateOpts`) and add their fields to the body
it builds, and their ``extract_*`` functions read those fields from the results the base
operations return.

- :mod:`~oscloud.openstack.compute.v2.extensions.diskconfig`: ``OS-DCF:diskConfig``, how
  the root disk is partitioned (create, rebuild, resize, update; read from servers).
- :mod:`~oscloud.openstack.compute.v2.extensions.availabilityzones`: availability zones
  (list, detail).
- :mod:`~oscloud.openstack.compute.v2.extensions.volumeattach`: volume attachments of a
  server.
- :mod:`~oscloud.openstack.compute.v2.extensions.servergroups`: server groups (affinity,
  anti-affinity).
- :mod:`~oscloud.openstack.compute.v2.extensions.quotasets`: quotas of a project or user,
  with use.
- :mod:`~oscloud.openstack.compute.v2.extensions.limits`: absolute and rate limits.
- :mod:`~oscloud.openstack.compute.v2.extensions.hypervisors`: hypervisors
  (administrators).
- :mod:`~oscloud.openstack.compute.v2.extensions.services`: compute services
  (administrators).
- :mod:`~oscloud.openstack.compute.v2.extensions.aggregates`: host aggregates
  (administrators).
- :mod:`~oscloud.openstack.compute.v2.extensions.attachinterfaces`: network interfaces of
  a server.
- :mod:`~oscloud.openstack.compute.v2.extensions.secgroups`: the legacy security group API
  (deprecated).
- :mod:`~oscloud.openstack.compute.v2.extensions.usage`: simple tenant usage.
"""
