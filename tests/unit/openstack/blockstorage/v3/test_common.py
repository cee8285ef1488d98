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
