"""Compute v2 servers against a real Nova (fake virt driver): one server's whole life.

The module boots one server and takes it through its reads, edits and actions in file
order (each action test starts from ``ACTIVE`` and leaves it ``ACTIVE``), then deletes it.
A second fixture boots three more in one request for the listing and paging tests.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

import oscloud
from oscloud import errors
from oscloud.openstack.clouds import CloudConfig
from oscloud.openstack.compute.v2 import servers
from oscloud.openstack.compute.v2.extensions import diskconfig
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.acceptance.compute.conftest import POLL, SMALL, TINY, WAIT, delete_server
from tests.acceptance.conftest import unique_name

METADATA = {"purpose": "acceptance", "owner": "oscloud"}
TAGS = ["oscloud", "acceptance"]


def settle(client: ServiceClient, server_id: str, status: str) -> servers.Server:
    """Wait for ``status`` and for the task in progress (if any) to end."""
    deadline = time.monotonic() + WAIT
    server = servers.wait_for_status(client, server_id, status, timeout=WAIT, interval=POLL)
    while server.task_state is not None:
        assert time.monotonic() < deadline, f"{server_id} stuck in task {server.task_state}"
        time.sleep(POLL)
        server = servers.wait_for_status(client, server_id, status, timeout=WAIT, interval=POLL)
    return server


@pytest.fixture(scope="module")
def booted(compute: ServiceClient, image_id: str, tiny_flavor_id: str) -> Iterator[dict[str, Any]]:
    """One server booted with no network, metadata, tags and a manual disk config."""
    name = unique_name("server")
    base = servers.CreateOpts(
        name=name,
        image_ref=image_id,
        flavor_ref=tiny_flavor_id,
        networks="none",
        metadata=METADATA,
        tags=TAGS,
        description="booted by the oscloud acceptance tests",
        disk_config=servers.DiskConfig.MANUAL,
    )
    started = time.time()
    created = servers.create(compute, base).extract()
    state: dict[str, Any] = {"id": created.id, "name": name, "created": created}
    try:
        state["active"] = servers.wait_for_status(
            compute, created.id, "ACTIVE", timeout=WAIT, interval=POLL
        )
        state["boot_seconds"] = time.time() - started
        yield state
    finally:
        delete_server(compute, created.id)


@pytest.fixture
def server_id(booted: dict[str, Any], compute: ServiceClient) -> str:
    """The module's server, ``ACTIVE`` with no task running."""
    settle(compute, booted["id"], "ACTIVE")
    return str(booted["id"])


# -- input errors: raised before anything is sent --------------------------------------


