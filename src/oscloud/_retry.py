"""When and how long to wait before sending a request again."""

from __future__ import annotations

import datetime as _dt
import random
import re
import time
from collections.abc import Callable
from email.utils import parsedate_tz

import attrs
import requests

__all__ = [
    "IDEMPOTENT_METHODS",
    "LONGEST_RETRY_AFTER",
    "RetryBudget",
    "RetryPolicy",
    "parse_retry_after",
]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})

_SECONDS = r"\d+(\.\d+)?"  # compiled on first use, by the re module's cache

#: The longest wait a ``Retry-After`` is read as (a year): longer is beyond any budget.
LONGEST_RETRY_AFTER = 365 * 24 * 3600.0

_EPOCH = _dt.datetime(1970, 1, 1)


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How :class:`~oscloud.ProviderClient` retries.

    - 429, and 503 with a ``Retry-After``, are retried for every method (the server says the
      request was not applied), waiting as long as ``Retry-After`` asks (seconds or an HTTP
      date), or backing off exponentially with jitter when it is missing.
    - 502, 503 and 504, and connection errors, are retried for idempotent methods only
      (GET, HEAD, PUT, DELETE, OPTIONS): never a POST that may have been applied. A read
      timeout is not retried: the server may still be working on the request.
    - At most ``max_attempts`` sends in all, and no wait that would end after
      ``max_total_seconds`` from the first send: when the wait asked for is longer, the
      last response (or error) is returned at once.
    - ``sleep`` is how a wait happens (tests pass one that records instead).

    Example:
        >>> RetryPolicy().max_attempts
        4
        >>> RetryPolicy.off().max_attempts
        1
    """

    max_attempts: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    max_total_seconds: float = attrs.field(default=60.0, validator=attrs.validators.ge(0))
    backoff_initial: float = attrs.field(default=0.5, validator=attrs.validators.ge(0))
    backoff_max: float = attrs.field(default=16.0, validator=attrs.validators.ge(0))
    sleep: Callable[[float], None] = attrs.field(default=time.sleep, repr=False, eq=False)

    @classmethod
    def off(cls) -> RetryPolicy:
        """A policy that never retries.

        Example:
            >>> RetryPolicy.off().enabled
            False
        """
        return cls(max_attempts=1)

    @property
    def enabled(self) -> bool:
        """Whether any retry may happen.

        Example:
            >>> RetryPolicy(max_attempts=2).enabled
            True
        """
        return self.max_attempts > 1

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with full jitter for the given (1-based) failed attempt.

        A random wait between 0 and ``backoff_initial * 2 ** (attempt - 1)``, capped at
        ``backoff_max``.

        Example:
            >>> 0 <= RetryPolicy().backoff(1) <= 0.5
            True
            >>> RetryPolicy(backoff_max=2.0).backoff(10) <= 2.0
            True
        """
        ceiling = min(self.backoff_max, self.backoff_initial * (2 ** (attempt - 1)))
        return random.uniform(0, ceiling)

    def delay_after_response(
        self, method: str, response: requests.Response, attempt: int
    ) -> float | None:
        """Seconds to wait before resending after ``response``, or ``None`` not to retry.

        Example:
            >>> r = requests.Response(); r.status_code = 429; r.headers["Retry-After"] = "2"
            >>> RetryPolicy().delay_after_response("POST", r, 1)
            2.0
        """
        status = response.status_code
        retry_after = response.headers.get("Retry-After")
        if status == 429 or (status == 503 and retry_after):
            waited = parse_retry_after(retry_after) if retry_after else None
            return waited if waited is not None else self.backoff(attempt)
        if status in (502, 503, 504) and method.upper() in IDEMPOTENT_METHODS:
            return self.backoff(attempt)
        return None

    def delay_after_error(self, method: str, attempt: int) -> float | None:
        """Seconds to wait before resending after a connection error, or ``None``.

        Example:
            >>> RetryPolicy().delay_after_error("POST", 1) is None
            True
            >>> RetryPolicy(backoff_initial=1.0).delay_after_error("GET", 1) <= 1.0
            True
        """
        if method.upper() in IDEMPOTENT_METHODS:
            return self.backoff(attempt)
        return None


