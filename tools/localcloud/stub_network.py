"""Neutron STAND-IN for localcloud: not Neutron, just enough for Nova (stdlib only).

Nova calls the network service on every server GET (security groups), on delete,
resize and os-interface, even for servers booted with "networks": "none". This
stand-in answers those calls with empty results:

    GET /              -> version document (v2.0)
    GET /v2.0          -> {"resources": []}
    GET /v2.0/<coll>   -> {"<coll with - as _>": []}   (query string ignored)
    anything else      -> 404 NeutronError

It has no auth, stores nothing, and supports no real networking.

    python3 stub_network.py PORT
"""

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "localcloud-neutron-stand-in"

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _not_found(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._send(
            404,
            {
                "NeutronError": {
                    "type": "HTTPNotFound",
                    "detail": "",
                    "message": "The resource could not be found (localcloud Neutron stand-in).",
                }
            },
        )

    def do_GET(self):
        path = self.path.split("?", 1)[0].rstrip("/")
        if path.endswith(".json"):
            path = path[:-5]
        parts = [p for p in path.split("/") if p]
        if not parts:
            host = self.headers.get("Host") or "127.0.0.1:%d" % self.server.server_port
            self._send(
                200,
                {
                    "versions": [
                        {
                            "id": "v2.0",
                            "status": "CURRENT",
                            "links": [{"href": f"http://{host}/v2.0/", "rel": "self"}],
                        }
                    ]
                },
            )
        elif parts == ["v2.0"]:
            self._send(200, {"resources": []})
        elif len(parts) == 2 and parts[0] == "v2.0":
            self._send(200, {parts[1].replace("-", "_"): []})
        else:
            self._not_found()

    do_HEAD = do_GET
    do_POST = do_PUT = do_DELETE = do_PATCH = _not_found

    def log_message(self, fmt, *args):
        sys.stderr.write(f"{self.log_date_time_string()} {fmt % args}\n")
        sys.stderr.flush()


def main():
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
