"""For any JSON body and any header, reading a response raises only InvalidResponseError.

The readers are found, not listed: every class under :mod:`oscloud.openstack` that is a
``Result`` (its ``extract()``), a ``Page`` (``extract()``, ``is_empty()``,
``next_url()``), or a model with ``from_json`` / ``from_headers`` (built the way results
build them, then every field read, lazy ones included, every property and ``repr``), and
every module-level ``extract_*`` function. Each is fed hostile values in the members it
reads (huge and infinite numbers, out-of-range timestamps, wrong types, deep nesting,
URLs ``urljoin`` refuses) and arbitrary JSON; for header models, hostile header text.

Whatever happens, the only exception that may escape is
:class:`~oscloud.errors.InvalidResponseError`. Data each reader documents as valid
(generated from the field declarations of ``oscloud._model`` models) raises nothing.

The classes of defects behind it (issue 11): deep nesting escaping as ``RecursionError``
(3), ``OverflowError`` from numbers and timestamps (6), and one bad header making a
download unreadable (9). The end-to-end cases over a loopback server are at the bottom.

A few examples per reader keep the run short (about ten seconds); hypothesis draws new
ones each run. ``OSCLOUD_HOSTILE_EXAMPLES=500`` fuzzes for longer.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import importlib
import inspect
import io
import logging
import os
import pkgutil
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import attrs
import pytest
import requests
import urllib3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import oscloud.openstack
from oscloud import _model as _model_module
from oscloud import _readers as read
from oscloud._lazy import LazyFields
from oscloud._model import json_fields
from oscloud._time import to_utc
from oscloud.errors import InvalidResponseError, NotFoundError
from oscloud.openstack.compute.v2 import flavors, servers
from oscloud.openstack.objectstorage.v1 import _common, containers, objects
from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result, build_checked, parse_json
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.server import FakeServer, Reply

#: Examples per reader; ``OSCLOUD_HOSTILE_EXAMPLES=500`` for a long fuzzing run.
EXAMPLES = int(os.environ.get("OSCLOUD_HOSTILE_EXAMPLES", "8"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
URL = "https://cloud.example/v2.1/servers/detail?limit=2"

# -- discovery ---------------------------------------------------------------------------


def _modules() -> list[ModuleType]:
    names = pkgutil.walk_packages(oscloud.openstack.__path__, "oscloud.openstack.")
    return [importlib.import_module(info.name) for info in names]


def _own_classes(module: ModuleType) -> Iterator[type]:
    for obj in vars(module).values():
        if inspect.isclass(obj) and obj.__module__ == module.__name__:
            yield obj


MODULES = _modules()
RESULTS = sorted(
    {
        cls
        for module in MODULES
        for cls in _own_classes(module)
        if issubclass(cls, Result) and not issubclass(cls, ErrResult)
    },
    key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
)
PAGES = sorted(
    {cls for module in MODULES for cls in _own_classes(module) if issubclass(cls, Page)},
    key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
)
MODELS = sorted(
    {
        cls
        for module in MODULES
        for cls in _own_classes(module)
        if not issubclass(cls, (Result, Page, BaseException))
        and (callable(getattr(cls, "from_json", None)) or hasattr(cls, "from_headers"))
    },
    key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
)
EXTRACTORS = sorted(
    {
        function
        for module in MODULES
        for name, function in vars(module).items()
        if name.startswith("extract_")
        and inspect.isfunction(function)
        and function.__module__ == module.__name__
    },
    key=lambda function: f"{function.__module__}.{function.__name__}",
)


def _name(obj: Any) -> str:
    return f"{obj.__module__.removeprefix('oscloud.openstack.')}.{obj.__qualname__}"


def _literals(module_name: str) -> tuple[str, ...]:
    """Every short string constant of a module: the members and headers its code reads."""
    return _module_literals(sys.modules[module_name].__file__ or "")


@functools.cache
def _module_literals(path: str) -> tuple[str, ...]:
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read())
    found = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and 0 < len(node.value) <= 60
        and not any(c.isspace() for c in node.value)
    }
    return tuple(sorted(found))


def _declared(cls: Any) -> dict[str, Any]:
    """The model's field declarations (``oscloud._model``), or nothing for other classes."""
    if not attrs.has(cls):
        return {}
    return json_fields(cls)


