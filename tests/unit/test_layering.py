"""The layers, read from every module's imports (those inside functions too).

- The core (``oscloud.*`` outside ``oscloud.openstack``) never imports ``oscloud.openstack``.
- One service (``oscloud.openstack.compute``, ``.blockstorage`` …) never imports another.
- A resource package never imports a sibling resource package, except an extension the
  resources it extends, and a package whose docstring says it is a composite.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import oscloud

SOURCE = Path(oscloud.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = (
        _module_name(path) if path.name == "__init__.py" else _module_name(path).rsplit(".", 1)[0]
    )
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


MODULES = sorted(SOURCE.rglob("*.py"))


def _service(module: str) -> str | None:
    parts = module.split(".")
    is_service = (
        len(parts) > 2
        and parts[:2] == ["oscloud", "openstack"]
        and not parts[2].startswith("_")
        and (SOURCE / "openstack" / parts[2]).is_dir()
    )
    return parts[2] if is_service else None


def _resource(module: str) -> tuple[str, ...] | None:
    """``(service, version, resource)`` or ``(service, version, "extensions", name)``."""
    parts = module.split(".")
    if _service(module) is None or len(parts) < 5:
        return None
    if parts[4] == "extensions":
        return tuple(parts[2:6]) if len(parts) > 5 else None
    return None if parts[4].startswith("_") else tuple(parts[2:5])


def _is_composite(resource: tuple[str, ...]) -> bool:
    init = SOURCE.joinpath("openstack", *resource, "__init__.py")
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    return "composite" in docstring


def _violation(importer: str, imported: str) -> str | None:
    if not imported.startswith("oscloud."):
        return None
    if _service(importer) is None and not importer.startswith("oscloud.openstack"):
        if imported.startswith("oscloud.openstack"):
            return "the core imports oscloud.openstack"
        return None
    importer_service, imported_service = _service(importer), _service(imported)
    if importer_service and imported_service and importer_service != imported_service:
        return "one service imports another"
    mine, theirs = _resource(importer), _resource(imported)
    if mine is None or theirs is None or mine == theirs:
        return None
    if mine[2] == "extensions" and theirs[2] != "extensions":
        return None  # an extension and the resources it extends
    if _is_composite(mine):
        return None
    return "a resource imports a sibling resource"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_imports_follow_the_layers(path: Path) -> None:
    importer = _module_name(path)

    broken = sorted(
        {
            f"{importer} -> {imported}: {why}"
            for imported in _imports(path)
            if (why := _violation(importer, imported))
        }
    )

    assert broken == []


@pytest.mark.parametrize(
    ("importer", "imported", "verdict"),
    [
        ("oscloud.service", "oscloud.openstack.client", "the core imports oscloud.openstack"),
        (
            "oscloud.openstack.compute.v2.servers.requests",
            "oscloud.openstack.blockstorage.v3.volumes",
            "one service imports another",
        ),
        (
            "oscloud.openstack.compute.v2.servers.requests",
            "oscloud.openstack.compute.v2.flavors.results",
            "a resource imports a sibling resource",
        ),
        (
            "oscloud.openstack.compute.v2.extensions.diskconfig.requests",
            "oscloud.openstack.compute.v2.servers",
            None,
        ),
        (
            "oscloud.openstack.compute.v2.servers.requests",
            "oscloud.openstack.compute.v2._common",
            None,
        ),
        ("oscloud.openstack.compute.v2.servers.requests", "oscloud.openstack._metadata", None),
        (
            "oscloud.openstack.objectstorage.v1.largeobjects.requests",
            "oscloud.openstack.objectstorage.v1.objects",
            None,
        ),
    ],
)
def test_the_rules_themselves(importer: str, imported: str, verdict: str | None) -> None:
    assert _violation(importer, imported) == verdict