def test_offline_client_really_cannot_send(offline_compute: ServiceClient) -> None:
    result = servers.get(offline_compute, str(uuid.uuid4()))

    assert isinstance(result.err, errors.ConnectError)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            lambda c: servers.create(c, servers.CreateOpts(name="x", flavor_ref="1")),
            errors.MissingInputError,
        ),
        (
            lambda c: servers.create(c, servers.CreateOpts(name="x", image_ref="i")),
            errors.MissingInputError,
        ),
        (
            lambda c: servers.create(
                c, servers.CreateOpts(name="x", image_ref="i", flavor_ref="1", networks="nope")
            ),
            ValueError,
        ),
        (
            lambda c: servers.create(
                c, servers.CreateOpts(name="x", image_ref="i", flavor_ref="1", metadata={"": "v"})
            ),
            ValueError,
        ),
        (
            lambda c: servers.create(
                c, servers.CreateOpts(name="x", image_ref="i", flavor_ref="1", tags=["a,b"])
            ),
            ValueError,
        ),
        (lambda c: servers.get(c, ""), ValueError),
        (lambda c: servers.get(c, "a/b"), ValueError),
        (lambda c: servers.update_metadata(c, "s", {"k": "v" * 256}), ValueError),
        (lambda c: servers.add_tag(c, "s", "a/b"), ValueError),
        (lambda c: servers.list_tags(c.with_microversion("2.25"), "s"), errors.MicroversionError),
        (
            lambda c: servers.lock(c.with_microversion("2.72"), "s", reason="r"),
            errors.MicroversionError,
        ),
        (lambda c: servers.reboot(c, "s", "MEDIUM"), ValueError),
        (lambda c: servers.rebuild(c, "s", servers.RebuildOpts()), errors.MissingInputError),
        (lambda c: servers.resize(c, "s", servers.ResizeOpts()), errors.MissingInputError),
        (lambda c: servers.change_admin_password(c, "s", ""), errors.MissingInputError),
        (lambda c: servers.find(c, ""), errors.MissingInputError),
    ],
)
def test_bad_input_raises_before_sending(
    offline_compute: ServiceClient, call: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        _extract(call(offline_compute))  # a request sent would fail with ConnectError instead


def _extract(result: Any) -> Any:
    return result.extract() if hasattr(result, "extract") else result


def test_missing_server_is_not_found_with_novas_message(compute: ServiceClient) -> None:
    missing = str(uuid.uuid4())

    result = servers.get(compute, missing)

    assert isinstance(result.err, errors.NotFoundError)
    assert result.err.status_code == 404
    assert result.err.message == f"Instance {missing} could not be found."
    assert result.err.request_id and result.err.request_id.startswith("req-")
    with pytest.raises(errors.NotFoundError, match="could not be found"):
        result.extract()


# -- reads -----------------------------------------------------------------------------


def test_get_shows_the_booted_server(
    compute: ServiceClient,
    booted: dict[str, Any],
    server_id: str,
    image_id: str,
    cloud_info: dict[str, Any],
) -> None:
    result = servers.get(compute, server_id)
    server = result.extract()

    assert server.id == server_id and server.name == booted["name"]
    assert server.status == "ACTIVE" and server.vm_state == "active"
    assert server.power_state == 1 and server.task_state is None
    assert server.image_id == image_id
    assert server.flavor is not None
    assert server.flavor.id is None  # 2.47+: the flavor is embedded, not referenced
    assert server.flavor.original_name == TINY
    assert (server.flavor.vcpus, server.flavor.ram, server.flavor.disk) == (1, 512, 1)
    assert server.metadata == METADATA
    assert set(server.tags or ()) == set(TAGS)
    assert server.description == "booted by the oscloud acceptance tests"
    assert server.addresses == {}
    assert server.locked is False
    assert server.hostname == booted["name"]  # 2.90
    project_id = (cloud_info.get("clouds") or {}).get("oscloud-member", {}).get("project_id")
    if project_id:
        assert server.tenant_id == project_id
    assert server.user_id
    for moment in (server.created, server.updated, server.launched_at):
        assert moment is not None and moment.tzinfo is not None
        assert moment.utcoffset() == dt.timedelta(0)
    assert server.created is not None
    assert abs(dt.datetime.now(dt.timezone.utc) - server.created) < dt.timedelta(minutes=30)
    assert diskconfig.extract_get(result) is diskconfig.DiskConfig.MANUAL
    assert "adminPass" not in repr(server)


def test_create_answered_with_id_links_and_password(booted: dict[str, Any]) -> None:
    created: servers.CreatedServer = booted["created"]

    assert created.id == booted["id"]
    assert any(link.rel == "self" and created.id in link.href for link in created.links)
    assert created.admin_pass  # Nova generates one
    assert created.admin_pass not in repr(created)


def test_list_and_items_find_the_server(
    compute: ServiceClient, booted: dict[str, Any], server_id: str
) -> None:
    everything = [s.id for s in servers.list(compute).items()]
    by_name = list(servers.list(compute, servers.ListOpts(name=booted["name"])).items())
    simple = list(servers.list_simple(compute, servers.ListOpts(name=booted["name"])).items())
    by_tag = [s.id for s in servers.list(compute, servers.ListOpts(tags=TAGS)).items()]

    assert server_id in everything
    assert [s.id for s in by_name] == [server_id]
    assert by_name[0].status == "ACTIVE" and by_name[0].flavor is not None
    assert [(s.id, s.name) for s in simple] == [(server_id, booted["name"])]
    assert simple[0].status == "" and simple[0].flavor is None  # ids, names and links only
    assert server_id in by_tag


def test_a_filter_older_microversions_ignore_is_refused_not_sent(
    compute: ServiceClient, booted: dict[str, Any], server_id: str
) -> None:
    """Nova before 2.26 ignores ``tags`` and would list every server: oscloud refuses it."""
    default = compute.with_microversion(None)  # Nova answers as 2.1
    untagged_name = servers.ListOpts(name=booted["name"], tags=["no-server-has-this-tag"])

    with pytest.raises(errors.MicroversionError, match=r"ListOpts\.tags: .*2\.26 or later"):
        list(servers.list(default, untagged_name).items())
    with pytest.raises(errors.MicroversionError, match=r"ListOpts\.locked: .*2\.73 or later"):
        servers.list(compute.with_microversion("2.72"), servers.ListOpts(locked=True))
    with pytest.raises(errors.MicroversionError, match=r"UpdateOpts\.description"):
        servers.update(default, server_id, servers.UpdateOpts(description="x")).extract()

    assert list(servers.list(compute.with_microversion("2.26"), untagged_name).items()) == []
    assert [s.id for s in servers.list(default, servers.ListOpts(name=booted["name"])).items()] == [
        server_id
    ]


def test_find_and_id_from_name(
    compute: ServiceClient, booted: dict[str, Any], server_id: str
) -> None:
    assert servers.find(compute, booted["name"]).id == server_id
    assert servers.id_from_name(compute, booted["name"]) == server_id
    with pytest.raises(errors.ResourceNotFoundError):
        servers.find(compute, booted["name"][:-1])  # a prefix is not the name
    with pytest.raises(errors.ResourceNotFoundError):
        servers.id_from_name(compute, unique_name("nobody"))


def test_get_at_the_oldest_microversion_has_the_old_shapes(
    compute: ServiceClient, server_id: str, tiny_flavor_id: str, image_id: str
) -> None:
    server = servers.get(compute.with_microversion("2.1"), server_id).extract()

    assert server.flavor is not None
    assert server.flavor.id == tiny_flavor_id and server.flavor.original_name is None
    assert any(link.rel == "bookmark" for link in server.flavor.links)
    assert server.image_id == image_id
    assert server.tags is None and server.description is None and server.locked is None


def test_list_changes_since_and_disk_configs(
    compute: ServiceClient, booted: dict[str, Any], server_id: str
) -> None:
    hour_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
    future = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)

    recent = [s.id for s in servers.list(compute, servers.ListOpts(changes_since=hour_ago)).items()]
    none_yet = list(servers.list(compute, servers.ListOpts(changes_since=future)).items())
    page = servers.list(compute, servers.ListOpts(name=booted["name"])).all_pages()

    assert server_id in recent
    assert none_yet == []
    assert diskconfig.extract_disk_configs(page) == {server_id: diskconfig.DiskConfig.MANUAL}


