"""Models declared field by field: the generated from_json, eager and lazy, and its rules."""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from oscloud import _readers as read
from oscloud._lazy import LazyFields
from oscloud._model import JsonField, Model, field, json_fields, model
from oscloud.errors import InvalidResponseError
from oscloud.results import Result

UTC = dt.timezone.utc


@model
@attrs.frozen(kw_only=True)
class Link:
    href: str
    rel: str | None = None


@model
@attrs.frozen(kw_only=True)
class Volume:
    id: str
    size: int = field(read=read.integer, default=0)
    tenant_id: str | None = field("os-vol-tenant-attr:tenant_id", default=None)
    created_at: dt.datetime | None = field(read=read.timestamp, default=None)
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())
    metadata: dict[str, str] = field(read=read.mapping, factory=dict)
    name_and_size: str = field(
        whole=True, read=lambda data: f"{data.get('name')}:{data.get('size')}", default=""
    )
    secret: str | None = field(default=None, repr=False, min_version="3.64")


@model(lazy=True)
@attrs.frozen(kw_only=True, slots=False)
class LazyVolume(LazyFields):
    id: str
    size: int = field(read=read.integer, default=0)
    tenant_id: str | None = field("os-vol-tenant-attr:tenant_id", default=None)
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())


class VolumeResult(Result[Volume]):
    resource_key = "volume"
    model = Volume


BODY = {
    "id": "v1",
    "name": "db",
    "size": "10",
    "os-vol-tenant-attr:tenant_id": "p1",
    "created_at": "2024-01-02T03:04:05.000000",
    "links": [{"href": "https://c/v1", "rel": "self"}],
    "metadata": {"env": "prod"},
    "secret": "s",
}


def test_every_field_is_read_from_its_declaration() -> None:
    volume = Volume.from_json(BODY)

    assert volume == Volume(
        id="v1",
        size=10,
        tenant_id="p1",
        created_at=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        links=(Link(href="https://c/v1", rel="self"),),
        metadata={"env": "prod"},
        name_and_size="db:10",
        secret="s",
    )
    assert "secret" not in repr(volume)


def test_missing_and_null_members_give_the_default_without_the_reader() -> None:
    volume = Volume.from_json({"id": "v1", "size": None, "links": None, "metadata": None})

    assert (volume.size, volume.links, volume.metadata, volume.tenant_id) == (0, (), {}, None)
    assert Volume.from_json({"id": "v2"}).metadata is not Volume.from_json({"id": "v3"}).metadata


@pytest.mark.parametrize(
    "body",
    [{}, {"id": "v1", "size": "ten"}, {"id": "v1", "size": True}, {"id": "v1", "links": [{}]}, []],
)
def test_a_body_the_api_does_not_document_is_an_invalid_response(body: Any) -> None:
    with pytest.raises(InvalidResponseError, match="VolumeResult: Volume: cannot read"):
        VolumeResult(body={"volume": body}).extract()


def test_declarations_are_data() -> None:
    declared = json_fields(Volume)

    assert declared["tenant_id"] == JsonField(key="os-vol-tenant-attr:tenant_id")
    assert declared["id"].key == "id"
    assert declared["secret"].min_version == "3.64"
    assert declared["name_and_size"].whole


def test_a_class_that_writes_its_own_from_json_keeps_it() -> None:
    @model
    @attrs.frozen
    class Custom:
        name: str

        @classmethod
        def from_json(cls, data: Any) -> Custom:
            return cls(name=data["n"])

    assert Custom.from_json({"n": "x"}) == Custom(name="x")


def test_whole_without_a_reader_is_refused() -> None:
    with pytest.raises(TypeError, match="whole=True needs a reader"):

        @model
        @attrs.frozen
        class Bad:
            value: int = field(whole=True, default=0)


def test_a_lazy_model_reads_each_field_once_on_first_use() -> None:
    volume = LazyVolume.from_json(BODY)

    assert "size" not in vars(volume)
    assert volume.size == 10
    assert vars(volume)["size"] == 10
    assert volume.links == (Link(href="https://c/v1", rel="self"),)
    assert volume == LazyVolume(
        id="v1", size=10, tenant_id="p1", links=(Link(href="https://c/v1", rel="self"),)
    )
    assert pickle.loads(pickle.dumps(volume)) == volume


def test_a_lazy_field_that_cannot_be_read_raises_when_used() -> None:
    volume = LazyVolume.from_json({"id": "v1", "size": "big"})

    with pytest.raises(InvalidResponseError, match=r"LazyVolume\.size"):
        _ = volume.size
    assert volume.tenant_id is None


def test_a_lazy_model_must_be_lazy_fields_with_a_plain_key() -> None:
    with pytest.raises(TypeError, match="must be a LazyFields"):

        @model(lazy=True)
        @attrs.frozen(slots=False)
        class NotLazy:
            id: str

    with pytest.raises(TypeError, match="key is a plain field"):

        @model(lazy=True, key="name")
        @attrs.frozen(slots=False)
        class KeyWithReader(LazyFields):
            name: str = field(read=read.text)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
        max_leaves=20,
    )
)
def test_any_json_value_in_any_member_is_read_or_refused_with_oscloud_error(value: Any) -> None:
    for key in ("id", "size", "links", "metadata", "created_at", "os-vol-tenant-attr:tenant_id"):
        body = {"id": "v1", key: value}
        with contextlib.suppress(InvalidResponseError):
            VolumeResult(body={"volume": body}).extract()
        lazy = (
            LazyVolume(id="x")
            if not isinstance(body.get("id"), str)
            else LazyVolume.from_json(body)
        )
        for name in ("size", "tenant_id", "links"):
            with contextlib.suppress(InvalidResponseError):
                getattr(lazy, name)


def test_from_json_is_written_on_first_use_and_readers_made_before_keep_working() -> None:
    @model
    @attrs.frozen
    class Late(Model):
        name: str

    stand_in = Late.from_json  # what a reader made at import time holds
    assert "<string>" not in Late.__dict__["from_json"].__func__.__code__.co_filename

    assert stand_in({"name": "a"}) == Late(name="a")
    assert Late.__dict__["from_json"].__func__.__code__.co_filename == "<string>"
    assert stand_in({"name": "b"}) == Late.from_json({"name": "b"}) == Late(name="b")
