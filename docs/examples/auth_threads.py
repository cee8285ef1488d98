"""Read many servers at once: one provider and one service client, shared by threads."""

import sys
from concurrent.futures import ThreadPoolExecutor

from oscloud import openstack
from oscloud.openstack.compute.v2 import servers

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())


def status_of(server_id: str) -> str:
    return servers.get(compute, server_id).extract().status


server_ids = sys.argv[1:]
with ThreadPoolExecutor(max_workers=8) as pool:
    statuses = pool.map(status_of, server_ids)  # in the order of server_ids
    for server_id, status in zip(server_ids, statuses, strict=True):
        print(server_id, status)
