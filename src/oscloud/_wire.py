"""Request building from field metadata: one builder for JSON bodies, query strings and headers.

An option class is a frozen attrs class whose fields say, in their ``metadata``, where they
go on the wire and under which name::

    @attrs.frozen(kw_only=True)
    class CreateOpts:
        name: str = attrs.field(metadata=wire.body("name", required=True))
        image_ref: str | None = attrs.field(default=None, metadata=wire.body("imageRef"))
        limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))

``None`` means "don't send". Use :data:`NULL` to send an explicit JSON ``null``.

Nothing given is dropped silently: a value that cannot go where its field says (a mapping
as a query parameter, :data:`NULL` in a header, a non-mapping in a prefix header field …)
raises :class:`TypeError` naming ``Class.field``, before any request is sent.
"""

from __future__ import annotations

import datetime as _dt
import enum
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar
from urllib.parse import urlencode

import attrs

from oscloud._time import http_date, isoformat_z
from oscloud.errors import MissingInputError

if TYPE_CHECKING:
    from oscloud.service import ServiceClient

__all__ = [
    "NULL",
    "Location",
    "NullType",
    "Wire",
    "body",
    "build_body",
    "build_headers",
    "build_query",
    "check_int",
    "checked",
    "comma_list",
    "header",
    "int_at_least",
    "non_negative_int",
    "query",
    "url",
    "with_query",
]

Location = Literal["body", "query", "header"]
WIRE_KEY: Final = "oscloud.wire"


class _Null(enum.Enum):
    """The type of :data:`NULL`: an explicit JSON ``null`` in a request body.

    Example:
        >>> NULL
        oscloud.NULL
    """

    NULL = "null"

    def __repr__(self) -> str:
        return "oscloud.NULL"


#: The type of :data:`NULL`, for annotating options that may send an explicit null.
NullType = _Null

#: Send an explicit JSON ``null`` (``None`` means "leave the field out").
NULL: Final = _Null.NULL


@attrs.frozen
class Wire:
    """Where one option field goes: location, wire name, rules and microversion range.

    ``min_version`` is the microversion that brings the field and ``max_version`` the
    last one that has it (both inclusive, as the API references' parameter tables give
    them); ``None`` means "since the base version" and "still there". ``top_level``
    (body fields only) puts the member beside the root key instead of inside it
    (Nova's ``os:scheduler_hints``).
    """

    location: Location
    name: str
    required: bool = False
    encode: Callable[[Any], Any] | None = None
    prefix: bool = False
    min_version: str | None = None
    max_version: str | None = None
    top_level: bool = False


def body(
    name: str,
    *,
    required: bool = False,
    encode: Callable[[Any], Any] | None = None,
    min_version: str | None = None,
    max_version: str | None = None,
    top_level: bool = False,
) -> dict[str, Wire]:
    """Metadata for a field sent as the JSON member ``name``.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     image_ref: str = attrs.field(metadata=body("imageRef", required=True))
        >>> build_body(Opts(image_ref="img"), "server", client=None)
        {'server': {'imageRef': 'img'}}
    """
    return {
        WIRE_KEY: Wire("body", name, required, encode, False, min_version, max_version, top_level)
    }


def query(
    name: str,
    *,
    required: bool = False,
    encode: Callable[[Any], Any] | None = None,
    min_version: str | None = None,
    max_version: str | None = None,
) -> dict[str, Wire]:
    """Metadata for a field sent as the query parameter ``name``.

    Lists are repeated (``?tag=a&tag=b``) unless ``encode`` says otherwise
    (see :func:`comma_list`); booleans are ``true``/``false``; datetimes ISO 8601 UTC.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class ListOpts:
        ...     limit: int | None = attrs.field(default=None, metadata=query("limit"))
        ...     all_tenants: bool = attrs.field(default=False, metadata=query("all_tenants"))
        >>> build_query(ListOpts(limit=10, all_tenants=True), client=None)
        [('limit', '10'), ('all_tenants', 'true')]
    """
    return {WIRE_KEY: Wire("query", name, required, encode, False, min_version, max_version)}


def header(
    name: str,
    *,
    required: bool = False,
    encode: Callable[[Any], Any] | None = None,
    prefix: bool = False,
    min_version: str | None = None,
    max_version: str | None = None,
) -> dict[str, Wire]:
    """Metadata for a field sent as the header ``name``.

    With ``prefix=True`` the field holds a mapping and each item becomes a header
    ``name + key`` (Swift's ``X-Object-Meta-*``).

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     meta: dict[str, str] = attrs.field(factory=dict,
        ...         metadata=header("X-Object-Meta-", prefix=True))
        >>> build_headers(Opts(meta={"Color": "blue"}), client=None)
        {'X-Object-Meta-Color': 'blue'}
    """
    return {WIRE_KEY: Wire("header", name, required, encode, prefix, min_version, max_version)}