# -- hostile values -----------------------------------------------------------------------

HOSTILE_TEXT = (
    "",
    " ",
    "yesterday",
    "9999-12-31T23:59:59-01:00",
    "9999-12-31T23:59:59.1234567-01:00",
    "0001-01-01T00:00:00+01:00",
    "Fri, 31 Dec 9999 23:59:59 -0100",
    "2024-02-30T00:00:00Z",
    "1e999",
    "-Infinity",
    "NaN",
    "inf",
    "-1",
    "9" * 45,
    "1.5",
    "0x10",
    "true",
    "null",
    "[",
    "{",
    "http://[::1",
    "//[",
    "%",
    "\x00",
    "caf\xc3\xa9",
    "\u2603",
    "\u0661\u0662",
    "next",
)
HOSTILE_NUMBERS = (
    0,
    -1,
    2**63,
    -(2**63),
    1e308,
    -1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    -0.0,
    5e-324,
    1.5,
)


def _nested(depth: int, leaf: Any, in_objects: bool) -> Any:
    value = leaf
    for _ in range(depth):
        value = {"a": value} if in_objects else [value]
    return value


#: Numbers too large for a float (``float(10**400)`` overflows), and digit strings too
#: long for ``int()`` (4,300 digits at most): made when drawn, to keep reprs short.
HUGE_NUMBERS = st.integers(400, 450).map(lambda digits: 10**digits * (-1) ** digits)
HUGE_DIGITS = st.integers(4_301, 4_400).map(lambda digits: "9" * digits)
HOSTILE = st.one_of(
    st.sampled_from(HOSTILE_NUMBERS),
    st.sampled_from(HOSTILE_TEXT),
    HUGE_NUMBERS,
    HUGE_DIGITS,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    HOSTILE,
    st.integers(),
    st.floats(),
    st.text(max_size=12),
)
#: Nesting no service sends, shallow enough for Python to parse (a thousand levels is not).
DEEP = st.builds(_nested, st.sampled_from([40, 400]), HOSTILE, st.booleans())


@functools.cache
def _json(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """Any JSON value, small, whose objects use ``keys``; sometimes nested deeply."""
    nested = st.recursive(
        SCALARS,
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=4)
        ),
        max_leaves=6,
    )
    return st.one_of(nested, DEEP)


ANY_KEY = st.text(max_size=8)
ANY_JSON = _json(ANY_KEY)


#: A next link: what ``urljoin`` refuses (``http://[::1``), relative ones, or anything.
HREF = st.one_of(
    st.sampled_from(["http://[::1", "//[", "https://h]/", "../x", "?marker=a", "//h/x"]),
    st.sampled_from(HOSTILE_TEXT),
    ANY_JSON,
)
#: What a page's links member may hold: Nova's list, Keystone's object, or anything.
LINKS = st.one_of(
    st.builds(lambda href: [{"rel": "next", "href": href}], HREF),
    st.lists(st.fixed_dictionaries({"rel": st.sampled_from(["next", "self"]), "href": HREF})),
    st.fixed_dictionaries({"next": HREF}),
    ANY_JSON,
)


@functools.cache
def _member(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """A member's value: mostly a hostile scalar, else a small container or deep nesting."""
    small = st.lists(SCALARS, max_size=2) | st.dictionaries(keys, SCALARS, max_size=2)
    return st.one_of(SCALARS, small, DEEP)


@functools.cache
def _object_of(cls: Any) -> st.SearchStrategy[Any]:
    """A JSON object with the members ``cls`` reads, holding hostile values, and others."""
    literals = _literals(cls.__module__)
    keys = st.sampled_from(literals) if literals else ANY_KEY
    value = _member(keys)
    extra = st.dictionaries(keys, _json(keys), max_size=2)
    declared = sorted({info.key for info in _declared(cls).values() if info.key is not None})
    if not declared:
        return extra  # members only its code names: a few of them at a time
    known = st.fixed_dictionaries({}, optional=dict.fromkeys(declared, value))
    return st.builds(lambda a, b: {**b, **a}, known, extra)


@functools.cache
def _headers_of(cls: Any) -> st.SearchStrategy[dict[str, str]]:
    """Response headers: the ones ``cls`` reads, and its module's, with hostile text."""
    names = {info.key for info in _declared(cls).values() if info.key is not None}
    names |= {n for n in _literals(cls.__module__) if n[:1].isupper() and "-" in n}
    names |= {"Content-Length", "X-Timestamp", "Last-Modified", "Etag", "X-Object-Meta-A"}
    value = st.one_of(
        st.sampled_from(HOSTILE_TEXT),
        HUGE_DIGITS,
        st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=12),
    )
    return st.fixed_dictionaries({}, optional=dict.fromkeys(sorted(names), value))


