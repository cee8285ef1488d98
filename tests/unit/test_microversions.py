"""Every option field that declares a microversion range is refused outside it, sent inside.

The table is the option classes themselves: each field whose wire metadata has a
``min_version`` or ``max_version`` (nested option classes too) is one case, run through
every operation that takes its class. One version below ``min_version`` (or one above
``max_version``) the operation raises ``MicroversionError`` naming the field and sends
nothing; at the version itself the field reaches the server under its wire name.
"""

from __future__ import annotations

import builtins
import datetime as dt
import enum
import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import pytest

import oscloud.openstack
from oscloud import errors
from oscloud._wire import WIRE_KEY, Wire
from oscloud.pagination import Pager
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient, parse_microversion
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import FakeServer

#: Service type and base microversion of each versioned service, by package.
SERVICES = {
    "oscloud.openstack.compute.": ("compute", "2.1"),
    "oscloud.openstack.blockstorage.": ("block-storage", "3.0"),
}

#: Values that the generic samples below cannot give (a field with a format of its own),
#: by ``(package.Class, field)``.
VALUES: dict[tuple[str, str], Any] = {
    ("servers.UnshelveOpts", "availability_zone"): "nova",
    ("servergroups.CreateOpts", "rules"): {"max_server_per_host": 1},
}

#: Other fields a versioned field needs beside it, by ``(package.Class, field)``; ``"*"``
#: for what every instance of the class needs.
COMPANIONS: dict[tuple[str, str], dict[str, Any]] = {
    ("servergroups.CreateOpts", "rules"): {"policy": "anti-affinity"},
    ("servers.CreateOpts", "*"): {"image_ref": "70a599e0-31e7-49b7-b260-868f441e862b"},
    ("servers.Network", "*"): {"uuid": "ff608d40-75e9-48cb-b745-77bb55b5eaf2"},
    ("volumes.CreateOpts", "*"): {"size": 1},
}

#: Operations that cannot be called with generic arguments.
SKIPPED_OPERATIONS = frozenset({"find", "id_from_name", "wait_for_status", "wait_for_delete"})


# -- the table, from the option classes ------------------------------------------------


def _operation_modules() -> Iterator[types.ModuleType]:
    for info in pkgutil.walk_packages(oscloud.openstack.__path__, "oscloud.openstack."):
        if info.name.rsplit(".", 1)[-1] in ("requests", "actions") and any(
            info.name.startswith(prefix) for prefix in SERVICES
        ):
            yield importlib.import_module(info.name)


def _wire(field: attrs.Attribute[Any]) -> Wire | None:
    wire = field.metadata.get(WIRE_KEY)
    return wire if isinstance(wire, Wire) else None


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _key(cls: type) -> str:
    """``package.Class``: option class names repeat from package to package."""
    return f"{cls.__module__.split('.')[-2]}.{cls.__name__}"


def _options_classes(annotation: Any) -> list[type]:
    """The option classes an annotation admits (``X | None``, ``Sequence[X]`` …)."""
    if isinstance(annotation, type) and attrs.has(annotation):
        return [annotation]
    found: list[type] = []
    for arg in typing.get_args(annotation):
        found.extend(_options_classes(arg))
    return found


def _is_sequence(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_is_sequence(a) for a in typing.get_args(annotation) if a is not type(None))
    return origin in (list, tuple, Sequence, builtins.list)


def _sample(cls: type, name: str, annotation: Any) -> Any:
    """A value of ``annotation`` for ``cls.name`` that its rules accept."""
    if (_key(cls), name) in VALUES:
        return VALUES[(_key(cls), name)]
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        for arg in args:  # prefer the richest form: an enum, then the plain type
            if isinstance(arg, type) and issubclass(arg, enum.Enum):
                return next(iter(arg))
        return _sample(cls, name, args[0])
    if origin is typing.Literal:
        return args[0]
    if origin in (list, tuple, Sequence, set, frozenset, builtins.list):
        return [_sample(cls, name, args[0] if args else str)]
    if origin in (dict, Mapping):
        return {"key1": "value1"}
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return next(iter(annotation))
        if attrs.has(annotation):
            return _instance(annotation, {})
        if annotation is bool:
            return True
        if annotation is int:
            return 1
        if annotation is float:
            return 1.0
        if annotation is dt.datetime:
            return dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc)
        if annotation is dt.date:
            return dt.date(2024, 1, 2)
        if annotation in (bytes, str):
            return annotation(b"sample-1") if annotation is bytes else "sample-1"
    return "sample-1"


