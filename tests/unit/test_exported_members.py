"""The public names: each exists and documents itself with an example; imports stay light."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys

import pytest

import oscloud

MODULES = (
    "oscloud",
    "oscloud.openstack",
    "oscloud.errors",
    "oscloud.pagination",
    "oscloud.results",
)

PUBLIC_NAMES = [
    (module, name) for module in MODULES for name in importlib.import_module(module).__all__
]


@pytest.mark.parametrize(
    ("module", "name"), PUBLIC_NAMES, ids=[f"{m}.{n}" for m, n in PUBLIC_NAMES]
)
def test_each_exported_name_exists_and_has_an_example(module: str, name: str) -> None:
    member = getattr(importlib.import_module(module), name)

    if inspect.isclass(member) or inspect.isroutine(member):
        doc = inspect.getdoc(member) or ""
        assert "Example" in doc, f"{module}.{name} has no example in its docstring"


@pytest.mark.parametrize("module", MODULES)
def test_all_names_each_member_once(module: str) -> None:
    names = importlib.import_module(module).__all__

    assert len(names) == len(set(names))


# What only some programs need is loaded by the first use of a name that needs it.
LOADED_ON_FIRST_USE = (
    "oscloud._errorbody",  # the first error response
    "oscloud._wire",  # oscloud.NULL, the option classes of the resources
    "oscloud.openstack.env",  # openstack.auth_options_from_env
    "oscloud.openstack.clouds",  # openstack.load_cloud
)


def test_importing_oscloud_stays_light() -> None:
    script = (
        "import json, sys\n"
        f"LOADED_ON_FIRST_USE = {LOADED_ON_FIRST_USE!r}\n"
        "import oscloud, oscloud.openstack\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', 'dateutil'))\n"
        "heavy += sorted(m for m in sys.modules if m in LOADED_ON_FIRST_USE)\n"
        "print(json.dumps(heavy))\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )

    assert json.loads(done.stdout) == []


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("oscloud", "NULL"),
        ("oscloud.errors", "server_message"),
        ("oscloud.openstack", "auth_options_from_env"),
        ("oscloud.openstack", "endpoint_opts_from_env"),
        ("oscloud.openstack", "load_cloud"),
    ],
)
def test_a_name_loaded_on_first_use_is_there(module: str, name: str) -> None:
    assert getattr(importlib.import_module(module), name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'NUL'"):
        _ = oscloud.NUL  # type: ignore[attr-defined]
