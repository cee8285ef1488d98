"""oscloud.errors: the hierarchy, the class per status, and what an error says."""

from __future__ import annotations

import builtins
import copy
import pickle
import re
import socket

import pytest

from oscloud import RetryPolicy, errors
from oscloud.provider import ProviderClient
from tests.unit.helpers import error_bodies
from tests.unit.helpers.server import FakeServer, Reply

SERVER_PATH = "/compute/v2.1/servers/9168b536-cd40-4630-b43f-b259807c6e87"
OBJECT_PATH = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c/backups/db.tar"
SIGNATURE = "da39a3ee5e6b4b0d3255bfef95601890afd80709"

STATUS_CLASSES = {
    400: errors.BadRequestError,
    401: errors.UnauthorizedError,
    403: errors.ForbiddenError,
    404: errors.NotFoundError,
    405: errors.MethodNotAllowedError,
    408: errors.RequestTimeoutError,
    409: errors.ConflictError,
    413: errors.RequestEntityTooLargeError,
    429: errors.TooManyRequestsError,
    500: errors.InternalServerError,
    502: errors.BadGatewayError,
    503: errors.ServiceUnavailableError,
    504: errors.GatewayTimeoutError,
}


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# -- the hierarchy ------------------------------------------------------------------------


DRAWN_LINE = re.compile(r"(?P<prefix>[│ ]*(?:[├└]── )?)(?P<name>\w+)(?: \((?P<builtin>[^)]*)\))?")


def drawn_hierarchy() -> list[tuple[str, str, str | None]]:
    """(class, parent, builtin base named in parentheses) for each line of the drawing."""
    block = (errors.__doc__ or "").split("::\n\n", 1)[1].split("\n\n", 1)[0]
    rows: list[tuple[str, str, str | None]] = []
    parents: dict[int, str] = {}
    for text in block.splitlines():
        match = DRAWN_LINE.match(text.removeprefix("    "))
        assert match, text
        depth = len(match.group("prefix")) // 4
        name = match.group("name")
        parents[depth] = name
        if depth:
            builtin = match.group("builtin")
            rows.append((name, parents[depth - 1], builtin and builtin.removeprefix("builtin ")))
    return rows


def test_the_drawn_hierarchy_is_the_real_one() -> None:
    rows = drawn_hierarchy()

    assert len(rows) == 28
    for name, parent, builtin in rows:
        cls = getattr(errors, name)
        assert cls.__bases__[0] is getattr(errors, parent), name
        if builtin is not None:
            assert issubclass(cls, getattr(builtins, builtin)), name
    drawn = {name for name, _, _ in rows} | {"OSCloudError"}
    exported = {n for n in errors.__all__ if isinstance(getattr(errors, n), type)}
    assert drawn == exported


def test_input_errors_are_value_errors_and_lookups_lookup_errors() -> None:
    assert issubclass(errors.MissingInputError, ValueError)
    assert issubclass(errors.InvalidAuthOptionsError, ValueError)
    for cls in (
        errors.EndpointNotFoundError,
        errors.ResourceNotFoundError,
        errors.MultipleResourcesFoundError,
    ):
        assert issubclass(cls, LookupError)
        assert issubclass(cls, errors.OSCloudError)
    connect = errors.ConnectError("GET", "https://nova.example/", "refused")
    timeout = errors.TimeoutError("GET", "https://nova.example/", "read timed out")
    assert isinstance(connect, ConnectionError)
    assert isinstance(timeout, builtins.TimeoutError)
    assert isinstance(timeout, errors.TransportError)
    assert not isinstance(connect, builtins.TimeoutError)


# -- one class per status ---------------------------------------------------------------


@pytest.mark.parametrize(("status", "cls"), sorted(STATUS_CLASSES.items()))
def test_each_status_has_its_class(status: int, cls: type[Exception]) -> None:
    err = errors.from_response("GET", "https://nova.example/v2.1/servers", status, b"", {})

    assert errors.error_class(status) is cls
    assert type(err) is cls
    assert err.status_code == status
    assert cls.status == status  # type: ignore[attr-defined]
    assert isinstance(err, errors.UnexpectedResponseCodeError)


@pytest.mark.parametrize("status", [300, 402, 418, 422, 507, 599])
def test_other_statuses_get_the_generic_class(status: int) -> None:
    err = errors.from_response("GET", "https://nova.example/", status, b"", {}, expected=(200,))

    assert type(err) is errors.UnexpectedResponseCodeError
    assert err.status_code == status


# -- what the error says ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "message"),
    list(error_bodies.ALL.values()),
    ids=list(error_bodies.ALL),
)
def test_the_servers_own_message_is_pulled_out(status: int, body: str, message: str) -> None:
    err = errors.from_response(
        "GET", "https://cloud.example/x", status, body.encode(), {}, expected=(200,)
    )

    assert err.message == message
    assert str(err) == f"GET https://cloud.example/x: expected 200, got {status}: {message}"
    assert err.body == body
    assert type(err) is STATUS_CLASSES[status]


