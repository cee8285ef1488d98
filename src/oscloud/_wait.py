"""Waiting for a resource to reach a status: one poller for every service."""

from __future__ import annotations

import builtins
import time
from collections.abc import Callable, Collection
from typing import TypeVar

from oscloud.errors import OSCloudError

__all__ = ["ResourceErrorStateError", "WaitTimeoutError", "wait_until"]

T = TypeVar("T")


class WaitTimeoutError(OSCloudError, builtins.TimeoutError):
    """A resource did not reach the wanted status in time.

    Attributes:
        resource_id: what was waited for (``"server 9168…"``).
        wanted: the status waited for.
        last_status: the status seen last.
        timeout: the seconds waited.

    Example:
        >>> err = WaitTimeoutError("server 9168", "ACTIVE", "BUILD", 600.0)
        >>> print(err)
        server 9168 is still BUILD after 600 s waiting for ACTIVE
        >>> isinstance(err, TimeoutError)
        True
    """

    def __init__(self, resource_id: str, wanted: str, last_status: str, timeout: float) -> None:
        self.resource_id = resource_id
        self.wanted = wanted
        self.last_status = last_status
        self.timeout = timeout
        super().__init__(
            f"{resource_id} is still {last_status} after {timeout:g} s waiting for {wanted}"
        )


class ResourceErrorStateError(OSCloudError):
    """A resource went to an error status while it was being waited for.

    Attributes:
        resource_id: what was waited for.
        wanted: the status waited for.
        status: the error status it reached.
        fault: the fault message the service gave, if any.

    Example:
        >>> print(ResourceErrorStateError("server 9168", "ACTIVE", "ERROR",
        ...                               "No valid host was found."))
        server 9168 went to ERROR while waiting for ACTIVE: No valid host was found.
    """

    def __init__(self, resource_id: str, wanted: str, status: str, fault: str | None) -> None:
        self.resource_id = resource_id
        self.wanted = wanted
        self.status = status
        self.fault = fault
        text = f"{resource_id} went to {status} while waiting for {wanted}"
        super().__init__(f"{text}: {fault}" if fault else text)


def wait_until(
    read: Callable[[], T | None],
    status_of: Callable[[T], str],
    *,
    resource_id: str,
    wanted: Collection[str],
    error_states: Collection[str] = (),
    fault_of: Callable[[T], str | None] | None = None,
    gone_ok: bool = False,
    timeout: float,
    interval: float,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T | None:
    """Call ``read`` every ``interval`` seconds until the status is one of ``wanted``.

    ``read`` returns the resource, or ``None`` when it no longer exists; with
    ``gone_ok`` that ends the wait too (waiting for a deletion). Statuses compare
    case-insensitively.

    Raises:
        ResourceErrorStateError: the status became one of ``error_states``.
        WaitTimeoutError: ``timeout`` seconds passed.

    Example:
        >>> states = iter(["BUILD", "BUILD", "ACTIVE"])
        >>> wait_until(lambda: next(states), lambda s: s, resource_id="server 1",
        ...            wanted=["ACTIVE"], timeout=10, interval=0, sleep=lambda s: None)
        'ACTIVE'
    """
    targets = {s.upper() for s in wanted}
    failures = {s.upper() for s in error_states}
    goal = " or ".join(sorted(targets) + (["deletion"] if gone_ok else []))
    deadline = clock() + timeout
    last = "unknown"
    while True:
        current = read()
        if current is None:
            if gone_ok:
                return None
            last = "gone"
        else:
            last = status_of(current).upper()
            if last in targets:
                return current
            if last in failures:
                fault = fault_of(current) if fault_of is not None else None
                raise ResourceErrorStateError(resource_id, goal, last, fault)
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitTimeoutError(resource_id, goal, last, timeout)
        sleep(min(interval, remaining))
