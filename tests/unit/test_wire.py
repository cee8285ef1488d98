"""oscloud._wire: bodies, query strings and headers built from field metadata."""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from typing import Any

import attrs
import pytest

from oscloud import NULL, MissingInputError, errors
from oscloud import _wire as wire
from oscloud.provider import ProviderClient
from oscloud.results import Result
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.server import FakeServer, Reply

UTC = dt.timezone.utc
CEST = dt.timezone(dt.timedelta(hours=2))
SERVERS = "/compute/v2.1/servers"
OBJECT = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c/backups/db.tar"


class DiskConfig(str, enum.Enum):
    AUTO = "AUTO"
    MANUAL = "MANUAL"


class SortDir(enum.Enum):
    ASC = "asc"
    DESC = "desc"


# -- option classes shaped like the APIs' ------------------------------------------------


@attrs.frozen(kw_only=True)
class Network:
    uuid: str | None = attrs.field(default=None, metadata=wire.body("uuid"))
    port: str | None = attrs.field(default=None, metadata=wire.body("port"))
    fixed_ip: str | None = attrs.field(default=None, metadata=wire.body("fixed_ip"))


@attrs.frozen(kw_only=True)
class BlockDevice:
    source_type: str = attrs.field(metadata=wire.body("source_type", required=True))
    uuid: str | None = attrs.field(default=None, metadata=wire.body("uuid"))
    boot_index: int | None = attrs.field(default=None, metadata=wire.body("boot_index"))
    delete_on_termination: bool = attrs.field(
        default=False, metadata=wire.body("delete_on_termination")
    )


@attrs.frozen(kw_only=True)
class CreateOpts:
    name: str | None = attrs.field(default=None, metadata=wire.body("name", required=True))
    flavor_ref: str | None = attrs.field(
        default=None, metadata=wire.body("flavorRef", required=True)
    )
    image_ref: str | None = attrs.field(default=None, metadata=wire.body("imageRef"))
    networks: Any = attrs.field(default=None, metadata=wire.body("networks"))
    block_device_mapping: list[BlockDevice] | None = attrs.field(
        default=None, metadata=wire.body("block_device_mapping_v2")
    )
    metadata: dict[str, str] | None = attrs.field(default=None, metadata=wire.body("metadata"))
    description: Any = attrs.field(default=None, metadata=wire.body("description"))
    disk_config: DiskConfig | None = attrs.field(
        default=None, metadata=wire.body("OS-DCF:diskConfig")
    )
    min_count: int | None = attrs.field(default=None, metadata=wire.body("min_count"))
    not_before: dt.datetime | None = attrs.field(default=None, metadata=wire.body("not_before"))
    tags: Any = attrs.field(default=None, metadata=wire.body("tags"))
    helper: str | None = None  # no wire metadata: the operation handles it itself


@attrs.frozen(kw_only=True)
class ListOpts:
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))
    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    changes_since: dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("changes-since")
    )
    sort_dir: SortDir | None = attrs.field(default=None, metadata=wire.query("sort_dir"))
    sort_key: Any = attrs.field(default=None, metadata=wire.query("sort_key"))
    tags: Any = attrs.field(default=None, metadata=wire.query("tags", encode=wire.comma_list))
    project_id: Any = attrs.field(default=None, metadata=wire.query("project_id"))


@attrs.frozen(kw_only=True)
class PutObjectOpts:
    content_type: str | None = attrs.field(default=None, metadata=wire.header("Content-Type"))
    delete_after: int | None = attrs.field(default=None, metadata=wire.header("X-Delete-After"))
    if_unmodified_since: dt.datetime | None = attrs.field(
        default=None, metadata=wire.header("If-Unmodified-Since")
    )
    detect_content_type: bool | None = attrs.field(
        default=None, metadata=wire.header("X-Detect-Content-Type")
    )
    metadata: Any = attrs.field(factory=dict, metadata=wire.header("X-Object-Meta-", prefix=True))
    object_manifest: Any = attrs.field(default=None, metadata=wire.header("X-Object-Manifest"))
    etag: str | None = attrs.field(default=None, metadata=wire.header("ETag", required=True))


