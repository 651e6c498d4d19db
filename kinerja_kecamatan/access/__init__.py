"""Who sees and changes what, on the server for every path: a user's scope (scope.py), fields
only the server writes (server_fields.py), who edits a Monitoring when (editing.py), and Files
and Comments on the app's records (attachments.py).

Re-exported here, so the dotted paths hooks.py names stay short and stable: the permission
hooks and the guarded get_count.
"""

from kinerja_kecamatan.access.scope import file_query_conditions, get_count, has_permission, query_conditions

__all__ = ("file_query_conditions", "get_count", "has_permission", "query_conditions")