@functools.cache
def _body_for(cls: Any, key: str | None, model: Any, listed: bool) -> st.SearchStrategy[Any]:
    """A body for a result (``listed=False``) or page of ``model`` under ``key``."""
    item = _object_of(model) if model is not None else _object_of(cls)
    inner: st.SearchStrategy[Any] = st.lists(item, max_size=3) if listed else item
    if key is None:
        shaped = inner
    elif listed:  # a page: its links, Nova's way or Keystone's
        names = st.sampled_from([f"{key}_links", "links"])
        shaped = st.builds(lambda items, at, links: {key: items, at: links}, inner, names, LINKS)
    else:
        shaped = st.fixed_dictionaries({key: inner})
    return st.one_of(shaped, shaped, ANY_JSON, _object_of(cls))


# -- what may escape ------------------------------------------------------------------------


def _survive(action: Callable[[], Any]) -> Any:
    """Run ``action``; InvalidResponseError is allowed, anything else fails the test."""
    try:
        return action()
    except InvalidResponseError:
        return None


def _touch(value: Any, depth: int = 0) -> None:
    """Read everything a caller could read of ``value``: fields, properties, ``repr``."""
    if depth > 3 or value is None:
        return
    if isinstance(value, (list, tuple)):
        for item in value[:4]:
            _touch(item, depth + 1)
        return
    if isinstance(value, dict):
        for item in list(value.values())[:4]:
            _touch(item, depth + 1)
        return
    cls = type(value)
    if not attrs.has(cls):
        return
    for attribute in attrs.fields(cls):
        _touch(_survive(functools.partial(getattr, value, attribute.name)), depth + 1)
    for name, member in inspect.getmembers(cls):
        if isinstance(member, (property, functools.cached_property)):
            _survive(functools.partial(getattr, value, name))
    _survive(functools.partial(repr, value))


# -- the properties -------------------------------------------------------------------------


@pytest.mark.parametrize("cls", RESULTS, ids=_name)
@SETTINGS
@given(data=st.data())
def test_result_extract_raises_only_invalid_response(cls: type[Result[Any]], data: Any) -> None:
    body = data.draw(_body_for(cls, cls.resource_key, cls.model, listed=False), "body")
    headers = data.draw(_headers_of(cls.model or cls), "headers")
    result = cls(body=body, headers=headers, status_code=200)

    _touch(_survive(result.extract))


@pytest.mark.parametrize("cls", PAGES, ids=_name)
@SETTINGS
@given(data=st.data())
def test_page_reading_raises_only_invalid_response(cls: type[Page[Any]], data: Any) -> None:
    body = data.draw(_body_for(cls, cls.resource_key, cls.model, listed=True), "body")
    page = cls(url=URL, body=body, headers=data.draw(_headers_of(cls), "headers"))

    _survive(page.is_empty)
    _survive(page.next_url)
    _touch(_survive(page.extract))


@pytest.mark.parametrize("cls", MODELS, ids=_name)
@settings(SETTINGS, max_examples=2 * EXAMPLES)
@given(data=st.data())
def test_model_reads_raise_only_invalid_response(cls: Any, data: Any) -> None:
    if hasattr(cls, "from_headers"):  # reads no header at once: building never fails
        headers = data.draw(_headers_of(cls), "headers")
        built = build_checked(cls.from_headers, headers, cls.__name__)
    else:
        item = data.draw(st.one_of(_object_of(cls), ANY_JSON), "item")
        built = _survive(lambda: build_checked(cls.from_json, item, cls.__name__))

    _touch(built)


def _model_names(model: Any) -> tuple[str, ...]:
    """A model class's names: its own, and the one it gives itself (``ObjectEntry``)."""
    return (getattr(model, "__name__", ""), str(getattr(model, "__dict__", {}).get("__name__")))


def _extractor_inputs(function: Callable[..., Any]) -> list[type]:
    """The result or page classes to feed an ``extract_*`` function: those of its model
    (``Page[Server]``) in its module, else in its service, else the base classes."""
    parameter = str(next(iter(inspect.signature(function).parameters.values())).annotation)
    wanted = Page if "Page" in parameter else Result
    pool = PAGES if wanted is Page else RESULTS
    model = parameter.partition("[")[2].rstrip("]")
    module = function.__module__
    service = ".".join(module.split(".")[:4])
    for scope in (module, service):
        found = [
            cls
            for cls in pool
            if cls.__module__.startswith(scope) and model in ("Any", *_model_names(cls.model))
        ]
        if found:
            return found
    return [SinglePage if wanted is Page else Result]


@pytest.mark.parametrize("function", EXTRACTORS, ids=_name)
@SETTINGS
@given(data=st.data())
def test_extract_functions_raise_only_invalid_response(
    function: Callable[[Any], Any], data: Any
) -> None:
    cls = data.draw(st.sampled_from(_extractor_inputs(function)), "class")
    key, model = getattr(cls, "resource_key", None), getattr(cls, "model", None)
    if issubclass(cls, Page):
        body = data.draw(_body_for(function, key, model, listed=True), "body")
        given_in: Any = cls(url=URL, body=body)
    else:
        body = data.draw(_body_for(function, key, model, listed=False), "body")
        given_in = cls(body=body, headers=data.draw(_headers_of(cls), "headers"))

    _touch(_survive(lambda: function(given_in)))


# -- valid data reads without an error --------------------------------------------------------

_TIMES = st.datetimes(
    min_value=dt.datetime(1971, 1, 1), max_value=dt.datetime(9998, 12, 31)
)  # naive: OpenStack's way, UTC
_VALID_TIMESTAMP = st.one_of(
    st.none(),
    st.just(""),
    _TIMES.map(lambda t: t.isoformat()),
    _TIMES.map(lambda t: t.replace(microsecond=0).isoformat() + "Z"),
    _TIMES.map(lambda t: t.replace(tzinfo=dt.timezone(dt.timedelta(hours=-5))).isoformat()),
    st.integers(0, 2**33),
)
_VALID_HEADER_TIMESTAMP = st.one_of(
    _TIMES.map(lambda t: t.strftime("%a, %d %b %Y %H:%M:%S GMT")),
    st.integers(0, 2**33).map(str),
    st.floats(0, 2**33).map(lambda seconds: f"{seconds:.5f}"),
)
_TEXT = st.text(max_size=10)
_HEADER_TEXT = st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=10)
_VALID: dict[Any, st.SearchStrategy[Any]] = {
    read.integer: st.integers(-(2**40), 2**40) | st.integers(0, 10**9).map(str),
    read.optional_integer: st.none() | st.just("") | st.integers(),
    read.number: st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**40), 2**40),
    read.optional_number: st.none() | st.floats(allow_nan=False, allow_infinity=False),
    read.boolean: st.booleans() | st.sampled_from(["true", "false", "True", "False"]),
    read.optional_boolean: st.none() | st.booleans(),
    read.text: _TEXT,
    read.timestamp: _VALID_TIMESTAMP,
    read.mapping: st.none() | st.dictionaries(_TEXT, _TEXT | st.integers(), max_size=3),
    read.strings: st.none() | st.lists(_TEXT, max_size=3),
    _common.header_text: _TEXT,
    _common.normalize_etag: st.none() | _TEXT,
    _common.flag: st.booleans() | _TEXT,
}
_VALID_HEADER: dict[Any, st.SearchStrategy[str]] = {
    read.integer: st.integers(0, 2**50).map(str),
    read.optional_integer: st.integers(0, 2**50).map(str) | st.just(""),
    read.timestamp: _VALID_HEADER_TIMESTAMP,
}