# -- operations over the loopback server ------------------------------------------------


def create_server(client: ServiceClient, opts: CreateOpts) -> Result[Any]:
    body = wire.build_body(opts, "server", client=client, of=CreateOpts)
    return client.call(Result, "POST", client.service_url("servers"), json=body, ok_codes=(202,))


def list_servers(client: ServiceClient, opts: ListOpts) -> Result[Any]:
    url = wire.url(client, "servers", query=opts, of=ListOpts)
    return client.call(Result, "GET", url, ok_codes=(200,))


def put_object(client: ServiceClient, opts: PutObjectOpts) -> Result[Any]:
    headers = wire.build_headers(opts, client=client, of=PutObjectOpts)
    return client.call(
        Result,
        "PUT",
        client.service_url("backups", "db.tar"),
        data=b"x",
        headers=headers,
        ok_codes=(201,),
    )


@pytest.fixture
def object_client(provider: Any) -> ServiceClient:
    from tests.unit.conftest import make_service_client

    return make_service_client(
        provider, "object-store", "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"
    )


def test_a_create_body_reaches_the_server_as_built(
    compute_client: ServiceClient, server: FakeServer
) -> None:
    server.route("POST", SERVERS, Reply(202, {"server": {"id": "f5dc173b"}}))
    opts = CreateOpts(
        name="new-server-test",
        flavor_ref="1",
        image_ref="70a599e0-31e7-49b7-b260-868f441e862b",
        networks=[Network(uuid="ff608d40-75e9-48cb-b745-77bb55b5eaf2"), Network(port="p-1")],
        block_device_mapping=[BlockDevice(source_type="volume", uuid="v-1", boot_index=0)],
        metadata={"My Server Name": "Apache1"},
        description=NULL,
        disk_config=DiskConfig.AUTO,
        min_count=2,
        not_before=dt.datetime(2024, 5, 1, 14, 0, tzinfo=CEST),
        helper="kept out",
    )

    result = create_server(compute_client, opts)

    assert result.err is None
    (sent,) = server.received("POST", SERVERS)
    assert sent.json() == {
        "server": {
            "name": "new-server-test",
            "flavorRef": "1",
            "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b",
            "networks": [{"uuid": "ff608d40-75e9-48cb-b745-77bb55b5eaf2"}, {"port": "p-1"}],
            "block_device_mapping_v2": [
                {
                    "source_type": "volume",
                    "uuid": "v-1",
                    "boot_index": 0,
                    "delete_on_termination": False,
                }
            ],
            "metadata": {"My Server Name": "Apache1"},
            "description": None,
            "OS-DCF:diskConfig": "AUTO",
            "min_count": 2,
            "not_before": "2024-05-01T12:00:00Z",
        }
    }
    assert sent.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("opts", "missing"),
    [
        (CreateOpts(flavor_ref="1"), "CreateOpts.name"),
        (CreateOpts(name="web"), "CreateOpts.flavor_ref"),
        (
            CreateOpts(
                name="web",
                flavor_ref="1",
                block_device_mapping=[
                    BlockDevice(source_type="image"),
                    BlockDevice(source_type=None),  # type: ignore[arg-type]
                ],
            ),
            "BlockDevice.source_type",
        ),
    ],
)
def test_a_missing_required_field_is_named_before_any_request(
    compute_client: ServiceClient, server: FakeServer, opts: CreateOpts, missing: str
) -> None:
    with pytest.raises(MissingInputError, match=f"^{missing} is required$"):
        create_server(compute_client, opts)

    assert server.requests == []


def test_a_required_header_is_checked_before_any_request(
    object_client: ServiceClient, server: FakeServer
) -> None:
    with pytest.raises(MissingInputError, match=r"PutObjectOpts\.etag is required"):
        put_object(object_client, PutObjectOpts())

    assert server.requests == []


# -- bodies -------------------------------------------------------------------------------


