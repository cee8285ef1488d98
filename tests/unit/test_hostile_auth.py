"""Hostile servers and hostile input around login and secrets (issue 11, defects 4, 5, 7, 10).

- Any ``Retry-After`` gives a bounded wait or "no usable value", never an exception
  (``_retry.parse_retry_after``).
- Any token response, catalog or token body that login or ``tokens`` reads gives a
  result or an :class:`~oscloud.errors.InvalidResponseError` naming what could not be
  read (``endpoints.Catalog``, the identity token models, ``openstack.client._login``).
- A token that cannot be an HTTP header value is refused before anything is sent, with a
  message that does not show it; requests' own header error, which quotes the value,
  never reaches the caller (``auth.check_token``, ``_transport.transport_error``).
- Every secret oscloud holds is masked wherever a server echoes it: exception text and
  logs (``_redact.remember_secrets``, ``OSCloudError``, the ``oscloud`` logger's filter).
"""

from __future__ import annotations

import contextlib
import copy
import datetime as _dt
import gc
import json
import logging
import math
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from oscloud import AuthOptions, RetryPolicy, _redact, errors
from oscloud._retry import LONGEST_RETRY_AFTER, parse_retry_after
from oscloud.endpoints import Catalog
from oscloud.openstack import authenticated_client
from oscloud.openstack.identity.v2.tokens import TokenResult as V2TokenResult
from oscloud.openstack.identity.v3 import tokens
from oscloud.openstack.identity.v3.tokens import CatalogResult
from oscloud.openstack.identity.v3.tokens import TokenResult as V3TokenResult
from oscloud.openstack.objectstorage.v1 import accounts
from oscloud.provider import ProviderClient, TokenState
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.identity import v2_token_body, v3_token_body
from tests.unit.helpers.secrets import (
    APP_CREDENTIAL_SECRET,
    PASSWORD,
    TEMP_URL_KEY,
    TOKEN_ID,
    TOTP_PASSCODE,
    SecretScan,
)
from tests.unit.helpers.server import FakeServer, Reply

V3_TOKENS = "/identity/v3/auth/tokens"
V2_TOKENS = "/identity/v2.0/tokens"
FLAVOR = "/compute/v2.1/flavors/1"
ACCOUNT = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"
ISSUED = "gAAAAABissued-by-the-fake-keystone"
FAST = settings(max_examples=60, deadline=None)
OVER_HTTP = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["type", "name", "endpoints", "url", "interface", "region", "region_id", "id"]
            )
            | st.text(max_size=8),
            inner,
            max_size=4,
        )
    ),
    max_leaves=16,
)


def v3_options(server: FakeServer, **fields: Any) -> AuthOptions:
    fields.setdefault("password", PASSWORD)
    return AuthOptions(
        identity_endpoint=server.url + "/identity/v3",
        username="demo",
        domain_name="Default",
        project_name="demo",
        **fields,
    )


def v2_options(server: FakeServer) -> AuthOptions:
    return AuthOptions(
        identity_endpoint=server.url + "/identity/v2.0",
        username="demo",
        password=PASSWORD,
        tenant_name="demo",
    )


@pytest.fixture
def identity(provider: ProviderClient) -> ServiceClient:
    return make_service_client(provider, "identity", "/identity/v3")


# -- defect 4: Retry-After ------------------------------------------------------------------

GIVES_UP = "gives up at once"
WAITS_NOTHING = "sends again at once"
BACKS_OFF = "backs off"

RETRY_AFTER = [
    ("Fri, 31 Dec 9999 23:59:59 -0100", GIVES_UP),  # past datetime.max once in UTC
    ("Fri, 31 Dec 9999 23:59:59 +1400", GIVES_UP),
    ("9" * 400, GIVES_UP),  # float() of it is inf
    ("86400", GIVES_UP),  # longer than the budget
    ("Mon, 01 Jan 1001 00:00:00 +2359", WAITS_NOTHING),  # long past
    ("Sunday, 06-Nov-94 08:49:37 GMT", WAITS_NOTHING),  # RFC 850
    ("Sun Nov  6 08:49:37 1994", WAITS_NOTHING),  # asctime
    ("0", WAITS_NOTHING),
    ("soon", BACKS_OFF),
    ("-5", BACKS_OFF),
    ("1e999", BACKS_OFF),
    ("inf", BACKS_OFF),
    ("NaN", BACKS_OFF),
    ("Fri, 32 Foo 2024 25:61:61 GMT", BACKS_OFF),
    ("Fri, 31 Dec 2024 23:59:60 GMT", BACKS_OFF),  # a leap second datetime cannot hold
]


@pytest.mark.parametrize(("value", "outcome"), RETRY_AFTER, ids=[v[:32] for v, _ in RETRY_AFTER])
def test_any_retry_after_gives_a_bounded_wait_or_none(
    provider: ProviderClient, server: FakeServer, sleeps: list[float], value: str, outcome: str
) -> None:
    server.route("GET", FLAVOR, Reply(429, {}, headers={"Retry-After": value}), Reply(200, {}))

    if outcome == GIVES_UP:
        with pytest.raises(errors.TooManyRequestsError) as caught:
            provider.request("GET", server.url + FLAVOR)
        assert str(caught.value).startswith(f"GET {server.url}{FLAVOR}: expected 200, 203")
        assert len(server.received("GET", FLAVOR)) == 1
        assert sleeps == []
        return
    response = provider.request("GET", server.url + FLAVOR)
    assert response.status_code == 200
    assert len(server.received("GET", FLAVOR)) == 2
    (slept,) = sleeps
    assert slept == 0.0 if outcome == WAITS_NOTHING else 0.0 <= slept <= 0.5


@FAST
@given(st.text(max_size=60) | st.from_regex(r"[A-Za-z]{3}, \d{1,3} [A-Za-z]{3} -?\d{1,6} .*"))
def test_parse_retry_after_never_raises_and_is_bounded(value: str) -> None:
    delay = parse_retry_after(value)

    assert delay is None or (math.isfinite(delay) and 0.0 <= delay <= LONGEST_RETRY_AFTER)


@FAST
@given(
    st.datetimes(min_value=_dt.datetime(1000, 1, 1), max_value=_dt.datetime(9999, 12, 31)),
    st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
)
def test_any_http_date_with_any_offset_is_read(when: _dt.datetime, offset_minutes: int) -> None:
    sign = "-" if offset_minutes < 0 else "+"
    hours, minutes = divmod(abs(offset_minutes), 60)
    value = when.strftime("%a, %d %b %Y %H:%M:%S ") + f"{sign}{hours:02d}{minutes:02d}"
    at_utc = (when - _dt.datetime(1970, 1, 1)).total_seconds() - offset_minutes * 60

    delay = parse_retry_after(value)

    expected = min(max(0.0, at_utc - time.time()), LONGEST_RETRY_AFTER)
    assert delay is not None and abs(delay - expected) < 5.0


@OVER_HTTP
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40))
def test_a_429_with_any_retry_after_ends_in_a_response_or_an_oscloud_error(
    provider: ProviderClient, server: FakeServer, value: str
) -> None:
    waits: list[float] = []
    provider.retry = RetryPolicy(sleep=waits.append, max_attempts=2, max_total_seconds=30)
    server.route("GET", FLAVOR, Reply(429, {}, headers={"Retry-After": value}), Reply(200, {}))

    try:
        outcome: object = provider.request("GET", server.url + FLAVOR).status_code
    except errors.TooManyRequestsError as err:
        outcome = (err.method, err.url)
    assert outcome in (200, ("GET", server.url + FLAVOR))
    assert all(0.0 <= wait <= 30.0 for wait in waits)


# -- defect 5: login reads any token body into a token or an InvalidResponseError -----------


def _catalog(body: dict[str, Any]) -> list[Any]:
    token = body["token"] if "token" in body else body["access"]
    return token["catalog"] if "catalog" in token else token["serviceCatalog"]


V3_BODIES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("entry without type", lambda b: _catalog(b)[1].pop("type"), "entry 1 has no 'type'"),
    ("entry type a number", lambda b: _catalog(b)[1].update(type=7), "'type' is not a string"),
    ("entry a string", lambda b: _catalog(b).append("nova"), "entry 6 is not a JSON object"),
    (
        "endpoints [null]",
        lambda b: _catalog(b)[1].update(endpoints=[None]),
        "entry 1 ('compute'): endpoint 0 is not a JSON object but null",
    ),
    ("endpoints an object", lambda b: _catalog(b)[0].update(endpoints={}), "endpoints is not"),
    (
        "interface private",
        lambda b: _catalog(b)[1]["endpoints"][0].update(interface="private"),
        "'interface' is 'private', not public, internal or admin",
    ),
    (
        "interface a list",
        lambda b: _catalog(b)[1]["endpoints"][0].update(interface=["public"]),
        "'interface' is not a string",
    ),
    ("url a number", lambda b: _catalog(b)[2]["endpoints"][1].update(url=1), "'url' is not"),
    ("region a list", lambda b: _catalog(b)[2]["endpoints"][1].update(region_id=[]), "'region_id'"),
    ("catalog an object", lambda b: b["token"].update(catalog={"a": 1}), "the catalog is not"),
    ("catalog a string", lambda b: b["token"].update(catalog="nova"), "the catalog is not"),
    (
        "user domain a list",
        lambda b: b["token"]["user"].update(domain=[{}]),
        "user: domain: Domain: a JSON object, not list",
    ),
    (
        "expires_at year 9999, negative offset",
        lambda b: b["token"].update(expires_at="9999-12-31T23:59:59-01:00"),
        "expires_at: ",
    ),
    ("expires_at missing", lambda b: b["token"].pop("expires_at"), "expires_at"),
    ("issued_at a word", lambda b: b["token"].update(issued_at="yesterday"), "issued_at: "),
    ("roles [null]", lambda b: b["token"].update(roles=[None]), "roles: "),
    ("methods [1]", lambda b: b["token"].update(methods=[1]), "methods: "),
    ("project a string", lambda b: b["token"].update(project="demo"), "project: "),
    ("token a list", lambda b: b.update(token=[]), "Token: a JSON object, not list"),
    ("no token", lambda b: b.pop("token"), "no 'token' member"),
]


@pytest.mark.parametrize(
    ("change", "named"), [v[1:] for v in V3_BODIES], ids=[v[0] for v in V3_BODIES]
)
def test_login_v3_reads_a_malformed_token_body_into_an_invalid_response_error(
    server: FakeServer, change: Callable[[dict[str, Any]], None], named: str
) -> None:
    body = v3_token_body(server.url)
    change(body)
    server.route("POST", V3_TOKENS, Reply(201, body, headers={"X-Subject-Token": ISSUED}))

    with pytest.raises(errors.InvalidResponseError) as caught:
        authenticated_client(v3_options(server))

    assert str(caught.value).startswith(f"POST {server.url}{V3_TOKENS}: ")
    assert named in str(caught.value)
    assert len(server.received("POST", V3_TOKENS)) == 1


@pytest.mark.parametrize(
    ("subject", "named"),
    [(None, "no X-Subject-Token header"), (" ", "no X-Subject-Token"), ("a\x7fb", "token id")],
)
def test_login_v3_without_a_usable_subject_token_is_an_invalid_response(
    server: FakeServer, subject: str | None, named: str
) -> None:
    headers = {} if subject is None else {"X-Subject-Token": subject}
    server.route("POST", V3_TOKENS, Reply(201, v3_token_body(server.url), headers=headers))

    with pytest.raises(errors.InvalidResponseError, match=named) as caught:
        authenticated_client(v3_options(server))

    assert str(caught.value).startswith(f"POST {server.url}{V3_TOKENS}: ")


V2_BODIES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("entry without type", lambda b: _catalog(b)[0].pop("type"), "entry 0 has no 'type'"),
    ("endpoints [null]", lambda b: _catalog(b)[0].update(endpoints=[None]), "endpoint 0 is not"),
    (
        "publicURL a number",
        lambda b: _catalog(b)[0]["endpoints"][0].update(publicURL=5),
        "'publicURL' is not a string",
    ),
    ("catalog a string", lambda b: b["access"].update(serviceCatalog="x"), "the catalog is not"),
    (
        "expires year 9999, negative offset",
        lambda b: b["access"]["token"].update(expires="9999-12-31T23:59:59-01:00"),
        "expires: ",
    ),
    (
        "token id with a line break",
        lambda b: b["access"]["token"].update(id="gAAAA\r\nX-Injected: 1"),
        "id: the token id cannot be sent in an HTTP header",
    ),
    ("token id a number", lambda b: b["access"]["token"].update(id=5), "id: the token id must"),
    ("tenant a list", lambda b: b["access"]["token"].update(tenant=[]), "tenant: "),
]


@pytest.mark.parametrize(
    ("change", "named"), [v[1:] for v in V2_BODIES], ids=[v[0] for v in V2_BODIES]
)
def test_login_v2_reads_a_malformed_token_body_into_an_invalid_response_error(
    server: FakeServer, change: Callable[[dict[str, Any]], None], named: str
) -> None:
    body = v2_token_body(server.url)
    change(body)
    server.route("POST", V2_TOKENS, Reply(200, body))

    with pytest.raises(errors.InvalidResponseError) as caught:
        authenticated_client(v2_options(server))

    assert str(caught.value).startswith(f"POST {server.url}{V2_TOKENS}: ")
    assert named in str(caught.value)
    assert "X-Injected" not in str(caught.value)
    assert len(server.received("POST", V2_TOKENS)) == 1


@pytest.mark.parametrize(
    ("catalog", "named"),
    [
        ([{"endpoints": []}], "entry 0 has no 'type'"),
        ([{"type": "compute", "endpoints": [None]}], "endpoint 0 is not a JSON object"),
        ([{"type": "x", "endpoints": [{"interface": "private", "url": "u"}]}], "'private'"),
        ({"compute": []}, "the catalog is not a JSON array but an object"),
    ],
)
def test_get_catalog_reads_a_malformed_catalog_into_an_invalid_response_error(
    server: FakeServer, identity: ServiceClient, catalog: Any, named: str
) -> None:
    server.route("GET", "/identity/v3/auth/catalog", Reply(200, {"catalog": catalog}))

    result = tokens.get_catalog(identity)

    with pytest.raises(errors.InvalidResponseError, match=named):
        result.extract()


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, (dict, list)):
        for key, child in value.items() if isinstance(value, dict) else enumerate(value):
            yield from _paths(child, (*path, key))


