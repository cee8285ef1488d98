"""Exceptions raised by oscloud.

Every exception oscloud raises derives from :class:`OSCloudError`::

    OSCloudError
    ├── MissingInputError (ValueError)          an option the call needs was not given
    ├── InvalidAuthOptionsError (ValueError)    AuthOptions that cannot authenticate
    ├── EndpointNotFoundError (LookupError)     nothing in the catalog matched EndpointOpts
    ├── ResourceNotFoundError (LookupError)     a name lookup found nothing
    ├── MultipleResourcesFoundError (LookupError)  a name lookup found several
    ├── MicroversionError                       the cloud is older than what was required
    ├── InvalidResponseError                    the body is not what the API documents
    ├── PaginationLoopError                     a next link pointed at a page already seen
    ├── UnreplayableBodyError                   a streamed body cannot be sent twice
    ├── WaitTimeoutError (TimeoutError)         a resource did not reach a status in time
    ├── ResourceErrorStateError                 it went to an error status instead
    ├── TransportError                          no HTTP response at all
    │   ├── ConnectError (ConnectionError)
    │   └── TimeoutError (builtin TimeoutError)   a timeout, or the call's deadline
    └── UnexpectedResponseCodeError             an HTTP status the call did not expect
        ├── BadRequestError             400
        ├── UnauthorizedError           401
        ├── ForbiddenError              403
        ├── NotFoundError               404
        ├── MethodNotAllowedError       405
        ├── RequestTimeoutError         408
        ├── ConflictError               409
        ├── RequestEntityTooLargeError  413
        ├── TooManyRequestsError        429
        ├── InternalServerError         500
        ├── BadGatewayError             502
        ├── ServiceUnavailableError     503
        └── GatewayTimeoutError         504

Input errors also derive from :class:`ValueError` and lookups from :class:`LookupError`,
so ``except ValueError`` keeps working in code that does not know oscloud.

Example:
    >>> from oscloud import errors
    >>> err = errors.from_response("GET", "https://nova.example/v2.1/servers/x", 404,
    ...     b'{"itemNotFound": {"message": "Instance x could not be found.", "code": 404}}',
    ...     {"x-compute-request-id": "req-1"}, expected=(200,))
    >>> type(err).__name__, err.status_code, err.message
    ('NotFoundError', 404, 'Instance x could not be found.')
"""

from __future__ import annotations

import builtins
import functools
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from requests.structures import CaseInsensitiveDict

from oscloud._redact import redact_exception, redact_text, redact_url

if TYPE_CHECKING:
    from oscloud._errorbody import server_message

__all__ = [
    "BadGatewayError",
    "BadRequestError",
    "ConflictError",
    "ConnectError",
    "EndpointNotFoundError",
    "ForbiddenError",
    "GatewayTimeoutError",
    "InternalServerError",
    "InvalidAuthOptionsError",
    "InvalidResponseError",
    "MethodNotAllowedError",
    "MicroversionError",
    "MissingInputError",
    "MultipleResourcesFoundError",
    "NotFoundError",
    "OSCloudError",
    "PaginationLoopError",
    "RequestEntityTooLargeError",
    "RequestTimeoutError",
    "ResourceErrorStateError",
    "ResourceNotFoundError",
    "ServiceUnavailableError",
    "TimeoutError",
    "TooManyRequestsError",
    "TransportError",
    "UnauthorizedError",
    "UnexpectedResponseCodeError",
    "UnreplayableBodyError",
    "WaitTimeoutError",
    "error_class",
    "from_response",
    "request_id_from",
    "server_message",
]

#: Response headers that carry a request id, in the order they are looked for.
REQUEST_ID_HEADERS = (
    "x-openstack-request-id",
    "x-compute-request-id",
    "x-trans-id",
    "x-request-id",
)