def _instance(cls: type, given: Mapping[str, Any]) -> Any:
    """An instance of option class ``cls`` with its required fields and ``given``."""
    hints = _hints(cls)
    values = {**COMPANIONS.get((_key(cls), "*"), {}), **given}
    for field in attrs.fields(cls):
        wire = _wire(field)
        required = field.default is attrs.NOTHING or (wire is not None and wire.required)
        if field.name not in values and required:
            values[field.name] = _sample(cls, field.name, hints[field.name])
    return cls(**values)


@attrs.frozen
class Case:
    """One versioned field, reached through one operation."""

    operation: Callable[..., Any]
    options_param: str
    options_class: type
    path: tuple[str, ...]  # field names from the options class down to the versioned one
    owner: type  # the class that declares the versioned field
    wire: Wire
    service: tuple[str, str]

    @property
    def id(self) -> str:
        module = self.operation.__module__.removeprefix("oscloud.openstack.")
        return f"{module}.{self.operation.__name__}:{'.'.join(self.path)}"

    def options(self) -> Any:
        """The options object with the versioned field set (nested ones inside a parent)."""
        *parents, leaf = self.path
        owner_hints = _hints(self.owner)
        given = {leaf: _sample(self.owner, leaf, owner_hints[leaf])}
        value = _instance(self.owner, {**COMPANIONS.get((_key(self.owner), leaf), {}), **given})
        if not parents:
            return value
        (parent,) = parents
        annotation = _hints(self.options_class)[parent]
        return _instance(
            self.options_class, {parent: [value] if _is_sequence(annotation) else value}
        )

    def arguments(self) -> dict[str, Any] | None:
        """The operation's other required arguments (ids), or None when it cannot be called."""
        kwargs: dict[str, Any] = {}
        hints = typing.get_type_hints(self.operation)
        for name, param in inspect.signature(self.operation).parameters.items():
            if name in ("client", self.options_param) or param.default is not param.empty:
                continue
            hint = hints.get(name)
            if hint is str or str in typing.get_args(hint):  # an id (some also take an int)
                kwargs[name] = f"{name}-1"
            else:
                return None
        return kwargs


def _versioned_fields(cls: type) -> Iterator[tuple[tuple[str, ...], type, Wire]]:
    hints = _hints(cls)
    for field in attrs.fields(cls):
        wire = _wire(field)
        if wire is not None and (wire.min_version or wire.max_version):
            yield (field.name,), cls, wire
        for nested in _options_classes(hints[field.name]):
            if nested is cls:
                continue
            for nested_field in attrs.fields(nested):
                nested_wire = _wire(nested_field)
                if nested_wire is not None and (nested_wire.min_version or nested_wire.max_version):
                    yield (field.name, nested_field.name), nested, nested_wire


def _cases() -> list[Case]:
    cases = []
    for module in _operation_modules():
        service = next(v for k, v in SERVICES.items() if module.__name__.startswith(k))
        for name, function in vars(module).items():
            if (
                name.startswith("_")
                or name in SKIPPED_OPERATIONS
                or not inspect.isfunction(function)
                or function.__module__ != module.__name__
                or next(iter(inspect.signature(function).parameters), None) != "client"
            ):
                continue
            hints = typing.get_type_hints(function)
            for param, annotation in hints.items():
                if param == "return":
                    continue
                for cls in _options_classes(annotation):
                    for path, owner, wire in _versioned_fields(cls):
                        cases.append(Case(function, param, cls, path, owner, wire, service))
    return cases


CASES = _cases()


# -- running one case ------------------------------------------------------------------


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeServer]:
    with FakeServer() as server:
        yield server


def _client(fake: FakeServer, service: tuple[str, str], version: str) -> ServiceClient:
    provider = ProviderClient(identity_endpoint=fake.url + "/identity/v3/", timeout=(5.0, 5.0))
    provider.set_token(TOKEN_ID)
    client = ServiceClient(provider=provider, endpoint=fake.url + "/svc", type=service[0])
    return client.with_microversion(version)


def _step(version: str, by: int) -> str:
    major, minor = parse_microversion(version)
    return f"{major}.{minor + by}"


def _call(case: Case, client: ServiceClient) -> None:
    arguments = case.arguments()
    assert arguments is not None
    result = case.operation(client, **{case.options_param: case.options()}, **arguments)
    if isinstance(result, Pager):
        next(iter(result), None)
    elif hasattr(result, "err"):
        _ = result.err  # read, so that no "never retrieved" warning is left behind