def test_addresses_of_a_server_without_networks(compute: ServiceClient, server_id: str) -> None:
    assert servers.list_addresses(compute, server_id).extract() == {}
    missing = servers.list_addresses_by_network(compute, server_id, "private")
    assert isinstance(missing.err, errors.NotFoundError)


def test_wait_for_status_times_out_with_the_last_status(
    compute: ServiceClient, server_id: str
) -> None:
    # WaitTimeoutError is documented as a builtin TimeoutError too.
    with pytest.raises(TimeoutError) as caught:
        servers.wait_for_status(compute, server_id, "SHUTOFF", timeout=1.0, interval=0.3)

    assert isinstance(caught.value, errors.OSCloudError)
    assert getattr(caught.value, "last_status", None) == "ACTIVE"
    assert getattr(caught.value, "wanted", None) == "SHUTOFF"
    assert server_id in str(caught.value)


# -- edits -----------------------------------------------------------------------------


def test_update_name_and_description(
    compute: ServiceClient, booted: dict[str, Any], server_id: str
) -> None:
    new_name = booted["name"] + "-renamed"

    updated = servers.update(
        compute,
        server_id,
        servers.UpdateOpts(name=new_name, description="renamed", hostname="renamed-host"),
    ).extract()
    cleared = servers.update(
        compute, server_id, servers.UpdateOpts(name=booted["name"], description=oscloud.NULL)
    ).extract()

    assert (updated.id, updated.name, updated.description) == (server_id, new_name, "renamed")
    assert updated.hostname == "renamed-host"  # 2.90
    assert cleared.name == booted["name"] and cleared.description is None
    assert servers.get(compute, server_id).extract().name == booted["name"]


def test_metadata_set_update_get_delete(compute: ServiceClient, server_id: str) -> None:
    replaced = servers.set_metadata(compute, server_id, {"a": "1", "b": "2"}).extract()
    merged = servers.update_metadata(compute, server_id, {"b": "two", "c": "3"}).extract()
    one = servers.get_metadatum(compute, server_id, "b").extract()
    put = servers.set_metadatum(compute, server_id, "d", "4").extract()
    servers.delete_metadatum(compute, server_id, "a").extract_err()
    listed = servers.list_metadata(compute, server_id).extract()
    missing = servers.get_metadatum(compute, server_id, "a")

    assert replaced == {"a": "1", "b": "2"}
    assert merged == {"a": "1", "b": "two", "c": "3"}
    assert one == {"b": "two"}
    assert put == {"d": "4"}
    assert listed == {"b": "two", "c": "3", "d": "4"}
    assert isinstance(missing.err, errors.NotFoundError)
    servers.set_metadata(compute, server_id, METADATA).extract()


