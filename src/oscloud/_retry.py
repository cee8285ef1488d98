"""When and how long to wait before sending a request again."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import attrs
import requests

from oscloud._time import to_utc

__all__ = ["IDEMPOTENT_METHODS", "RetryPolicy"]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How :class:`~oscloud.ProviderClient` retries.

    - 429, and 503 with a ``Retry-After``, are retried for every method (the server says the
      request was not applied), waiting as long as ``Retry-After`` asks (seconds or an HTTP
      date), or backing off exponentially with jitter when it is missing.
    - 502, 503 and 504, and connection errors, are retried for idempotent methods only
      (GET, HEAD, PUT, DELETE, OPTIONS): never a POST that may have been applied.
    - At most ``max_attempts`` sends in all, and no wait that would end after
      ``max_total_seconds`` from the first send.

    Example:
        >>> RetryPolicy().max_attempts
        4
        >>> RetryPolicy.off().max_attempts
        1
    """

    max_attempts: int = 4
    max_total_seconds: float = 60.0
    backoff_initial: float = 0.5
    backoff_max: float = 16.0
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

        Example:
            >>> 0 <= RetryPolicy().backoff(1) <= 0.5
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
        """
        if method.upper() in IDEMPOTENT_METHODS:
            return self.backoff(attempt)
        return None


def parse_retry_after(value: str) -> float | None:
    """Read a ``Retry-After`` value: delta seconds or an HTTP date (``None`` if unreadable).

    Example:
        >>> parse_retry_after("3")
        3.0
        >>> parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT")
        0.0
    """
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = to_utc(text)
    except ValueError:
        return None
    return max(0.0, when.timestamp() - time.time())
