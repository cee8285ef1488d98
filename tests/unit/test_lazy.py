"""oscloud._lazy: models that read their fields from the JSON object on first access."""

from __future__ import annotations

import pickle
import threading
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
import pytest

from oscloud._lazy import LazyFields, Reader, lazy_model
from oscloud.errors import InvalidResponseError
from oscloud.openstack.compute.v2 import servers

calls: list[str] = []


def _counted(key: str) -> Reader:
    def read(data: Mapping[str, Any]) -> Any:
        calls.append(key)
        return int(data[key])

    return read


@lazy_model
@attrs.frozen(kw_only=True, slots=False)
class Volume(LazyFields):
    id: str
    size: int = 0
    tags: tuple[str, ...] = ()

    readers: ClassVar[Mapping[str, Reader]] = {
        "size": _counted("size"),
        "tags": lambda data: tuple(data.get("tags") or ()),
    }
    key: ClassVar[str] = "id"


@pytest.fixture(autouse=True)
def _no_calls() -> None:
    calls.clear()


def test_a_field_is_read_on_first_access_and_kept() -> None:
    volume = Volume.from_json({"id": "v1", "size": "10"})
    assert calls == []
    assert volume.size == 10
    assert volume.size == 10
    assert calls == ["size"]
    assert vars(volume)["size"] == 10


def test_a_model_made_by_init_never_reads() -> None:
    volume = Volume(id="v1", size=3)
    assert (volume.size, volume.tags) == (3, ())
    assert calls == []


def test_lazy_and_eager_models_are_equal_and_show_the_same() -> None:
    lazy = Volume.from_json({"id": "v1", "size": 2, "tags": ["a"]})
    eager = Volume(id="v1", size=2, tags=("a",))
    assert lazy == eager
    assert repr(lazy) == repr(eager) == "Volume(id='v1', size=2, tags=('a',))"
    assert attrs.asdict(lazy) == {"id": "v1", "size": 2, "tags": ("a",)}
    assert attrs.evolve(lazy, size=5) == Volume(id="v1", size=5, tags=("a",))


def test_a_lazy_model_stays_frozen() -> None:
    volume = Volume.from_json({"id": "v1", "size": 1})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        volume.size = 2  # type: ignore[misc]


def test_a_field_the_json_cannot_give_raises_invalid_response_on_access() -> None:
    volume = Volume.from_json({"id": "v1", "size": "ten"})
    with pytest.raises(InvalidResponseError, match=r"Volume\.size: cannot read the response"):
        _ = volume.size


def test_a_lazy_model_pickles_and_reads_after() -> None:
    volume = Volume.from_json({"id": "v1", "size": 4})
    again = pickle.loads(pickle.dumps(volume))
    assert again.size == 4
    assert again == volume


def test_threads_reading_at_once_see_one_value() -> None:
    volume = Volume.from_json({"id": "v1", "size": 7, "tags": ["x"]})
    seen: list[tuple[int, tuple[str, ...]]] = []
    threads = [
        threading.Thread(target=lambda: seen.append((volume.size, volume.tags))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [(7, ("x",))] * 8


def test_a_reader_for_no_field_is_refused() -> None:
    with pytest.raises(TypeError, match="'sise', which is not one of its fields"):

        @lazy_model
        @attrs.frozen(slots=False)
        class Typo(LazyFields):
            id: str
            readers: ClassVar[Mapping[str, Reader]] = {"sise": lambda data: 0}


def test_every_server_field_but_id_has_a_reader() -> None:
    names = {field.name for field in attrs.fields(servers.Server)}
    assert set(servers.Server.readers) == names - {"id"}


def test_a_server_with_a_bad_timestamp_fails_when_it_is_read() -> None:
    server = servers.Server.from_json({"id": "s1", "name": "web", "created": "yesterday"})
    assert server.name == "web"
    with pytest.raises(InvalidResponseError, match=r"Server\.created: cannot read"):
        _ = server.created


def test_from_json_reads_the_key_at_once_and_nothing_else() -> None:
    volume = Volume.from_json({"id": "v1", "size": "2"})
    assert vars(volume) == {"_source": {"id": "v1", "size": "2"}, "id": "v1"}
    assert volume == Volume(id="v1", size=2)


def test_from_json_without_the_key_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="id"):
        Volume.from_json({"size": 1})


def test_a_listing_item_without_the_key_is_an_invalid_response() -> None:
    page = servers.ServerPage(url="https://nova/servers/detail", body={"servers": [{"name": "x"}]})
    with pytest.raises(InvalidResponseError, match=r"ServerPage: Server: cannot read.*'id'"):
        page.extract()


def test_a_field_without_a_reader_is_refused() -> None:
    with pytest.raises(TypeError, match="Half has no reader for size"):

        @lazy_model
        @attrs.frozen(slots=False)
        class Half(LazyFields):
            id: str
            size: int = 0