def _names_in(value: Any) -> set[str]:
    if isinstance(value, dict):
        names = set(value)
        for item in value.values():
            names |= _names_in(item)
        return names
    if isinstance(value, list):
        return set().union(*(_names_in(item) for item in value)) if value else set()
    return set()


def _sent(case: Case, fake: FakeServer, before: int) -> bool:
    for request in fake.requests[before:]:
        wire = case.wire
        if wire.location == "query" and wire.name in request.query:
            return True
        if wire.location == "header" and any(
            h.lower().startswith(wire.name.lower()) for h in request.headers
        ):
            return True
        if wire.location == "body" and request.body and wire.name in _names_in(request.json()):
            return True
    return False


def _send_at(case: Case, fake: FakeServer, version: str) -> bool:
    """Call at ``version`` (raised as far as the operation itself needs); was it sent?"""
    for _ in range(5):
        before = len(fake.requests)
        try:
            _call(case, _client(fake, case.service, version))
        except errors.MicroversionError as err:
            message = str(err)
            if f"{case.owner.__name__}.{case.path[-1]}" in message:
                pytest.fail(f"refused at its own version: {message}")
            needed = message.split(" microversion ")[1].split(" ")[0]
            if case.wire.max_version and parse_microversion(needed) > parse_microversion(
                case.wire.max_version
            ):
                pytest.skip(f"the operation needs {needed}, after the field's last version")
            version = needed
            continue
        except errors.OSCloudError:
            pass  # the fake server answers anything with an error; the request is what counts
        return _sent(case, fake, before)
    return False


def _refused_at(case: Case, fake: FakeServer, version: str) -> None:
    before = len(fake.requests)
    with pytest.raises(errors.MicroversionError) as raised:
        _call(case, _client(fake, case.service, version))
    message = str(raised.value)
    if f"{case.owner.__name__}.{case.path[-1]}" in message:
        assert len(fake.requests) == before, "a refused field was sent"
        return
    # The operation as a whole needs a newer version than the one below the field's.
    assert case.wire.min_version is not None, message


def test_the_table_covers_compute_and_block_storage() -> None:
    owners = {case.operation.__module__.split(".")[2] for case in CASES}

    assert owners == {"compute", "blockstorage"}
    assert len(CASES) >= 40


def test_every_versioned_options_class_has_an_operation_that_takes_it() -> None:
    callable_classes = {case.options_class for case in CASES if case.arguments() is not None}

    assert {case.options_class for case in CASES} <= callable_classes


@pytest.mark.parametrize("case", [c for c in CASES if c.wire.min_version], ids=lambda c: c.id)
def test_refused_one_version_below_and_sent_at_its_version(case: Case, fake: FakeServer) -> None:
    assert case.wire.min_version is not None
    if case.arguments() is None:
        pytest.skip("needs arguments that are not ids")

    _refused_at(case, fake, _step(case.wire.min_version, -1))

    assert _send_at(case, fake, case.wire.min_version), f"{case.id} was not sent"


@pytest.mark.parametrize("case", [c for c in CASES if c.wire.max_version], ids=lambda c: c.id)
def test_refused_one_version_after_it_was_removed_and_sent_until(
    case: Case, fake: FakeServer
) -> None:
    assert case.wire.max_version is not None
    if case.arguments() is None:
        pytest.skip("needs arguments that are not ids")

    before = len(fake.requests)
    with pytest.raises(errors.MicroversionError, match="or earlier is required"):
        _call(case, _client(fake, case.service, _step(case.wire.max_version, 1)))
    assert len(fake.requests) == before

    assert _send_at(case, fake, case.wire.max_version), f"{case.id} was not sent"


def test_latest_refuses_a_removed_field_and_none_refuses_a_new_one(fake: FakeServer) -> None:
    removed = next(c for c in CASES if c.wire.max_version and c.arguments() is not None)
    added = next(c for c in CASES if c.wire.min_version and c.arguments() is not None)

    with pytest.raises(errors.MicroversionError, match="or earlier is required"):
        _call(removed, _client(fake, removed.service, "latest"))
    provider = ProviderClient(identity_endpoint=fake.url + "/identity/v3/")
    provider.set_token(TOKEN_ID)
    bare = ServiceClient(provider=provider, endpoint=fake.url + "/svc", type=added.service[0])
    with pytest.raises(errors.MicroversionError, match="the client sends none"):
        _call(added, bare)
