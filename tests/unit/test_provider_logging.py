"""DEBUG logging on the ``oscloud`` logger: useful, and never a secret in it."""

from __future__ import annotations

import logging
import socket

import pytest

from oscloud import AuthOptions, EndpointOpts, errors, openstack
from oscloud.provider import ProviderClient
from tests.unit.helpers.identity import TOKEN_ID, Keystone
from tests.unit.helpers.server import FakeServer, Reply

ACCOUNT = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"
OBJECT = ACCOUNT + "/backups/db.tar"
KEYPAIRS = "/compute/v2.1/os-keypairs"
APP_CREDENTIALS = "/identity/v3/users/ee4dfb6e5540447cb3741905149d9b6e/application_credentials"

PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQC9mC3WZNprivatebits\n"
APP_SECRET = "rEaqvJka48mpv-app-credential-secret"
TEMP_URL_KEY = "temp-url-key-0f9e8d"
TEMP_URL_SIG = "da39a3ee5e6b4b0d3255bfef95601890afd80709"


@pytest.fixture
def debug_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="oscloud")
    return caplog


def oscloud_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("oscloud"))


def test_exchange_is_logged_with_method_url_status_time_and_request_id(
    provider: ProviderClient, server: FakeServer, debug_log: pytest.LogCaptureFixture
) -> None:
    server.route(
        "GET",
        "/compute/v2.1/flavors",
        Reply(200, {"flavors": []}, headers={"x-openstack-request-id": "req-7c1f"}),
    )

    provider.request("GET", server.url + "/compute/v2.1/flavors", params={"limit": 1})

    first = debug_log.records[0]
    assert first.levelno == logging.DEBUG
    message = first.getMessage()
    assert message.startswith(f"GET {server.url}/compute/v2.1/flavors?limit=1 -> 200 in ")
    assert message.endswith(" ms (request id req-7c1f)")


def test_login_never_logs_password_or_token(
    server: FakeServer, auth_options: AuthOptions, debug_log: pytest.LogCaptureFixture
) -> None:
    keystone = Keystone(server)
    server.route("GET", "/compute/v2.1/flavors", Reply(200, {"flavors": []}))

    provider = openstack.authenticated_client(auth_options)
    provider.request("GET", provider.locate(EndpointOpts(type="compute")) + "flavors")

    text = oscloud_text(debug_log)
    assert "s3cret-password" not in text
    assert keystone.issued[0] not in text  # neither X-Subject-Token nor X-Auth-Token
    assert "'X-Subject-Token': '***'" in text
    assert "'X-Auth-Token': '***'" in text
    assert '"password": "***"' in text
    assert '"name": "demo"' in text  # the rest of the request body is still there


def test_temp_url_keys_and_signatures_never_logged(
    provider: ProviderClient, server: FakeServer, debug_log: pytest.LogCaptureFixture
) -> None:
    server.route("POST", ACCOUNT, Reply(204))
    server.route("GET", OBJECT, Reply(200, b"tar"))

    provider.request(
        "POST",
        server.url + ACCOUNT,
        headers={"X-Account-Meta-Temp-URL-Key": TEMP_URL_KEY},
        ok_codes=(204,),
    )
    provider.request(
        "GET",
        f"{server.url}{OBJECT}?temp_url_sig={TEMP_URL_SIG}&temp_url_expires=1700000000",
        authenticated=False,
    )
    provider.request(
        "GET",
        server.url + OBJECT,
        params={"temp_url_sig": TEMP_URL_SIG, "temp_url_expires": "1700000000"},
        authenticated=False,
    )

    text = oscloud_text(debug_log)
    assert TEMP_URL_KEY not in text
    assert TEMP_URL_SIG not in text
    assert TOKEN_ID not in text
    assert "temp_url_sig=***&temp_url_expires=1700000000" in text
    (sent,) = server.received("POST", ACCOUNT)
    assert sent.headers["X-Account-Meta-Temp-URL-Key"] == TEMP_URL_KEY


