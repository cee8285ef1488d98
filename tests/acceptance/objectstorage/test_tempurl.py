"""Temporary URLs and form POSTs against a real Swift, fetched with plain requests (no token)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator

import pytest
import requests

from oscloud.openstack.objectstorage.v1 import accounts, containers, objects, tempurl
from oscloud.service import ServiceClient


@pytest.fixture
def account_key(swift: ServiceClient) -> Iterator[str]:
    """A new account temp-URL key; the one before (if any) is put back afterwards."""
    before = accounts.get(swift).extract().temp_url_key
    key = secrets.token_hex(16)
    accounts.update(swift, accounts.UpdateOpts(temp_url_key=key)).extract_err()
    try:
        yield key
    finally:
        if before is None:
            restore = accounts.UpdateOpts(remove_metadata=("Temp-URL-Key",))
        else:
            restore = accounts.UpdateOpts(temp_url_key=before)
        accounts.update(swift, restore).extract_err()


def test_the_account_key_is_read_back_but_never_shown(
    swift: ServiceClient, account_key: str
) -> None:
    account = accounts.get(swift).extract()

    assert account.temp_url_key == account_key
    assert account_key not in repr(account)
    assert "Temp-URL-Key" not in account.metadata


def test_get_and_put_temp_urls_work_without_a_token(
    swift: ServiceClient, container: str, account_key: str
) -> None:
    objects.upload(swift, container, "shared/file.txt", b"shared content").extract()
    get_url = tempurl.generate(swift, "GET", container, "shared/file.txt", account_key, expires=300)
    put_url = tempurl.generate(swift, "PUT", container, "upload.bin", account_key, expires=300)

    fetched = requests.get(get_url, timeout=30)
    head = requests.head(get_url, timeout=30)
    stored = requests.put(put_url, data=b"uploaded anonymously", timeout=30)
    wrong_method = requests.put(get_url, data=b"nope", timeout=30)
    tampered = requests.get(get_url.replace("temp_url_sig=", "temp_url_sig=0"), timeout=30)

    assert (fetched.status_code, fetched.content) == (200, b"shared content")
    assert head.status_code == 200 and head.headers["Content-Length"] == "14"
    assert stored.status_code == 201
    assert objects.download(swift, container, "upload.bin").read() == b"uploaded anonymously"
    assert wrong_method.status_code == 401
    assert tampered.status_code == 401
    assert account_key not in get_url


def test_prefix_sha512_and_inline_filename_options(
    swift: ServiceClient, container: str, account_key: str
) -> None:
    objects.upload(swift, container, "docs/a.txt", b"aaa").extract()
    objects.upload(swift, container, "docs/b.txt", b"bbb").extract()
    objects.upload(swift, container, "other.txt", b"ooo").extract()
    opts = tempurl.GenerateOpts(prefix="docs/", digest="sha512", filename="saved.txt")

    url_a = tempurl.generate(swift, "GET", container, "docs/a.txt", account_key, 300, opts)
    url_b = tempurl.generate(swift, "GET", container, "docs/b.txt", account_key, 300, opts)
    outside = url_a.replace("/docs/a.txt?", "/other.txt?")
    iso = tempurl.generate(
        swift, "GET", container, "other.txt", account_key, 300, tempurl.GenerateOpts(iso8601=True)
    )

    fetched_a = requests.get(url_a, timeout=30)
    assert fetched_a.content == b"aaa"
    assert 'filename="saved.txt"' in fetched_a.headers.get("Content-Disposition", "")
    assert requests.get(url_b, timeout=30).content == b"bbb"
    assert requests.get(outside, timeout=30).status_code == 401
    assert requests.get(iso, timeout=30).content == b"ooo"


def test_ip_range_limits_where_a_temp_url_works(
    swift: ServiceClient, container: str, account_key: str
) -> None:
    objects.upload(swift, container, "ip.txt", b"local only").extract()

    here = tempurl.generate(
        swift,
        "GET",
        container,
        "ip.txt",
        account_key,
        300,
        tempurl.GenerateOpts(ip_range="127.0.0.1"),
    )
    elsewhere = tempurl.generate(
        swift,
        "GET",
        container,
        "ip.txt",
        account_key,
        300,
        tempurl.GenerateOpts(ip_range="10.0.0.0/8"),
    )

    assert requests.get(here, timeout=30).content == b"local only"
    assert requests.get(elsewhere, timeout=30).status_code == 401


def test_container_key_signs_urls_for_that_container(swift: ServiceClient, container: str) -> None:
    key = secrets.token_hex(16)
    containers.update(swift, container, containers.UpdateOpts(temp_url_key=key)).extract_err()
    objects.upload(swift, container, "c.txt", b"container key").extract()

    url = tempurl.generate(swift, "GET", container, "c.txt", key, expires=300)

    assert requests.get(url, timeout=30).content == b"container key"
    assert containers.get(swift, container).extract().temp_url_key == key


def test_form_post_uploads_files(swift: ServiceClient, container: str, account_key: str) -> None:
    form = tempurl.form_post(
        swift,
        container,
        account_key,
        tempurl.FormPostOpts(max_file_size=1024, max_file_count=2, expires=300),
        object_prefix="uploads/",
    )

    posted = requests.post(
        form.url,
        data=form.fields(),
        files=[("file1", ("one.txt", b"one")), ("file2", ("two.txt", b"two"))],
        allow_redirects=False,
        timeout=30,
    )
    names = objects.extract_object_names(
        objects.list(swift, container, objects.ListOpts(prefix="uploads/")).all_pages()
    )

    assert posted.status_code in (201, 303), posted.text
    assert names == ["uploads/one.txt", "uploads/two.txt"]
    assert objects.download(swift, container, "uploads/two.txt").read() == b"two"
    assert form.signature not in repr(form)


def test_form_post_redirects_with_the_status(
    swift: ServiceClient, container: str, account_key: str
) -> None:
    form = tempurl.form_post(
        swift,
        container,
        account_key,
        tempurl.FormPostOpts(
            max_file_size=16, max_file_count=1, expires=300, redirect="https://app.invalid/done"
        ),
    )

    posted = requests.post(
        form.url,
        data=form.fields(),
        files=[("file", ("fits.txt", b"sixteen bytes!!!"))],
        allow_redirects=False,
        timeout=30,
    )
    too_big = requests.post(
        form.url,
        data=form.fields(),
        files=[("file", ("too-big.txt", b"x" * 17))],
        allow_redirects=False,
        timeout=30,
    )

    assert posted.status_code == 303
    assert posted.headers["Location"].startswith("https://app.invalid/done?status=201")
    assert too_big.status_code == 400 and "max_file_size exceeded" in too_big.text
    names = objects.extract_object_names(objects.list(swift, container).all_pages())
    assert names == ["fits.txt"]


def test_bad_input_raises_before_sending(swift: ServiceClient) -> None:
    with pytest.raises(ValueError, match="allows one of"):
        tempurl.generate(swift, "PATCH", "c", "o", "key", 60)
    with pytest.raises(ValueError, match="positive"):
        tempurl.generate(swift, "GET", "c", "o", "key", -60)
    with pytest.raises(ValueError, match="already past"):
        tempurl.generate(
            swift, "GET", "c", "o", "key", dt.datetime(2001, 1, 1, tzinfo=dt.timezone.utc)
        )
    with pytest.raises(ValueError, match="prefix"):
        tempurl.generate(swift, "GET", "c", "o", "key", 60, tempurl.GenerateOpts(prefix="p/"))
    with pytest.raises(ValueError, match="at least 1"):
        tempurl.form_post(
            swift, "c", "key", tempurl.FormPostOpts(max_file_size=0, max_file_count=1, expires=60)
        )
