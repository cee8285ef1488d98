"""Nova's database setup in one process (run with the services venv's python).

Same as `nova-manage api_db sync`, `cell_v2 map_cell0 --database_connection CELL0`,
`cell_v2 create_cell --name cell1` and `db sync`, without paying nova-manage's
start-up (several seconds each on a small machine) four times.

    python nova_setup.py NOVA_CONF CELL0_DATABASE_URL
"""

import sys

from nova.cmd import manage


def main():
    conf, cell0 = sys.argv[1], sys.argv[2]
    sys.argv = ["nova-manage", "--config-file", conf, "api_db", "sync"]
    if manage.main():
        return "nova-manage api_db sync failed"
    steps = [
        ("cell_v2 map_cell0", lambda: manage.CellV2Commands().map_cell0(database_connection=cell0)),
        ("cell_v2 create_cell", lambda: manage.CellV2Commands().create_cell(name="cell1")),
        ("db sync", lambda: manage.DbCommands().sync()),
    ]
    for name, step in steps:
        print("nova-manage " + name, flush=True)
        if step():
            return f"nova-manage {name} failed"
    return 0


if __name__ == "__main__":
    sys.exit(main())
