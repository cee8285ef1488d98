"""Waiting for a resource to reach a status: one poller for every service."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import TypeVar

from oscloud.errors import NotFoundError, ResourceErrorStateError, WaitTimeoutError
from oscloud.results import Result

__all__ = ["ResourceErrorStateError", "WaitTimeoutError", "wait_for_result", "wait_until"]

T = TypeVar("T")


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
    goal = " or ".join([*wanted, *(["deletion"] if gone_ok else [])])
    deadline = clock() + timeout
    last = "unknown"
    while True:
        current = read()
        if current is None:
            if gone_ok:
                return None
            last = "gone"
        else:
            last = status_of(current)  # reported as the service spells it
            if last.upper() in targets:
                return current
            if last.upper() in failures:
                fault = fault_of(current) if fault_of is not None else None
                raise ResourceErrorStateError(resource_id, goal, last, fault)
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitTimeoutError(resource_id, goal, last, timeout)
        sleep(min(interval, remaining))


def wait_for_result(
    get: Callable[[], Result[T]],
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
    """:func:`wait_until` over an operation's result: how every ``wait_for_*`` polls.

    ``get`` is the resource's ``get`` with its arguments bound. A 404 ends the wait when
    ``gone_ok`` (waiting for a deletion); any other error of ``get`` is raised as it comes.

    Example:
        >>> states = iter([Result(body="creating"), Result(body="available")])
        >>> wait_for_result(lambda: next(states), lambda s: s, resource_id="volume 1",
        ...                 wanted=["available"], timeout=10, interval=0,
        ...                 sleep=lambda s: None)
        'available'
        >>> gone = NotFoundError("GET", "https://c/v3/p/volumes/v", (200,), 404)
        >>> wait_for_result(lambda: Result(err=gone), str, resource_id="volume v",
        ...                 wanted=[], gone_ok=True, timeout=1, interval=0) is None
        True
    """

    def current() -> T | None:
        result = get()
        if gone_ok and isinstance(result.err, NotFoundError):
            return None
        return result.extract()

    return wait_until(
        current,
        status_of,
        resource_id=resource_id,
        wanted=wanted,
        error_states=error_states,
        fault_of=fault_of,
        gone_ok=gone_ok,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )
