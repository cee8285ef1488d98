"""Operations on compute services (administrators): list, enable/disable/force down, delete."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2.extensions.services.results import (
    DeleteResult,
    Service,
    ServicePage,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "ListOpts",
    "ServiceStatus",
    "UpdateOpts",
    "delete",
    "list",
    "update",
]

#: The longest ``disabled_reason`` Nova accepts (characters).
REASON_LIMIT = 255

#: The microversion that brings ``PUT /os-services/{service_id}`` (services named by UUID).
UPDATE_MICROVERSION = "2.53"


# -- listing ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters of the service listing: by ``binary`` and by ``host``.

    Example:
        >>> ListOpts(binary="nova-compute", host="host1")
        ListOpts(binary='nova-compute', host='host1')
    """

    binary: str | None = attrs.field(default=None, metadata=wire.query("binary"))
    host: str | None = attrs.field(default=None, metadata=wire.query("host"))


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Service]:
    """List compute services: ``GET /os-services`` (200), in one page.

    Example:
        >>> for s in services.list(compute, ListOpts(binary="nova-compute")).items():  # doctest: +SKIP
        ...     print(s.host, s.status, s.state)
    """  # noqa: E501
    url = wire.url(client, "os-services", query=opts, of=ListOpts)
    return Pager(client, url, ServicePage)


# -- update -------------------------------------------------------------------------


class ServiceStatus(str, enum.Enum):
    """Whether the scheduler may place servers on a compute service.

    Example:
        >>> ServiceStatus("disabled") is ServiceStatus.DISABLED
        True
    """

    ENABLED = "enabled"
    DISABLED = "disabled"


def _status(value: Any) -> str:
    return ServiceStatus(value).value


def _reason(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > REASON_LIMIT:
        raise ValueError(
            f"disabled_reason is a non-empty string of at most {REASON_LIMIT} characters"
        )
    return value


def _forced_down(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"forced_down must be True or False, not {value!r}")
    return value


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """What to change on a compute service (the update needs microversion 2.53).

    ``status`` enables or disables scheduling to it; ``disabled_reason`` goes with
    ``status=DISABLED`` only. ``forced_down=True`` marks it down at once (for
    evacuations); only a service that is ``forced_down`` may be ``forced_down=False``.
    The body has no root key.

    Example:
        >>> opts = UpdateOpts(status=ServiceStatus.DISABLED, disabled_reason="maintenance")
        >>> wire.build_body(opts, client=None)
        {'status': 'disabled', 'disabled_reason': 'maintenance'}
    """

    status: ServiceStatus | str | None = attrs.field(
        default=None, metadata=wire.body("status", encode=_status)
    )
    disabled_reason: str | None = attrs.field(
        default=None, metadata=wire.body("disabled_reason", encode=_reason)
    )
    forced_down: bool | None = attrs.field(
        default=None, metadata=wire.body("forced_down", encode=_forced_down)
    )


def update(client: ServiceClient, service_id: str, opts: UpdateOpts) -> UpdateResult:
    """Change a compute service: ``PUT /os-services/{service_id}`` (200; microversion 2.53).

    Answers with the service. Only ``nova-compute`` services can be changed.

    Raises:
        MissingInputError: nothing to change.
        ValueError: ``disabled_reason`` without ``status=DISABLED``, an unknown status,
            a ``forced_down`` that is not a boolean.
        MicroversionError: the client sends no microversion or one older than 2.53.

    Example:
        >>> services.update(compute.with_microversion("2.53"), service_id,  # doctest: +SKIP
        ...     UpdateOpts(status=ServiceStatus.DISABLED, disabled_reason="maintenance"))
    """
    url = client.service_url("os-services", check_id("service_id", service_id))
    body = wire.build_body(opts, client=client, of=UpdateOpts)
    if not body:
        raise MissingInputError("UpdateOpts needs status, disabled_reason or forced_down")
    if "disabled_reason" in body and body.get("status") != ServiceStatus.DISABLED.value:
        raise ValueError("disabled_reason goes only with status=ServiceStatus.DISABLED")
    client.require_microversion(UPDATE_MICROVERSION, "compute service updates by id")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


# -- delete -------------------------------------------------------------------------


def delete(client: ServiceClient, service_id: str) -> DeleteResult:
    """Delete a compute service: ``DELETE /os-services/{service_id}`` (204).

    ``service_id`` is a UUID from 2.53. A compute service that still hosts servers
    answers 409.

    Example:
        >>> services.delete(compute, service_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("os-services", check_id("service_id", service_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))


__getattr__ = aliases(
    __name__,
    {
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
