"""Run a Swift daemon, or build the rings, with a private swift_dir.

Swift reads /etc/swift/swift.conf when it is imported and its daemons ignore
`swift_dir` for it, so this launcher (run with the services venv's python) points
Swift at our directory before anything else is loaded:

    python swift_run.py SWIFT_DIR run MODULE CONF   # MODULE.main() with argv [CONF]
    python swift_run.py SWIFT_DIR rings DEVICE ACCOUNT_PORT CONTAINER_PORT OBJECT_PORT
"""

import importlib
import os
import sys


def _use_swift_dir(swift_dir):
    from swift.common import utils

    utils.set_swift_dir(swift_dir)
    from swift.common import constraints, storage_policy

    constraints.reload_constraints()
    storage_policy.reload_storage_policies()


def _rings(swift_dir, device, ports):
    """One replica, one device per ring (same as `swift-ring-builder create 10 1 1`)."""
    from swift.common.ring import RingBuilder

    for kind, port in zip(("account", "container", "object"), ports, strict=False):
        builder = RingBuilder(10, 1, 1)
        builder.add_dev(
            {
                "region": 1,
                "zone": 1,
                "ip": "127.0.0.1",
                "port": int(port),
                "device": device,
                "weight": 100,
            }
        )
        builder.rebalance()
        builder.save(os.path.join(swift_dir, kind + ".builder"))
        builder.get_ring().save(os.path.join(swift_dir, kind + ".ring.gz"))


def main():
    swift_dir, command = sys.argv[1], sys.argv[2]
    _use_swift_dir(swift_dir)
    if command == "rings":
        _rings(swift_dir, sys.argv[3], sys.argv[4:7])
        return 0
    module, conf = sys.argv[3], sys.argv[4]
    sys.argv = [module.rsplit(".", 1)[0], conf]
    return importlib.import_module(module).main()


if __name__ == "__main__":
    sys.exit(main())
