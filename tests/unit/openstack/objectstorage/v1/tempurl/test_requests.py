from __future__ import annotations

import datetime as dt
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from oscloud import errors
from oscloud._redact import redact_url
from oscloud.openstack.objectstorage.v1 import tempurl
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer
from tests.unit.openstack.objectstorage.conftest import ACCOUNT
from tests.unit.openstack.objectstorage.v1.tempurl import fixtures

UTC = dt.timezone.utc
FUTURE = dt.datetime(2100, 1, 1, tzinfo=UTC)
FUTURE_SECONDS = 4102444800
SIGNED_PATH = "/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_signature_reproduces_swifts_documented_sha512_example() -> None:
    body = f"{fixtures.DOC_METHOD}\n{fixtures.DOC_EXPIRES}\n{fixtures.DOC_PATH}"

    assert tempurl.signature(fixtures.DOC_KEY, body, "sha512") == fixtures.DOC_SHA512_SIG
    assert fixtures.reference_signature(fixtures.DOC_KEY, body, "sha512") == fixtures.DOC_SHA512_SIG


@pytest.mark.parametrize(("digest", "length"), [("sha1", 40), ("sha256", 64)])
def test_signature_is_hex_for_sha1_and_sha256(digest: str, length: int) -> None:
    body = f"PUT\n{FUTURE_SECONDS}\n/v1/AUTH_a/c/o"

    signed = tempurl.signature(fixtures.KEY, body, digest)  # type: ignore[arg-type]

    assert len(signed) == length
    assert signed == fixtures.reference_signature(fixtures.KEY, body, digest)


@pytest.mark.parametrize("digest", ["sha1", "sha256", "sha512"])
@pytest.mark.parametrize("method", ["GET", "PUT", "HEAD", "DELETE"])
def test_generate_signs_method_expiry_and_unquoted_path(
    server: FakeServer, swift: ServiceClient, method: str, digest: str
) -> None:
    url = tempurl.generate(
        swift,
        method.lower(),
        "photos",
        "2024/cat 1.jpg",
        fixtures.KEY,
        FUTURE,
        tempurl.GenerateOpts(digest=digest),  # type: ignore[arg-type]
    )

    base, _, _ = url.partition("?")
    assert base == f"{server.url}{ACCOUNT}/photos/2024/cat%201.jpg"
    query = query_of(url)
    assert query["temp_url_expires"] == [str(FUTURE_SECONDS)]
    expected = fixtures.reference_signature(
        fixtures.KEY, f"{method}\n{FUTURE_SECONDS}\n{SIGNED_PATH}/photos/2024/cat 1.jpg", digest
    )
    assert query["temp_url_sig"] == [expected]
    assert set(query) == {"temp_url_sig", "temp_url_expires"}
    assert server.requests == []


def test_generate_with_relative_seconds_counts_from_now(swift: ServiceClient) -> None:
    before = int(time.time())

    url = tempurl.generate(swift, "GET", "c", "o", fixtures.KEY, 3600)

    expires = int(query_of(url)["temp_url_expires"][0])
    assert before + 3600 <= expires <= int(time.time()) + 3600
    assert query_of(url)["temp_url_sig"] == [
        fixtures.reference_signature(fixtures.KEY, f"GET\n{expires}\n{SIGNED_PATH}/c/o", "sha256")
    ]


def test_generate_with_a_timedelta(swift: ServiceClient) -> None:
    url = tempurl.generate(swift, "GET", "c", "o", fixtures.KEY, dt.timedelta(minutes=5))

    assert int(query_of(url)["temp_url_expires"][0]) >= int(time.time()) + 299


def test_generate_prefix_based_signs_the_prefix(swift: ServiceClient) -> None:
    url = tempurl.generate(
        swift,
        "GET",
        "container",
        "pre/subfolder/another_object",
        fixtures.KEY,
        FUTURE,
        tempurl.GenerateOpts(prefix="pre", digest="sha1"),
    )

    query = query_of(url)
    assert query["temp_url_prefix"] == ["pre"]
    assert query["temp_url_sig"] == [
        fixtures.reference_signature(
            fixtures.KEY, f"GET\n{FUTURE_SECONDS}\nprefix:{SIGNED_PATH}/container/pre", "sha1"
        )
    ]


def test_generate_refuses_an_object_outside_the_prefix(swift: ServiceClient) -> None:
    with pytest.raises(ValueError, match="prefix"):
        tempurl.generate(
            swift, "GET", "c", "other/o", fixtures.KEY, FUTURE, tempurl.GenerateOpts(prefix="pre")
        )


def test_generate_with_an_ip_range_signs_it_first(swift: ServiceClient) -> None:
    url = tempurl.generate(
        swift,
        "GET",
        "container",
        "object",
        fixtures.KEY,
        FUTURE,
        tempurl.GenerateOpts(ip_range="1.2.3.0/24", digest="sha256"),
    )

    query = query_of(url)
    assert query["temp_url_ip_range"] == ["1.2.3.0/24"]
    assert query["temp_url_sig"] == [
        fixtures.reference_signature(
            fixtures.KEY,
            f"ip=1.2.3.0/24\nGET\n{FUTURE_SECONDS}\n{SIGNED_PATH}/container/object",
            "sha256",
        )
    ]