def test_message_names_method_url_expected_actual_and_request_id() -> None:
    status, body, message = error_bodies.NOVA_ITEM_NOT_FOUND

    err = errors.from_response(
        "DELETE",
        "https://nova.example/v2.1" + SERVER_PATH,
        status,
        body,
        {"X-Compute-Request-Id": "req-0b8a5c5e-2f73-4c1b-9d3f-6a1e2b4c5d6e"},
        expected=(202, 204),
    )

    assert str(err) == (
        "DELETE https://nova.example/v2.1" + SERVER_PATH + ": expected 202, 204, got 404 "
        "(request id req-0b8a5c5e-2f73-4c1b-9d3f-6a1e2b4c5d6e): " + message
    )
    assert err.method == "DELETE"
    assert err.expected == (202, 204)
    assert err.request_id == "req-0b8a5c5e-2f73-4c1b-9d3f-6a1e2b4c5d6e"


@pytest.mark.parametrize(
    ("headers", "request_id"),
    [
        ({"x-openstack-request-id": "req-os"}, "req-os"),
        ({"X-OpenStack-Request-ID": "req-os"}, "req-os"),
        ({"X-Compute-Request-Id": "req-nova"}, "req-nova"),
        (
            {"X-Trans-Id": "tx4f0c1e9a2b3c4d5e6f708-0065a1b2c3"},
            "tx4f0c1e9a2b3c4d5e6f708-0065a1b2c3",
        ),
        ({"X-Trans-Id": "tx1", "X-Openstack-Request-Id": "tx1-os"}, "tx1-os"),
        ({"X-Compute-Request-Id": "req-nova", "x-openstack-request-id": "req-os"}, "req-os"),
        ({"Content-Type": "text/plain"}, None),
        ({"X-Compute-Request-Id": ""}, None),
    ],
)
def test_request_id_from_any_spelling(headers: dict[str, str], request_id: str | None) -> None:
    err = errors.from_response("GET", "https://c.example/", 500, b"", headers)

    assert errors.request_id_from(headers) == request_id
    assert err.request_id == request_id
    assert ("request id" in str(err)) is (request_id is not None)


def test_an_empty_body_gives_no_message() -> None:
    err = errors.from_response(
        "GET", "https://c.example/v1/AUTH_a/c", 404, b"", {}, expected=(200,)
    )

    assert err.message == ""
    assert str(err) == "GET https://c.example/v1/AUTH_a/c: expected 200, got 404"


@pytest.mark.parametrize("body", ["{}", "[]", "  \n "])
def test_bodies_with_nothing_to_say_give_no_message(body: str) -> None:
    assert errors.server_message(body) == ""


def test_json_without_a_known_message_member_is_shown_as_is() -> None:
    body = '{"code": 500, "reason": "backend unreachable"}'

    assert errors.server_message(body) == body


def test_a_huge_body_is_cut_in_the_message_but_kept_whole() -> None:
    body = "<html><body><p>" + "proxy failure " * 100_000 + "</p></body></html>"

    err = errors.from_response("GET", "https://c.example/", 502, body.encode(), {})

    assert len(err.message) == 500
    assert err.message.startswith("proxy failure proxy failure")
    assert err.message.endswith("…")
    assert len(str(err)) < 600
    assert err.body == body


def test_a_body_that_is_not_utf8_does_not_break_the_error() -> None:
    err = errors.from_response("GET", "https://c.example/", 500, b"caf\xe9 closed", {})

    assert err.message == "caf\ufffd closed"


def test_headers_are_kept_case_insensitive() -> None:
    err = errors.from_response(
        "GET", "https://c.example/", 429, b"", {"Retry-After": "30"}, expected=(200,)
    )

    assert err.headers["retry-after"] == "30"


# -- secrets ------------------------------------------------------------------------------


def test_a_temp_url_signature_is_redacted_from_the_url_and_the_message() -> None:
    url = (
        f"https://swift.example/v1/AUTH_a/c/o?temp_url_sig={SIGNATURE}&temp_url_expires=1700000000"
    )
    body = f"<html><h1>Unauthorized</h1><p>Temp URL invalid: {url}</p></html>"

    err = errors.from_response("GET", url, 401, body, {}, expected=(200,))

    assert SIGNATURE not in str(err)
    assert SIGNATURE not in err.url
    assert SIGNATURE not in err.message
    assert "temp_url_expires=1700000000" in str(err)


def test_transport_errors_redact_the_signature_in_their_reason() -> None:
    reason = (
        "HTTPConnectionPool(host='swift.example', port=8080): Max retries exceeded with url: "
        f"/v1/AUTH_a/c/o?temp_url_sig={SIGNATURE}&temp_url_expires=1 (Caused by refused)"
    )

    err = errors.ConnectError(
        "GET", f"http://swift.example:8080/v1/AUTH_a/c/o?temp_url_sig={SIGNATURE}", reason
    )

    assert SIGNATURE not in str(err)
    assert SIGNATURE not in err.reason
    assert "temp_url_sig=***&temp_url_expires=1" in err.reason