class OSCloudError(Exception):
    """The base of every exception oscloud raises.

    Its text never shows a secret: the secrets oscloud knows by value (the provider's
    tokens, the secrets of ``AuthOptions``, temp-URL keys it sent) are masked in every
    text argument when the exception is built, whatever quoted them, and in the exception
    being handled then, which becomes its cause or context.

    Example:
        >>> try:
        ...     raise MissingInputError("CreateOpts.name is required")
        ... except OSCloudError as err:
        ...     print(err)
        CreateOpts.name is required
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact_text(arg) if isinstance(arg, str) else arg for arg in args))
        redact_exception(sys.exc_info()[1])  # what it is raised from: a traceback prints it


class MissingInputError(OSCloudError, ValueError):
    """An option the operation needs was not given; raised before any request is sent.

    Example:
        >>> raise MissingInputError("CreateOpts.flavor_ref is required")
        Traceback (most recent call last):
        ...
        oscloud.errors.MissingInputError: CreateOpts.flavor_ref is required
    """


class InvalidAuthOptionsError(OSCloudError, ValueError):
    """The authentication options cannot work together; the message names the fields.

    Example:
        >>> import oscloud
        >>> oscloud.AuthOptions(identity_endpoint="https://k/v3", username="u")
        Traceback (most recent call last):
        ...
        oscloud.errors.InvalidAuthOptionsError: ...
    """


class EndpointNotFoundError(OSCloudError, LookupError):
    """No catalog entry matched the :class:`~oscloud.EndpointOpts`; says what was searched.

    Example:
        >>> raise EndpointNotFoundError("no endpoint for type 'dns'")
        Traceback (most recent call last):
        ...
        oscloud.errors.EndpointNotFoundError: no endpoint for type 'dns'
    """


class ResourceNotFoundError(OSCloudError, LookupError):
    """A lookup by name found no resource.

    Example:
        >>> raise ResourceNotFoundError("no server named 'web'")
        Traceback (most recent call last):
        ...
        oscloud.errors.ResourceNotFoundError: no server named 'web'
    """


class MultipleResourcesFoundError(OSCloudError, LookupError):
    """A lookup by name found more than one resource.

    Example:
        >>> raise MultipleResourcesFoundError("2 servers are named 'web'")
        Traceback (most recent call last):
        ...
        oscloud.errors.MultipleResourcesFoundError: 2 servers are named 'web'
    """


class MicroversionError(OSCloudError):
    """The service does not support the microversion that was asked for.

    Example:
        >>> raise MicroversionError("compute supports 2.1 to 2.60; 2.79 is required")
        Traceback (most recent call last):
        ...
        oscloud.errors.MicroversionError: compute supports 2.1 to 2.60; 2.79 is required
    """


class InvalidResponseError(OSCloudError):
    """The server answered with a body that is not what the API documents.

    Example:
        >>> raise InvalidResponseError("the response has no 'server' key")
        Traceback (most recent call last):
        ...
        oscloud.errors.InvalidResponseError: the response has no 'server' key
    """


class PaginationLoopError(OSCloudError):
    """A listing's next link pointed at a page that was already fetched.

    Example:
        >>> raise PaginationLoopError("next link repeats https://nova/servers?marker=a")
        Traceback (most recent call last):
        ...
        oscloud.errors.PaginationLoopError: next link repeats https://nova/servers?marker=a
    """


class UnreplayableBodyError(OSCloudError):
    """A request must be sent again, but its body was a stream that is already consumed.

    That happens after a re-authentication, before a retry, and on a 307 or 308 redirect
    (which asks for the same body at another URL): the stream is never sent a second time.

    Example:
        >>> raise UnreplayableBodyError("PUT https://swift/o: the body stream was consumed")
        Traceback (most recent call last):
        ...
        oscloud.errors.UnreplayableBodyError: PUT https://swift/o: the body stream was consumed
    """


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
        >>> isinstance(err, builtins.TimeoutError)
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


class TransportError(OSCloudError):
    """No HTTP response was received.

    Attributes:
        method: the HTTP method.
        url: the URL (secrets in its query are redacted).
        reason: what went wrong (secrets in URLs it quotes are redacted too).

    Example:
        >>> str(TransportError("GET", "https://nova/", "connection reset"))
        'GET https://nova/: connection reset'
    """

    def __init__(self, method: str, url: str, reason: str) -> None:
        self.method = method
        self.url = redact_url(url)
        self.reason = redact_text(reason)
        super().__init__(f"{method} {self.url}: {self.reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.method, self.url, self.reason))


class ConnectError(TransportError, ConnectionError):
    """The connection could not be made or was broken.

    Example:
        >>> isinstance(ConnectError("GET", "https://nova/", "refused"), ConnectionError)
        True
    """


class TimeoutError(TransportError, builtins.TimeoutError):
    """The connect or read timeout passed, or the deadline of the whole call.

    Example:
        >>> isinstance(TimeoutError("GET", "https://nova/", "read timed out"),
        ...            builtins.TimeoutError)
        True
    """


class UnexpectedResponseCodeError(OSCloudError):
    """The server answered with a status the operation did not expect.

    Attributes:
        method: the HTTP method sent.
        url: the URL requested (secrets in its query redacted).
        expected: the status codes the operation accepts.
        status_code: the status the server answered with.
        request_id: the request id the server gave, if any.
        message: the server's own message, pulled out of its error body.
        body: the response body as text.
        headers: the response headers.

    Example:
        >>> err = UnexpectedResponseCodeError("DELETE", "https://nova/servers/x", (204,), 418,
        ...     body="teapot", request_id="req-9")
        >>> print(err)
        DELETE https://nova/servers/x: expected 204, got 418 (request id req-9): teapot
    """

    status: int | None = None

    def __init__(
        self,
        method: str,
        url: str,
        expected: Iterable[int],
        status_code: int,
        *,
        body: str = "",
        request_id: str | None = None,
        headers: Mapping[str, str] | None = None,
        message: str | None = None,
    ) -> None:
        self.method = method
        self.url = redact_url(url)
        self.expected = tuple(expected)
        self.status_code = status_code
        self.body = redact_text(body)
        self.request_id = request_id
        self.headers: CaseInsensitiveDict[str] = CaseInsensitiveDict(headers or {})
        if message is None:
            from oscloud._errorbody import server_message  # loaded with the first error

            message = server_message(body)
        self.message = redact_text(message)
        super().__init__(self._describe())

    def _describe(self) -> str:
        expected = ", ".join(str(code) for code in self.expected) or "success"
        text = f"{self.method} {self.url}: expected {expected}, got {self.status_code}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        if self.message:
            text += f": {self.message}"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        rebuild = functools.partial(
            type(self),
            body=self.body,
            request_id=self.request_id,
            headers=dict(self.headers),
            message=self.message,
        )
        return (rebuild, (self.method, self.url, self.expected, self.status_code))


class BadRequestError(UnexpectedResponseCodeError):
    """400 Bad Request: the server rejected the request as malformed.

    Example:
        >>> BadRequestError.status
        400
    """

    status = 400


class UnauthorizedError(UnexpectedResponseCodeError):
    """401 Unauthorized: the token is missing, expired or revoked, or the credentials are wrong.

    Example:
        >>> UnauthorizedError.status
        401
    """

    status = 401


class ForbiddenError(UnexpectedResponseCodeError):
    """403 Forbidden: the credentials are valid but lack the permission.

    Example:
        >>> ForbiddenError.status
        403
    """

    status = 403


class NotFoundError(UnexpectedResponseCodeError):
    """404 Not Found.

    Example:
        >>> NotFoundError.status
        404
    """

    status = 404


class MethodNotAllowedError(UnexpectedResponseCodeError):
    """405 Method Not Allowed.

    Example:
        >>> MethodNotAllowedError.status
        405
    """

    status = 405


class RequestTimeoutError(UnexpectedResponseCodeError):
    """408 Request Timeout: the server gave up waiting for the request.

    Example:
        >>> RequestTimeoutError.status
        408
    """

    status = 408


class ConflictError(UnexpectedResponseCodeError):
    """409 Conflict: the resource is in a state that does not allow the request.

    Example:
        >>> ConflictError.status
        409
    """

    status = 409


class RequestEntityTooLargeError(UnexpectedResponseCodeError):
    """413 Request Entity Too Large: often a quota or a size limit.

    Example:
        >>> RequestEntityTooLargeError.status
        413
    """

    status = 413


class TooManyRequestsError(UnexpectedResponseCodeError):
    """429 Too Many Requests: rate limited, still so after the retries allowed.

    Example:
        >>> TooManyRequestsError.status
        429
    """

    status = 429


class InternalServerError(UnexpectedResponseCodeError):
    """500 Internal Server Error.

    Example:
        >>> InternalServerError.status
        500
    """

    status = 500


class BadGatewayError(UnexpectedResponseCodeError):
    """502 Bad Gateway.

    Example:
        >>> BadGatewayError.status
        502
    """

    status = 502


class ServiceUnavailableError(UnexpectedResponseCodeError):
    """503 Service Unavailable.

    Example:
        >>> ServiceUnavailableError.status
        503
    """

    status = 503


class GatewayTimeoutError(UnexpectedResponseCodeError):
    """504 Gateway Timeout.

    Example:
        >>> GatewayTimeoutError.status
        504
    """

    status = 504


_BY_STATUS: dict[int, type[UnexpectedResponseCodeError]] = {
    cls.status: cls
    for cls in (
        BadRequestError,
        UnauthorizedError,
        ForbiddenError,
        NotFoundError,
        MethodNotAllowedError,
        RequestTimeoutError,
        ConflictError,
        RequestEntityTooLargeError,
        TooManyRequestsError,
        InternalServerError,
        BadGatewayError,
        ServiceUnavailableError,
        GatewayTimeoutError,
    )
    if cls.status is not None
}


def error_class(status_code: int) -> type[UnexpectedResponseCodeError]:
    """Return the exception class for an HTTP status.

    Example:
        >>> error_class(404).__name__, error_class(418).__name__
        ('NotFoundError', 'UnexpectedResponseCodeError')
    """
    return _BY_STATUS.get(status_code, UnexpectedResponseCodeError)


def request_id_from(headers: Mapping[str, str]) -> str | None:
    """Return the request id from response headers (any of the OpenStack spellings).

    Header names are matched without regard to case.

    Example:
        >>> request_id_from({"X-Trans-Id": "tx123"})
        'tx123'
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    for name in REQUEST_ID_HEADERS:
        value = lowered.get(name)
        if value:
            return value
    return None


def from_response(
    method: str,
    url: str,
    status_code: int,
    content: bytes | str,
    headers: Mapping[str, str],
    *,
    expected: Iterable[int] = (),
) -> UnexpectedResponseCodeError:
    """Build the exception for an unexpected response: class by status, message from the body.

    Example:
        >>> err = from_response("POST", "https://k/v3/auth/tokens", 401,
        ...     '{"error": {"code": 401, "message": "The request you have made requires '
        ...     'authentication.", "title": "Unauthorized"}}', {}, expected=(201,))
        >>> err.message
        'The request you have made requires authentication.'
    """
    text = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content
    return error_class(status_code)(
        method,
        url,
        expected,
        status_code,
        body=text,
        request_id=request_id_from(headers),
        headers=headers,
    )


def __getattr__(name: str) -> object:
    """Load :func:`server_message` on first use: a program that meets no error never needs it."""
    if name == "server_message":
        from oscloud import _errorbody

        return _errorbody.server_message
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names, with those loaded on first use (for ``dir()`` and completion)."""
    return sorted(set(globals()) | set(__all__))
