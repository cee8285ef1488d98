"""RetryPolicy and RetryBudget on their own: which responses are retried, and for how long."""

from __future__ import annotations

import email.utils
import random
import time

import attrs
import pytest
import requests

from oscloud import RetryPolicy
from oscloud._retry import IDEMPOTENT_METHODS, RetryBudget, parse_retry_after


def response(status: int, retry_after: str | None = None) -> requests.Response:
    made = requests.Response()
    made.status_code = status
    if retry_after is not None:
        made.headers["Retry-After"] = retry_after
    return made


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "DELETE", "POST", "PATCH"])
def test_429_is_retried_for_every_method(method: str) -> None:
    assert RetryPolicy().delay_after_response(method, response(429, "7"), 1) == 7.0


@pytest.mark.parametrize("method", ["POST", "PATCH", "get"])
def test_503_with_retry_after_is_retried_for_every_method(method: str) -> None:
    assert RetryPolicy().delay_after_response(method, response(503, "2"), 1) == 2.0


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_without_retry_after_split_by_method(status: int) -> None:
    policy = RetryPolicy(backoff_initial=1.0)

    for method in ("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "get"):
        delay = policy.delay_after_response(method, response(status), 1)
        assert delay is not None
        assert 0.0 <= delay <= 1.0
    for method in ("POST", "PATCH"):
        assert policy.delay_after_response(method, response(status), 1) is None


@pytest.mark.parametrize("status", [200, 201, 400, 401, 404, 409, 500])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert RetryPolicy().delay_after_response("GET", response(status, "1"), 1) is None


def test_unreadable_retry_after_falls_back_to_backoff() -> None:
    delay = RetryPolicy(backoff_initial=0.5).delay_after_response(
        "POST", response(429, "soon-ish"), 1
    )

    assert delay is not None
    assert 0.0 <= delay <= 0.5


def test_connection_errors_retried_for_idempotent_methods_only() -> None:
    policy = RetryPolicy()

    assert sorted(IDEMPOTENT_METHODS) == ["DELETE", "GET", "HEAD", "OPTIONS", "PUT"]
    assert policy.delay_after_error("PUT", 2) is not None
    assert policy.delay_after_error("POST", 1) is None
    assert policy.delay_after_error("PATCH", 1) is None


def test_backoff_is_full_jitter_under_a_doubling_capped_ceiling() -> None:
    policy = RetryPolicy(backoff_initial=0.5, backoff_max=3.0)
    random.seed(1234)

    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 3.0), (9, 3.0)]:
        samples = [policy.backoff(attempt) for _ in range(200)]
        assert all(0.0 <= s <= ceiling for s in samples)
        assert max(samples) > ceiling * 0.8  # spread over the whole range
        assert min(samples) < ceiling * 0.2


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", 0.0), ("3", 3.0), (" 120 ", 120.0), ("1.5", 1.5), ("-1", None), ("", None)],
)
def test_parse_retry_after_seconds(value: str, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date() -> None:
    future = email.utils.formatdate(time.time() + 90, usegmt=True)

    waited = parse_retry_after(future)

    assert waited is not None
    assert 88.0 <= waited <= 90.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # past: no wait
    assert parse_retry_after("not a date") is None


def test_off_never_retries() -> None:
    policy = RetryPolicy.off()

    assert policy.max_attempts == 1
    assert not policy.enabled
    assert not RetryBudget(policy).allows(0.0)


@pytest.mark.parametrize(
    "fields",
    [{"max_attempts": 0}, {"max_total_seconds": -1.0}, {"backoff_initial": -0.5}],
)
def test_nonsense_policies_are_refused(fields: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(fields))):
        RetryPolicy(**fields)  # type: ignore[arg-type]


def test_policy_repr_and_equality_ignore_the_sleep_function() -> None:
    waits: list[float] = []

    assert RetryPolicy(sleep=waits.append) == RetryPolicy()
    assert "sleep" not in repr(RetryPolicy())
    assert attrs.evolve(RetryPolicy(), max_attempts=2).max_attempts == 2


def test_budget_counts_attempts_and_asked_waits() -> None:
    waits: list[float] = []
    budget = RetryBudget(RetryPolicy(max_attempts=3, max_total_seconds=5.0, sleep=waits.append))

    assert budget.allows(2.0)
    budget.wait(2.0)
    assert budget.attempt == 2
    assert budget.used() >= 2.0
    assert not budget.allows(3.5)  # 2 + 3.5 > 5
    assert budget.allows(2.5)
    budget.wait(2.5)
    assert budget.attempt == 3
    assert not budget.allows(0.0)  # max_attempts reached
    assert waits == [2.0, 2.5]


def test_budget_counts_real_sleeps_once() -> None:
    budget = RetryBudget(RetryPolicy(max_total_seconds=1.0, sleep=time.sleep))

    budget.wait(0.05)

    assert 0.05 <= budget.used() < 0.5
