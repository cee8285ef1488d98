"""Results: what every operation returns.

A result holds the response (``headers``, ``body``, ``status_code``) or the error that
stopped it (``err``). ``extract()`` gives the typed resource or raises ``err``.

A resource declares its JSON key and model once, and names its results::

    class ServerResult(Result[Server]):
        resource_key = "server"
        model = Server

    class GetResult(ServerResult):
        \"\"\"The result of :func:`get`.\"\"\"

An error nobody ever looked at (``err``, ``extract()``, ``extract_err()``) is reported
with an :class:`UnretrievedErrorWarning` when the result is garbage collected, the way
asyncio reports "exception was never retrieved".
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Generic, TypeVar, cast

from requests.structures import CaseInsensitiveDict

from oscloud._redact import redact_url
from oscloud.errors import InvalidResponseError

__all__ = [
    "READ_ERRORS",
    "ErrResult",
    "HeaderResult",
    "Result",
    "UnretrievedErrorWarning",
    "build_checked",
    "extract_into",
    "member",
    "parse_json",
    "unreadable",
]

T = TypeVar("T")
U = TypeVar("U")


def case_insensitive(headers: Mapping[str, str] | None) -> CaseInsensitiveDict[str]:
    """Response headers as a case-insensitive mapping (``requests``' own is kept, not copied).

    Example:
        >>> case_insensitive({"X-Trans-Id": "tx1"})["x-trans-id"]
        'tx1'
    """
    if isinstance(headers, CaseInsensitiveDict):
        return headers
    return CaseInsensitiveDict(headers or {})


class UnretrievedErrorWarning(RuntimeWarning):
    """An operation failed and its result was dropped without anyone reading the error.

    Example:
        >>> issubclass(UnretrievedErrorWarning, RuntimeWarning)
        True
    """


class Result(Generic[T]):
    """The outcome of one operation: the response, or the error that stopped it.

    Attributes:
        headers: the response headers (case-insensitive).
        body: the parsed JSON body (``None`` when there was none).
        status_code: the HTTP status, or ``None`` when no response came.

    Subclasses set ``resource_key`` (the JSON member that holds the resource, or ``None``
    when the body is the resource) and ``model`` (a class with a ``from_json`` classmethod).

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Flavor:
        ...     name: str
        ...     @classmethod
        ...     def from_json(cls, data): return cls(name=data["name"])
        >>> class FlavorResult(Result[Flavor]):
        ...     resource_key = "flavor"
        ...     model = Flavor
        >>> FlavorResult(body={"flavor": {"name": "m1.tiny"}}).extract()
        Flavor(name='m1.tiny')
    """

    resource_key: ClassVar[str | None] = None
    model: ClassVar[Any] = None
    #: The model's classmethod that reads what ``_resource_json`` returns.
    _factory: ClassVar[str] = "from_json"

    __slots__ = ("_err", "_err_seen", "_request", "body", "headers", "status_code")

    def __init__(
        self,
        *,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        status_code: int | None = None,
        err: BaseException | None = None,
        request: tuple[str, str] | None = None,
    ) -> None:
        self.body = body
        self._request = request
        self.headers: CaseInsensitiveDict[str] = (
            headers
            if isinstance(headers, CaseInsensitiveDict)
            else CaseInsensitiveDict(headers or {})
        )
        self.status_code = status_code
        self._err = err
        self._err_seen = err is None

    @property
    def err(self) -> BaseException | None:
        """The error that stopped the operation, or ``None``.

        Example:
            >>> Result(err=ValueError("bad")).err
            ValueError('bad')
        """
        self._err_seen = True
        return self._err

    def extract(self) -> T:
        """Return the resource, or raise the error the result carries.

        Raises:
            OSCloudError: the operation's error, or :class:`InvalidResponseError` when
                the body does not hold the resource.

        Example:
            >>> Result(err=KeyError("x")).extract()
            Traceback (most recent call last):
            ...
            KeyError: 'x'
        """
        self._raise_err()
        try:
            return cast(T, self._build(self._resource_json()))
        except READ_ERRORS as err:  # a result's own _build or _resource_json, any service
            raise unreadable(self._owner(), err) from err

    def extract_into(self, build: Callable[[Any], U], key: str | None = None) -> U:
        """Build something else from the same body (how extensions read their fields).

        ``build`` receives the member ``key`` of the body (default: this result's
        ``resource_key``), or the whole body.

        Raises:
            OSCloudError: the operation's error, or :class:`InvalidResponseError` when
                the member is missing or ``build`` cannot read it.

        Example:
            >>> r = Result(body={"server": {"OS-DCF:diskConfig": "AUTO"}})
            >>> r.extract_into(lambda s: s["OS-DCF:diskConfig"], "server")
            'AUTO'
        """
        self._raise_err()
        data = self._member(key if key is not None else self.resource_key)
        return build_checked(build, data, f"{self._owner()}.extract_into")

    def _raise_err(self) -> None:
        self._err_seen = True
        if self._err is not None:
            raise self._err

    def _resource_json(self) -> Any:
        return self._member(self.resource_key)

    def _owner(self) -> str:
        """Who could not read the body, for messages: the request when known, the class."""
        if self._request is None:
            return type(self).__name__
        method, url = self._request
        return f"{method} {redact_url(url)}: {type(self).__name__}"

    def _member(self, key: str | None) -> Any:
        if key is None:
            return self.body
        return member(self.body, key, self._owner())

    def _build(self, data: Any) -> Any:
        if self.model is None:
            return data
        factory = getattr(self.model, self._factory)
        return build_checked(factory, data, f"{self._owner()}: {self.model.__name__}")

    def __repr__(self) -> str:
        if self._err is not None:
            return f"<{type(self).__name__} err={self._err!r}>"
        return f"<{type(self).__name__} status_code={self.status_code}>"

    def __del__(self) -> None:
        if not getattr(self, "_err_seen", True):
            warnings.warn(
                f"{type(self).__name__} error was never retrieved: {self._err}",
                UnretrievedErrorWarning,
                stacklevel=1,
            )


class ErrResult(Result[None]):
    """The result of an operation with no body to extract (delete, most actions).

    Example:
        >>> ErrResult(status_code=204).extract_err() is None
        True
    """

    __slots__ = ()

    def extract_err(self) -> None:
        """Raise the error the operation ended with, if any.

        Example:
            >>> from oscloud.errors import NotFoundError
            >>> ErrResult(err=NotFoundError("DELETE", "https://n/x", (204,), 404)).extract_err()
            Traceback (most recent call last):
            ...
            oscloud.errors.NotFoundError: DELETE https://n/x: expected 204, got 404
        """
        self._raise_err()

    def extract(self) -> None:
        """Same as :meth:`extract_err`: raise the error, else return ``None``.

        Example:
            >>> ErrResult().extract() is None
            True
        """
        self._raise_err()


class HeaderResult(Result[T]):
    """A result whose resource is read from the response headers (Swift, HEAD requests).

    ``model.from_headers(headers)`` builds the model.

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Info:
        ...     count: int
        ...     @classmethod
        ...     def from_headers(cls, h): return cls(count=int(h["X-Count"]))
        >>> class InfoResult(HeaderResult[Info]):
        ...     model = Info
        >>> InfoResult(headers={"x-count": "3"}).extract()
        Info(count=3)
    """

    _factory: ClassVar[str] = "from_headers"

    __slots__ = ()

    def _resource_json(self) -> Any:
        return self.headers


def extract_into(result: Result[Any], build: Callable[[Any], U], key: str | None = None) -> U:
    """Build an extension's view of a result; see :meth:`Result.extract_into`.

    Example:
        >>> extract_into(Result(body={"a": {"b": 1}}), lambda a: a["b"], "a")
        1
    """
    return result.extract_into(build, key)


def member(body: Any, key: str, owner: str) -> Any:
    """Return ``body[key]``, or raise :class:`InvalidResponseError` naming ``owner``.

    Example:
        >>> member({"server": {"id": "a"}}, "server", "GetResult")
        {'id': 'a'}
        >>> member({"servers": []}, "server", "GetResult")
        Traceback (most recent call last):
        ...
        oscloud.errors.InvalidResponseError: GetResult: the response body has no 'server' member
    """
    if not isinstance(body, dict) or key not in body:
        raise InvalidResponseError(f"{owner}: the response body has no {key!r} member")
    return body[key]


def build_checked(build: Callable[[Any], U], data: Any, what: str) -> U:
    """Call ``build(data)``; a body it cannot read raises :class:`InvalidResponseError`.

    ``KeyError``, ``IndexError``, ``TypeError``, ``ValueError``, ``AttributeError``,
    ``OverflowError`` and ``RecursionError`` from ``build`` (``READ_ERRORS``) mean the
    body is not what the API documents.

    Example:
        >>> build_checked(lambda d: d["name"], {}, "GetResult: Flavor")
        Traceback (most recent call last):
        ...
        oscloud.errors.InvalidResponseError: GetResult: Flavor: cannot read the response: KeyError('name')
    """  # noqa: E501
    try:
        return build(data)
    except READ_ERRORS as err:
        raise unreadable(what, err) from err


#: What reading a body that is not what the API documents raises in a model's code
#: (``RecursionError``: a value nested too deeply for a reader that walks it).
READ_ERRORS = (
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    OverflowError,
    RecursionError,
)


def parse_json(source: Any) -> Any:
    """Parse a JSON text, or a ``requests`` response's body: the one way oscloud reads JSON.

    ``source`` is a ``str`` or ``bytes``, or anything with a ``json()`` method (a
    response, whose declared charset is honoured as ``requests`` does). Anything that is
    not JSON raises ``ValueError``, and so does JSON nested too deeply for Python to
    parse (``[[[[…`` a thousand levels deep would raise ``RecursionError``): every caller
    turns that into :class:`InvalidResponseError`, naming the request.

    Raises:
        ValueError: not JSON, or nested too deeply to read.

    Example:
        >>> parse_json(b'{"server": {"id": "a"}}')
        {'server': {'id': 'a'}}
        >>> parse_json("[" * 100_000 + "]" * 100_000)
        Traceback (most recent call last):
        ...
        ValueError: the JSON is nested too deeply to read
    """
    try:
        if isinstance(source, (str, bytes, bytearray)):
            return json.loads(source)
        return source.json()
    except RecursionError as err:
        raise ValueError("the JSON is nested too deeply to read") from err


def unreadable(what: str, err: BaseException) -> InvalidResponseError:
    """The error for a body that ``what`` could not read (``err`` is what reading raised).

    Example:
        >>> unreadable("GetResult: Flavor", KeyError("name"))
        InvalidResponseError("GetResult: Flavor: cannot read the response: KeyError('name')")
    """
    return InvalidResponseError(f"{what}: cannot read the response: {err!r}")
