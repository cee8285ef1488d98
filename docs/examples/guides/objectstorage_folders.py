"""Pseudo-folders, server-side copies, and deleting many objects in one request."""

from oscloud import openstack
from oscloud.openstack.objectstorage.v1 import objects

provider = openstack.authenticated_client(openstack.auth_options_from_env())
swift = openstack.new_object_storage_v1(provider, openstack.endpoint_opts_from_env())

# With a delimiter, names are rolled up to the first "/": pseudo-folders come as Subdir.
for entry in objects.list(swift, "backups", objects.ListOpts(delimiter="/")).items():
    if isinstance(entry, objects.Subdir):
        print("folder", entry.name)
    else:
        print("object", entry.name, entry.size)

# Inside one folder: the prefix, and the delimiter again to stay at that level.
in_logs = objects.ListOpts(prefix="logs/", delimiter="/")
log_names = objects.extract_object_names(objects.list(swift, "backups", in_logs).all_pages())
print("logs:", log_names)

# A copy made by the cluster: nothing goes through this program.
as_html = objects.CopyOpts(content_type="text/plain; charset=utf-8")
copied = objects.copy(swift, "backups", "notes/readme.txt", "www", "readme.txt", as_html)
print("copied from", copied.extract().copied_from)

# One request for many objects (the bulk middleware); missing ones count as not found.
report = objects.bulk_delete(swift, "backups", [*log_names, "logs/never-there.log"]).extract()
print(f"deleted {report.deleted}, not found {report.not_found}")
