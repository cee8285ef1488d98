"""The operations and option classes of every service, found in the packages, and samples.

Tests that must cover every operation or every option field walk
:mod:`oscloud.openstack` through these functions, so that a new service is covered
without editing them.
"""

from __future__ import annotations

import builtins
import enum
import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

import oscloud.openstack
from oscloud._wire import WIRE_KEY, Wire
from oscloud.openstack.objectstorage.v1.largeobjects import Segment

#: Fields option classes need beyond the generic samples, by ``package.Class``; a field
#: the class does not have is left out (``quotasets.UpdateOpts`` is in two services).
OPTIONS: dict[str, dict[str, Any]] = {
    "servers.CreateOpts": {"image_ref": "70a599e0-31e7-49b7-b260-868f441e862b"},
    "volumes.CreateOpts": {"size": 1},
    "servergroups.CreateOpts": {"policy": "anti-affinity"},
    "volumes.ResetStatusOpts": {"status": "available"},
    "volumes.AttachOpts": {"mountpoint": "/dev/vdb", "instance_uuid": "i-1"},
    "tempurl.FormPostOpts": {"max_file_size": 1, "max_file_count": 1, "expires": 600},
    # Update options need one field at least.
    "aggregates.UpdateOpts": {"name": "n"},
    "backups.UpdateOpts": {"name": "n"},
    "quotasets.UpdateOpts": {"instances": 1, "volumes": 1},
    "services.UpdateOpts": {"forced_down": True},
    "snapshots.UpdateOpts": {"name": "n"},
    "volumes.UpdateOpts": {"name": "n"},
    "volumetypes.UpdateOpts": {"name": "n"},
}


def modules() -> Iterator[types.ModuleType]:
    """Every ``requests`` and ``actions`` module under :mod:`oscloud.openstack`."""
    for info in pkgutil.walk_packages(oscloud.openstack.__path__, "oscloud.openstack."):
        if info.name.rsplit(".", 1)[-1] in ("requests", "actions"):
            yield importlib.import_module(info.name)


def key(thing: Any) -> str:
    """``package.name``: the names of operations and classes repeat between packages."""
    return f"{thing.__module__.split('.')[-2]}.{thing.__name__}"


def operations() -> Iterator[Callable[..., Any]]:
    """Every public function that takes a service client first."""
    for module in modules():
        for name, function in vars(module).items():
            if (
                not name.startswith("_")
                and inspect.isfunction(function)
                and function.__module__ == module.__name__
                and next(iter(inspect.signature(function).parameters), None) == "client"
            ):
                yield function


def option_classes() -> Iterator[type]:
    """Every attrs class of those modules with a field that goes on the wire."""
    for module in modules():
        for cls in vars(module).values():
            if (
                inspect.isclass(cls)
                and attrs.has(cls)
                and cls.__module__ == module.__name__
                and any(wire(field) is not None for field in attrs.fields(cls))
            ):
                yield cls


def wire(field: attrs.Attribute[Any]) -> Wire | None:
    """The wire metadata of an option field, if it has some."""
    found = field.metadata.get(WIRE_KEY)
    return found if isinstance(found, Wire) else None


def sample(name: str, annotation: Any) -> Any:
    """A plain value of ``annotation`` for the parameter or field ``name``."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        enums = [a for a in args if isinstance(a, type) and issubclass(a, enum.Enum)]
        return next(iter(enums[0])) if enums else sample(name, args[0])
    if origin is typing.Literal:
        return args[0]
    if origin in (Mapping, dict):
        return {"key1": "value1"}
    if origin in (list, tuple, Sequence, Iterable, builtins.list, set, frozenset):
        item = args[0] if args else str
        if item is Segment:
            return [Segment(container="segments", name="part-1", etag="a" * 32, size=1)]
        return [sample(name, item)]
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return next(iter(annotation))
        if attrs.has(annotation):
            return options(annotation)
        if annotation is bool:
            return True
        if annotation is int:
            return 1
        if annotation is float:
            return 1.0
    if annotation is Any:
        return b"data"
    return f"{name}-1"


def options(cls: type, **given: Any) -> Any:
    """An instance of option class ``cls`` with its required fields and ``given``."""
    hints = typing.get_type_hints(cls)
    values = {k: v for k, v in OPTIONS.get(key(cls), {}).items() if k in hints}
    values.update(given)
    for field in attrs.fields(cls):
        found = wire(field)
        required = field.default is attrs.NOTHING or (found is not None and found.required)
        if field.name not in values and required:
            values[field.name] = sample(field.name, hints[field.name])
    return cls(**values)
