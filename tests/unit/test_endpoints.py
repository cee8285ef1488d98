"""oscloud.endpoints: reading the catalog and choosing an endpoint from it."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud import Availability, Catalog, EndpointNotFoundError, EndpointOpts
from oscloud.endpoints import (
    CatalogEndpoint,
    CatalogEntry,
    normalize_url,
    service_type_candidates,
)
from tests.unit.helpers.identity import v3_catalog


def v3_service(
    service_type: str,
    name: str | None,
    urls: dict[tuple[str, str], str],
) -> dict[str, Any]:
    """A v3 catalog entry; ``urls`` maps (region, interface) to URL."""
    service: dict[str, Any] = {
        "type": service_type,
        "id": f"{service_type}-id",
        "endpoints": [
            {
                "id": f"{service_type}-{region}-{interface}",
                "interface": interface,
                "region": region,
                "region_id": region,
                "url": url,
            }
            for (region, interface), url in urls.items()
        ],
    }
    if name is not None:
        service["name"] = name
    return service


#: A catalog like a real multi-region cloud's, in the shape of the Keystone API reference.
CLOUD = [
    v3_service(
        "compute",
        "nova",
        {
            ("RegionOne", "public"): "https://nova.r1.example/v2.1",
            ("RegionOne", "internal"): "http://nova.r1.internal:8774/v2.1/",
            ("RegionOne", "admin"): "http://nova.r1.admin:8774/v2.1//",
            ("RegionTwo", "public"): "https://nova.r2.example/v2.1",
        },
    ),
    v3_service(
        "volumev2",
        "cinderv2",
        {("RegionOne", "public"): "https://cinder.r1.example/v2/fa3b3c8f"},
    ),
    v3_service(
        "volumev3",
        "cinderv3",
        {
            ("RegionOne", "public"): "https://cinder.r1.example/v3/fa3b3c8f",
            ("RegionTwo", "public"): "https://cinder.r2.example/v3/fa3b3c8f",
        },
    ),
    v3_service(
        "object-store",
        "swift",
        {("RegionOne", "public"): "https://swift.r1.example/v1/AUTH_fa3b3c8f"},
    ),
    v3_service(
        "object-store",
        "ceph-rgw",
        {("RegionOne", "public"): "https://rgw.r1.example/swift/v1/AUTH_fa3b3c8f"},
    ),
    v3_service("identity", "keystone", {("RegionOne", "public"): "https://keystone.example/v3"}),
    v3_service("dns", None, {("RegionOne", "public"): "https://designate.example"}),
]


@pytest.fixture
def catalog() -> Catalog:
    return Catalog.from_v3(CLOUD)


# -- reading catalogs -----------------------------------------------------------------------


def test_from_v3_reads_types_names_interfaces_regions_and_urls(catalog: Catalog) -> None:
    compute = catalog.entries[0]

    assert compute.type == "compute"
    assert compute.name == "nova"
    assert compute.endpoints[0] == CatalogEndpoint(
        interface=Availability.PUBLIC, region="RegionOne", url="https://nova.r1.example/v2.1"
    )
    assert [ep.interface for ep in compute.endpoints] == [
        Availability.PUBLIC,
        Availability.INTERNAL,
        Availability.ADMIN,
        Availability.PUBLIC,
    ]
    assert catalog.entries[-1].name is None
    assert len(catalog.entries) == len(CLOUD)


def test_from_v3_reads_the_older_region_member_and_skips_endpoints_without_url() -> None:
    catalog = Catalog.from_v3(
        [
            {
                "type": "image",
                "name": "glance",
                "endpoints": [
                    {"interface": "public", "region": "RegionOne", "url": "https://glance.example"},
                    {"interface": "internal", "region": "RegionOne", "url": ""},
                ],
            }
        ]
    )

    assert catalog.entries[0].endpoints == (
        CatalogEndpoint(
            interface=Availability.PUBLIC, region="RegionOne", url="https://glance.example"
        ),
    )


def test_from_v2_reads_the_url_per_interface() -> None:
    service_catalog = [
        {
            "type": "compute",
            "name": "nova",
            "endpoints_links": [],
            "endpoints": [
                {
                    "region": "RegionOne",
                    "publicURL": "https://nova.example/v2.1",
                    "internalURL": "http://nova.internal:8774/v2.1",
                    "adminURL": "http://nova.admin:8774/v2.1",
                    "id": "2dad48f09e2a447a9bf852bcd93548ef",
                }
            ],
        },
        {
            "type": "object-store",
            "name": "swift",
            "endpoints": [{"region": "RegionOne", "publicURL": "https://swift.example/v1/AUTH_t"}],
        },
    ]

    catalog = Catalog.from_v2(service_catalog)

    assert catalog.locate(EndpointOpts(type="compute")) == "https://nova.example/v2.1/"
    assert (
        catalog.locate(EndpointOpts(type="compute", availability="internalURL"))
        == "http://nova.internal:8774/v2.1/"
    )
    assert catalog.locate(EndpointOpts(type="compute", availability=Availability.ADMIN)) == (
        "http://nova.admin:8774/v2.1/"
    )
    assert catalog.entries[1].endpoints == (
        CatalogEndpoint(
            interface=Availability.PUBLIC, region="RegionOne", url="https://swift.example/v1/AUTH_t"
        ),
    )


def test_to_v3_round_trips(catalog: Catalog) -> None:
    written = catalog.to_v3()

    assert Catalog.from_v3(written) == catalog
    assert written[0]["endpoints"][1] == {
        "interface": "internal",
        "region_id": "RegionOne",
        "url": "http://nova.r1.internal:8774/v2.1/",
    }


# -- locating --------------------------------------------------------------------------------


def test_locate_by_type_takes_the_first_public_endpoint(catalog: Catalog) -> None:
    assert catalog.locate(EndpointOpts(type="compute")) == "https://nova.r1.example/v2.1/"


@pytest.mark.parametrize(
    ("opts", "url"),
    [
        (EndpointOpts(type="compute", region="RegionTwo"), "https://nova.r2.example/v2.1/"),
        (
            EndpointOpts(type="compute", availability="internal"),
            "http://nova.r1.internal:8774/v2.1/",
        ),
        (EndpointOpts(type="compute", availability="admin"), "http://nova.r1.admin:8774/v2.1/"),
        (EndpointOpts(type="compute", availability="publicURL"), "https://nova.r1.example/v2.1/"),
        (EndpointOpts(type="compute", availability="adminURL"), "http://nova.r1.admin:8774/v2.1/"),
        (EndpointOpts(type="compute", availability="PUBLIC"), "https://nova.r1.example/v2.1/"),
        (EndpointOpts(type="object-store"), "https://swift.r1.example/v1/AUTH_fa3b3c8f/"),
        (
            EndpointOpts(type="object-store", name="ceph-rgw"),
            "https://rgw.r1.example/swift/v1/AUTH_fa3b3c8f/",
        ),
        (EndpointOpts(type="dns"), "https://designate.example/"),
    ],
)
def test_locate_by_name_region_and_availability(
    catalog: Catalog, opts: EndpointOpts, url: str
) -> None:
    assert catalog.locate(opts) == url


@pytest.mark.parametrize(
    ("wanted", "url"),
    [
        ("block-storage", "https://cinder.r1.example/v3/fa3b3c8f/"),  # volumev3 before volumev2
        ("volumev3", "https://cinder.r1.example/v3/fa3b3c8f/"),
        ("volumev2", "https://cinder.r1.example/v2/fa3b3c8f/"),
        ("volume", "https://cinder.r1.example/v3/fa3b3c8f/"),
        ("block-store", "https://cinder.r1.example/v3/fa3b3c8f/"),
    ],
)
def test_block_storage_aliases_in_preferred_order(catalog: Catalog, wanted: str, url: str) -> None:
    assert catalog.locate(EndpointOpts(type=wanted)) == url


def test_the_official_type_wins_over_an_alias() -> None:
    catalog = Catalog.from_v3(
        [
            v3_service("volumev3", "cinderv3", {("R", "public"): "https://old.example/v3/p"}),
            v3_service("block-storage", "cinder", {("R", "public"): "https://new.example/v3/p"}),
        ]
    )

    assert catalog.locate(EndpointOpts(type="block-storage")) == "https://new.example/v3/p/"
    assert catalog.locate(EndpointOpts(type="volumev3")) == "https://old.example/v3/p/"


def test_the_alias_matches_in_the_region_asked_for(catalog: Catalog) -> None:
    opts = EndpointOpts(type="block-storage", region="RegionTwo")

    assert catalog.locate(opts) == "https://cinder.r2.example/v3/fa3b3c8f/"


def test_the_first_match_wins() -> None:
    catalog = Catalog.from_v3(
        [
            v3_service("compute", "nova", {("R", "public"): "https://first.example/v2.1"}),
            v3_service("compute", "nova", {("R", "public"): "https://second.example/v2.1"}),
        ]
    )

    assert catalog.locate(EndpointOpts(type="compute")) == "https://first.example/v2.1/"


def test_the_fake_clouds_catalog() -> None:
    fake = Catalog.from_v3(v3_catalog("http://127.0.0.1:8080"))

    assert fake.locate(EndpointOpts(type="block-storage")) == (
        "http://127.0.0.1:8080/volume/v3/fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c/"
    )
    assert fake.locate(EndpointOpts(type="image", availability="internal")) == (
        "http://127.0.0.1:8080/image/"
    )


@pytest.mark.parametrize(
    ("url", "normalized"),
    [
        ("https://nova.example/v2.1", "https://nova.example/v2.1/"),
        ("https://nova.example/v2.1/", "https://nova.example/v2.1/"),
        ("https://nova.example/v2.1///", "https://nova.example/v2.1/"),
        ("https://designate.example", "https://designate.example/"),
    ],
)
def test_urls_end_with_exactly_one_slash(url: str, normalized: str) -> None:
    catalog = Catalog(
        (
            CatalogEntry(
                type="compute",
                name=None,
                endpoints=(CatalogEndpoint(interface=Availability.PUBLIC, region=None, url=url),),
            ),
        )
    )

    assert normalize_url(url) == normalized
    assert catalog.locate(EndpointOpts(type="compute")) == normalized


# -- misses ----------------------------------------------------------------------------------


def test_a_miss_says_what_was_searched_and_what_the_catalog_has(catalog: Catalog) -> None:
    opts = EndpointOpts(type="block-storage", region="RegionThree", availability="internal")

    with pytest.raises(EndpointNotFoundError) as caught:
        catalog.locate(opts)

    message = str(caught.value)
    assert message.startswith(
        "no internal endpoint of type 'block-storage' (or 'volumev3', 'volumev2', 'volume', "
        "'block-store') in region 'RegionThree' in the catalog (it has "
    )
    assert (
        "compute (nova): RegionOne/admin, RegionOne/internal, RegionOne/public, RegionTwo/public"
        in message
    )
    assert "volumev3 (cinderv3): RegionOne/public, RegionTwo/public" in message
    assert "dns: RegionOne/public" in message
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize(
    ("opts", "start"),
    [
        (
            EndpointOpts(type="compute", name="nova-cells"),
            "no public endpoint of type 'compute' named 'nova-cells'",
        ),
        (EndpointOpts(type="image"), "no public endpoint of type 'image' in the catalog"),
        (EndpointOpts(type="dns", availability="admin"), "no admin endpoint of type 'dns'"),
    ],
)
def test_each_criterion_can_miss(catalog: Catalog, opts: EndpointOpts, start: str) -> None:
    with pytest.raises(EndpointNotFoundError, match=f"^{start}"):
        catalog.locate(opts)


def test_an_empty_catalog_says_so() -> None:
    with pytest.raises(EndpointNotFoundError, match=r"\(the catalog is empty\)$"):
        Catalog().locate(EndpointOpts(type="compute"))


def test_a_type_is_required(catalog: Catalog) -> None:
    with pytest.raises(EndpointNotFoundError, match=r"EndpointOpts\.type is required"):
        catalog.locate(EndpointOpts())


# -- options -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling", ["public", "PUBLIC", "publicURL", "publicurl", Availability.PUBLIC]
)
def test_availability_spellings(spelling: Any) -> None:
    assert EndpointOpts(availability=spelling).availability is Availability.PUBLIC


@pytest.mark.parametrize("spelling", ["private", "", "URL", 3])
def test_an_unknown_availability_is_a_value_error(spelling: Any) -> None:
    with pytest.raises(ValueError, match="availability must be public, internal or admin"):
        EndpointOpts(availability=spelling)


@pytest.mark.parametrize(
    ("service_type", "candidates"),
    [
        ("block-storage", ("block-storage", "volumev3", "volumev2", "volume", "block-store")),
        ("volume", ("volume", "block-storage", "volumev3", "volumev2", "block-store")),
        ("shared-file-system", ("shared-file-system", "sharev2", "share")),
        ("sharev2", ("sharev2", "shared-file-system", "share")),
        (
            "container-infra",
            (
                "container-infra",
                "container-infrastructure-management",
                "container-infrastructure",
            ),
        ),
        ("clustering", ("clustering", "resource-cluster", "cluster")),
        ("baremetal", ("baremetal", "bare-metal")),
        ("compute", ("compute",)),
        ("object-store", ("object-store",)),
        ("something-new", ("something-new",)),
    ],
)
def test_service_type_candidates(service_type: str, candidates: tuple[str, ...]) -> None:
    assert service_type_candidates(service_type) == candidates