def test_none_is_left_out_and_null_sent_as_null() -> None:
    assert wire.build_body(CreateOpts(name="a", flavor_ref="1"), client=None) == {
        "name": "a",
        "flavorRef": "1",
    }
    assert wire.build_body(CreateOpts(name="a", flavor_ref="1", description=NULL), client=None) == {
        "name": "a",
        "flavorRef": "1",
        "description": None,
    }


def test_mappings_lists_sets_and_dates_in_a_body() -> None:
    opts = CreateOpts(
        name="a",
        flavor_ref="1",
        metadata={"when": dt.datetime(2024, 1, 1, tzinfo=UTC), "n": 1},  # type: ignore[dict-item]
        tags=frozenset({"web", "db", "app"}),
        networks=({"uuid": "n-1"}, {"uuid": "n-2", "tag": DiskConfig.MANUAL}),
        description=dt.date(2024, 2, 29),
    )

    built = wire.build_body(opts, client=None)

    assert built["metadata"] == {"when": "2024-01-01T00:00:00Z", "n": 1}
    assert built["tags"] == ["app", "db", "web"]
    assert built["networks"] == [{"uuid": "n-1"}, {"uuid": "n-2", "tag": "MANUAL"}]
    assert built["description"] == "2024-02-29"


@pytest.mark.parametrize(
    ("value", "where"),
    [
        (b"raw bytes", "CreateOpts.description"),
        (object(), "CreateOpts.description"),
        ({"nested": {"bytes": b"x"}}, "CreateOpts.description['nested']['bytes']"),
        ([1, uuid], "CreateOpts.description[1]"),
    ],
)
def test_a_value_json_cannot_carry_raises_type_error(value: object, where: str) -> None:
    with pytest.raises(TypeError, match=f"^{re.escape(where)}: a "):
        wire.build_body(CreateOpts(name="a", flavor_ref="1", description=value), client=None)


def test_a_nested_option_with_a_non_body_field_set_raises() -> None:
    @attrs.frozen(kw_only=True)
    class Mixed:
        uuid: str | None = attrs.field(default=None, metadata=wire.body("uuid"))
        limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))

    opts = CreateOpts(name="a", flavor_ref="1", networks=[Mixed(uuid="n", limit=5)])

    with pytest.raises(TypeError, match=r"CreateOpts.networks\[0\]: Mixed.limit is not a body"):
        wire.build_body(opts, client=None)
    assert wire.build_body(
        CreateOpts(name="a", flavor_ref="1", networks=[Mixed(uuid="n")]), client=None
    ) == {
        "name": "a",
        "flavorRef": "1",
        "networks": [{"uuid": "n"}],
    }


def test_encode_is_applied_to_body_values_but_not_to_null() -> None:
    @attrs.frozen(kw_only=True)
    class Opts:
        user_data: Any = attrs.field(
            default=None, metadata=wire.body("user_data", encode=lambda s: s.upper())
        )

    assert wire.build_body(Opts(user_data="abc"), client=None) == {"user_data": "ABC"}
    assert wire.build_body(Opts(user_data=NULL), client=None) == {"user_data": None}
    assert wire.build_body(Opts(), client=None) == {}


# -- query strings ------------------------------------------------------------------------


def test_a_query_reaches_the_server_as_built(
    compute_client: ServiceClient, server: FakeServer
) -> None:
    server.route("GET", SERVERS, Reply(200, {"servers": []}))
    opts = ListOpts(
        name="web server",
        limit=10,
        all_tenants=True,
        changes_since=dt.datetime(2024, 5, 1, 14, 0, tzinfo=CEST),
        sort_dir=SortDir.DESC,
        sort_key=["name", "created_at"],
        tags=["prod", "eu"],
        project_id=uuid.UUID("6f70656e-7374-6163-6b20-342065766572"),
    )

    list_servers(compute_client, opts).extract()

    (sent,) = server.received("GET", SERVERS)
    assert sent.query == {
        "name": ["web server"],
        "limit": ["10"],
        "all_tenants": ["true"],
        "changes-since": ["2024-05-01T12:00:00Z"],
        "sort_dir": ["desc"],
        "sort_key": ["name", "created_at"],
        "tags": ["prod,eu"],
        "project_id": ["6f70656e-7374-6163-6b20-342065766572"],
    }


