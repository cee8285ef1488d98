"""Operations on compute services (administrators): list, enable/disable/force down, delete."""

from __future__ import annotations

import builtins
import enum
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2._common import require_microversion
from oscloud.openstack.compute.v2.extensions.services import urls
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
    "ListOptsBuilder",
    "ServiceStatus",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "delete",
    "list",
    "update",
]

#: The longest ``disabled_reason`` Nova accepts (characters).
REASON_LIMIT = 255


class ListOptsBuilder(Protocol):
    """Anything that can build the query of ``GET /os-services``.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(binary="nova-compute")
        >>> builder.to_service_list_query()
        [('binary', 'nova-compute')]
    """

    def to_service_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /os-services``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters of the service listing: by ``binary`` and by ``host``.

    Example:
        >>> ListOpts(binary="nova-compute", host="host1").to_service_list_query()
        [('binary', 'nova-compute'), ('host', 'host1')]
    """

    binary: str | None = attrs.field(default=None, metadata=wire.query("binary"))
    host: str | None = attrs.field(default=None, metadata=wire.query("host"))

    def to_service_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order."""
        return wire.build_query(self)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Service]:
    """List compute services: ``GET /os-services`` (200), in one page.

    Example:
        >>> for s in services.list(compute, ListOpts(binary="nova-compute")).items():  # doctest: +SKIP
        ...     print(s.host, s.status, s.state)
    """  # noqa: E501
    url = urls.services_url(client)
    if opts is not None:
        url = wire.with_query(url, opts.to_service_list_query())
    return Pager(client, url, ServicePage)


class ServiceStatus(str, enum.Enum):
    """Whether the scheduler may place servers on a compute service.

    Example:
        >>> ServiceStatus("disabled") is ServiceStatus.DISABLED
        True
    """

    ENABLED = "enabled"
    DISABLED = "disabled"


def _reason(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > REASON_LIMIT:
        raise ValueError(
            f"disabled_reason is a non-empty string of at most {REASON_LIMIT} characters"
        )
    return value


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body of ``PUT /os-services/{service_id}``.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(forced_down=True)
        >>> builder.to_service_update_map()
        {'forced_down': True}
    """

    def to_service_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /os-services/{service_id}``."""
        ...


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """What to change on a compute service (microversion 2.53).

    ``status`` enables or disables scheduling to it; ``disabled_reason`` goes with
    ``status=DISABLED`` only. ``forced_down=True`` marks it down at once (for
    evacuations); only a service that is ``forced_down`` may be ``forced_down=False``.

    Example:
        >>> UpdateOpts(status=ServiceStatus.DISABLED, disabled_reason="maintenance"
        ...            ).to_service_update_map()
        {'status': 'disabled', 'disabled_reason': 'maintenance'}
    """

    status: ServiceStatus | str | None = attrs.field(
        default=None, metadata=wire.body("status", encode=lambda s: ServiceStatus(s).value)
    )
    disabled_reason: str | None = attrs.field(
        default=None, metadata=wire.body("disabled_reason", encode=_reason)
    )
    forced_down: bool | None = attrs.field(default=None, metadata=wire.body("forced_down"))

    def to_service_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /os-services/{service_id}`` (the body has no root key).

        Raises:
            MissingInputError: nothing to change.
            ValueError: ``disabled_reason`` without ``status=DISABLED``, or an unknown
                status.
        """
        body = wire.build_body(self)
        if not body:
            raise MissingInputError("UpdateOpts needs status, disabled_reason or forced_down")
        if "disabled_reason" in body and body.get("status") != ServiceStatus.DISABLED.value:
            raise ValueError("disabled_reason goes only with status=ServiceStatus.DISABLED")
        if self.forced_down is not None and not isinstance(self.forced_down, bool):
            raise ValueError(f"forced_down must be True or False, not {self.forced_down!r}")
        return body


def update(client: ServiceClient, service_id: str, opts: UpdateOptsBuilder) -> UpdateResult:
    """Change a compute service: ``PUT /os-services/{service_id}`` (200; microversion 2.53).

    Answers with the service. Only ``nova-compute`` services can be changed.

    Raises:
        MicroversionError: the client sends no microversion or one older than 2.53.

    Example:
        >>> services.update(compute.with_microversion("2.53"), service_id,  # doctest: +SKIP
        ...     UpdateOpts(status=ServiceStatus.DISABLED, disabled_reason="maintenance"))
    """
    url = urls.service_url(client, check_id("service_id", service_id))
    body = opts.to_service_update_map()
    require_microversion(client, "2.53", "compute service updates by id")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, service_id: str) -> DeleteResult:
    """Delete a compute service: ``DELETE /os-services/{service_id}`` (204).

    ``service_id`` is a UUID from 2.53. A compute service that still hosts servers
    answers 409.

    Example:
        >>> services.delete(compute, service_id).extract_err()  # doctest: +SKIP
    """
    url = urls.service_url(client, check_id("service_id", service_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))
