"""The block storage v3 shared pieces: Cinder's query forms, repairs and microversion checks."""

from __future__ import annotations

import ast

import pytest

from oscloud.errors import MicroversionError
from oscloud.openstack.blockstorage.v3 import _common
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient


@pytest.mark.parametrize(
    "metadata",
    [{"env": "prod"}, {"it's": 'say "hi"', "k2": "v,2"}, {"ключ": "значение"}],
)
def test_the_metadata_filter_is_a_literal_cinder_reads_back(metadata: dict[str, str]) -> None:
    encoded = _common.metadata_filter(metadata)

    assert ast.literal_eval(encoded) == metadata  # what Cinder does with the parameter


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("False", False), ("1", True), ("0", False), (True, True), (0, False)],
)
def test_to_bool_reads_cinder_strings(value: object, expected: bool) -> None:
    assert _common.to_bool(value) is expected


@pytest.mark.parametrize("value", ["maybe", "", 2, None, 1.5])
def test_to_bool_refuses_what_is_not_a_boolean(value: object) -> None:
    with pytest.raises(ValueError, match="not a boolean"):
        _common.to_bool(value)


@pytest.mark.parametrize("value", [True, 1.5, "ten"])
def test_to_int_refuses_what_is_not_a_whole_number(value: object) -> None:
    with pytest.raises(ValueError, match="not an integer"):
        _common.to_int(value)


def test_sort_param_keeps_the_order_and_checks_directions() -> None:
    assert _common.sort_param(("created_at:desc", "name:asc", "size")) == (
        "created_at:desc,name:asc,size"
    )
    with pytest.raises(ValueError, match="at least one"):
        _common.sort_param([])
    with pytest.raises(ValueError, match="'key' or 'key:dir'"):
        _common.sort_param([":asc"])


def test_require_microversion_takes_latest_and_names_the_fix() -> None:
    client = ServiceClient(
        provider=ProviderClient(), endpoint="https://c/v3/p", type="block-storage"
    )

    _common.require_microversion(client.with_microversion("latest"), "3.71", "anything")
    with pytest.raises(MicroversionError) as caught:
        _common.require_microversion(client.with_microversion("3.9"), "3.27", "attachments")

    assert 'client.with_microversion("3.27")' in str(caught.value)
    assert "sends 3.9" in str(caught.value)