def test_query_order_false_and_empty_lists() -> None:
    assert wire.build_query(ListOpts(all_tenants=False, limit=0), client=None) == [
        ("limit", "0"),
        ("all_tenants", "false"),
    ]
    assert wire.build_query(ListOpts(sort_key=[], tags=[]), client=None) == []
    assert wire.build_query(ListOpts(), client=None) == []


@pytest.mark.parametrize(
    "value", [{"a": 1}, NULL, b"bytes", [["nested"]], Network(uuid="n")], ids=repr
)
def test_a_query_value_that_would_arrive_garbled_raises(value: object) -> None:
    with pytest.raises(TypeError, match=r"^ListOpts.sort_key: .* cannot be sent as a query value"):
        wire.build_query(ListOpts(sort_key=value), client=None)


def test_a_required_query_parameter() -> None:
    @attrs.frozen(kw_only=True)
    class Opts:
        host: str | None = attrs.field(default=None, metadata=wire.query("host", required=True))

    with pytest.raises(MissingInputError, match=r"Opts\.host is required"):
        wire.build_query(Opts(), client=None)
    assert wire.build_query(Opts(host="compute-1"), client=None) == [("host", "compute-1")]


def test_with_query() -> None:
    assert wire.with_query("https://n/servers", [("tag", "a"), ("tag", "b")]) == (
        "https://n/servers?tag=a&tag=b"
    )
    assert wire.with_query("https://n/servers?limit=1", [("name", "é")]) == (
        "https://n/servers?limit=1&name=%C3%A9"
    )


# -- headers ------------------------------------------------------------------------------


def test_headers_reach_the_server_as_built(
    object_client: ServiceClient, server: FakeServer
) -> None:
    server.route("PUT", OBJECT, Reply(201, headers={"Etag": "d41d8cd98f00b204e9800998ecf8427e"}))
    opts = PutObjectOpts(
        etag="d41d8cd98f00b204e9800998ecf8427e",
        content_type="application/x-tar",
        delete_after=86400,
        if_unmodified_since=dt.datetime(2012, 9, 27, 20, 9, 10, tzinfo=CEST),
        detect_content_type=False,
        metadata={"Backup-Of": "db-1", "Retention": 7},
    )

    result = put_object(object_client, opts)

    assert result.err is None
    (sent,) = server.received("PUT", OBJECT)
    assert sent.headers["ETag"] == "d41d8cd98f00b204e9800998ecf8427e"
    assert sent.headers["Content-Type"] == "application/x-tar"
    assert sent.headers["X-Delete-After"] == "86400"
    assert sent.headers["If-Unmodified-Since"] == "Thu, 27 Sep 2012 18:09:10 GMT"
    assert sent.headers["X-Detect-Content-Type"] == "false"
    assert sent.headers["X-Object-Meta-Backup-Of"] == "db-1"
    assert sent.headers["X-Object-Meta-Retention"] == "7"


def test_an_empty_or_absent_prefix_mapping_sends_nothing() -> None:
    assert wire.build_headers(PutObjectOpts(etag="e"), client=None) == {"ETag": "e"}
    assert wire.build_headers(PutObjectOpts(etag="e", metadata=None), client=None) == {"ETag": "e"}


@pytest.mark.parametrize("value", ["Color: blue", ["Color", "blue"], 7, NULL], ids=repr)
def test_a_prefix_field_that_is_not_a_mapping_raises_instead_of_vanishing(
    object_client: ServiceClient, server: FakeServer, value: object
) -> None:
    with pytest.raises(TypeError, match=r"^PutObjectOpts.metadata must be a mapping"):
        put_object(object_client, PutObjectOpts(etag="e", metadata=value))

    assert server.requests == []