class RetryBudget:
    """The attempts and the time one request has used under a :class:`RetryPolicy`.

    Time used is the time spent sending plus the waits asked for, so a policy whose
    ``sleep`` does not really sleep is held to the same limits as one that does.

    Example:
        >>> budget = RetryBudget(RetryPolicy(max_attempts=2, sleep=lambda s: None))
        >>> budget.allows(1.0)
        True
        >>> budget.wait(1.0)
        >>> budget.attempt, budget.allows(1.0)
        (2, False)
        >>> RetryBudget(RetryPolicy(max_total_seconds=5)).allows(30.0)
        False
    """

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy
        self.attempt = 1
        self._started = time.monotonic()
        self._slept = 0.0  # real time spent inside policy.sleep
        self._waited = 0.0  # time asked for

    def used(self) -> float:
        """Seconds used so far: sending time plus the waits asked for.

        Example:
            >>> RetryBudget(RetryPolicy()).used() < 1.0
            True
        """
        return time.monotonic() - self._started - self._slept + self._waited

    def allows(self, delay: float | None) -> bool:
        """Whether another attempt after waiting ``delay`` seconds is within the policy.

        Example:
            >>> RetryBudget(RetryPolicy()).allows(None)
            False
        """
        if delay is None or self.attempt >= self.policy.max_attempts:
            return False
        return self.used() + delay <= self.policy.max_total_seconds

    def wait(self, delay: float) -> None:
        """Wait ``delay`` seconds with the policy's ``sleep`` and count the next attempt.

        Example:
            >>> waits = []
            >>> RetryBudget(RetryPolicy(sleep=waits.append)).wait(0.25); waits
            [0.25]
        """
        started = time.monotonic()
        self.policy.sleep(delay)
        self._slept += time.monotonic() - started
        self._waited += delay
        self.attempt += 1


def parse_retry_after(value: str) -> float | None:
    """Read a ``Retry-After`` value: delta seconds or an HTTP date (``None`` if unreadable).

    Whatever the server sends, the answer is ``None`` (no usable ``Retry-After``: the
    policy backs off instead) or a finite delay between 0 and :data:`LONGEST_RETRY_AFTER`:
    a date in the past is 0, and a date or a number of seconds too far ahead for any
    budget is that ceiling, never an error (``Fri, 31 Dec 9999 23:59:59 -0100`` is past
    the last moment a ``datetime`` can hold in UTC, and is still read).

    Example:
        >>> parse_retry_after("3")
        3.0
        >>> parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT")
        0.0
        >>> parse_retry_after("Fri, 31 Dec 9999 23:59:59 -0100") == LONGEST_RETRY_AFTER
        True
        >>> parse_retry_after("soon") is None
        True
    """
    text = value.strip() if isinstance(value, str) else ""
    if re.fullmatch(_SECONDS, text):
        return min(float(text), LONGEST_RETRY_AFTER)  # 400 digits are inf: capped too
    if not text[:1].isalpha():
        return None
    at = _http_date_seconds(text)
    if at is None:
        return None
    return min(max(0.0, at - time.time()), LONGEST_RETRY_AFTER)


def _http_date_seconds(text: str) -> float | None:
    """Unix seconds of an HTTP date (RFC 1123, RFC 850, asctime), for any year and offset.

    Computed from the naive date and the offset apart, so that no date a ``datetime`` can
    hold overflows when it is moved to UTC.
    """
    try:
        parts = parsedate_tz(text)
        if parts is None:
            return None
        naive = _dt.datetime(*parts[:6])
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return (naive - _EPOCH).total_seconds() - (parts[9] or 0)