def _replace(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    changed = copy.deepcopy(body)
    parent = changed
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return changed


def _hostile(valid: dict[str, Any]) -> st.SearchStrategy[Any]:
    """A valid body with one member, at any depth, replaced by any JSON."""
    paths = list(_paths(valid))
    return st.builds(_replace, st.just(valid), st.sampled_from(paths), JSON)


V3_VALID = v3_token_body("http://127.0.0.1:1")
V2_VALID = v2_token_body("http://127.0.0.1:1")


def _reads_or_invalid(*reads: Callable[[], Any]) -> None:
    for read in reads:
        with contextlib.suppress(errors.InvalidResponseError):
            read()


@FAST
@given(_hostile(V3_VALID))
def test_any_v3_token_body_reads_or_raises_invalid_response(body: Any) -> None:
    result = V3TokenResult(body=body, headers={"X-Subject-Token": ISSUED})

    _reads_or_invalid(result.extract, result.extract_catalog)


@FAST
@given(_hostile(V2_VALID))
def test_any_v2_token_body_reads_or_raises_invalid_response(body: Any) -> None:
    result = V2TokenResult(body=body)

    _reads_or_invalid(result.extract, result.extract_user, result.extract_catalog)


@FAST
@given(JSON | _hostile({"catalog": V3_VALID["token"]["catalog"]}))
def test_any_catalog_reads_or_raises_invalid_response(body: Any) -> None:
    catalog = body.get("catalog") if isinstance(body, dict) else body

    _reads_or_invalid(
        CatalogResult(body=body).extract,
        lambda: Catalog.from_v3(catalog),
        lambda: Catalog.from_v2(catalog),
    )


# -- defect 7: a token that cannot be a header value ----------------------------------------

UNSENDABLE = {
    "newline": TOKEN_ID + "\n",
    "crlf": TOKEN_ID + "\r\n",
    "header injection": TOKEN_ID + "\r\nX-Injected: 1",
    "leading space": " " + TOKEN_ID,
    "inner space": TOKEN_ID[:8] + " " + TOKEN_ID[8:],
    "tab": TOKEN_ID + "\t",
    "nul": TOKEN_ID + "\x00",
    "non-ASCII": TOKEN_ID + "é",
}


@pytest.mark.parametrize("bad", list(UNSENDABLE.values()), ids=list(UNSENDABLE))
def test_set_token_refuses_a_token_that_cannot_be_a_header_value(
    provider: ProviderClient, server: FakeServer, bad: str
) -> None:
    with pytest.raises(errors.InvalidAuthOptionsError) as caught:
        provider.set_token(bad)

    assert isinstance(caught.value, ValueError)
    assert TOKEN_ID not in str(caught.value) and TOKEN_ID not in repr(caught.value)
    assert provider.token == TOKEN_ID
    assert server.requests == []


@pytest.mark.parametrize("bad", ["", None, 5])
def test_set_token_refuses_no_token(provider: ProviderClient, bad: Any) -> None:
    with pytest.raises(errors.InvalidAuthOptionsError, match="must be a non-empty string"):
        provider.set_token(bad)

    assert provider.token == TOKEN_ID


@pytest.mark.parametrize("operation", [tokens.get, tokens.validate, tokens.revoke])
def test_token_operations_refuse_a_subject_token_that_cannot_be_sent(
    identity: ServiceClient, server: FakeServer, operation: Callable[..., Any]
) -> None:
    with pytest.raises(errors.InvalidAuthOptionsError) as caught:
        operation(identity, TOKEN_ID + "\r\n")

    assert TOKEN_ID not in str(caught.value)
    assert server.requests == []


def test_auth_options_and_token_state_refuse_a_token_that_cannot_be_sent(
    provider: ProviderClient,
) -> None:
    bad = TOKEN_ID + "\n"

    with pytest.raises(errors.InvalidAuthOptionsError) as from_options:
        AuthOptions(identity_endpoint="https://keystone.example/v3", token_id=bad)
    state = TokenState(identity_endpoint="e", token=bad, expires_at=None, catalog=Catalog())
    with pytest.raises(errors.InvalidAuthOptionsError) as from_state:
        provider.restore_token_state(state)

    assert TOKEN_ID not in str(from_options.value) + str(from_state.value)
    assert provider.token == TOKEN_ID


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Object-Meta-Key": TEMP_URL_KEY + "\n"},
        {"X-Service-Token": " " + TOKEN_ID},
        {"X-Object-Meta-Key": 5},
        {TEMP_URL_KEY + "\n": "name"},
    ],
    ids=["newline", "leading space", "not a string", "bad name"],
)
def test_requests_header_error_never_shows_the_value(
    provider: ProviderClient, server: FakeServer, headers: dict[str, Any]
) -> None:
    with pytest.raises(errors.TransportError) as caught:
        provider.request("GET", server.url + FLAVOR, headers=headers)

    error = caught.value
    assert str(error).startswith(f"GET {server.url}{FLAVOR}: not sent: a header name or value")
    chained = [error, error.__cause__, error.__context__]
    shown = " ".join(f"{e} {e!r} {e.args}" for e in chained if e is not None)
    assert TEMP_URL_KEY not in shown and TOKEN_ID not in shown
    assert server.requests == []


_TOKEN_CHARS = st.characters(max_codepoint=0x2FF) | st.sampled_from("\r\n\t \x00\x7f")


@OVER_HTTP
@given(st.text(_TOKEN_CHARS, min_size=1, max_size=24))
def test_any_token_is_sent_verbatim_or_refused_without_being_shown(
    provider: ProviderClient, server: FakeServer, token: str
) -> None:
    server.route("GET", FLAVOR, Reply(200, {}))
    before = len(server.requests)
    sendable = all(0x21 <= ord(char) <= 0x7E for char in token)

    if not sendable:
        with pytest.raises(errors.InvalidAuthOptionsError) as caught:
            provider.set_token(token)
        assert str(caught.value) == (
            "ProviderClient.set_token: the token cannot be sent in an HTTP header: it has a "
            "space, a line break, a control character or a non-ASCII character (the token is "
            "not shown)"
        )
        assert len(server.requests) == before
        return
    provider.set_token(token)
    provider.request("GET", server.url + FLAVOR)
    assert server.requests[-1].headers["X-Auth-Token"] == token


# -- defect 10: secrets the server echoes are masked ----------------------------------------


def _keystone_400(secret: str) -> Reply:
    message = f"Invalid input for field 'password': '{secret}'"
    return Reply(400, {"error": {"code": 400, "title": "Bad Request", "message": message}})


def _shown(err: BaseException, caplog: pytest.LogCaptureFixture) -> str:
    texts = [str(err), repr(err), caplog.text]
    texts += [str(getattr(err, name, "")) for name in ("message", "body", "reason")]
    return "\n".join(texts)


