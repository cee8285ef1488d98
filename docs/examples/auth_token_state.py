"""Reuse one token across runs of a command-line tool instead of logging in each time."""

import json
import os
from pathlib import Path

from oscloud import ProviderClient, TokenState, openstack

STATE_FILE = Path.home() / ".cache" / "inventory-report" / "token.json"


def load_token_state() -> TokenState | None:
    try:
        return TokenState.from_json(json.loads(STATE_FILE.read_text()))
    except (OSError, ValueError, KeyError):
        return None  # no file yet, or an unreadable one: log in again


def save_token_state(provider: ProviderClient) -> None:
    state = provider.token_state()
    if state is None:
        return
    STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    # The file holds a token: readable by its owner only, like a password file.
    fd = os.open(STATE_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(state.to_json(), handle)


opts = openstack.auth_options_from_env()
provider = openstack.authenticated_client(opts, token_state=load_token_state())
save_token_state(provider)
print("token valid until", provider.token_expires_at)