@pytest.mark.parametrize(
    ("metadata", "error", "match"),
    [
        ({"": "x"}, ValueError, "cannot end a X-Object-Meta-\\* header name"),
        ({1: "x"}, ValueError, "cannot end a X-Object-Meta-\\* header name"),
        (
            {"Color": None},
            TypeError,
            r"PutObjectOpts.metadata\['Color'\]: None cannot be sent as a header",
        ),
        ({"Color": ["blue"]}, TypeError, r"PutObjectOpts.metadata\['Color'\]: a list"),
    ],
)
def test_prefix_items_that_cannot_be_headers_raise(
    metadata: dict[Any, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        wire.build_headers(PutObjectOpts(etag="e", metadata=metadata), client=None)


@pytest.mark.parametrize("value", [NULL, {"a": "b"}, ["a", "b"], b"bytes"], ids=repr)
def test_a_header_value_that_would_arrive_garbled_raises(value: object) -> None:
    with pytest.raises(
        TypeError, match=r"^PutObjectOpts.object_manifest: .* cannot be sent as a header value"
    ):
        wire.build_headers(PutObjectOpts(etag="e", object_manifest=value), client=None)


def test_header_encode_hook() -> None:
    @attrs.frozen(kw_only=True)
    class Opts:
        delete_at: dt.datetime | None = attrs.field(
            default=None,
            metadata=wire.header("X-Delete-At", encode=lambda d: int(d.timestamp())),
        )

    assert wire.build_headers(
        Opts(delete_at=dt.datetime(2012, 9, 27, 18, 9, 10, tzinfo=UTC)), client=None
    ) == {"X-Delete-At": "1348769350"}


def test_comma_list() -> None:
    assert wire.comma_list(["a", "b", 3]) == "a,b,3"
    assert wire.comma_list(()) == ""


def test_null_repr() -> None:
    assert repr(NULL) == "oscloud.NULL"


# -- microversions, top-level members, the options class ---------------------------------


@attrs.frozen(kw_only=True)
class VersionedOpts:
    name: str = attrs.field(metadata=wire.body("name", required=True))
    tags: list[str] | None = attrs.field(
        default=None, metadata=wire.body("tags", min_version="2.52")
    )
    personality: list[str] | None = attrs.field(
        default=None, metadata=wire.body("personality", max_version="2.56")
    )
    hints: dict[str, str] | None = attrs.field(
        default=None, metadata=wire.body("os:scheduler_hints", top_level=True)
    )
    locked: bool | None = attrs.field(
        default=None, metadata=wire.query("locked", min_version="2.73")
    )
    networks: list[Network] | None = attrs.field(default=None, metadata=wire.body("networks"))


@attrs.frozen(kw_only=True)
class TaggedNetwork:
    uuid: str = attrs.field(metadata=wire.body("uuid"))
    tag: str | None = attrs.field(default=None, metadata=wire.body("tag", min_version="2.42"))


def _compute(version: str | None) -> ServiceClient:
    client = ServiceClient(provider=ProviderClient(), endpoint="https://nova/v2.1", type="compute")
    return client.with_microversion(version)


@pytest.mark.parametrize(
    ("version", "refused"),
    [(None, "2.52 or later"), ("2.51", "2.52 or later"), ("2.52", None), ("latest", None)],
)
def test_a_body_field_is_refused_below_its_microversion(
    version: str | None, refused: str | None
) -> None:
    opts = VersionedOpts(name="a", tags=["t"])

    if refused is None:
        assert wire.build_body(opts, "server", client=_compute(version)) == {
            "server": {"name": "a", "tags": ["t"]}
        }
    else:
        with pytest.raises(errors.MicroversionError, match=rf"VersionedOpts\.tags: .*{refused}"):
            wire.build_body(opts, "server", client=_compute(version))


@pytest.mark.parametrize(
    ("version", "refused"), [(None, False), ("2.56", False), ("2.57", True), ("latest", True)]
)
def test_a_removed_body_field_is_refused_after_its_last_microversion(
    version: str | None, refused: bool
) -> None:
    opts = VersionedOpts(name="a", personality=["p"])

    if refused:
        with pytest.raises(errors.MicroversionError, match=r"2\.56 or earlier .*2\.57 removed it"):
            wire.build_body(opts, client=_compute(version))
    else:
        assert wire.build_body(opts, client=_compute(version)) == {
            "name": "a",
            "personality": ["p"],
        }


def test_a_nested_field_is_checked_too() -> None:
    @attrs.frozen(kw_only=True)
    class Opts:
        networks: list[TaggedNetwork] = attrs.field(metadata=wire.body("networks"))

    opts = Opts(networks=[TaggedNetwork(uuid="n", tag="nic1")])

    with pytest.raises(errors.MicroversionError, match=r"TaggedNetwork\.tag"):
        wire.build_body(opts, client=_compute("2.41"))
    assert wire.build_body(opts, client=_compute("2.42")) == {
        "networks": [{"uuid": "n", "tag": "nic1"}]
    }


def test_a_query_filter_the_server_would_ignore_is_refused_before_sending(
    server: FakeServer, provider: ProviderClient
) -> None:
    client = make_service_client(provider, "compute", "/compute/v2.1")

    with pytest.raises(errors.MicroversionError, match=r"VersionedOpts\.locked: .*2\.73"):
        wire.url(client, "servers", query=VersionedOpts(name="a", locked=True))

    assert server.requests == []
    assert wire.url(
        client.with_microversion("2.73"), "servers", query=VersionedOpts(name="a", locked=False)
    ).endswith("/servers?locked=false")


def test_a_field_left_none_is_never_checked() -> None:
    assert wire.build_body(VersionedOpts(name="a"), client=_compute(None)) == {"name": "a"}


def test_top_level_members_go_beside_the_root() -> None:
    opts = VersionedOpts(name="a", hints={"group": "g1"})

    assert wire.build_body(opts, "server", client=None) == {
        "server": {"name": "a"},
        "os:scheduler_hints": {"group": "g1"},
    }
    assert wire.build_body(opts, client=None) == {
        "name": "a",
        "os:scheduler_hints": {"group": "g1"},
    }


@pytest.mark.parametrize("given", [{"name": "a"}, "name=a", None, 3])
def test_anything_but_the_options_class_is_a_type_error_naming_it(given: object) -> None:
    with pytest.raises(TypeError, match=r"expected VersionedOpts, not "):
        wire.build_body(given, "server", client=None, of=VersionedOpts)
    if given is not None:  # no options: no query
        with pytest.raises(TypeError, match=r"expected VersionedOpts"):
            wire.url(_compute(None), "servers", query=given, of=VersionedOpts)


def test_without_a_class_any_non_options_object_is_refused() -> None:
    with pytest.raises(TypeError, match=r"an options object \(an attrs class\), not dict"):
        wire.build_query({"limit": 1}, client=None)


@pytest.mark.parametrize(
    ("value", "location", "message"),
    [
        (
            "caf\u20ac",
            "header",
            r"'caf€' cannot be sent as a header value \(character 3 is not LATIN-1",
        ),
        ("a\r\nX-Injected: 1", "header", "a header value cannot hold a line break"),
        ("bad\ud800", "query", r"cannot be sent as a query value \(character 3 is not UTF-8"),
    ],
)
def test_text_that_cannot_travel_is_refused_naming_the_field(
    value: str, location: str, message: str
) -> None:
    @attrs.frozen(kw_only=True)
    class Opts:
        meta: str = attrs.field(metadata=wire.header("X-Object-Meta-Color"))
        name: str = attrs.field(default="ok", metadata=wire.query("name"))

    opts = Opts(meta=value) if location == "header" else Opts(meta="ok", name=value)
    build = wire.build_headers if location == "header" else wire.build_query

    with pytest.raises(ValueError, match=message) as raised:
        build(opts, client=None)
    assert str(raised.value).startswith(f"Opts.{'meta' if location == 'header' else 'name'}:")
