"""Tiny syslog sink for the localcloud Swift daemons (stdlib only).

Swift logs only to syslog; without /dev/log its messages silently go to UDP
127.0.0.1:514. The Swift configs send them (and the proxy access log) to
127.0.0.1:PORT instead, and this process appends them to a file.

    python3 swift_logsink.py PORT LOGFILE
"""

import re
import socket
import sys

_PRIORITY = re.compile(rb"^<\d+>")


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))
    with open(path, "ab", buffering=0) as out:
        while True:
            data = _PRIORITY.sub(b"", sock.recv(65535)).rstrip(b"\0\n")
            out.write(data + b"\n")


if __name__ == "__main__":
    main()
