"""Walk a listing resource by resource, page by page, with an early stop, or all at once."""

from oscloud import openstack
from oscloud.openstack.compute.v2 import servers
from oscloud.pagination import Page

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())
opts = servers.ListOpts(limit=2)  # small pages, to see them

pager = servers.list(compute, opts)  # nothing is sent yet

# Resource by resource: each page is fetched when the loop reaches it.
for server in pager.items():
    print("server:", server.name)

# Page by page: one response each.
for page in servers.list(compute, opts):
    print("page:", [server.name for server in servers.extract_servers(page)])


# A handler per page; returning False stops, and no further page is fetched.
def first_page_only(page: Page[servers.Server]) -> bool:
    print("handled:", len(servers.extract_servers(page)), "servers")
    return False


servers.list(compute, opts).each_page(first_page_only)

# Everything in one page: simple, for collections known to be small.
everything = servers.extract_servers(servers.list(compute, opts).all_pages())
print("all:", len(everything), "servers")
