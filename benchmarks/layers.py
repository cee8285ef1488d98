"""Where oscloud's CPU goes on one ``GET`` of a server, layer by layer, with no network.

``python -m benchmarks.layers [--rounds N]``

A transport adapter mounted on every session answers each request with the same
pre-rendered response, so only client code runs. Each layer is timed right after bare
requests, round after round; each figure is the layer's best round over the best round
of bare requests (the least disturbed by anything else running), so that the cost of one
layer is the step from the line above it:

- ``provider.request + json``: the provider (token, retries, status check);
- ``servers.get, body only``: the service client, URL building and the result;
- ``servers.get().extract()``: the ``Server`` model.

Needs oscloud's compute servers package.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Mapping
from typing import Any

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from benchmarks.fake_cloud import SERVER_ID, TOKEN_ID, server_body

BASE = "http://compute.invalid/compute/v2.1"
URL = f"{BASE}/servers/{SERVER_ID}"


class CannedAdapter(BaseAdapter):
    """Answers every request with one pre-rendered ``200`` (a Nova server body)."""

    def __init__(self) -> None:
        super().__init__()
        self.body = json.dumps({"server": server_body(BASE, SERVER_ID, "web-1")}).encode()
        self.headers = {
            "Content-Type": "application/json",
            "Content-Length": str(len(self.body)),
            "X-Openstack-Request-Id": "req-5e7a0001-4c1d-4b2e-9b2e-000000000001",
        }

    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:
        response = requests.Response()
        response.status_code = 200
        response.headers = CaseInsensitiveDict(self.headers)
        response._content = self.body
        response.url = request.url or ""
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self) -> None:
        pass


def _layers() -> Mapping[str, Callable[[], object]]:
    from oscloud import ProviderClient, ServiceClient
    from oscloud.openstack.compute.v2 import servers

    bare = requests.Session()
    bare.mount("http://", CannedAdapter())
    bare.headers.update({"Accept": "application/json", "X-Auth-Token": TOKEN_ID})

    def bare_get() -> object:
        response = bare.get(URL)
        response.raise_for_status()
        return response.json()["server"]

    provider = ProviderClient(identity_endpoint="http://identity.invalid/v3/")
    provider.session.mount("http://", CannedAdapter())
    provider.set_token(TOKEN_ID)
    compute = ServiceClient(provider=provider, endpoint=BASE, type="compute")
    return {
        "bare requests": bare_get,
        "provider.request + json": lambda: provider.request("GET", URL).json()["server"],
        "servers.get, body only": lambda: servers.get(compute, SERVER_ID).body["server"],
        "servers.get().extract()": lambda: servers.get(compute, SERVER_ID).extract(),
    }


def _cpu(call: Callable[[], object], calls: int) -> float:
    began = time.process_time()
    for _ in range(calls):
        call()
    return time.process_time() - began


def measure(rounds: int, calls: int) -> dict[str, float]:
    layers = _layers()
    for call in layers.values():
        _cpu(call, calls)  # warm-up
    best = {name: float("inf") for name in layers}
    for _ in range(rounds):
        for name, call in layers.items():
            best[name] = min(best[name], _cpu(call, calls) / calls)
    floor = best["bare requests"]
    return {name: seconds / floor for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.layers", description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--calls", type=int, default=150)
    args = parser.parse_args(argv)
    for name, ratio in measure(args.rounds, args.calls).items():
        print(f"{name:28s} {ratio:5.2f}x bare requests")


if __name__ == "__main__":
    main()