def test_generate_iso8601_expiry_filename_and_inline(swift: ServiceClient) -> None:
    url = tempurl.generate_for_url(
        "https://swift-cluster.example.com/v1/AUTH_account/container/object?old=1",
        "GET",
        fixtures.DOC_KEY,
        dt.datetime(2100, 12, 10, 1, 11, 25),
        tempurl.GenerateOpts(iso8601=True, filename="My Test File.pdf", inline=True, digest="sha1"),
    )

    assert url.startswith("https://swift-cluster.example.com/v1/AUTH_account/container/object?")
    assert url.endswith("&inline")
    query = query_of(url)
    assert query["temp_url_expires"] == ["2100-12-10T01:11:25Z"]
    assert query["filename"] == ["My Test File.pdf"]
    assert "old" not in query
    seconds = int(dt.datetime(2100, 12, 10, 1, 11, 25, tzinfo=UTC).timestamp())
    assert query["temp_url_sig"] == [
        fixtures.reference_signature(
            fixtures.DOC_KEY, f"GET\n{seconds}\n/v1/AUTH_account/container/object", "sha1"
        )
    ]


def test_generated_urls_are_redacted_in_logs_and_errors(swift: ServiceClient) -> None:
    url = tempurl.generate(swift, "GET", "c", "o", fixtures.KEY, 60)
    signature = query_of(url)["temp_url_sig"][0]

    assert signature not in redact_url(url)
    assert signature not in str(errors.NotFoundError("GET", url, (200,), 404))


@pytest.mark.parametrize(
    ("method", "key", "expires", "opts", "error"),
    [
        ("PATCH", fixtures.KEY, 60, None, ValueError),
        ("GET", "", 60, None, errors.MissingInputError),
        ("GET", fixtures.KEY, 0, None, ValueError),
        ("GET", fixtures.KEY, dt.datetime(2000, 1, 1, tzinfo=UTC), None, ValueError),
        ("GET", fixtures.KEY, "3600", None, TypeError),
        ("GET", fixtures.KEY, 60, tempurl.GenerateOpts(digest="md5"), ValueError),  # type: ignore[arg-type]
        ("GET", fixtures.KEY, 60, tempurl.GenerateOpts(ip_range="not-an-ip"), ValueError),
    ],
)
def test_generate_refuses_bad_input(
    swift: ServiceClient,
    method: str,
    key: str,
    expires: object,
    opts: tempurl.GenerateOpts | None,
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        tempurl.generate(swift, method, "c", "o", key, expires, opts)  # type: ignore[arg-type]


def test_form_post_signs_path_redirect_sizes_and_expiry(
    server: FakeServer, swift: ServiceClient
) -> None:
    form = tempurl.form_post(
        swift,
        "container",
        fixtures.KEY,
        tempurl.FormPostOpts(
            max_file_size=104857600,
            max_file_count=10,
            expires=FUTURE,
            redirect="https://srv.com/some-page",
            digest="sha1",
            delete_after=86400,
        ),
        object_prefix="object_prefix",
    )

    assert form.url == f"{server.url}{ACCOUNT}/container/object_prefix"
    expected = fixtures.reference_signature(
        fixtures.KEY,
        f"{SIGNED_PATH}/container/object_prefix\nhttps://srv.com/some-page\n104857600\n10\n"
        f"{FUTURE_SECONDS}",
        "sha1",
    )
    assert form.fields() == {
        "redirect": "https://srv.com/some-page",
        "max_file_size": "104857600",
        "max_file_count": "10",
        "expires": str(FUTURE_SECONDS),
        "signature": expected,
        "x_delete_after": "86400",
    }
    assert expected not in repr(form)
    assert server.requests == []


def test_form_post_to_the_container_root_signs_the_trailing_slash(swift: ServiceClient) -> None:
    form = tempurl.form_post(
        swift,
        "uploads",
        fixtures.KEY,
        tempurl.FormPostOpts(max_file_size=1, max_file_count=1, expires=FUTURE, digest="sha512"),
    )

    assert form.url.endswith("/uploads/")
    assert "redirect" not in form.fields()
    assert form.signature == fixtures.reference_signature(
        fixtures.KEY, f"{SIGNED_PATH}/uploads/\n\n1\n1\n{FUTURE_SECONDS}", "sha512"
    )


@pytest.mark.parametrize(
    "opts",
    [
        tempurl.FormPostOpts(max_file_size=0, max_file_count=1, expires=60),
        tempurl.FormPostOpts(max_file_size=1, max_file_count=0, expires=60),
        tempurl.FormPostOpts(max_file_size=1, max_file_count=1, expires=-5),
        tempurl.FormPostOpts(
            max_file_size=1, max_file_count=1, expires=60, delete_at=FUTURE, delete_after=5
        ),
        tempurl.FormPostOpts(max_file_size="1", max_file_count=1, expires=60),  # type: ignore[arg-type]
        tempurl.FormPostOpts(max_file_size=1, max_file_count=1, expires=60, delete_after=-1),
    ],
)
def test_form_post_refuses_bad_options(swift: ServiceClient, opts: tempurl.FormPostOpts) -> None:
    with pytest.raises(ValueError, match=r"FormPostOpts|expir|seconds"):
        tempurl.form_post(swift, "c", fixtures.KEY, opts)


def test_a_dict_instead_of_the_options_class_is_refused(swift: ServiceClient) -> None:
    with pytest.raises(TypeError, match=r"expected GenerateOpts, not dict"):
        tempurl.generate(swift, "GET", "c", "o", "key", 60, {"digest": "sha512"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"expected FormPostOpts, not dict"):
        tempurl.form_post(swift, "c", "key", {"max_file_size": 1})  # type: ignore[arg-type]