def comma_list(values: Iterable[Any]) -> str:
    """Encode a list as one comma-separated value (``tags=a,b``).

    Example:
        >>> comma_list(["a", "b"])
        'a,b'
    """
    return ",".join(str(v) for v in values)


class _RuleError(ValueError):
    """A value an encoder's rule refuses; the builders put the field's name in front."""

    def __init__(self, rule: str) -> None:
        super().__init__(f"the value {rule}")
        self.rule = rule


def _int_problem(value: Any, minimum: int) -> str | None:
    """What is wrong with ``value`` as an integer of at least ``minimum`` (None: nothing)."""
    if isinstance(value, bool) or not hasattr(type(value), "__index__"):
        shown = repr(value)
        shown = shown if len(shown) <= 40 else f"{shown[:40]}…"
        return f"must be an integer, not {shown} (a {type(value).__name__})"
    if operator.index(value) < minimum:
        return f"must be at least {minimum}, not {operator.index(value)}"
    return None


def check_int(where: str, value: Any, minimum: int = 0) -> int:
    """Return ``value`` as an ``int`` if it is an integer of at least ``minimum``.

    The one rule for every whole number a caller gives (option fields through
    :func:`int_at_least`, sizes and counts given as arguments): booleans (``True`` is not
    1 here), floats (``2.0``) and strings (``"10"``) are refused like numbers below
    ``minimum``. Integer types of other libraries (anything with ``__index__``) pass.

    Raises:
        ValueError: it is not an integer, or less than ``minimum``; ``where`` names it.

    Example:
        >>> check_int("size", 10)
        10
        >>> check_int("size", -1)
        Traceback (most recent call last):
        ...
        ValueError: size must be at least 0, not -1
        >>> check_int("SegmentOpts.workers", "4", 1)
        Traceback (most recent call last):
        ...
        ValueError: SegmentOpts.workers must be an integer, not '4' (a str)
    """
    problem = _int_problem(value, minimum)
    if problem is not None:
        raise ValueError(f"{where} {problem}")
    return operator.index(value)


def int_at_least(minimum: int) -> Callable[[Any], int]:
    """An option field encoder: an integer of at least ``minimum`` (a count, a size).

    The rule is :func:`check_int`'s; the builders name the field in the
    :class:`ValueError`, before anything is sent.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class CreateOpts:
        ...     min_count: int | None = attrs.field(default=None,
        ...         metadata=body("min_count", encode=int_at_least(1)))
        >>> build_body(CreateOpts(min_count=2), client=None)
        {'min_count': 2}
        >>> build_body(CreateOpts(min_count=0), client=None)
        Traceback (most recent call last):
        ...
        ValueError: CreateOpts.min_count must be at least 1, not 0
    """

    def encode(value: Any) -> int:
        problem = _int_problem(value, minimum)
        if problem is not None:
            raise _RuleError(problem)
        return operator.index(value)

    return encode


_AT_LEAST_ZERO = int_at_least(0)


def non_negative_int(value: Any) -> int:
    """An option field encoder: an integer of at least 0 (``limit``, ``offset``, bytes …).

    Every such field of every service uses it (the rule is :func:`check_int`'s): a
    negative number, a bool, a float or a string is refused before any request, with a
    :class:`ValueError` that names the field.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class ListOpts:
        ...     limit: int | None = attrs.field(default=None,
        ...         metadata=query("limit", encode=non_negative_int))
        >>> build_query(ListOpts(limit=0), client=None)
        [('limit', '0')]
        >>> build_query(ListOpts(limit="ten"), client=None)
        Traceback (most recent call last):
        ...
        ValueError: ListOpts.limit must be an integer, not 'ten' (a str)
        >>> build_query(ListOpts(limit=-1), client=None)
        Traceback (most recent call last):
        ...
        ValueError: ListOpts.limit must be at least 0, not -1
    """
    return _AT_LEAST_ZERO(value)


