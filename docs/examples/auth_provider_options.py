"""A provider tuned for a batch job: its own CA, short connects, patient retries."""

import os

import oscloud
from oscloud import openstack
from oscloud.openstack.identity.v3 import tokens

opts = openstack.auth_options_from_env()
provider = openstack.authenticated_client(
    opts,
    verify=os.environ.get("OS_CACERT") or True,  # a CA bundle, or the system's CAs
    timeout=(3.05, 120),  # seconds to connect, seconds to wait for each read
    retry=oscloud.RetryPolicy(max_attempts=6, max_total_seconds=300),
)
provider.append_user_agent("inventory-report/1.4")

identity = openstack.new_identity_v3(provider)
token = tokens.get(identity, provider.token).extract()  # retried on 429 and 503 if need be
print("token for", token.user.name, "until", token.expires_at)