ECHOED = [
    ("password", {}, PASSWORD),
    ("application credential secret", {"app_cred": True}, APP_CREDENTIAL_SECRET),
    ("TOTP passcode", {"passcode": TOTP_PASSCODE}, TOTP_PASSCODE),
    ("token", {"token_id": "gAAAAABtoken-for-a-token-Sekr1t"}, "gAAAAABtoken-for-a-token-Sekr1t"),
    ("quotes, backslash, non-ASCII", {"password": 'p"a\\ss-wörd-Sekr1t'}, 'p"a\\ss-wörd-Sekr1t'),
]


def _echo_options(server: FakeServer, fields: dict[str, Any]) -> AuthOptions:
    endpoint = server.url + "/identity/v3"
    if fields.get("app_cred"):
        return AuthOptions(
            identity_endpoint=endpoint,
            application_credential_id="ac-1",
            application_credential_secret=APP_CREDENTIAL_SECRET,
        )
    if "token_id" in fields:
        return AuthOptions(identity_endpoint=endpoint, token_id=fields["token_id"])
    return v3_options(server, **fields)


@pytest.mark.parametrize(("fields", "secret"), [e[1:] for e in ECHOED], ids=[e[0] for e in ECHOED])
@pytest.mark.parametrize("shape", ["json", "text"])
def test_a_secret_keystone_echoes_at_login_is_masked_in_the_error_and_the_log(
    server: FakeServer,
    caplog: pytest.LogCaptureFixture,
    fields: dict[str, Any],
    secret: str,
    shape: str,
) -> None:
    caplog.set_level(logging.DEBUG, logger="oscloud")
    reply = _keystone_400(secret)
    if shape == "text":
        reply = Reply(400, f"bad request: {secret} / {json.dumps(secret)} / {secret!r}")
    server.route("POST", V3_TOKENS, reply)
    opts = _echo_options(server, fields)

    with pytest.raises(errors.BadRequestError) as caught:
        authenticated_client(opts, retry=RetryPolicy.off())

    shown = _shown(caught.value, caplog)
    assert secret not in shown
    assert json.dumps(secret)[1:-1] not in shown and repr(secret)[1:-1] not in shown
    assert "***" in caught.value.message and "POST" in str(caught.value)
    assert secret in server.received("POST", V3_TOKENS)[0].body.decode("unicode_escape")


def test_the_provider_token_echoed_by_a_service_is_masked(
    provider: ProviderClient, server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="oscloud")
    message = f"token {TOKEN_ID} may not read flavor 1"
    server.route(
        "GET",
        FLAVOR,
        Reply(403, {"forbidden": {"code": 403, "message": message}}, {"X-Echo": TOKEN_ID}),
    )

    with pytest.raises(errors.ForbiddenError) as caught:
        provider.request("GET", server.url + FLAVOR)

    assert TOKEN_ID not in _shown(caught.value, caplog)
    assert caught.value.message == "token *** may not read flavor 1"
    assert server.requests[0].headers["X-Auth-Token"] == TOKEN_ID


def test_a_temp_url_key_echoed_by_swift_is_masked(
    provider: ProviderClient, server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="oscloud")
    swift = make_service_client(provider, "object-store", ACCOUNT)
    server.route("POST", ACCOUNT, Reply(400, f"Temp-URL-Key {TEMP_URL_KEY!r} is too weak"))

    result = accounts.update(swift, accounts.UpdateOpts(temp_url_key=TEMP_URL_KEY))

    with pytest.raises(errors.BadRequestError) as caught:
        result.extract_err()
    assert TEMP_URL_KEY not in _shown(caught.value, caplog)
    assert server.requests[0].headers["X-Account-Meta-Temp-URL-Key"] == TEMP_URL_KEY


def test_a_secret_echoed_in_an_unreadable_200_body_is_masked(server: FakeServer) -> None:
    body = v3_token_body(server.url)
    body["token"]["is_domain"] = PASSWORD
    server.route("POST", V3_TOKENS, Reply(201, body, headers={"X-Subject-Token": ISSUED}))

    with pytest.raises(errors.InvalidResponseError) as caught:
        authenticated_client(v3_options(server))

    assert "not a boolean" in str(caught.value) and PASSWORD not in str(caught.value)


