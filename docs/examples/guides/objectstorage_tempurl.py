"""Temporary URLs and forms: let others download or upload without a token.

Usage: python objectstorage_tempurl.py
"""

import datetime as dt
import secrets

import requests

from oscloud import openstack
from oscloud.openstack.objectstorage.v1 import accounts, tempurl

provider = openstack.authenticated_client(openstack.auth_options_from_env())
swift = openstack.new_object_storage_v1(provider, openstack.endpoint_opts_from_env())

# The account's key signs the URLs: set one if there is none yet. Keep it secret.
key = accounts.get(swift).extract().temp_url_key
if key is None:
    key = secrets.token_urlsafe(32)
    accounts.update(swift, accounts.UpdateOpts(temp_url_key=key)).extract_err()

# A link to one object, valid for an hour. Whoever holds it can read the object.
url = tempurl.generate(swift, "GET", "backups", "notes/readme.txt", key, expires=3600)
shared = requests.get(url, timeout=30)  # a plain GET: no token
print("GET:", shared.status_code, shared.content)

# A link to upload one object, valid for ten minutes.
upload_url = tempurl.generate(
    swift, "PUT", "uploads", "user-7/report.txt", key, expires=dt.timedelta(minutes=10)
)
print("PUT:", requests.put(upload_url, data=b"quarterly report\n", timeout=30).status_code)

# A signed form for browsers: up to 3 files of 10 MiB, named user-7/<file name>.
limits = tempurl.FormPostOpts(max_file_size=10 * 2**20, max_file_count=3, expires=600)
form = tempurl.form_post(swift, "uploads", key, limits, object_prefix="user-7/")
print(f'<form action="{form.url}" method="post" enctype="multipart/form-data">')
for name in form.fields():
    print(f'  <input type="hidden" name="{name}" value="...">')
print('  <input type="file" name="file1"></form>')

# What a browser sends when the form is submitted.
photo = {"file1": ("photo.jpg", b"\xff\xd8\xff\xe0 a photo", "image/jpeg")}
posted = requests.post(form.url, data=form.fields(), files=photo, timeout=30)
print("POST:", posted.status_code)