def test_keypair_private_key_in_a_response_is_redacted(
    provider: ProviderClient, server: FakeServer, debug_log: pytest.LogCaptureFixture
) -> None:
    created = {
        "keypair": {
            "fingerprint": "7e:eb:ab:24:ba:d1:e1:88:ae:9a:fb:66:53:df:d3:bd",
            "name": "keypair-803a1926",
            "type": "ssh",
            "public_key": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC9mC3WZN Generated-by-Nova",
            "private_key": PRIVATE_KEY,
            "user_id": "fake",
        }
    }
    server.route("POST", KEYPAIRS, Reply(200, created))

    response = provider.request(
        "POST", server.url + KEYPAIRS, json={"keypair": {"name": "keypair-803a1926"}}
    )

    text = oscloud_text(debug_log)
    assert "MIICXAIBAAKBgQC9mC3WZNprivatebits" not in text
    assert '"private_key": "***"' in text
    assert '"fingerprint": "7e:eb:ab:24:ba:d1:e1:88:ae:9a:fb:66:53:df:d3:bd"' in text
    assert response.json()["keypair"]["private_key"] == PRIVATE_KEY  # the caller gets it


def test_application_credential_secret_in_a_response_is_redacted(
    provider: ProviderClient, server: FakeServer, debug_log: pytest.LogCaptureFixture
) -> None:
    created = {
        "application_credential": {
            "id": "aa809205ed614a0e854bac92c0768bb9",
            "name": "monitoring",
            "description": "Application credential for monitoring.",
            "secret": APP_SECRET,
            "expires_at": "2030-02-27T18:30:59.000000",
            "project_id": "fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c",
            "roles": [{"id": "51cc68287d524c759f47c811e6463340", "name": "member"}],
            "unrestricted": False,
        }
    }
    server.route("POST", APP_CREDENTIALS, Reply(201, created))

    provider.request(
        "POST",
        server.url + APP_CREDENTIALS,
        json={"application_credential": {"name": "monitoring", "secret": APP_SECRET}},
    )

    text = oscloud_text(debug_log)
    assert APP_SECRET not in text
    assert text.count('"secret": "***"') == 2  # request and response
    assert "aa809205ed614a0e854bac92c0768bb9" in text


def test_streamed_and_non_json_response_bodies_are_not_logged(
    provider: ProviderClient, server: FakeServer, debug_log: pytest.LogCaptureFixture
) -> None:
    server.route("GET", OBJECT, Reply(200, {"looks": "like-json-but-streamed"}))
    server.route("GET", ACCOUNT + "/backups", Reply(200, "db.tar\nweb.tar\n"))

    provider.request("GET", server.url + OBJECT, stream=True).close()
    provider.request("GET", server.url + ACCOUNT + "/backups")

    text = oscloud_text(debug_log)
    assert "like-json-but-streamed" not in text
    assert "web.tar" not in text
    assert "response body" not in text


def test_large_response_body_is_cut_in_the_log(
    provider: ProviderClient, server: FakeServer, debug_log: pytest.LogCaptureFixture
) -> None:
    servers = [{"id": f"{n:032x}", "name": f"server-{n}"} for n in range(500)]
    server.route("GET", "/compute/v2.1/servers", Reply(200, {"servers": servers}))

    response = provider.request("GET", server.url + "/compute/v2.1/servers")

    (logged,) = [
        r.getMessage() for r in debug_log.records if r.getMessage().startswith("response body: ")
    ]
    assert len(logged) < 5000
    assert "characters in all)" in logged
    assert len(response.json()["servers"]) == 500


def test_transport_error_text_never_carries_a_signature(provider: ProviderClient) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}{OBJECT}"

    with pytest.raises(errors.ConnectError) as caught:
        provider.request(
            "POST",
            url,
            params={"temp_url_sig": TEMP_URL_SIG, "temp_url_expires": "1700000000"},
            authenticated=False,
        )

    assert TEMP_URL_SIG not in str(caught.value)
    assert TEMP_URL_SIG not in caught.value.reason