def test_a_logged_exception_is_masked(
    provider: ProviderClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="oscloud")

    try:
        raise RuntimeError(f"the token was {TOKEN_ID}")
    except RuntimeError:
        logging.getLogger("oscloud").exception("failed with %s", TOKEN_ID)

    assert TOKEN_ID not in caplog.text
    assert "failed with ***" in caplog.text and "the token was ***" in caplog.text


def test_secrets_are_forgotten_with_their_holder() -> None:
    class Holder:
        pass

    holder = Holder()
    _redact.remember_secrets(holder, "held-Sekr1t-only-here", "abc", None)
    assert _redact.redact_text("x held-Sekr1t-only-here y abc") == "x *** y abc"

    del holder
    gc.collect()

    assert "held-Sekr1t-only-here" not in _redact.known_secrets()


def test_a_holder_collected_during_a_registration_is_forgotten_later_without_deadlock() -> None:
    class Holder:
        pass

    first, second = Holder(), Holder()
    _redact.remember_secrets(first, "first-Sekr1t-value")
    with _redact._lock:  # the collector runs while a registration holds the lock
        del first
        gc.collect()
    assert "first-Sekr1t-value" in _redact.known_secrets()  # masked a little longer: harmless

    _redact.remember_secrets(second, "second-Sekr1t-value")

    assert "first-Sekr1t-value" not in _redact.known_secrets()
    assert "second-Sekr1t-value" in _redact.known_secrets()


def test_a_holder_keeps_its_latest_secrets_only() -> None:
    class Holder:
        pass

    holder = Holder()
    for n in range(40):
        _redact.remember_secrets(holder, f"renewed-token-{n:04d}")

    known = _redact.known_secrets()
    assert "renewed-token-0039" in known and "renewed-token-0008" in known
    assert "renewed-token-0007" not in known


@FAST
@given(
    st.text(min_size=_redact.MIN_SECRET_LENGTH, max_size=20),
    st.text(max_size=20),
    st.text(max_size=20),
    st.sampled_from([lambda s: s, lambda s: json.dumps(s), repr, lambda s: json.dumps([s])]),
)
def test_a_known_secret_is_masked_in_any_text_in_any_form(
    secret: str, before: str, after: str, form: Callable[[str], str]
) -> None:
    assume("*" not in secret and secret.strip())

    class Holder:
        pass

    holder = Holder()
    _redact.remember_secrets(holder, secret)
    written = form(secret)

    masked = _redact.redact_text(before + written + after)
    error = errors.InvalidResponseError(before + written + after)

    assert written not in masked and written not in str(error)
    del holder


# -- the secret scan itself -----------------------------------------------------------------


@pytest.mark.prints_secret("shows secrets on purpose, to check that the scan finds them")
def test_the_secret_scan_finds_a_secret_in_each_place() -> None:
    scan = SecretScan()
    record = logging.LogRecord("oscloud", logging.DEBUG, __file__, 1, "sent %s", (PASSWORD,), None)

    with warnings.catch_warnings(record=True), scan.watching():  # the warning stays here
        warnings.warn(f"the key is {TEMP_URL_KEY}", UserWarning, stacklevel=1)
        with pytest.raises(ValueError, match="could not read"):
            _raise(ValueError("could not read the token"), KeyError(TOKEN_ID), shown=False)
        with pytest.raises(RuntimeError, match="wrapped"):
            _raise(RuntimeError("wrapped"), KeyError(APP_CREDENTIAL_SECRET), shown=True)

    leaks = scan.leaks([record])
    shown = "\n".join(leaks)
    assert [leak.split(":")[0] for leak in leaks] == [
        "log record oscloud",
        "warning UserWarning",
        "exception KeyError",  # its str()
        "exception KeyError",  # its repr()
    ]
    assert leaks[0].startswith("log record oscloud:DEBUG: sent <known secret #")
    for secret in (PASSWORD, TEMP_URL_KEY, TOKEN_ID, APP_CREDENTIAL_SECRET):
        assert secret not in shown


def _raise(error: Exception, inner: Exception, *, shown: bool) -> None:
    """Raise ``error`` while handling ``inner``: from it (shown), or from None (hidden)."""
    try:
        raise inner
    except type(inner) as handled:
        raise error from (handled if shown else None)