def _closure(function: Any) -> dict[str, Any]:
    cells = getattr(function, "__closure__", None) or ()
    values = [cell.cell_contents for cell in cells]
    return dict(zip(function.__code__.co_freevars, values, strict=True))


def _valid_for_reader(reader: Any) -> st.SearchStrategy[Any] | None:
    """Valid JSON for a reader of ``oscloud._readers``, or ``None`` for one we don't know."""
    if reader is None:
        return ANY_JSON  # a plain field keeps whatever JSON it is given
    if reader in _VALID:
        return _VALID[reader]
    qualname = getattr(reader, "__qualname__", "")
    if qualname not in ("model.<locals>.read", "tuple_of.<locals>.read"):
        return None
    build = _closure(reader)["build"]
    nested = getattr(build, "__self__", None)
    if inspect.isclass(nested) and getattr(build, "__name__", "") == "from_json":
        item = _valid_object(nested)
    else:
        item = _valid_for_reader(build)
    if item is None:
        return None
    if qualname.startswith("model"):
        return st.none() | item
    return st.none() | st.lists(item, max_size=2)


def _is_declared_model(cls: Any) -> bool:
    """Whether ``from_json`` was generated by ``oscloud._model.model``."""
    if not attrs.has(cls):
        return False
    if issubclass(cls, LazyFields):
        return bool(cls.readers)
    function = getattr(vars(cls).get("from_json"), "__func__", None)
    generated_in = {"<string>", _model_module.__file__}  # written out, or its stand-in
    return function is not None and function.__code__.co_filename in generated_in


@functools.cache
def _valid_object(cls: Any) -> st.SearchStrategy[Any] | None:
    """A JSON object every field of ``cls`` reads; ``None`` when a field's reader is unknown."""
    if not _is_declared_model(cls):
        return None
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for attribute in attrs.fields(cls):
        info = json_fields(cls)[attribute.name]
        if info.whole:
            continue  # it reads other members, given below or left out
        has_default = attribute.default is not attrs.NOTHING
        strategy = _valid_for_reader(info.read)
        if strategy is None:
            if not has_default:
                return None
            continue  # a reader of its own: leave the member out, the default holds
        (optional if has_default else required)[info.key] = strategy
    return st.fixed_dictionaries(required, optional=optional)


@functools.cache
def _valid_headers(cls: Any) -> st.SearchStrategy[dict[str, str]]:
    optional: dict[str, st.SearchStrategy[str]] = {}
    for info in json_fields(cls).values():
        if info.key is not None:
            optional[info.key] = _VALID_HEADER.get(info.read, _HEADER_TEXT)
    optional["X-Object-Meta-Color"] = _HEADER_TEXT
    return st.fixed_dictionaries({}, optional=optional)


VALID_MODELS = [cls for cls in MODELS if _valid_object(cls) is not None]


def _read_all(value: Any, depth: int = 0) -> None:
    """Read every field, lazy ones included, and ``repr``: nothing may raise."""
    if depth > 3 or not attrs.has(type(value)):
        return
    for attribute in attrs.fields(type(value)):
        field_value = getattr(value, attribute.name)
        for item in field_value if isinstance(field_value, tuple) else (field_value,):
            _read_all(item, depth + 1)
    repr(value)


