"""Telling the failures apart: bad input, an answer the call did not expect, no answer."""

import oscloud
from oscloud import errors, openstack
from oscloud.openstack.identity.v3 import tokens

provider = openstack.authenticated_client(openstack.auth_options_from_env())
identity = openstack.new_identity_v3(provider)


def describe(token_id: str) -> str:
    try:
        token = tokens.get(identity, token_id).extract()
    except errors.MissingInputError as err:  # raised before anything is sent
        return f"nothing to look up: {err}"
    except errors.NotFoundError as err:  # the server answered 404
        return f"unknown token (request {err.request_id}): {err.message}"
    except errors.UnexpectedResponseCodeError as err:  # any other status
        return f"{err.method} {err.url} answered {err.status_code}, expected {err.expected}"
    except errors.TransportError as err:  # no answer at all: connect error or timeout
        return f"cannot reach the identity service: {err}"
    return f"valid until {token.expires_at:%Y-%m-%d %H:%M} UTC, for {token.user.name}"


print(describe(provider.token or ""))
print(describe(""))
print(describe("gAAAAABrevoked-token"))

try:
    oscloud.AuthOptions(identity_endpoint="https://keystone.example.com/v3", username="demo")
except oscloud.InvalidAuthOptionsError as err:  # also a ValueError
    print("bad options:", err)
