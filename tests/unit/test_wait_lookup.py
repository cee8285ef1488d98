from __future__ import annotations

import itertools

import pytest

from oscloud._lookup import find_one
from oscloud._wait import wait_until
from oscloud.errors import (
    MultipleResourcesFoundError,
    ResourceErrorStateError,
    ResourceNotFoundError,
    WaitTimeoutError,
)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_wait_returns_the_resource_once_it_reaches_the_status() -> None:
    clock = Clock()
    states = iter(["BUILD", "build", "ACTIVE"])

    found = wait_until(
        lambda: {"status": next(states)},
        lambda s: s["status"],
        resource_id="server 1",
        wanted=["active"],
        timeout=60,
        interval=5,
        sleep=clock.sleep,
        clock=lambda: clock.now,
    )

    assert found == {"status": "ACTIVE"}
    assert clock.slept == [5, 5]


def test_wait_raises_with_the_fault_on_an_error_state() -> None:
    with pytest.raises(ResourceErrorStateError, match="No valid host") as caught:
        wait_until(
            lambda: {"status": "ERROR", "fault": "No valid host was found."},
            lambda s: s["status"],
            resource_id="server 1",
            wanted=["ACTIVE"],
            error_states=["ERROR"],
            fault_of=lambda s: s["fault"],
            timeout=60,
            interval=1,
            sleep=lambda s: None,
        )
    assert caught.value.status == "ERROR"


def test_wait_times_out_with_the_last_status() -> None:
    clock = Clock()

    with pytest.raises(WaitTimeoutError) as caught:
        wait_until(
            lambda: "BUILD",
            lambda s: s,
            resource_id="server 1",
            wanted=["ACTIVE"],
            timeout=12,
            interval=5,
            sleep=clock.sleep,
            clock=lambda: clock.now,
        )

    assert caught.value.last_status == "BUILD"
    assert isinstance(caught.value, TimeoutError)
    assert clock.now <= 12


def test_wait_for_deletion_returns_none_when_gone() -> None:
    reads = itertools.chain(["DELETING"], itertools.repeat(None))

    assert (
        wait_until(
            lambda: next(reads),
            lambda s: s,
            resource_id="volume 1",
            wanted=[],
            gone_ok=True,
            timeout=10,
            interval=0,
            sleep=lambda s: None,
        )
        is None
    )


def test_find_one_by_exact_name() -> None:
    items = [{"name": "web-1"}, {"name": "web"}]

    assert find_one(items, "web", kind="server", name_of=lambda s: s["name"]) == {"name": "web"}
    with pytest.raises(ResourceNotFoundError):
        find_one(items, "db", kind="server", name_of=lambda s: s["name"])
    with pytest.raises(MultipleResourcesFoundError, match="2 servers"):
        find_one(items * 2, "web", kind="server", name_of=lambda s: s["name"])