def test_tags_add_list_check_delete(compute: ServiceClient, server_id: str) -> None:
    replaced = servers.replace_tags(compute, server_id, ["one", "two"]).extract()
    added = servers.add_tag(compute, server_id, "three")
    again = servers.add_tag(compute, server_id, "three")
    listed = servers.list_tags(compute, server_id).extract()
    has = servers.check_tag(compute, server_id, "three").extract()
    servers.delete_tag(compute, server_id, "one").extract_err()
    has_not = servers.check_tag(compute, server_id, "one").extract()
    after_delete = servers.list_tags(compute, server_id).extract()
    servers.delete_all_tags(compute, server_id).extract_err()
    after_all = servers.list_tags(compute, server_id).extract()

    assert sorted(replaced) == ["one", "two"]
    added.extract_err()
    again.extract_err()
    assert (added.status_code, again.status_code) == (201, 204)
    assert sorted(listed) == ["one", "three", "two"]
    assert has is True and has_not is False
    assert sorted(after_delete) == ["three", "two"]
    assert after_all == []
    assert servers.get(compute, server_id).extract().tags == ()
    servers.replace_tags(compute, server_id, TAGS).extract()


# -- actions, in order -------------------------------------------------------------------


def test_stop_and_start(compute: ServiceClient, server_id: str) -> None:
    servers.stop(compute, server_id).extract_err()
    stopped = settle(compute, server_id, "SHUTOFF")
    servers.start(compute, server_id).extract_err()
    started = settle(compute, server_id, "ACTIVE")

    assert (stopped.vm_state, stopped.power_state) == ("stopped", 4)
    assert (started.vm_state, started.power_state) == ("active", 1)


def test_pause_and_unpause(compute: ServiceClient, server_id: str) -> None:
    servers.pause(compute, server_id).extract_err()
    paused = settle(compute, server_id, "PAUSED")
    servers.unpause(compute, server_id).extract_err()

    assert paused.vm_state == "paused"
    assert settle(compute, server_id, "ACTIVE").power_state == 1


def test_suspend_and_resume(compute: ServiceClient, server_id: str) -> None:
    servers.suspend(compute, server_id).extract_err()
    suspended = settle(compute, server_id, "SUSPENDED")
    servers.resume(compute, server_id).extract_err()

    assert suspended.vm_state == "suspended"
    assert settle(compute, server_id, "ACTIVE").vm_state == "active"


def test_lock_with_a_reason_blocks_actions_until_unlocked(
    compute: ServiceClient, server_id: str
) -> None:
    servers.lock(compute, server_id, reason="acceptance lock").extract_err()
    try:
        locked = servers.get(compute, server_id).extract()
        listed = [s.id for s in servers.list(compute, servers.ListOpts(locked=True)).items()]
        refused = servers.stop(compute, server_id)
    finally:
        servers.unlock(compute, server_id).extract_err()
    unlocked = servers.get(compute, server_id).extract()

    assert locked.locked is True and locked.locked_reason == "acceptance lock"
    assert server_id in listed  # the locked filter (2.73)
    assert isinstance(refused.err, errors.ConflictError)
    assert "locked" in refused.err.message
    assert unlocked.locked is False and unlocked.locked_reason is None


def test_soft_reboot(compute: ServiceClient, server_id: str) -> None:
    result = servers.reboot(compute, server_id, servers.RebootType.SOFT)
    result.extract_err()

    assert result.status_code == 202
    assert settle(compute, server_id, "ACTIVE").power_state == 1


def test_change_admin_password(compute: ServiceClient, server_id: str) -> None:
    servers.change_admin_password(compute, server_id, "N3w-acceptance-pass").extract_err()

    assert settle(compute, server_id, "ACTIVE").status == "ACTIVE"


def test_rescue_and_unrescue(compute: ServiceClient, server_id: str) -> None:
    password = servers.rescue(compute, server_id).extract()
    rescued = settle(compute, server_id, "RESCUE")
    servers.unrescue(compute, server_id).extract_err()

    assert isinstance(password, str) and password
    assert rescued.vm_state == "rescued"
    assert settle(compute, server_id, "ACTIVE").vm_state == "active"


