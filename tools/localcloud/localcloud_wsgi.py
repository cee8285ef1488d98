"""gunicorn entry point for the localcloud WSGI APIs.

gunicorn's own command line would reach oslo.config (the services parse sys.argv
when their WSGI module is imported): the worker dies and respawns forever while the
socket keeps accepting. So this wrapper replaces sys.argv before the import:

    LOCALCLOUD_WSGI_MODULE  module exposing `application`, e.g. keystone.wsgi.api
    LOCALCLOUD_WSGI_ARGV    optional JSON list of arguments for the service
                            (cinder: ["--config-file", ..., "--log-file", ...])

Used as `gunicorn --pythonpath tools/localcloud localcloud_wsgi:application`.
"""

import importlib
import json
import os
import sys

sys.argv = sys.argv[:1] + json.loads(os.environ.get("LOCALCLOUD_WSGI_ARGV") or "[]")
application = importlib.import_module(os.environ["LOCALCLOUD_WSGI_MODULE"]).application
