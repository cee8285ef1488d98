from __future__ import annotations

from oscloud import openstack
from oscloud.openstack.identity.v3 import tokens
from tests.unit.helpers.identity import Keystone
from tests.unit.helpers.server import FakeServer


def test_authenticated_client_gets_token_and_catalog(server: FakeServer, auth_options) -> None:
    keystone = Keystone(server)

    provider = openstack.authenticated_client(auth_options)

    assert provider.token == keystone.issued[0]
    (sent,) = server.received("POST", "/identity/v3/auth/tokens")
    assert sent.json()["auth"]["identity"]["password"]["user"] == {
        "name": "demo",
        "domain": {"name": "Default"},
        "password": "s3cret-password",
    }
    assert sent.json()["auth"]["scope"] == {
        "project": {"name": "demo", "domain": {"name": "Default"}}
    }
    assert "X-Auth-Token" not in sent.headers
    identity = openstack.new_identity_v3(provider)
    assert identity.endpoint == server.url + "/identity/v3/"
    assert isinstance(tokens.Token, type)