def test_resize_and_confirm(compute: ServiceClient, server_id: str, small_flavor_id: str) -> None:
    opts = servers.ResizeOpts(flavor_ref=small_flavor_id, disk_config=servers.DiskConfig.MANUAL)
    servers.resize(compute, server_id, opts).extract_err()
    verifying = settle(compute, server_id, "VERIFY_RESIZE")
    servers.confirm_resize(compute, server_id).extract_err()
    resized = settle(compute, server_id, "ACTIVE")

    assert verifying.flavor is not None and verifying.flavor.original_name == SMALL
    assert resized.flavor is not None
    assert (resized.flavor.original_name, resized.flavor.ram, resized.flavor.disk) == (
        SMALL,
        2048,
        20,
    )


def test_resize_and_revert(compute: ServiceClient, server_id: str, tiny_flavor_id: str) -> None:
    before = servers.get(compute, server_id).extract()
    servers.resize(compute, server_id, servers.ResizeOpts(flavor_ref=tiny_flavor_id)).extract_err()
    verifying = settle(compute, server_id, "VERIFY_RESIZE")
    servers.revert_resize(compute, server_id).extract_err()
    reverted = settle(compute, server_id, "ACTIVE")

    assert before.flavor is not None and verifying.flavor is not None
    assert verifying.flavor.original_name == TINY
    assert reverted.flavor is not None
    assert reverted.flavor.original_name == before.flavor.original_name


def test_rebuild_replaces_name_and_metadata(
    compute: ServiceClient, booted: dict[str, Any], server_id: str, image_id: str
) -> None:
    opts = servers.RebuildOpts(
        image_ref=image_id,
        name=booted["name"],
        metadata={"rebuilt": "yes"},
        description="rebuilt",
    )

    answered = servers.rebuild(compute, server_id, opts).extract()
    rebuilt = settle(compute, server_id, "ACTIVE")

    assert answered.id == server_id and answered.status == "REBUILD"
    assert answered.image_id == image_id
    assert rebuilt.metadata == {"rebuilt": "yes"}
    assert rebuilt.description == "rebuilt"
    servers.set_metadata(compute, server_id, METADATA).extract()


def test_shelve_and_unshelve(compute: ServiceClient, server_id: str) -> None:
    servers.shelve(compute, server_id).extract_err()
    shelved = settle(compute, server_id, "SHELVED_OFFLOADED")
    servers.unshelve(compute, server_id).extract_err()
    back = settle(compute, server_id, "ACTIVE")

    assert shelved.vm_state == "shelved_offloaded"
    assert back.vm_state == "active" and back.power_state == 1


def test_console_output(compute: ServiceClient, server_id: str) -> None:
    whole = servers.get_console_output(compute, server_id).extract()
    tail = servers.get_console_output(compute, server_id, 1).extract()

    assert isinstance(whole, str) and whole
    assert tail and len(tail.splitlines()) == 1
    assert whole.rstrip("\n").endswith(tail.rstrip("\n"))


def test_create_image_answers_the_image_id(
    compute: ServiceClient,
    server_id: str,
    member_provider: ProviderClient,
    member_cloud: CloudConfig,
) -> None:
    glance = member_provider.locate(member_cloud.endpoint_opts(type="image")).rstrip("/")
    made: list[str] = []
    try:
        # 2.45 and later: the id is in the body; before: in the Location header.
        for version in ("2.45", "2.44"):
            client = compute.with_microversion(version)
            opts = servers.CreateImageOpts(name=unique_name("snap"), metadata={"v": version})
            image_id = servers.create_image(client, server_id, opts).extract()
            made.append(image_id)
            settle(compute, server_id, "ACTIVE")
            image = member_provider.request(
                "GET", f"{glance}/v2/images/{image_id}", ok_codes=(200,)
            ).json()
            assert image["id"] == image_id and image["name"] == opts.name
            assert image["v"] == version
    finally:
        for image_id in made:
            member_provider.request("DELETE", f"{glance}/v2/images/{image_id}", ok_codes=(204, 404))
    assert len(set(made)) == 2