def build_body(
    opts: Any,
    root: str | None = None,
    *,
    client: ServiceClient | None,
    of: type | None = None,
) -> dict[str, Any]:
    """Build the JSON body from the fields of ``opts`` marked with :func:`body`.

    Nested option objects are built the same way; lists of them too. ``None`` fields are
    left out; :data:`NULL` becomes ``null``; enums give their value, datetimes ISO 8601 UTC
    with a ``Z``. Fields marked ``top_level`` go beside ``root``, not inside it.

    ``client`` is the service client the body is for: every field given (nested ones
    too) must be in its microversion range. ``client=None`` checks nothing (for bodies
    that no microversion governs). ``of`` is the options class the operation takes.

    Raises:
        TypeError: ``opts`` is not an ``of`` (a dict, say), or a value JSON cannot carry.
        MissingInputError: a required field is ``None``.
        MicroversionError: a field given is outside the client's microversion.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     name: str | None = attrs.field(default=None, metadata=body("name"))
        ...     description: object = attrs.field(default=None, metadata=body("description"))
        >>> build_body(Opts(name="vol", description=NULL), "volume", client=None)
        {'volume': {'name': 'vol', 'description': None}}
        >>> build_body({"name": "vol"}, "volume", client=None, of=Opts)
        Traceback (most recent call last):
        ...
        TypeError: expected Opts, not dict (build one: Opts(...))
    """
    checked(opts, of)
    built: dict[str, Any] = {}
    beside: dict[str, Any] = {}
    for where, wire, value in _wired(opts, "body", client):
        (beside if wire.top_level else built)[wire.name] = _json_value(
            _encoded(wire, value, where), where, client
        )
    if root is None:
        built.update(beside)
        return built
    return {root: built, **beside}


def build_query(
    opts: Any, *, client: ServiceClient | None, of: type | None = None
) -> list[tuple[str, str]]:
    """Build query parameters (name, value pairs, in field order) from ``opts``.

    An empty list sends nothing, like ``None``. ``client`` and ``of`` as for
    :func:`build_body`: a filter the client's microversion lacks is refused, never sent
    (the server would ignore it and answer as if there were no filter).

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class ListOpts:
        ...     tags: list[str] | None = attrs.field(default=None,
        ...         metadata=query("tags", encode=comma_list))
        >>> build_query(ListOpts(tags=["a", "b"]), client=None)
        [('tags', 'a,b')]
    """
    checked(opts, of)
    pairs: list[tuple[str, str]] = []
    for where, wire, value in _wired(opts, "query", client):
        if _is_sequence(value) and not value:
            continue
        value = _encoded(wire, value, where)
        items = value if _is_sequence(value) else (value,)
        pairs.extend((wire.name, _text(item, where, "query")) for item in items)
    return pairs


def build_headers(
    opts: Any, *, client: ServiceClient | None, of: type | None = None
) -> dict[str, str]:
    """Build request headers from the fields of ``opts`` marked with :func:`header`.

    Booleans are ``true``/``false``, datetimes RFC 1123 dates. A prefix field needs a
    mapping (an empty one sends nothing). ``client`` and ``of`` as for :func:`build_body`.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     delete_after: int | None = attrs.field(default=None,
        ...         metadata=header("X-Delete-After"))
        >>> build_headers(Opts(delete_after=60), client=None)
        {'X-Delete-After': '60'}
    """
    checked(opts, of)
    headers: dict[str, str] = {}
    for where, wire, value in _wired(opts, "header", client):
        value = _encoded(wire, value, where)
        if not wire.prefix:
            headers[wire.name] = _text(value, where, "header")
            continue
        if not isinstance(value, Mapping):
            raise TypeError(
                f"{where} must be a mapping (each item becomes a {wire.name}* header), "
                f"not {type(value).__name__}"
            )
        for key, item in value.items():
            if not isinstance(key, str) or not key:
                raise ValueError(f"{where}: {key!r} cannot end a {wire.name}* header name")
            headers[wire.name + key] = _text(item, f"{where}[{key!r}]", "header")
    return headers


OptsT = TypeVar("OptsT")


def checked(opts: OptsT, of: type | None) -> OptsT:
    """Return ``opts`` if it is an options object (an ``of``, when given); else TypeError.

    Operations call the builders, which call this, so a dict or a string passed where an
    options class belongs is refused with the class's name before anything is sent.

    Example:
        >>> checked("name=web", None)
        Traceback (most recent call last):
        ...
        TypeError: expected an options object (an attrs class), not str
    """
    if of is not None:
        if not isinstance(opts, of):
            raise TypeError(
                f"expected {of.__name__}, not {type(opts).__name__} (build one: {of.__name__}(...))"
            )
    elif not attrs.has(type(opts)):
        raise TypeError(f"expected an options object (an attrs class), not {type(opts).__name__}")
    return opts


def _wired(
    opts: Any, location: Location, client: ServiceClient | None
) -> Iterator[tuple[str, Wire, Any]]:
    """Yield (``Class.field``, wire, value) for the fields of ``opts`` at ``location`` given.

    A field given outside ``client``'s microversion range raises ``MicroversionError``.
    """
    for field in attrs.fields(type(opts)):
        wire = field.metadata.get(WIRE_KEY)
        if wire is None or wire.location != location:
            continue
        value = getattr(opts, field.name)
        if value is None:
            if wire.required:
                raise MissingInputError(f"{type(opts).__name__}.{field.name} is required")
            continue
        where = f"{type(opts).__name__}.{field.name}"
        if client is not None and (wire.min_version is not None or wire.max_version is not None):
            client.require_microversion_range(wire.min_version, wire.max_version, where)
        yield where, wire, value