@pytest.mark.parametrize("cls", VALID_MODELS, ids=_name)
@settings(SETTINGS, max_examples=max(EXAMPLES // 2, 1))
@given(data=st.data())
def test_valid_data_reads_without_error(cls: Any, data: Any) -> None:
    if hasattr(cls, "from_headers"):
        built = cls.from_headers(data.draw(_valid_headers(cls), "headers"))
    else:
        strategy = _valid_object(cls)
        assert strategy is not None
        built = cls.from_json(data.draw(strategy, "item"))

    _read_all(built)


@SETTINGS
@given(headers=_headers_of(objects.ObjectHeader))
def test_a_download_reads_its_body_whatever_its_headers(headers: dict[str, str]) -> None:
    response = requests.Response()
    response.raw = urllib3.HTTPResponse(body=io.BytesIO(b"hello"), preload_content=False)
    response.url = "https://swift.example/v1/AUTH_a/c/o"
    totals: list[int | None] = []
    download = objects.DownloadResult(
        headers=headers,
        status_code=200,
        response=response,
        what="GET c/o",
        progress=lambda done, total: totals.append(total),
    )

    assert download.read() == b"hello"
    assert all(total is None or total >= 0 for total in totals)


def test_every_kind_of_reader_is_found() -> None:
    names = {cls.__name__ for cls in [*RESULTS, *PAGES, *MODELS]}

    assert {"ServerResult", "ServerPage", "Server", "Flavor", "ObjectHeader"} <= names
    assert {"Account", "ContainerHeader", "DownloadResult", "VolumePage"} <= names
    assert len(RESULTS) > 50 and len(PAGES) > 25 and len(MODELS) > 60
    assert len(EXTRACTORS) > 30 and len(VALID_MODELS) > 40


# -- the core pieces ---------------------------------------------------------------------------


@SETTINGS
@given(text=st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=40)))
def test_timestamps_are_read_or_refused_with_value_error(text: str) -> None:
    try:
        parsed = to_utc(text)
    except ValueError:
        return

    assert parsed.tzinfo is dt.timezone.utc


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31T23:59:59-01:00",
        "9999-12-31T23:59:59-0100",
        "0001-01-01T00:00:00+01:00",
        "Fri, 31 Dec 9999 23:59:59 -0100",
        "9" * 4_400,
        1e999,
        10**400,
        dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-2))),
    ],
)
def test_out_of_range_timestamps_are_value_errors(value: Any) -> None:
    with pytest.raises(ValueError, match="not a timestamp"):
        to_utc(value)


@pytest.mark.parametrize("depth", [100_000, 400_000])
@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_json_nested_too_deeply_is_a_value_error(depth: int, opener: str) -> None:
    # Python 3.12 parses 1,000 levels that 3.11 refuses; every version refuses these.
    closer = "]" if opener == "[" else "}"
    text = opener * depth + "1" * (opener != "[") + closer * depth

    with pytest.raises(ValueError, match="nested too deeply"):
        parse_json(text)


# -- end to end, over a loopback server ---------------------------------------------------------

JSON = {"Content-Type": "application/json"}


def _deep(prefix: bytes, suffix: bytes, depth: int = 100_000) -> bytes:
    return prefix + b"[" * depth + b"]" * depth + suffix


