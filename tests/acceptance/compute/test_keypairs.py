"""Compute v2 key pairs against a real Nova: import (2.92+), generate (up to 2.91), page."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from oscloud import errors
from oscloud.service import ServiceClient
from tests.acceptance.conftest import unique_name

keypairs: Any = pytest.importorskip("oscloud.openstack.compute.v2.keypairs")


@pytest.fixture
def public_key(tmp_path: Path) -> str:
    """A fresh ed25519 public key made with ssh-keygen."""
    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen is needed to make a public key")
    path = tmp_path / "key"
    subprocess.run(
        [
            "ssh-keygen",
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "oscloud-acceptance",
            "-f",
            str(path),
        ],
        check=True,
        timeout=30,
    )
    return (tmp_path / "key.pub").read_text().strip()


@pytest.fixture
def keypair_cleanup(compute: ServiceClient) -> Iterator[Callable[[str], None]]:
    names: list[str] = []
    yield names.append
    for name in names:
        result = keypairs.delete(compute, name)
        if not isinstance(result.err, errors.NotFoundError):
            result.extract_err()


def test_import_get_list_and_delete(
    compute: ServiceClient, public_key: str, keypair_cleanup: Callable[[str], None]
) -> None:
    name = unique_name("key")
    keypair_cleanup(name)

    created = keypairs.create(
        compute, keypairs.CreateOpts(name=name, public_key=public_key)
    ).extract()
    shown = keypairs.get(compute, name).extract()
    listed = [k.name for k in keypairs.list(compute).items()]
    keypairs.delete(compute, name).extract_err()
    gone = keypairs.get(compute, name)

    assert created.name == name and created.public_key == public_key
    assert created.type == "ssh" and created.private_key is None
    assert created.fingerprint and created.fingerprint.count(":") == 15
    assert (shown.name, shown.public_key, shown.fingerprint) == (
        name,
        public_key,
        created.fingerprint,
    )
    assert shown.created_at is not None and shown.created_at.tzinfo is not None
    assert name in listed
    assert isinstance(gone.err, errors.NotFoundError)


def test_paging_with_limit(
    compute: ServiceClient, public_key: str, keypair_cleanup: Callable[[str], None]
) -> None:
    names = sorted(unique_name("key") for _ in range(3))
    for name in names:
        keypair_cleanup(name)
        keypairs.create(compute, keypairs.CreateOpts(name=name, public_key=public_key)).extract()

    pages = [
        keypairs.extract_keypairs(page)
        for page in keypairs.list(compute, keypairs.ListOpts(limit=1))
    ]
    found = [page[0].name for page in pages]

    assert all(len(page) == 1 for page in pages)
    assert set(names) <= set(found) and len(found) == len(set(found))


def test_generated_key_pair_up_to_2_91(
    compute: ServiceClient, keypair_cleanup: Callable[[str], None]
) -> None:
    name = unique_name("key")
    keypair_cleanup(name)

    created = keypairs.create(
        compute.with_microversion("2.91"), keypairs.CreateOpts(name=name)
    ).extract()

    assert created.private_key and "PRIVATE KEY" in created.private_key
    assert created.private_key not in repr(created)
    assert created.public_key


def test_bad_input_raises_before_sending(offline_compute: ServiceClient) -> None:
    with pytest.raises(errors.MissingInputError):
        keypairs.create(offline_compute, keypairs.CreateOpts(name="k"))  # 2.92+: no generation
    with pytest.raises(ValueError, match="must not contain '/'"):
        keypairs.create(
            offline_compute, keypairs.CreateOpts(name="a/b", public_key="ssh-ed25519 A")
        )
    with pytest.raises(errors.MicroversionError):
        keypairs.list(offline_compute.with_microversion("2.34"), keypairs.ListOpts(limit=1))
