"""What counts as a secret, and how it is hidden."""

from __future__ import annotations

import pytest
from requests.structures import CaseInsensitiveDict

from oscloud._redact import REDACTED, redact_headers, redact_json, redact_text, redact_url


def test_secret_headers_are_redacted_whatever_their_case() -> None:
    headers = CaseInsensitiveDict(
        {
            "x-auth-token": "gAAAAuser",
            "X-Subject-Token": "gAAAAsubject",
            "X-Service-Token": "gAAAAservice",
            "X-Account-Meta-Temp-URL-Key": "k1",
            "X-Container-Meta-Temp-URL-Key-2": "k2",
            "Authorization": "Basic dXNlcjpwdw==",
            "X-Container-Sync-Key": "sync",
            "Content-Type": "application/json",
            "X-OpenStack-Nova-API-Version": "2.79",
        }
    )

    redacted = redact_headers(headers)

    assert redacted == {
        "x-auth-token": REDACTED,
        "X-Subject-Token": REDACTED,
        "X-Service-Token": REDACTED,
        "X-Account-Meta-Temp-URL-Key": REDACTED,
        "X-Container-Meta-Temp-URL-Key-2": REDACTED,
        "Authorization": REDACTED,
        "X-Container-Sync-Key": REDACTED,
        "Content-Type": "application/json",
        "X-OpenStack-Nova-API-Version": "2.79",
    }
    assert headers["x-auth-token"] == "gAAAAuser"  # the original is untouched


def test_keystone_password_auth_body() -> None:
    body = {
        "auth": {
            "identity": {
                "methods": ["password", "totp"],
                "password": {
                    "user": {"name": "admin", "domain": {"id": "default"}, "password": "devstacker"}
                },
                "totp": {"user": {"id": "ee4dfb6e", "passcode": 123456}},
            },
            "scope": {"project": {"name": "demo", "domain": {"id": "default"}}},
        }
    }

    redacted = redact_json(body)

    identity = redacted["auth"]["identity"]
    assert identity["password"]["user"] == {
        "name": "admin",
        "domain": {"id": "default"},
        "password": REDACTED,
    }
    assert identity["totp"]["user"]["passcode"] == REDACTED  # numbers are secrets too
    assert redacted["auth"]["scope"] == body["auth"]["scope"]
    assert body["auth"]["identity"]["password"]["user"]["password"] == "devstacker"


def test_token_ids_are_redacted_in_token_objects_only() -> None:
    body = {
        "auth": {"identity": {"methods": ["token"], "token": {"id": "gAAAAold"}}},
        "access": {"token": {"id": "gAAAAv2", "expires": "2030-01-01T00:00:00Z"}},
        "server": {"id": "22c91117"},
    }

    redacted = redact_json(body)

    assert redacted["auth"]["identity"]["token"] == {"id": REDACTED}
    assert redacted["access"]["token"] == {"id": REDACTED, "expires": "2030-01-01T00:00:00Z"}
    assert redacted["server"] == {"id": "22c91117"}


def test_secrets_inside_lists_and_of_any_scalar_type() -> None:
    body = {
        "keypairs": [{"keypair": {"name": "k", "private_key": "-----BEGIN"}}],
        "credential": {"blob": '{"access": "181920", "secret": "secretKey"}', "type": "ec2"},
        "server": {"adminPass": "xyz", "metadata": {"password": ["a", "b"]}},
        "user": {"password": None},
    }

    redacted = redact_json(body)

    assert redacted["keypairs"][0]["keypair"] == {"name": "k", "private_key": REDACTED}
    assert redacted["credential"] == {"blob": REDACTED, "type": "ec2"}
    assert redacted["server"] == {"adminPass": REDACTED, "metadata": {"password": REDACTED}}
    assert redacted["user"] == {"password": None}  # nothing to hide


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://swift/v1/AUTH_a/c/o?temp_url_sig=abc&temp_url_expires=1700000000",
            "https://swift/v1/AUTH_a/c/o?temp_url_sig=***&temp_url_expires=1700000000",
        ),
        (
            "https://swift/v1/AUTH_a/c/o?a=1%202&Temp_URL_Sig=abc#frag",
            "https://swift/v1/AUTH_a/c/o?a=1%202&Temp_URL_Sig=***#frag",
        ),
        (
            "https://swift/v1/AUTH_a/c/o?temp%5Furl%5Fsig=abc",
            "https://swift/v1/AUTH_a/c/o?temp%5Furl%5Fsig=***",
        ),
        (
            "https://swift/v1/AUTH_a/c/?signature=s1&expires=9",
            "https://swift/v1/AUTH_a/c/?signature=***&expires=9",
        ),
        ("https://nova/v2.1/servers?name=a&limit=2", "https://nova/v2.1/servers?name=a&limit=2"),
        ("https://nova/v2.1/servers", "https://nova/v2.1/servers"),
    ],
)
def test_redact_url(url: str, expected: str) -> None:
    assert redact_url(url) == expected


def test_redact_text_hides_signatures_inside_messages() -> None:
    text = (
        "HTTPConnectionPool(host='127.0.0.1', port=9): Max retries exceeded with url: "
        "/v1/AUTH_a/c/o?temp_url_sig=0123abcd&temp_url_expires=1 (Caused by refused)"
    )

    assert redact_text(text) == (
        "HTTPConnectionPool(host='127.0.0.1', port=9): Max retries exceeded with url: "
        "/v1/AUTH_a/c/o?temp_url_sig=***&temp_url_expires=1 (Caused by refused)"
    )
    assert redact_text("nothing secret here") == "nothing secret here"
