"""The provider client: one per set of credentials; every HTTP call goes through it."""

from __future__ import annotations

import datetime as _dt
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias

import requests

from oscloud import errors
from oscloud._redact import redact_url, remember_secret_headers, remember_secrets
from oscloud._retry import RetryBudget, RetryPolicy
from oscloud._transport import (
    ANY_TRANSPORT_ERROR,
    CURRENT_DEADLINE,
    TOKEN_HEADER,
    TRANSPORT_ERRORS,
    Body,
    Deadline,
    Session,
    guard_redirects,
    log_exchange,
    log_retry,
    read_body,
    restore_read_timeout,
    transport_error,
)
from oscloud._version import __version__
from oscloud.auth import check_token
from oscloud.endpoints import Catalog, EndpointOpts
from oscloud.token_state import RENEW_MARGIN, TokenState

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_OK_CODES",
    "DEFAULT_TIMEOUT",
    "ProviderClient",
    "TokenState",
]

log = logging.getLogger("oscloud")

Timeout: TypeAlias = "float | tuple[float, float]"

#: Connect and read timeouts, in seconds, unless the caller says otherwise.
DEFAULT_TIMEOUT: tuple[float, float] = (10.0, 60.0)

#: Seconds one call may take in all (retries, re-authentication, reading the body), unless
#: the caller says otherwise; ``None``: no deadline.
DEFAULT_DEADLINE: float | None = 120.0

#: Success codes accepted when an operation names none.
DEFAULT_OK_CODES: dict[str, tuple[int, ...]] = {
    "GET": (200, 203),
    "HEAD": (200, 204),
    "POST": (200, 201, 202),
    "PUT": (200, 201, 202),
    "PATCH": (200, 202, 204),
    "DELETE": (200, 202, 204),
}


