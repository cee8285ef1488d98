"""See every request oscloud sends, with tokens and passwords masked."""

import logging

from oscloud import openstack

logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
logging.getLogger("oscloud").setLevel(logging.DEBUG)

provider = openstack.authenticated_client(openstack.auth_options_from_env())
