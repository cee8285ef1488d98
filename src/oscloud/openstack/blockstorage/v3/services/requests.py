"""Operations on block storage v3 services (``os-services``, administrators)."""

from __future__ import annotations

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3.services.results import (
    Service,
    ServicePage,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient

__all__ = ["ListOpts", "disable", "enable", "list"]


@attrs.frozen(kw_only=True)
class ListOpts:
    """Which services to list: by ``host`` and ``binary``.

    Example:
        >>> ListOpts(host="devstack", binary="cinder-volume")
        ListOpts(host='devstack', binary='cinder-volume')
    """

    host: str | None = attrs.field(default=None, metadata=wire.query("host"))
    binary: str | None = attrs.field(default=None, metadata=wire.query("binary"))


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Service]:
    """List Cinder's services: ``GET /os-services`` (200; administrators).

    Raises:
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> for s in services.list(cinder).items():  # doctest: +SKIP
        ...     print(s.binary, s.host, s.state)
    """
    url = wire.url(client, "os-services", query=opts, of=ListOpts)
    return Pager(client, url, ServicePage)


def _checked(host: str, binary: str) -> dict[str, str]:
    for name, value in (("host", host), ("binary", binary)):
        if not isinstance(value, str) or not value:
            raise MissingInputError(f"{name} is required (got {value!r})")
    return {"host": host, "binary": binary}


def enable(client: ServiceClient, host: str, binary: str) -> UpdateResult:
    """Enable a service: ``PUT /os-services/enable`` (200; administrators).

    Example:
        >>> services.enable(cinder, "devstack@lvmdriver-1", "cinder-volume"
        ...                 ).extract().status  # doctest: +SKIP
        'enabled'
    """
    body = _checked(host, binary)
    url = client.service_url("os-services", "enable")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def disable(
    client: ServiceClient, host: str, binary: str, *, reason: str | None = None
) -> UpdateResult:
    """Disable a service: ``PUT /os-services/disable`` (200; administrators).

    With a ``reason`` the call is ``PUT /os-services/disable-log-reason``, which keeps
    it as the service's ``disabled_reason``.

    Example:
        >>> services.disable(cinder, "devstack@lvmdriver-1", "cinder-volume",
        ...                  reason="maintenance").extract()  # doctest: +SKIP
    """
    body = _checked(host, binary)
    action = "disable"
    if reason is not None:
        if not isinstance(reason, str) or not reason:
            raise MissingInputError("reason must be a non-empty string when given")
        body["disabled_reason"] = reason
        action = "disable-log-reason"
    url = client.service_url("os-services", action)
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


__getattr__ = aliases(__name__, {"ListOptsBuilder": (ListOpts, "ListOpts")})