def test_instance_actions_list_page_and_get(compute: ServiceClient, server_id: str) -> None:
    actions = list(servers.list_instance_actions(compute, server_id).items())
    paged = list(
        servers.list_instance_actions(
            compute, server_id, servers.ListInstanceActionsOpts(limit=2)
        ).items()
    )
    create = next(a for a in actions if a.action == "create")
    detail = servers.get_instance_action(compute, server_id, create.request_id).extract()

    names = [a.action for a in actions]
    for wanted in (
        "create",
        "stop",
        "start",
        "pause",
        "unpause",
        "suspend",
        "resume",
        "lock",
        "unlock",
        "reboot",
        "rescue",
        "unrescue",
        "resize",
        "confirmResize",
        "revertResize",
        "rebuild",
        "shelve",
        "unshelve",
        "createImage",
        "changePassword",
    ):
        assert wanted in names, f"{wanted} missing from {names}"
    assert [a.request_id for a in paged] == [a.request_id for a in actions]
    assert all(a.instance_uuid == server_id for a in actions)
    assert all(a.start_time is not None and a.start_time.tzinfo is not None for a in actions)
    assert detail.request_id == create.request_id and detail.action == "create"
    assert detail.events, "the create action has events"
    assert all(event.event for event in detail.events)
    assert any(event.result == "Success" for event in detail.events)


def test_delete_and_wait_for_delete(compute: ServiceClient, server_id: str) -> None:
    result = servers.delete(compute, server_id)
    result.extract_err()
    servers.wait_for_delete(compute, server_id, timeout=WAIT, interval=POLL)

    assert result.status_code == 204
    assert isinstance(servers.get(compute, server_id).err, errors.NotFoundError)


# -- several servers: listing filters and paging -----------------------------------------


@pytest.fixture(scope="module")
def trio(compute: ServiceClient, image_id: str, tiny_flavor_id: str) -> Iterator[dict[str, Any]]:
    """Three servers booted by one request (``min_count``), named ``<prefix>-1..3``."""
    prefix = unique_name("trio")
    opts = servers.CreateOpts(
        name=prefix,
        image_ref=image_id,
        flavor_ref=tiny_flavor_id,
        networks="none",
        min_count=3,
        max_count=3,
        return_reservation_id=True,
    )
    reservation_id = servers.create(compute, opts).extract_reservation_id()
    try:
        found: list[servers.Server] = []
        deadline = time.monotonic() + WAIT
        while len(found) < 3 and time.monotonic() < deadline:
            found = list(servers.list(compute, servers.ListOpts(name="^" + prefix)).items())
            time.sleep(POLL if len(found) < 3 else 0)
        assert len(found) == 3, f"booted {len(found)} of 3 servers"
        # Nova's order is not stable while servers build (build requests and instances
        # are listed from different tables): page only once they are all ACTIVE.
        for server in found:
            servers.wait_for_status(compute, server.id, "ACTIVE", timeout=WAIT, interval=POLL)
        yield {"prefix": prefix, "reservation_id": reservation_id, "ids": [s.id for s in found]}
    finally:
        for server in servers.list(compute, servers.ListOpts(name="^" + prefix)).items():
            delete_server(compute, server.id)


def test_create_several_answers_with_a_reservation_id(
    compute: ServiceClient, trio: dict[str, Any]
) -> None:
    reserved = servers.list(compute, servers.ListOpts(reservation_id=trio["reservation_id"]))

    assert trio["reservation_id"].startswith("r-")
    assert sorted(s.id for s in reserved.items()) == sorted(trio["ids"])


def test_paging_follows_next_links(compute: ServiceClient, trio: dict[str, Any]) -> None:
    opts = servers.ListOpts(name="^" + trio["prefix"], limit=1)

    pages = [servers.extract_servers(page) for page in servers.list(compute, opts)]
    items = [s.id for s in servers.list(compute, opts).items()]
    combined = servers.extract_servers(servers.list(compute, opts).all_pages())

    assert [len(page) for page in pages] == [1, 1, 1]
    assert sorted(items) == sorted(trio["ids"]) and len(set(items)) == 3
    assert [s.id for s in combined] == items


def test_sorting_by_name(compute: ServiceClient, trio: dict[str, Any]) -> None:
    ascending = servers.ListOpts(
        name="^" + trio["prefix"], sort_key=["display_name"], sort_dir=["asc"]
    )
    descending = servers.ListOpts(
        name="^" + trio["prefix"], sort_key=["display_name"], sort_dir=["desc"]
    )

    up = [s.name for s in servers.list(compute, ascending).items()]
    down = [s.name for s in servers.list(compute, descending).items()]

    assert up == [f"{trio['prefix']}-{n}" for n in (1, 2, 3)]
    assert down == list(reversed(up))