class ProviderClient:
    """The HTTP client for one set of credentials.

    Owns one ``requests.Session`` (pooled connections; safe to share between threads), the
    token and the way to renew it, the user agent, timeouts, TLS settings and the retry
    policy. Service clients send every request through :meth:`request`.

    ``verify`` is ``True`` (the CA bundle requests trusts: certifi's), a CA bundle path,
    or ``False`` (insecure); ``cert`` a client certificate file, or its certificate and key
    files. Both hold for every request: ``REQUESTS_CA_BUNDLE`` and ``CURL_CA_BUNDLE`` are
    ignored. A ``session`` passed in is used as it is, except that it too drops the tokens
    on a redirect to another origin and ignores those two variables.

    ``timeout`` bounds each connect and each wait for bytes; ``deadline`` (seconds,
    :data:`DEFAULT_DEADLINE`; ``None`` for none) bounds a whole call: every attempt, the
    waits between retries, a re-authentication and the reading of the body. A streamed body
    (``stream=True``) is read by the caller after the call, under ``timeout`` only.

    Build one with :func:`oscloud.openstack.authenticated_client` (or
    :func:`~oscloud.openstack.new_client` + :func:`~oscloud.openstack.authenticate`).

    Example:
        >>> provider = ProviderClient(identity_endpoint="https://keystone.example/v3/")
        >>> provider.user_agent.startswith("oscloud/")
        True
        >>> provider.append_user_agent("my-tool/1.0")
        >>> provider.user_agent.endswith("my-tool/1.0")
        True
    """

    def __init__(
        self,
        *,
        identity_endpoint: str = "",
        identity_base: str = "",
        timeout: Timeout = DEFAULT_TIMEOUT,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
        retry: RetryPolicy | None = None,
        session: requests.Session | None = None,
        deadline: float | None = DEFAULT_DEADLINE,
    ) -> None:
        self.identity_endpoint = identity_endpoint
        self.identity_base = identity_base
        self.timeout: Timeout = timeout
        self.deadline = None if deadline is None else _checked_deadline(deadline)
        self.retry = retry if retry is not None else RetryPolicy()
        self.session = session if session is not None else Session()
        guard_redirects(self.session)
        self.session.verify = verify
        if cert is not None:
            self.session.cert = cert
        self._user_agent_parts = [f"oscloud/{__version__}"]
        self._token: str | None = None
        self._expires_at: _dt.datetime | None = None
        self.catalog: Catalog | None = None
        self.reauth_func: Callable[[], None] | None = None
        self._reauth_lock = threading.Lock()
        self._reauth_failure: tuple[float, Exception] | None = None
        self.discovery_cache: dict[str, Any] = {}

    # -- identity state -------------------------------------------------------------

    @property
    def token(self) -> str | None:
        """The current token id (``None`` before authentication).

        Example:
            >>> ProviderClient().token is None
            True
        """
        return self._token

    @property
    def token_expires_at(self) -> _dt.datetime | None:
        """When the current token expires (aware UTC), if known.

        Example:
            >>> ProviderClient().token_expires_at is None
            True
        """
        return self._expires_at

    def set_token(
        self,
        token: str,
        *,
        expires_at: _dt.datetime | None = None,
        catalog: Catalog | None = None,
    ) -> None:
        """Install a token (and its catalog): what authentication does.

        From then on the token is masked in every exception and log line of oscloud, as
        long as the provider lives.

        Raises:
            InvalidAuthOptionsError: ``token`` cannot be sent as a header value (a stray
                newline, a space, a control character); the message does not show it.

        Example:
            >>> p = ProviderClient(); p.set_token("gAAAA")
            >>> p.token
            'gAAAA'
        """
        check_token("ProviderClient.set_token: the token", token)
        remember_secrets(self, token)
        if catalog is not None:
            self.catalog = catalog
        self._expires_at = expires_at
        self._token = token

    def token_state(self) -> TokenState | None:
        """Export the token and catalog for reuse by a later process (``None`` if none).

        Example:
            >>> p = ProviderClient(identity_endpoint="https://k/v3/")
            >>> p.set_token("t", catalog=Catalog())
            >>> p.token_state().identity_endpoint
            'https://k/v3/'
        """
        if self._token is None:
            return None
        return TokenState(
            identity_endpoint=self.identity_endpoint,
            token=self._token,
            expires_at=self._expires_at,
            catalog=self.catalog or Catalog(),
        )

    def restore_token_state(self, state: TokenState) -> None:
        """Install a token saved by :meth:`token_state`.

        Example:
            >>> p = ProviderClient(identity_endpoint="e")
            >>> p.restore_token_state(TokenState(identity_endpoint="e", token="t",
            ...                                  expires_at=None, catalog=Catalog()))
            >>> p.token
            't'
        """
        self.set_token(state.token, expires_at=state.expires_at, catalog=state.catalog)

    def locate(self, opts: EndpointOpts) -> str:
        """The catalog URL for ``opts``.

        Raises:
            EndpointNotFoundError: no catalog (not authenticated) or no match.

        Example:
            >>> ProviderClient().locate(EndpointOpts(type="compute"))
            Traceback (most recent call last):
            ...
            oscloud.errors.EndpointNotFoundError: no service catalog: authenticate first
        """
        if self.catalog is None:
            raise errors.EndpointNotFoundError("no service catalog: authenticate first")
        return self.catalog.locate(opts)

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` sent with every request.

        Example:
            >>> ProviderClient().user_agent.split("/")[0]
            'oscloud'
        """
        return " ".join(self._user_agent_parts)

    def append_user_agent(self, product: str) -> None:
        """Add ``product`` (``name/version``) to the user agent.

        Example:
            >>> p = ProviderClient(); p.append_user_agent("tool/2")
            >>> p.user_agent.split()[-1]
            'tool/2'
        """
        self._user_agent_parts.append(product)

    def __repr__(self) -> str:
        state = "authenticated" if self._token else "not authenticated"
        return f"<ProviderClient {self.identity_endpoint or '-'} {state}>"

    # -- requests ---------------------------------------------------------------------

    def request(
        self,
        method: str,
        url: str,
        *,
        json: Any = None,
        data: Any = None,
        params: Any = None,
        headers: Mapping[str, str] | None = None,
        ok_codes: Iterable[int] | None = None,
        timeout: Timeout | None = None,
        deadline: float | None = None,
        stream: bool = False,
        authenticated: bool = True,
        allow_redirects: bool = True,
    ) -> requests.Response:
        """Send one request: token, retries, one re-authentication on 401, status check.

        ``json`` is sent as JSON; ``data`` raw (bytes, a file or any iterable: streamed).
        With ``stream=True`` the response body is not read (iterate it, then close it).
        ``ok_codes`` defaults to :data:`DEFAULT_OK_CODES` for the method; ``timeout`` and
        ``deadline`` (seconds for the whole call; ``math.inf`` for none) to the provider's.
        A redirect to another origin never carries the token.

        Raises:
            UnexpectedResponseCodeError: the status is not in ``ok_codes`` (the subclass
                for the status, e.g. :class:`~oscloud.errors.NotFoundError`).
            TransportError: no response, or no whole one (connect error, broken
                connection, timeout, or :class:`~oscloud.errors.TimeoutError` when the
                deadline passed).
            UnreplayableBodyError: a streamed body would have to be sent twice (a retry,
                a re-authentication, a 307 or 308 redirect).
            ValueError: ``deadline`` is not more than 0 (``TypeError``: not a number).

        Example:
            >>> provider.request("GET", "https://nova.example/v2.1/flavors",  # doctest: +SKIP
            ...                  ok_codes=(200,)).json()
        """
        send = _Send(
            method=method.upper(),
            url=url,
            params=params,
            headers=headers,
            body=Body(data, json),
            timeout=self.timeout if timeout is None else timeout,
            deadline=Deadline.start(
                self.deadline if deadline is None else _checked_deadline(deadline)
            ),
            stream=stream,
            allow_redirects=allow_redirects,
        )
        scope = CURRENT_DEADLINE.set(send.deadline)  # a login inside this call keeps it
        try:
            token = self._usable_token(send) if authenticated else None
            response = self._send_with_retries(send, token)
            if response.status_code == 401 and token is not None and self.reauth_func is not None:
                response = self._reauthenticate_and_replay(send, response, token)
            return self._check_status(send, response, _expected_codes(send.method, ok_codes))
        finally:
            CURRENT_DEADLINE.reset(scope)

    def _usable_token(self, send: _Send) -> str | None:
        """The token to send, renewed first when it expires within :data:`RENEW_MARGIN`."""
        token = self._token
        expires_at = self._expires_at
        if token is None or expires_at is None or self.reauth_func is None:
            return token
        if expires_at - _dt.datetime.now(_dt.timezone.utc) <= RENEW_MARGIN:
            log.debug("token expires at %s: renewing it", expires_at.isoformat())
            self._reauthenticate(token, send, since=time.monotonic())
            token = self._token
        return token

    def _reauthenticate_and_replay(
        self, send: _Send, response: requests.Response, stale_token: str
    ) -> requests.Response:
        """After a 401: renew the token (once for all threads), then send once more."""
        response.close()
        self._reauthenticate(stale_token, send, since=send.started)
        send.body.rewind(send.method, send.url, "after a re-authentication")
        return self._send_with_retries(send, self._token)

    def _reauthenticate(self, stale_token: str | None, send: _Send, *, since: float) -> None:
        """Get a new token, once for all threads that saw ``stale_token`` fail.

        A failed attempt is not repeated for the requests in flight when it failed (those
        started before it, at ``since``): they all raise its error. Waiting for another
        thread's login, and the login itself, stay within the deadline of ``send``.
        """
        reauth = self.reauth_func
        if reauth is None:
            return
        left = send.deadline.remaining()
        if not self._reauth_lock.acquire(timeout=-1 if left is None else max(left, 0.0)):
            raise _deadline_passed(send, "waiting for another thread to re-authenticate")
        try:
            if self._token != stale_token:
                return  # another thread renewed it while this one waited
            failure = self._reauth_failure
            if failure is not None and failure[0] > since:
                raise failure[1]
            log.info("re-authenticating against %s", self.identity_endpoint)
            try:
                reauth()
            except Exception as exc:
                self._reauth_failure = (time.monotonic(), exc)
                if isinstance(exc, errors.TimeoutError) and send.deadline.expired():
                    during = f"re-authenticating ({exc.method} {exc.url})"
                    raise _deadline_passed(send, during) from exc
                raise
            self._reauth_failure = None
        finally:
            self._reauth_lock.release()

    def _send_with_retries(self, send: _Send, token: str | None) -> requests.Response:
        """Send, and send again while the retry policy allows; the last response or error."""
        budget = RetryBudget(self.retry)
        while True:
            outcome = self._send(send, token)
            delay = self._retry_delay(send, outcome, budget.attempt)
            if delay is None or not budget.allows(delay) or not send.deadline.allows(delay):
                if isinstance(outcome, requests.Response):
                    return outcome
                raise transport_error(
                    send.method, send.url, outcome, deadline=send.deadline
                ) from outcome
            if isinstance(outcome, requests.Response):
                outcome.close()
            log_retry(send, outcome, delay, budget.attempt, self.retry.max_attempts)
            budget.wait(delay)
            send.body.rewind(send.method, send.url, "for a retry")

    def _retry_delay(
        self, send: _Send, outcome: requests.Response | Exception, attempt: int
    ) -> float | None:
        if not send.body.replayable:
            return None  # a consumed stream is never sent again
        if isinstance(outcome, requests.Response):
            return self.retry.delay_after_response(send.method, outcome, attempt)
        if isinstance(outcome, requests.ReadTimeout):
            return None  # the server may be acting on it: not ours to repeat
        if isinstance(outcome, requests.exceptions.SSLError):
            return None  # a certificate that is not trusted will not be on the next try
        return self.retry.delay_after_error(send.method, attempt)

    def _send(self, send: _Send, token: str | None) -> requests.Response | Exception:
        """One HTTP exchange: the response, or the transport error that stopped it.

        The body of a response that is not streamed is read here, within the deadline.
        """
        if send.deadline.expired():
            raise _deadline_passed(send, "waiting to send the request")
        headers = self._headers(send, token)
        started = time.perf_counter()
        try:
            response = self.session.request(
                send.method,
                send.url,
                params=send.params,
                data=send.body.data,
                json=send.body.json,
                headers=headers,
                timeout=send.deadline.cap(send.timeout),
                stream=True,  # the body is read below, within the deadline
                allow_redirects=send.allow_redirects,
                # Per request, so that REQUESTS_CA_BUNDLE cannot override a CA or insecure.
                verify=self.session.verify,
            )
            if send.stream:
                restore_read_timeout(response, send.timeout)
            else:
                read_body(response, send.deadline)
        except errors.OSCloudError:
            raise  # UnreplayableBodyError on a redirect; a ConnectError is an OSError too
        except TRANSPORT_ERRORS as exc:
            log.debug("%s %s -> %s", send.method, redact_url(send.url), type(exc).__name__)
            return exc
        except requests.exceptions.UnrewindableBodyError as exc:  # a file that cannot seek
            raise errors.UnreplayableBodyError(
                f"{send.method} {redact_url(send.url)}: the server redirected the request, "
                "which needs the body again, but the body could not be rewound; pass bytes "
                "or a seekable file"
            ) from exc
        except ANY_TRANSPORT_ERROR as exc:  # a bad URL, an undecodable body: not retried
            raise transport_error(send.method, send.url, exc, deadline=send.deadline) from exc
        if log.isEnabledFor(logging.DEBUG):
            log_exchange(send, headers, response, time.perf_counter() - started)
        return response

    def _headers(self, send: _Send, token: str | None) -> dict[str, str]:
        headers = {"User-Agent": self.user_agent, "Accept": "application/json"}
        if token is not None:
            headers[TOKEN_HEADER] = token
        if send.headers:
            remember_secret_headers(self, send.headers)  # temp-URL keys, subject tokens
            headers.update(send.headers)
        return headers

    @staticmethod
    def _check_status(
        send: _Send, response: requests.Response, expected: tuple[int, ...]
    ) -> requests.Response:
        if response.status_code in expected or (not expected and response.ok):
            return response
        try:
            read_body(response, send.deadline)  # a streamed body: errors are small
        except ANY_TRANSPORT_ERROR as exc:
            during = f"reading the body of its {response.status_code} answer"
            raise transport_error(
                send.method, send.url, exc, deadline=send.deadline, during=during
            ) from exc
        content = response.content
        response.close()
        raise errors.from_response(
            send.method,
            send.url,
            response.status_code,
            content,
            response.headers,
            expected=expected,
        )


class _Send:
    """Everything about one request that stays the same when it is sent again.

    A plain slotted class: it is built for every request, so it stays cheap.
    """

    __slots__ = (
        "allow_redirects",
        "body",
        "deadline",
        "headers",
        "method",
        "params",
        "started",
        "stream",
        "timeout",
        "url",
    )

    def __init__(
        self,
        *,
        method: str,
        url: str,
        params: Any,
        headers: Mapping[str, str] | None,
        body: Body,
        timeout: Timeout,
        deadline: Deadline,
        stream: bool,
        allow_redirects: bool,
    ) -> None:
        self.method = method
        self.url = url
        self.params = params
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.deadline = deadline
        self.stream = stream
        self.allow_redirects = allow_redirects
        self.started = time.monotonic()


def _checked_deadline(seconds: float) -> float:
    """A deadline in seconds: a positive number (infinity: no deadline)."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"a deadline is a number of seconds, not {type(seconds).__name__}")
    if not seconds > 0:  # also NaN
        raise ValueError(f"a deadline must be more than 0 seconds, not {seconds!r}")
    return float(seconds)


def _deadline_passed(send: _Send, during: str) -> errors.TimeoutError:
    seconds = send.deadline.seconds
    return errors.TimeoutError(
        send.method, send.url, f"the deadline of {seconds:g} s passed while {during}"
    )


def _expected_codes(method: str, ok_codes: Iterable[int] | None) -> tuple[int, ...]:
    return tuple(ok_codes) if ok_codes is not None else DEFAULT_OK_CODES.get(method, ())