def test_a_refused_connection_to_a_temp_url_does_not_leak_the_signature(
    sleeps: list[float],
) -> None:
    provider = ProviderClient(retry=RetryPolicy(max_attempts=2, sleep=sleeps.append))
    url = f"{closed_port_url()}/v1/AUTH_a/c/o?temp_url_sig={SIGNATURE}&temp_url_expires=1"

    with pytest.raises(errors.ConnectError) as caught:
        provider.request("GET", url, authenticated=False)

    assert isinstance(caught.value, ConnectionError)
    assert caught.value.method == "GET"
    assert SIGNATURE not in str(caught.value)
    assert SIGNATURE not in repr(caught.value)
    assert len(sleeps) == 1  # one retry after the first refusal


# -- through a real HTTP exchange ---------------------------------------------------------


def test_a_nova_404_from_the_server_becomes_a_not_found_error(
    provider: ProviderClient, server: FakeServer
) -> None:
    status, body, message = error_bodies.NOVA_ITEM_NOT_FOUND
    server.route(
        "GET",
        SERVER_PATH,
        Reply(
            status,
            body.encode(),
            headers={
                "Content-Type": "application/json",
                "X-Compute-Request-Id": "req-5c1d0e7a-8b9f-4a3e-a2d1-0f9e8d7c6b5a",
            },
        ),
    )

    with pytest.raises(errors.NotFoundError) as caught:
        provider.request("GET", server.url + SERVER_PATH, ok_codes=(200,))

    err = caught.value
    assert err.message == message
    assert err.request_id == "req-5c1d0e7a-8b9f-4a3e-a2d1-0f9e8d7c6b5a"
    assert err.url == server.url + SERVER_PATH
    assert err.expected == (200,)
    assert len(server.received("GET", SERVER_PATH)) == 1


def test_a_swift_401_page_from_the_server_becomes_an_unauthorized_error(
    provider: ProviderClient, server: FakeServer
) -> None:
    status, body, message = error_bodies.SWIFT_UNAUTHORIZED_HTML
    server.route(
        "PUT",
        OBJECT_PATH,
        Reply(
            status,
            body.encode(),
            headers={
                "Content-Type": "text/html; charset=UTF-8",
                "X-Trans-Id": "tx9a8b7c6d5e4f3a2b1c0d9-0065a1b2c3",
            },
        ),
    )

    with pytest.raises(errors.UnauthorizedError) as caught:
        provider.request("PUT", server.url + OBJECT_PATH, data=b"backup", ok_codes=(201,))

    assert caught.value.message == message
    assert caught.value.request_id == "tx9a8b7c6d5e4f3a2b1c0d9-0065a1b2c3"
    (sent,) = server.received("PUT", OBJECT_PATH)
    assert sent.body == b"backup"


def test_a_read_timeout_is_a_builtin_timeout_error(server: FakeServer, sleeps: list[float]) -> None:
    provider = ProviderClient(timeout=(2.0, 0.1), retry=RetryPolicy(sleep=sleeps.append))
    server.route("GET", "/slow", Reply(200, {"ok": True}, delay=0.4))

    with pytest.raises(builtins.TimeoutError) as caught:
        provider.request("GET", server.url + "/slow", authenticated=False)

    assert isinstance(caught.value, errors.TimeoutError)
    assert caught.value.url == server.url + "/slow"
    assert sleeps == []  # a read timeout is not retried


# -- errors travel --------------------------------------------------------------------------


def test_response_errors_survive_pickle_and_copy() -> None:
    status, body, message = error_bodies.KEYSTONE_UNAUTHORIZED
    err = errors.from_response(
        "POST",
        "https://keystone.example/v3/auth/tokens",
        status,
        body,
        {"x-openstack-request-id": "req-1"},
        expected=(201,),
    )

    for clone in (pickle.loads(pickle.dumps(err)), copy.copy(err)):
        assert type(clone) is errors.UnauthorizedError
        assert str(clone) == str(err)
        assert (clone.method, clone.url, clone.expected, clone.status_code) == (
            "POST",
            "https://keystone.example/v3/auth/tokens",
            (201,),
            401,
        )
        assert (clone.message, clone.request_id, clone.body) == (message, "req-1", body)


def test_transport_errors_survive_pickle() -> None:
    err = errors.TimeoutError("GET", "https://nova.example/", "read timed out")

    clone = pickle.loads(pickle.dumps(err))

    assert type(clone) is errors.TimeoutError
    assert (clone.method, clone.url, clone.reason) == (
        "GET",
        "https://nova.example/",
        "read timed out",
    )
    assert str(clone) == str(err)
