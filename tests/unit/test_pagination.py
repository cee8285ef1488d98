"""oscloud.pagination: lazy pagers over linked, marker and single-page listings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs
import pytest

from oscloud import errors
from oscloud._time import to_utc
from oscloud.pagination import LinkedPage, MarkerPage, Page, Pager, SinglePage
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.server import FakeServer, Recorded, Reply

SERVERS = "/compute/v2.1/servers"
USERS = "/identity/v3/users"
ACCOUNT = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"
CONTAINER = ACCOUNT + "/backups"
VOLUME_TYPES = "/volume/v3/fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c/types"

SERVER_IDS = (
    "22c91117-08de-4894-9aa9-6ef382400985",
    "3cfb801c-f03c-45ce-834b-d097b0a7d0bc",
    "9e8e0a3b-4b5f-4c8e-8d1a-2f6b7c8d9e0f",
)


# -- models and pages, declared the way resources declare them -------------------------------


@attrs.frozen(kw_only=True)
class Server:
    id: str
    name: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Server:
        return cls(id=data["id"], name=data["name"])


class ServerPage(LinkedPage[Server]):
    resource_key = "servers"
    model = Server


@attrs.frozen(kw_only=True)
class User:
    id: str
    name: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> User:
        return cls(id=data["id"], name=data["name"])


class UserPage(LinkedPage[User]):
    resource_key = "users"
    model = User


@attrs.frozen(kw_only=True)
class Object:
    name: str
    bytes: int = 0
    last_modified: dt.datetime | None = None
    is_subdir: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Object:
        if "subdir" in data:
            return cls(name=data["subdir"], is_subdir=True)
        return cls(
            name=data["name"],
            bytes=int(data["bytes"]),
            last_modified=to_utc(data["last_modified"]),
        )


class ObjectPage(MarkerPage[Object]):
    model = Object


@attrs.frozen(kw_only=True)
class VolumeType:
    id: str
    name: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VolumeType:
        return cls(id=data["id"], name=data["name"])


class VolumeTypePage(SinglePage[VolumeType]):
    resource_key = "volume_types"
    model = VolumeType


# -- API-reference-shaped bodies ----------------------------------------------------------------


def nova_server(index: int) -> dict[str, Any]:
    server_id = SERVER_IDS[index]
    return {
        "id": server_id,
        "name": f"new-server-test-{index}",
        "links": [
            {"href": f"http://openstack.example.com/v2.1/servers/{server_id}", "rel": "self"},
            {"href": f"http://openstack.example.com/servers/{server_id}", "rel": "bookmark"},
        ],
    }


def swift_object(name: str, size: int = 14) -> dict[str, Any]:
    return {
        "hash": "451e372e48e0f6b1114fa0724aa79fa1",
        "last_modified": "2014-01-15T16:41:49.390270",
        "bytes": size,
        "name": name,
        "content_type": "application/octet-stream",
    }


class NovaServers:
    """GET /servers?limit=2, then ?limit=2&marker=<second id>: three servers in two pages."""

    def __init__(self, server: FakeServer, *, second_next: str | None = None) -> None:
        self.base = server.url + SERVERS
        self.second_next = second_next
        server.route("GET", SERVERS, self.reply)

    def reply(self, request: Recorded) -> Reply:
        marker = request.query.get("marker", [None])[0]
        if marker is None:
            return Reply(
                200,
                {
                    "servers": [nova_server(0), nova_server(1)],
                    "servers_links": [
                        {"href": f"{self.base}?limit=2&marker={SERVER_IDS[1]}", "rel": "next"}
                    ],
                },
            )
        body: dict[str, Any] = {"servers": [nova_server(2)]}
        if self.second_next:
            body["servers_links"] = [{"href": self.second_next, "rel": "next"}]
        return Reply(200, body)


@pytest.fixture
def object_client(provider: ProviderClient) -> ServiceClient:
    return make_service_client(provider, "object-store", ACCOUNT)


@pytest.fixture
def compute(compute_client: ServiceClient) -> ServiceClient:
    return compute_client.with_microversion("2.79")


def servers_pager(client: ServiceClient) -> Pager[Server]:
    return Pager(client, client.service_url("servers") + "?limit=2", ServerPage)


def assert_microversion_on_every_request(server: FakeServer) -> None:
    assert server.requests
    for request in server.requests:
        assert request.headers["X-OpenStack-Nova-API-Version"] == "2.79"
        assert request.headers["OpenStack-API-Version"] == "compute 2.79"


# -- laziness ---------------------------------------------------------------------------------


def test_building_a_pager_sends_nothing(compute: ServiceClient, server: FakeServer) -> None:
    NovaServers(server)

    pager = servers_pager(compute)
    iterator = iter(pager)
    items = pager.items()

    assert server.requests == []
    assert repr(pager) == f"<Pager ServerPage {server.url}{SERVERS}?limit=2>"
    del iterator, items


def test_iteration_fetches_one_page_per_step(compute: ServiceClient, server: FakeServer) -> None:
    NovaServers(server)
    pages = iter(servers_pager(compute))

    first = next(pages)
    assert len(server.requests) == 1
    second = next(pages)
    assert len(server.requests) == 2
    with pytest.raises(StopIteration):
        next(pages)

    assert len(server.requests) == 2
    assert [s.name for s in first.extract()] == ["new-server-test-0", "new-server-test-1"]
    assert second.extract() == [Server(id=SERVER_IDS[2], name="new-server-test-2")]
    assert isinstance(first, ServerPage)
    assert [r.query for r in server.requests] == [
        {"limit": ["2"]},
        {"limit": ["2"], "marker": [SERVER_IDS[1]]},
    ]
    assert all(r.method == "GET" and r.path == SERVERS for r in server.requests)
    assert_microversion_on_every_request(server)


def test_items_yields_models_lazily(compute: ServiceClient, server: FakeServer) -> None:
    NovaServers(server)
    items = servers_pager(compute).items()

    first = next(items)
    assert len(server.requests) == 1
    assert first == Server(id=SERVER_IDS[0], name="new-server-test-0")
    rest = list(items)

    assert [s.id for s in rest] == list(SERVER_IDS[1:])
    assert all(isinstance(s, Server) for s in rest)
    assert len(server.requests) == 2
    assert_microversion_on_every_request(server)


def test_each_page_stops_when_the_handler_returns_false(
    compute: ServiceClient, server: FakeServer
) -> None:
    NovaServers(server)
    seen: list[int] = []

    def handle(page: Page[Server]) -> bool:
        seen.append(len(page.extract()))
        return False

    servers_pager(compute).each_page(handle)

    assert seen == [2]
    assert len(server.requests) == 1


def test_each_page_goes_on_while_the_handler_returns_true_or_nothing(
    compute: ServiceClient, server: FakeServer
) -> None:
    NovaServers(server)
    seen: list[list[Server]] = []

    servers_pager(compute).each_page(lambda page: seen.append(page.extract()))

    assert [len(items) for items in seen] == [2, 1]
    assert len(server.requests) == 2


def test_all_pages_combines_every_page(compute: ServiceClient, server: FakeServer) -> None:
    NovaServers(server)

    everything = servers_pager(compute).all_pages()

    assert isinstance(everything, ServerPage)
    assert [s.id for s in everything.extract()] == list(SERVER_IDS)
    assert everything.next_url() is None
    assert len(server.requests) == 2
    assert_microversion_on_every_request(server)


# -- linked pages -------------------------------------------------------------------------------


def test_keystone_links_next(provider: ProviderClient, server: FakeServer) -> None:
    identity = make_service_client(provider, "identity", "/identity/v3")
    base = server.url + USERS

    def reply(request: Recorded) -> Reply:
        if "marker" not in request.query:
            return Reply(
                200,
                {
                    "links": {"self": base, "previous": None, "next": base + "?marker=u2"},
                    "users": [
                        {"id": "u1", "name": "admin", "domain_id": "default", "enabled": True},
                        {"id": "u2", "name": "demo", "domain_id": "default", "enabled": True},
                    ],
                },
            )
        return Reply(
            200,
            {
                "links": {"self": base + "?marker=u2", "previous": base, "next": None},
                "users": [{"id": "u3", "name": "glance", "domain_id": "default", "enabled": True}],
            },
        )

    server.route("GET", USERS, reply)

    users = list(Pager(identity, identity.service_url("users"), UserPage).items())

    assert [u.name for u in users] == ["admin", "demo", "glance"]
    assert [r.query for r in server.received("GET", USERS)] == [{}, {"marker": ["u2"]}]


def test_a_relative_next_link_is_resolved_against_the_page() -> None:
    page = ServerPage(
        url="https://nova.example/v2.1/servers?limit=2",
        body={
            "servers": [nova_server(0)],
            "servers_links": [{"rel": "next", "href": "/v2.1/servers?limit=2&marker=a"}],
        },
    )

    assert page.next_url() == "https://nova.example/v2.1/servers?limit=2&marker=a"


@pytest.mark.parametrize(
    "body",
    [
        {"servers": [{"id": "a", "name": "a"}]},
        {"servers": [{"id": "a", "name": "a"}], "servers_links": []},
        {"servers": [{"id": "a", "name": "a"}], "servers_links": [{"rel": "self", "href": "x"}]},
        {"servers": [{"id": "a", "name": "a"}], "links": {"next": None}},
        {"servers": [{"id": "a", "name": "a"}], "links": {"next": ""}},
    ],
)
def test_pages_without_a_next_link_are_the_last(body: dict[str, Any]) -> None:
    assert ServerPage(url="https://nova.example/v2.1/servers", body=body).next_url() is None


def test_a_next_link_back_to_a_fetched_page_raises_instead_of_looping(
    compute: ServiceClient, server: FakeServer
) -> None:
    NovaServers(server, second_next=server.url + SERVERS + "?limit=2")

    with pytest.raises(errors.PaginationLoopError, match="already fetched") as caught:
        list(servers_pager(compute).items())

    assert SERVERS + "?limit=2" in str(caught.value)
    assert len(server.requests) == 2


def test_a_loop_is_found_whatever_the_order_of_the_query(
    compute: ServiceClient, server: FakeServer
) -> None:
    NovaServers(server, second_next=f"{server.url}{SERVERS}?marker={SERVER_IDS[1]}&limit=2")

    with pytest.raises(errors.PaginationLoopError):
        servers_pager(compute).all_pages()

    assert len(server.requests) == 2


def test_a_page_that_links_to_itself_raises(compute: ServiceClient, server: FakeServer) -> None:
    url = server.url + SERVERS + "?limit=2"
    page = {"servers": [nova_server(0)], "servers_links": [{"rel": "next", "href": url}]}
    server.route("GET", SERVERS, Reply(200, page))

    pages = iter(servers_pager(compute))
    next(pages)
    with pytest.raises(errors.PaginationLoopError):
        next(pages)

    assert len(server.requests) == 1


# -- empty listings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, {"servers": [], "servers_links": []}),
        Reply(200, {"servers": []}),
        Reply(204),
    ],
    ids=["empty-list", "empty-list-no-links", "204"],
)
def test_an_empty_first_page_yields_nothing(
    compute: ServiceClient, server: FakeServer, reply: Reply
) -> None:
    server.route("GET", SERVERS, reply)
    pager = servers_pager(compute)

    assert list(pager) == []
    assert list(pager.items()) == []
    assert pager.all_pages().extract() == []
    assert len(server.requests) == 3  # one per walk above
    assert_microversion_on_every_request(server)


# -- marker pages (Swift) ---------------------------------------------------------------------


def test_a_page_shorter_than_the_limit_ends_the_listing(
    object_client: ServiceClient, server: FakeServer
) -> None:
    server.route(
        "GET",
        CONTAINER,
        Reply(200, [swift_object("goodbye"), swift_object("hello", 5)]),
        Reply(200, [swift_object("world", 2048)]),
    )

    objects = list(
        Pager(
            object_client, object_client.service_url("backups") + "?format=json&limit=2", ObjectPage
        ).items()
    )

    assert [o.name for o in objects] == ["goodbye", "hello", "world"]
    assert [o.bytes for o in objects] == [14, 5, 2048]
    assert objects[0].last_modified == dt.datetime(
        2014, 1, 15, 16, 41, 49, 390270, tzinfo=dt.timezone.utc
    )
    assert [r.query for r in server.received("GET", CONTAINER)] == [
        {"format": ["json"], "limit": ["2"]},
        {"format": ["json"], "limit": ["2"], "marker": ["hello"]},
    ]


def test_without_a_limit_the_listing_ends_at_an_empty_page(
    object_client: ServiceClient, server: FakeServer
) -> None:
    server.route(
        "GET",
        CONTAINER,
        Reply(200, [swift_object("a"), swift_object("b")]),
        Reply(200, [swift_object("photos/día 1.jpg")]),
        Reply(200, []),
    )

    names = [
        o.name
        for o in Pager(
            object_client, object_client.service_url("backups") + "?format=json", ObjectPage
        ).items()
    ]

    assert names == ["a", "b", "photos/día 1.jpg"]
    assert [r.query.get("marker") for r in server.received("GET", CONTAINER)] == [
        None,
        ["b"],
        ["photos/día 1.jpg"],
    ]


def test_a_subdir_entry_is_a_marker_too(object_client: ServiceClient, server: FakeServer) -> None:
    server.route(
        "GET",
        CONTAINER,
        Reply(200, [swift_object("photos.txt"), {"subdir": "photos/"}]),
        Reply(200, [{"subdir": "videos/"}]),
    )

    url = object_client.service_url("backups") + "?format=json&delimiter=%2F&limit=2"
    objects = list(Pager(object_client, url, ObjectPage).items())

    assert objects == [
        Object(
            name="photos.txt",
            bytes=14,
            last_modified=to_utc("2014-01-15T16:41:49.390270"),
        ),
        Object(name="photos/", is_subdir=True),
        Object(name="videos/", is_subdir=True),
    ]
    second = server.received("GET", CONTAINER)[1]
    assert second.query == {
        "format": ["json"],
        "delimiter": ["/"],
        "limit": ["2"],
        "marker": ["photos/"],
    }


def test_a_marker_item_without_a_name_is_an_invalid_response() -> None:
    page = ObjectPage(url="https://swift.example/v1/AUTH_a/c?format=json", body=[{"bytes": 1}])

    with pytest.raises(errors.InvalidResponseError, match="has no 'name'"):
        page.next_url()


# -- single pages -----------------------------------------------------------------------------


def test_a_single_page_listing_makes_one_request(
    provider: ProviderClient, server: FakeServer
) -> None:
    volume = make_service_client(
        provider, "block-storage", "/volume/v3/fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"
    ).with_microversion("3.60")
    server.route(
        "GET",
        VOLUME_TYPES,
        Reply(
            200,
            {
                "volume_types": [
                    {"id": "6685584b-1eac-4da6-b5c3-555430cf68ff", "name": "__DEFAULT__"},
                    {"id": "8eb69a46-df97-4e41-9586-9a40a7533803", "name": "lvmdriver-1"},
                ]
            },
        ),
    )

    types = list(Pager(volume, volume.service_url("types"), VolumeTypePage).items())

    assert [t.name for t in types] == ["__DEFAULT__", "lvmdriver-1"]
    (sent,) = server.received("GET", VOLUME_TYPES)
    assert sent.headers["OpenStack-API-Version"] == "volume 3.60"


# -- bodies that are not what the API documents -----------------------------------------------


def test_a_listing_that_is_not_json_is_an_invalid_response(
    object_client: ServiceClient, server: FakeServer
) -> None:
    server.route("GET", CONTAINER, Reply(200, "goodbye\nhello\n"))

    with pytest.raises(errors.InvalidResponseError, match="the listing is not JSON"):
        list(Pager(object_client, object_client.service_url("backups"), ObjectPage))


@pytest.mark.parametrize(
    ("body", "match"),
    [
        ({"server": []}, "ServerPage: the response body has no 'servers' member"),
        ({"servers": {"id": "x"}}, "ServerPage: expected a list of items"),
        ({"servers": [{"id": "x"}]}, "ServerPage: Server: cannot read the response: KeyError"),
    ],
)
def test_a_page_that_does_not_hold_the_documented_list_is_an_invalid_response(
    compute: ServiceClient, server: FakeServer, body: Any, match: str
) -> None:
    server.route("GET", SERVERS, Reply(200, body))

    with pytest.raises(errors.InvalidResponseError, match=match):
        list(servers_pager(compute).items())


def test_an_error_on_a_later_page_is_raised_where_it_happens(
    compute: ServiceClient, server: FakeServer
) -> None:
    first = {
        "servers": [nova_server(0)],
        "servers_links": [{"rel": "next", "href": f"{server.url}{SERVERS}?limit=2&marker=x"}],
    }
    server.route(
        "GET",
        SERVERS,
        Reply(200, first),
        Reply(
            400,
            {"badRequest": {"message": "marker [x] not found", "code": 400}},
            headers={"X-Compute-Request-Id": "req-7"},
        ),
    )
    items = servers_pager(compute).items()

    assert next(items).id == SERVER_IDS[0]
    with pytest.raises(errors.BadRequestError) as caught:
        next(items)

    assert caught.value.message == "marker [x] not found"
    assert caught.value.request_id == "req-7"
    assert len(server.requests) == 2


# -- next links to another origin ---------------------------------------------------------------


def test_a_next_link_to_another_host_is_followed_on_the_listings_own_origin(
    compute: ServiceClient, server: FakeServer
) -> None:
    first = {
        "servers": [{"id": SERVER_IDS[0], "name": "a", "links": []}],
        "servers_links": [
            {"rel": "next", "href": f"http://192.0.2.10:8774{SERVERS}?limit=1&marker=m1"}
        ],
    }
    last = {"servers": [{"id": SERVER_IDS[1], "name": "b", "links": []}]}
    server.route("GET", SERVERS, Reply(200, first), Reply(200, last))
    with FakeServer() as elsewhere:
        first["servers_links"][0]["href"] = f"{elsewhere.url}{SERVERS}?limit=1&marker=m1"

        names = [s.name for s in servers_pager(compute).items()]

        assert elsewhere.requests == []  # the token never went there
    assert names == ["a", "b"]
    assert [r.query for r in server.requests] == [
        {"limit": ["2"]},
        {"limit": ["1"], "marker": ["m1"]},
    ]
