"""Removed public names stay reachable as aliases that warn."""

from __future__ import annotations

import pytest

from oscloud._deprecated import aliases


def test_an_old_name_gives_its_replacement_with_a_warning() -> None:
    getter = aliases("oscloud.example", {"OldOpts": (int, "NewOpts")})

    with pytest.warns(
        DeprecationWarning, match="oscloud.example.OldOpts is deprecated: use NewOpts"
    ):
        assert getter("OldOpts") is int


def test_other_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Missing'"):
        aliases("m", {})("Missing")