def _encoded(wire: Wire, value: Any, where: str) -> Any:
    if wire.encode is None or value is NULL:
        return value
    try:
        return wire.encode(value)
    except _RuleError as err:
        raise ValueError(f"{where} {err.rule}") from None


def _is_sequence(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, frozenset))


def _nested_body(opts: Any, where: str, client: ServiceClient | None) -> dict[str, Any]:
    """The body of an option object inside another: every field it was given must go in."""
    for field in attrs.fields(type(opts)):
        wire = field.metadata.get(WIRE_KEY)
        if (wire is None or wire.location != "body") and getattr(opts, field.name) is not None:
            raise TypeError(
                f"{where}: {type(opts).__name__}.{field.name} is not a body field, so it "
                "cannot be sent inside a JSON body"
            )
    return build_body(opts, client=client)


def _json_value(value: Any, where: str, client: ServiceClient | None) -> Any:
    if value is NULL or value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (str, int, float)):  # bool is an int
        return value
    if isinstance(value, _dt.datetime):
        return isoformat_z(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if attrs.has(type(value)):
        return _nested_body(value, where, client)
    if isinstance(value, Mapping):
        return {str(k): _json_value(v, f"{where}[{k!r}]", client) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(item, f"{where}[{i}]", client) for i, item in enumerate(value)]
    if isinstance(value, (set, frozenset)):
        return [_json_value(item, where, client) for item in sorted(value, key=str)]
    raise TypeError(f"{where}: a {type(value).__name__} cannot be sent in a JSON body")


def _text(value: Any, where: str, location: Location) -> str:
    """One query or header value as text; refuses what would arrive garbled."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum) and value is not NULL:
        return str(value.value)
    if isinstance(value, _dt.datetime):
        return http_date(value) if location == "header" else isoformat_z(value)
    if isinstance(value, str):
        return _encodable(value, where, location)
    if isinstance(value, (int, float)):
        return str(value)
    if value is NULL or value is None:
        raise TypeError(f"{where}: {value!r} cannot be sent as a {location} value")
    if isinstance(value, (Mapping, bytes, bytearray, list, tuple, set, frozenset)) or attrs.has(
        type(value)
    ):
        raise TypeError(f"{where}: a {type(value).__name__} cannot be sent as a {location} value")
    return str(value)  # UUID, Decimal and the like


def _encodable(text: str, where: str, location: Location) -> str:
    """``text`` if it can travel as a query value (UTF-8) or a header value (Latin-1)."""
    codec = "latin-1" if location == "header" else "utf-8"
    try:
        text.encode(codec)
    except UnicodeEncodeError as err:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise ValueError(
            f"{where}: {shown!r} cannot be sent as a {location} value "
            f"(character {err.start} is not {codec.upper()} text)"
        ) from None
    if location == "header" and ("\r" in text or "\n" in text):
        raise ValueError(f"{where}: a header value cannot hold a line break")
    return text


def url(client: ServiceClient, *parts: str, query: Any = None, of: type | None = None) -> str:
    """The URL of ``parts`` under ``client`` with the query built from ``query`` (options).

    The one way an operation builds a URL with filters: each part is quoted as one path
    segment (:meth:`~oscloud.ServiceClient.service_url`) and the options object, when
    given, goes through :func:`build_query` with the client's microversion checks.

    Example:
        >>> import attrs
        >>> from oscloud.provider import ProviderClient
        >>> from oscloud.service import ServiceClient
        >>> @attrs.frozen(kw_only=True)
        ... class ListOpts:
        ...     limit: int | None = attrs.field(default=None, metadata=query("limit"))
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://nova/v2.1")
        >>> url(client, "os-keypairs", query=ListOpts(limit=2), of=ListOpts)
        'https://nova/v2.1/os-keypairs?limit=2'
    """
    base = client.service_url(*parts)
    if query is None:
        return base
    return with_query(base, build_query(query, client=client, of=of))


def with_query(url: str, pairs: Iterable[tuple[str, str]]) -> str:
    """Append query parameters (as :func:`build_query` returns them) to ``url``.

    Example:
        >>> with_query("https://nova.example/v2.1/servers", [("limit", "10"), ("name", "a b")])
        'https://nova.example/v2.1/servers?limit=10&name=a+b'
        >>> with_query("https://n/servers?all_tenants=true", [("limit", "1")])
        'https://n/servers?all_tenants=true&limit=1'
        >>> with_query("https://n/servers", [])
        'https://n/servers'
    """
    encoded = urlencode(list(pairs))
    if not encoded:
        return url
    return f"{url}{'&' if '?' in url else '?'}{encoded}"
