#!/usr/bin/env python3
"""Smoke test of a running localcloud, over REST with the standard library only.

    python3 tools/localcloud/smoke.py [--state-dir DIR]

Checks: tokens and catalog for both clouds; as the member: boot a server (fake driver,
"networks": "none"), create a volume, attach and detach it, delete both; Swift object
PUT/GET and a temp URL fetched without a token; the Swift middleware list in /info.
Cleans up what it creates. Exit code 0 when every check passed.
"""

import argparse
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lc_cloud import LaunchError, api, http, token

COMPUTE = {"OpenStack-API-Version": "compute 2.90"}  # >= 2.37 for "networks": "none"
VOLUME = {"OpenStack-API-Version": "volume 3.0"}


def poll(what, get, done, timeout=60, interval=0.3):
    deadline = time.monotonic() + timeout
    while True:
        value = get()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise LaunchError(f"timed out waiting for {what} (last: {value})")
        time.sleep(interval)


class Smoke:
    def __init__(self, info):
        self.info = info
        self.results = []

    def check(self, name, fn):
        started = time.monotonic()
        try:
            detail = fn()
            ok = True
        except Exception as error:  # report every failure, keep going
            detail, ok = f"{type(error).__name__}: {error}", False
        self.results.append(ok)
        print(
            "%-4s %-48s %6.2fs  %s"
            % ("ok" if ok else "FAIL", name, time.monotonic() - started, detail or ""),
            flush=True,
        )
        return ok

    def run(self):
        clouds = self.info["clouds"]
        admin, member = clouds["oscloud-admin"], clouds["oscloud-member"]
        ctx = {}

        def tokens():
            ctx["admin"], body = token(admin)
            ctx["member"], member_body = token(member)
            ctx["catalog"] = member_body["catalog"]
            return "roles admin={} member={}".format(
                [r["name"] for r in body["roles"]], [r["name"] for r in member_body["roles"]]
            )

        self.check("tokens for oscloud-admin and oscloud-member", tokens)

        def catalog():
            kinds = {s["type"]: s for s in ctx["catalog"]}
            need = {
                "identity",
                "compute",
                "placement",
                "image",
                "network",
                "volumev3",
                "block-storage",
                "object-store",
            }
            assert need <= set(kinds), "missing %s" % (need - set(kinds))
            for kind in need:
                interfaces = {
                    e["interface"]
                    for e in kinds[kind]["endpoints"]
                    if e["region_id"] == "RegionOne"
                }
                assert interfaces == {"public", "internal", "admin"}, (kind, interfaces)
            ctx["urls"] = {
                k: next(e["url"] for e in s["endpoints"] if e["interface"] == "public")
                for k, s in kinds.items()
            }
            return "%d services, 3 interfaces each" % len(kinds)

        if not self.check("catalog", catalog):
            return None
        nova, cinder, swift = (ctx["urls"][k] for k in ("compute", "volumev3", "object-store"))
        tok = ctx["member"]

        def boot():
            body = {
                "server": {
                    "name": "smoke",
                    "imageRef": self.info["image"]["id"],
                    "flavorRef": "1",
                    "networks": "none",
                }
            }
            server = api("POST", nova + "/servers", body, tok, headers=COMPUTE)["server"]
            ctx["server"] = server["id"]
            got = poll(
                "server ACTIVE",
                lambda: api("GET", nova + "/servers/" + server["id"], token=tok, headers=COMPUTE)[
                    "server"
                ],
                lambda s: s["status"] in ("ACTIVE", "ERROR"),
            )
            assert got["status"] == "ACTIVE", got.get("fault")
            return "server {} ACTIVE".format(server["id"])

        booted = self.check("member boots a server (fake driver)", boot)

        def volume():
            vol = api(
                "POST",
                cinder + "/volumes",
                {"volume": {"size": 1, "name": "smoke"}},
                tok,
                headers=VOLUME,
            )["volume"]
            ctx["volume"] = vol["id"]
            self._volume_status(cinder, tok, vol["id"], "available")
            return "volume {} available".format(vol["id"])

        made = self.check("member creates a volume (fake driver)", volume)

        if booted and made:

            def attach():
                api(
                    "POST",
                    "{}/servers/{}/os-volume_attachments".format(nova, ctx["server"]),
                    {"volumeAttachment": {"volumeId": ctx["volume"]}},
                    tok,
                    headers=COMPUTE,
                )
                self._volume_status(cinder, tok, ctx["volume"], "in-use")
                return "in-use"

            self.check("attach the volume to the server", attach)

            def detach():
                api(
                    "DELETE",
                    "{}/servers/{}/os-volume_attachments/{}".format(
                        nova, ctx["server"], ctx["volume"]
                    ),
                    token=tok,
                    headers=COMPUTE,
                )
                self._volume_status(cinder, tok, ctx["volume"], "available")
                return "available"

            self.check("detach the volume", detach)

        if made:

            def delete_volume():
                api("DELETE", cinder + "/volumes/" + ctx["volume"], token=tok)
                poll(
                    "volume deleted",
                    lambda: http("GET", cinder + "/volumes/" + ctx["volume"], token=tok)[0],
                    lambda s: s == 404,
                )

            self.check("delete the volume", delete_volume)
        if booted:

            def delete_server():
                api("DELETE", nova + "/servers/" + ctx["server"], token=tok, headers=COMPUTE)
                poll(
                    "server deleted",
                    lambda: http("GET", nova + "/servers/" + ctx["server"], token=tok)[0],
                    lambda s: s == 404,
                )

            self.check("delete the server", delete_server)

        container = swift + "/smoke-%d" % os.getpid()
        data = b"hello from localcloud\n" * 100

        def objects():
            api("PUT", container, b"", tok)
            api("PUT", container + "/hello.txt", data, tok, headers={"Content-Type": "text/plain"})
            status, _, body = http("GET", container + "/hello.txt", token=tok)
            assert status == 200 and body == data, status
            return "%d bytes round-tripped" % len(body)

        self.check("Swift PUT/GET object as member", objects)

        def tempurl():
            key = "smoke-temp-url-key"
            api("POST", swift, b"", tok, headers={"X-Account-Meta-Temp-URL-Key": key})
            path = urllib.parse.urlsplit(container + "/hello.txt").path
            expires = int(time.time()) + 300
            sig = hmac.new(
                key.encode(), ("GET\n%d\n%s" % (expires, path)).encode(), hashlib.sha256
            ).hexdigest()
            status, _, body = http(
                "GET",
                "%s/hello.txt?temp_url_sig=%s&temp_url_expires=%d" % (container, sig, expires),
            )
            assert status == 200 and body == data, status
            status = http("GET", container + "/hello.txt")[0]
            assert status == 401, "no token and no signature gave %d" % status
            return "200 with signature, 401 without"

        self.check("Swift temp URL without a token", tempurl)

        def cleanup():
            api("DELETE", container + "/hello.txt", token=tok)
            api("DELETE", container, token=tok)

        self.check("Swift cleanup", cleanup)

        def middleware():
            info = json.loads(http("GET", swift.split("/v1/")[0] + "/info")[2])
            need = {"slo", "bulk_upload", "bulk_delete", "tempurl", "formpost", "symlink"}
            assert need <= set(info), "missing %s" % (need - set(info))
            return "slo bulk tempurl formpost symlink present (dlo, keystoneauth register no info)"

        self.check("Swift /info lists the middleware", middleware)
        return all(self.results)

    def _volume_status(self, cinder, tok, volume_id, status):
        got = poll(
            "volume " + status,
            lambda: api("GET", cinder + "/volumes/" + volume_id, token=tok)["volume"],
            lambda v: v["status"] in (status, "error", "error_attaching", "error_detaching"),
        )
        assert got["status"] == status, got["status"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--state-dir", default=".localcloud")
    args = parser.parse_args()
    with open(os.path.join(args.state_dir, "cloud.json")) as f:
        info = json.load(f)
    started = time.monotonic()
    smoke = Smoke(info)
    smoke.run()
    passed = sum(smoke.results)
    failed = len(smoke.results) - passed
    print("%d passed, %d failed" % (passed, failed))
    print("(%.1f s)" % (time.monotonic() - started))
    return 0 if failed == 0 and passed else 1


if __name__ == "__main__":
    sys.exit(main())
