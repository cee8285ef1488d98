"""Old public names kept as aliases that warn: one mechanism for every module.

A module that renamed or removed a public name keeps it reachable through a module
``__getattr__`` made here; using the old name emits a :class:`DeprecationWarning` that
says what to use instead, and gives the replacement.

Example:
    >>> import warnings
    >>> __getattr__ = aliases("oscloud.example", {"get_metadata": (len, "list_metadata")})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     __getattr__("get_metadata") is len
    True
    >>> str(caught[0].message)
    'oscloud.example.get_metadata is deprecated: use list_metadata'
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping

__all__ = ["aliases", "chain", "warn"]


def warn(old: str, replacement: str, *, stacklevel: int = 3) -> None:
    """Emit the :class:`DeprecationWarning` for ``old``: "use ``replacement``".

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn("servers.CreateOptsBuilder", "servers.CreateOpts")
        >>> caught[0].category.__name__
        'DeprecationWarning'
    """
    warnings.warn(
        f"{old} is deprecated: use {replacement}", DeprecationWarning, stacklevel=stacklevel
    )


def aliases(module: str, old_names: Mapping[str, tuple[object, str]]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``old_names``: old name → (what it gives, what to use).

    Any other missing name raises :class:`AttributeError` as usual.

    Example:
        >>> getter = aliases("m", {})
        >>> getter("nope")
        Traceback (most recent call last):
        ...
        AttributeError: module 'm' has no attribute 'nope'
    """

    def __getattr__(name: str) -> object:  # noqa: N807 - a module __getattr__
        try:
            value, replacement = old_names[name]
        except KeyError:
            raise AttributeError(f"module {module!r} has no attribute {name!r}") from None
        warn(f"{module}.{name}", replacement)
        return value

    return __getattr__


def chain(*getters: Callable[[str], object]) -> Callable[[str], object]:
    """One module ``__getattr__`` from the old names of several modules (a package's).

    Each getter is asked in turn; the first that knows the name answers.

    Example:
        >>> getter = chain(aliases("m.a", {"Old": (1, "New")}), aliases("m.b", {}))
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     getter("Old")
        1
    """

    def __getattr__(name: str) -> object:  # noqa: N807 - a module __getattr__
        for getter in getters:
            try:
                return getter(name)
            except AttributeError:
                continue
        raise AttributeError(f"no attribute {name!r}")

    return __getattr__
