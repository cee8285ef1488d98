"""Sphinx configuration for the oscloud documentation (``nox -s docs`` builds it)."""

from __future__ import annotations

import builtins
import enum
import importlib
import sys
from types import FunctionType
from typing import Any

from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

import oscloud

project = "oscloud"
author = "The oscloud authors"
copyright = "The oscloud authors"
release = oscloud.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "examples", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Every cross reference must resolve (the build runs with -n -W).
nitpicky = True
# No intersphinx (the documentation builds offline), so names from the standard library
# and from requests cannot be linked; they are listed here, and only they.
nitpick_ignore = [
    ("py:class", "collections.abc.Callable"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "datetime.datetime"),
    ("py:class", "datetime.timedelta"),
    ("py:class", "enum.Enum"),
    ("py:class", "os.PathLike"),
    ("py:class", "builtins.type"),
    ("py:class", "requests.Response"),
    ("py:class", "requests.models.Response"),
    ("py:class", "requests.sessions.Session"),
    ("py:class", "requests.structures.CaseInsensitiveDict"),
    ("py:func", "attrs.asdict"),
    ("py:func", "attrs.evolve"),
]
# The type variables (Result[T], Page[T], the models' M and C, OptsT) have no page of their own.
nitpick_ignore_regex = [(r"py:(class|obj)", r"(oscloud(\.\w+)+\.)?([TURCMS]|OptsT)")]

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}

autosummary_generate = False

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False

html_theme = "furo"
html_title = f"oscloud {release}"


def _homes_of(dotted: str) -> list[str]:
    """The names under which the object called ``dotted`` is documented, if not that one.

    ``oscloud.AuthOptions`` is documented where it is defined, as
    ``oscloud.auth.AuthOptions``; a name imported into a module (``ProviderClient`` in
    ``oscloud.service``) where it comes from; a class defined in a resource's
    ``requests.py`` under the package that re-exports it; a constant under its top-level
    name (``oscloud.NULL``).
    """
    parts = dotted.split(".")
    if parts[0] != "oscloud":
        return []
    for size in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:size]))
        except ImportError:
            continue
        break
    else:
        return []
    rest = parts[size:]
    for index, name in enumerate(rest):
        obj = getattr(obj, name, None)
        if obj is None:
            return []
        if isinstance(obj, (type, FunctionType)):
            tail = rest[index + 1 :]
            module = obj.__module__.split(".")
            owners = [".".join(module[:n]) for n in range(len(module), 0, -1)]
            homes = [
                ".".join([owner, obj.__qualname__, *tail])
                for owner in owners
                if owner == obj.__module__
                or getattr(sys.modules.get(owner), obj.__name__, None) is obj
            ]
            return [home for home in homes if home != dotted]
    if len(rest) != 1:
        return []
    # A constant: documented by a package that exports it, or at the top level.
    module = parts[:size]
    owners = [".".join(module[:n]) for n in range(len(module) - 1, 0, -1)]
    homes = [
        f"{owner}.{name}"
        for owner in owners
        for name in getattr(sys.modules.get(owner), "__all__", ())
        if getattr(sys.modules[owner], name, None) is obj
    ]
    return [home for home in homes if home != dotted]


def _resolve_reexported(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> Element | None:
    """Resolve a reference to a re-exported name (or one imported into the current module)."""
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    module = node.get("py:module")
    for candidate in ([f"{module}.{target}"] if module else []) + [target]:
        for home in _homes_of(candidate):
            found = env.domains["py"].resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], home, node, contnode
            )
            if found is not None:
                return found
    return None


def _unlink_builtins(app: Sphinx, doctree: Element) -> None:
    """Leave builtin types in signatures unlinked.

    Sphinx would otherwise match ``type`` in ``type[R]`` to an attribute named ``type``.
    """
    for node in list(doctree.findall(pending_xref)):
        target = node.get("reftarget", "")
        if node.get("refdomain") == "py" and isinstance(getattr(builtins, target, None), type):
            node.replace_self(node.children)


def _choose_members(
    app: Sphinx, what: str, name: str, obj: Any, skip: bool, options: Any
) -> bool | None:
    """Show every member of an enumeration (``RebootType.HARD``), even undocumented; hide
    class attributes that merely point at a private helper class."""
    if isinstance(obj, enum.Enum):
        return False
    if isinstance(obj, type) and obj.__qualname__.startswith("_"):
        return True
    return None


def _public_bases(app: Sphinx, name: str, obj: Any, options: Any, bases: list[Any]) -> None:
    """Show a class's public ancestors in place of its private base classes (a private
    name, or a class of a private top-level module such as ``oscloud._lazy``)."""
    shown: list[Any] = []
    pending = list(bases)
    while pending:
        base = pending.pop(0)
        private_module = getattr(base, "__module__", "").startswith("oscloud._")
        if private_module or getattr(base, "__qualname__", "").startswith("_"):
            pending[:0] = [b for b in getattr(base, "__bases__", ()) if b is not object]
        elif base not in shown:
            shown.append(base)
    bases[:] = shown or [object]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-skip-member", _choose_members)
    app.connect("autodoc-process-bases", _public_bases)
    app.connect("doctree-read", _unlink_builtins)
    app.connect("missing-reference", _resolve_reexported)
    return {"parallel_read_safe": True}
