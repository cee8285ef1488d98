"""Page through an API that oscloud has no package for yet: the projects of your user."""

from typing import Any

from oscloud import openstack
from oscloud.pagination import LinkedPage, Pager


class ProjectPage(LinkedPage[dict[str, Any]]):  # items stay JSON; set `model` for typed ones
    resource_key = "projects"


provider = openstack.authenticated_client(openstack.auth_options_from_env())
identity = openstack.new_identity_v3(provider)

projects = Pager(identity, identity.service_url("auth", "projects"), ProjectPage)
for project in projects.items():
    print(project["id"], project["name"])
