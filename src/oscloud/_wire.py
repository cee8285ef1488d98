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
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal
from urllib.parse import urlencode

import attrs

from oscloud._time import http_date, isoformat_z
from oscloud.errors import MissingInputError

__all__ = [
    "NULL",
    "Location",
    "NullType",
    "Wire",
    "body",
    "build_body",
    "build_headers",
    "build_query",
    "comma_list",
    "header",
    "query",
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
    """Where one option field goes: location, wire name, and rules."""

    location: Location
    name: str
    required: bool = False
    encode: Callable[[Any], Any] | None = None
    prefix: bool = False


def body(
    name: str, *, required: bool = False, encode: Callable[[Any], Any] | None = None
) -> dict[str, Wire]:
    """Metadata for a field sent as the JSON member ``name``.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     image_ref: str = attrs.field(metadata=body("imageRef", required=True))
        >>> build_body(Opts(image_ref="img"), "server")
        {'server': {'imageRef': 'img'}}
    """
    return {WIRE_KEY: Wire("body", name, required, encode)}


def query(
    name: str, *, required: bool = False, encode: Callable[[Any], Any] | None = None
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
        >>> build_query(ListOpts(limit=10, all_tenants=True))
        [('limit', '10'), ('all_tenants', 'true')]
    """
    return {WIRE_KEY: Wire("query", name, required, encode)}


def header(
    name: str,
    *,
    required: bool = False,
    encode: Callable[[Any], Any] | None = None,
    prefix: bool = False,
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
        >>> build_headers(Opts(meta={"Color": "blue"}))
        {'X-Object-Meta-Color': 'blue'}
    """
    return {WIRE_KEY: Wire("header", name, required, encode, prefix)}


def comma_list(values: Iterable[Any]) -> str:
    """Encode a list as one comma-separated value (``tags=a,b``).

    Example:
        >>> comma_list(["a", "b"])
        'a,b'
    """
    return ",".join(str(v) for v in values)


def build_body(opts: Any, root: str | None = None) -> dict[str, Any]:
    """Build the JSON body from the fields of ``opts`` marked with :func:`body`.

    Nested option objects are built the same way; lists of them too. ``None`` fields are
    left out; :data:`NULL` becomes ``null``; enums give their value, datetimes ISO 8601 UTC
    with a ``Z``. A required field that is ``None`` raises
    :class:`~oscloud.errors.MissingInputError` naming it; a value JSON cannot carry raises
    :class:`TypeError`.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     name: str | None = attrs.field(default=None, metadata=body("name"))
        ...     description: object = attrs.field(default=None, metadata=body("description"))
        >>> build_body(Opts(name="vol", description=NULL), "volume")
        {'volume': {'name': 'vol', 'description': None}}
    """
    built = _body_of(opts)
    return {root: built} if root is not None else built


def build_query(opts: Any) -> list[tuple[str, str]]:
    """Build query parameters (name, value pairs, in field order) from ``opts``.

    An empty list sends nothing, like ``None``.

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class ListOpts:
        ...     tags: list[str] | None = attrs.field(default=None,
        ...         metadata=query("tags", encode=comma_list))
        >>> build_query(ListOpts(tags=["a", "b"]))
        [('tags', 'a,b')]
    """
    pairs: list[tuple[str, str]] = []
    for where, wire, value in _wired(opts, "query"):
        if _is_sequence(value) and not value:
            continue
        value = _encoded(wire, value)
        items = value if _is_sequence(value) else (value,)
        pairs.extend((wire.name, _text(item, where, "query")) for item in items)
    return pairs


def build_headers(opts: Any) -> dict[str, str]:
    """Build request headers from the fields of ``opts`` marked with :func:`header`.

    Booleans are ``true``/``false``, datetimes RFC 1123 dates. A prefix field needs a
    mapping (an empty one sends nothing).

    Example:
        >>> import attrs
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     delete_after: int | None = attrs.field(default=None,
        ...         metadata=header("X-Delete-After"))
        >>> build_headers(Opts(delete_after=60))
        {'X-Delete-After': '60'}
    """
    headers: dict[str, str] = {}
    for where, wire, value in _wired(opts, "header"):
        value = _encoded(wire, value)
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


def _wired(opts: Any, location: Location) -> Iterator[tuple[str, Wire, Any]]:
    """Yield (``Class.field``, wire, value) for the fields of ``opts`` at ``location`` given."""
    for field in attrs.fields(type(opts)):
        wire = field.metadata.get(WIRE_KEY)
        if wire is None or wire.location != location:
            continue
        where = f"{type(opts).__name__}.{field.name}"
        value = getattr(opts, field.name)
        if value is None:
            if wire.required:
                raise MissingInputError(f"{where} is required")
            continue
        yield where, wire, value


def _encoded(wire: Wire, value: Any) -> Any:
    return wire.encode(value) if wire.encode is not None and value is not NULL else value


def _is_sequence(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, frozenset))


def _body_of(opts: Any) -> dict[str, Any]:
    return {
        wire.name: _json_value(_encoded(wire, value), where)
        for where, wire, value in _wired(opts, "body")
    }


def _nested_body(opts: Any, where: str) -> dict[str, Any]:
    """The body of an option object inside another: every field it was given must go in."""
    for field in attrs.fields(type(opts)):
        wire = field.metadata.get(WIRE_KEY)
        if (wire is None or wire.location != "body") and getattr(opts, field.name) is not None:
            raise TypeError(
                f"{where}: {type(opts).__name__}.{field.name} is not a body field, so it "
                "cannot be sent inside a JSON body"
            )
    return _body_of(opts)


def _json_value(value: Any, where: str) -> Any:
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
        return _nested_body(value, where)
    if isinstance(value, Mapping):
        return {str(k): _json_value(v, f"{where}[{k!r}]") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, (set, frozenset)):
        return [_json_value(item, where) for item in sorted(value, key=str)]
    raise TypeError(f"{where}: a {type(value).__name__} cannot be sent in a JSON body")


def _text(value: Any, where: str, location: Location) -> str:
    """One query or header value as text; refuses what would arrive garbled."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum) and value is not NULL:
        return str(value.value)
    if isinstance(value, _dt.datetime):
        return http_date(value) if location == "header" else isoformat_z(value)
    if isinstance(value, (str, int, float)):
        return str(value)
    if value is NULL or value is None:
        raise TypeError(f"{where}: {value!r} cannot be sent as a {location} value")
    if isinstance(value, (Mapping, bytes, bytearray, list, tuple, set, frozenset)) or attrs.has(
        type(value)
    ):
        raise TypeError(f"{where}: a {type(value).__name__} cannot be sent as a {location} value")
    return str(value)  # UUID, Decimal and the like


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