@pytest.fixture(params=[logging.INFO, logging.DEBUG], ids=["quiet", "debug-log"])
def log_level(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> int:
    """Each case runs twice: the DEBUG log parses and prints bodies too."""
    caplog.set_level(request.param, logger="oscloud")
    return int(request.param)


@pytest.mark.parametrize("depth", [100_000, 950])
def test_a_deeply_nested_body_is_an_invalid_response(
    server: FakeServer, compute_client: ServiceClient, log_level: int, depth: int
) -> None:
    body = _deep(b'{"server": {"id": "a", "metadata": ', b"}}", depth)
    server.route("GET", "/compute/v2.1/servers/a", Reply(200, body, JSON))

    result = servers.get(compute_client, "a")

    with pytest.raises(InvalidResponseError) as caught:
        _ = result.extract().metadata
    assert len(server.received("GET", "/compute/v2.1/servers/a")) == 1
    if depth > 1_000:
        assert str(caught.value).startswith("GET http://127.0.0.1:")
        assert "/compute/v2.1/servers/a: the response is not valid JSON" in str(caught.value)


def test_a_deeply_nested_listing_page_is_an_invalid_response(
    server: FakeServer, compute_client: ServiceClient, log_level: int
) -> None:
    body = _deep(b'{"servers": [{"id": "a", "metadata": ', b"}]}")
    server.route("GET", "/compute/v2.1/servers/detail", Reply(200, body, JSON))

    with pytest.raises(InvalidResponseError, match=r"the listing is not JSON.*nested too deeply"):
        list(servers.list(compute_client).items())
    assert len(server.received("GET", "/compute/v2.1/servers/detail")) == 1


def test_a_deeply_nested_error_body_still_gives_the_status_error(
    server: FakeServer, compute_client: ServiceClient, log_level: int
) -> None:
    body = _deep(b'{"itemNotFound": {"message": ', b"}}")
    server.route("GET", "/compute/v2.1/servers/a", Reply(404, body, JSON))

    result = servers.get(compute_client, "a")

    with pytest.raises(NotFoundError, match=r"^GET http://127.0.0.1:\d+/compute/v2.1/servers/a"):
        result.extract()


@pytest.mark.parametrize(
    ("path", "body", "read"),
    [
        (
            "/compute/v2.1/servers/a",
            b'{"server": {"id": "a", "progress": 1e999}}',
            lambda client: servers.get(client, "a").extract().progress,
        ),
        (
            "/compute/v2.1/servers/a",
            b'{"server": {"id": "a", "created": "9999-12-31T23:59:59-01:00"}}',
            lambda client: servers.get(client, "a").extract().created,
        ),
        (
            "/compute/v2.1/flavors/f",
            b'{"flavor": {"id": "f", "name": "x", "ram": 1, "swap": -Infinity}}',
            lambda client: flavors.get(client, "f").extract(),
        ),
    ],
    ids=["progress-1e999", "timestamp-out-of-range", "swap-minus-infinity"],
)
def test_numbers_and_times_out_of_range_are_invalid_responses(
    server: FakeServer,
    compute_client: ServiceClient,
    path: str,
    body: bytes,
    read: Callable[[ServiceClient], Any],
) -> None:
    server.route("GET", path, Reply(200, body, JSON))

    with pytest.raises(InvalidResponseError, match="cannot read the response: ValueError"):
        read(compute_client)


@pytest.fixture
def swift(provider: Any) -> ServiceClient:
    return make_service_client(provider, "object-store", "/v1/AUTH_a")


BAD_HEADERS = [
    {"X-Timestamp": "yesterday"},
    {"X-Timestamp": "9999-12-31T23:59:59-01:00"},
    {"Last-Modified": "Fri, 31 Dec 9999 23:59:59 -0100"},
    {"X-Delete-At": "1e999"},
    {"Content-Length": "5, 5"},
]


@pytest.mark.parametrize("bad", BAD_HEADERS, ids=lambda headers: "=".join(*headers.items()))
def test_a_bad_header_never_makes_a_download_unreadable(
    server: FakeServer, swift: ServiceClient, bad: dict[str, str]
) -> None:
    etag = "5d41402abc4b2a76b9719d911017c592"  # MD5 of b"hello": the body is checked
    headers = {"Etag": etag, "Connection": "close", **bad}  # a length it can't read: to close
    server.route("GET", "/v1/AUTH_a/c/o", Reply(200, b"hello", headers))
    seen: list[tuple[int, int | None]] = []

    download = objects.download(swift, "c", "o", progress=lambda *args: seen.append(args))

    assert download.read() == b"hello"
    assert seen[-1][0] == 5


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("X-Timestamp", "created_at"),
        ("Last-Modified", "last_modified"),
        ("X-Delete-At", "delete_at"),
        ("Content-Length", "content_length"),
    ],
)
def test_a_bad_header_raises_when_its_field_is_read_and_only_then(
    server: FakeServer, swift: ServiceClient, header: str, field: str
) -> None:
    headers = {"Etag": '"ABC"', "X-Object-Meta-Color": "blue", header: "yesterday"}
    server.route("HEAD", "/v1/AUTH_a/c/o", Reply(200, b"", headers))

    found = objects.get(swift, "c", "o").extract()

    assert (found.etag, found.metadata["color"]) == ("abc", "blue")
    with pytest.raises(InvalidResponseError, match=rf"ObjectHeader\.{field}: cannot read"):
        getattr(found, field)


def test_a_bad_container_count_raises_only_when_read(
    server: FakeServer, swift: ServiceClient
) -> None:
    headers = {"X-Container-Object-Count": "many", "X-Container-Bytes-Used": "26"}
    server.route("HEAD", "/v1/AUTH_a/c", Reply(204, None, headers))

    found = containers.get(swift, "c").extract()

    assert found.bytes_used == 26
    with pytest.raises(InvalidResponseError, match=r"ContainerHeader\.object_count"):
        _ = found.object_count
