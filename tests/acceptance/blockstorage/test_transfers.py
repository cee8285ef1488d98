"""Block storage v3 volume transfers against a real Cinder: member offers, admin project takes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from oscloud import errors
from oscloud.openstack.blockstorage.v3 import transfers, volumes
from oscloud.service import ServiceClient
from tests.acceptance.blockstorage.conftest import POLL, WAIT, Cleanup
from tests.acceptance.conftest import unique_name

MakeVolume = Callable[..., volumes.Volume]


def test_offer_and_accept_in_another_project(
    cinder: ServiceClient,
    admin_cinder: ServiceClient,
    make_volume: MakeVolume,
    cleanup: Cleanup,
    member_project_id: str,
    admin_project_id: str,
) -> None:
    volume = make_volume()
    member = cinder.with_microversion("3.57")
    admin = admin_cinder.with_microversion("3.57")
    name = unique_name("transfer")

    offer = transfers.create(
        member, transfers.CreateOpts(volume_id=volume.id, name=name, no_snapshots=True)
    ).extract()
    cleanup.transfer(member, offer.id)

    assert offer.volume_id == volume.id and offer.name == name
    assert isinstance(offer.auth_key, str) and offer.auth_key
    assert offer.auth_key not in repr(offer)
    assert offer.created_at is not None and offer.created_at.utcoffset() is not None
    assert volumes.get(cinder, volume.id).extract().status == "awaiting-transfer"

    shown = transfers.get(member, offer.id).extract()
    listed = {t.id: t for t in transfers.list(member).items()}
    simple = [t.id for t in transfers.list_simple(member).items()]
    assert shown.auth_key is None  # given once, at creation
    assert shown.source_project_id == member_project_id
    assert shown.accepted is False and shown.no_snapshots is True
    assert offer.id in listed and listed[offer.id].volume_id == volume.id
    assert offer.id in simple

    wrong = transfers.accept(admin, offer.id, "not-the-key")
    assert isinstance(wrong.err, errors.BadRequestError)
    assert "not-the-key" not in str(wrong.err)

    taken = transfers.accept(admin, offer.id, offer.auth_key).extract()

    assert taken.volume_id == volume.id and taken.id == offer.id
    owned = volumes.wait_for_status(admin, volume.id, "available", timeout=WAIT, interval=POLL)
    assert owned.project_id == admin_project_id
    assert isinstance(volumes.get(cinder, volume.id).err, errors.NotFoundError)
    assert isinstance(transfers.get(member, offer.id).err, errors.NotFoundError)


def test_withdraw_an_offer_on_the_old_path(
    cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup
) -> None:
    volume = make_volume()

    offer = transfers.create(cinder, transfers.CreateOpts(volume_id=volume.id)).extract()
    cleanup.transfer(cinder, offer.id)
    shown = transfers.get(cinder, offer.id).extract()
    listed = [t.id for t in transfers.list(cinder).items()]
    transfers.delete(cinder, offer.id).extract_err()

    gone = transfers.get(cinder, offer.id).err
    assert isinstance(gone, errors.NotFoundError) and "/os-volume-transfer/" in gone.url
    assert shown.volume_id == volume.id and shown.name is None
    assert offer.id in listed
    assert volumes.wait_for_status(cinder, volume.id, "available", timeout=WAIT, interval=POLL)
    assert offer.id not in [t.id for t in transfers.list(cinder).items()]


def test_paging_needs_microversion_3_59(cinder: ServiceClient) -> None:
    with pytest.raises(errors.MicroversionError):
        transfers.list(cinder.with_microversion("3.57"), transfers.ListOpts(limit=1))
