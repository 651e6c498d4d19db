"""Files around the app's records: who may attach a file, and to what.

Frappe lets any desk user create a File record that points at an existing private file's URL
(and so read it), and attach uploads to records they cannot write. For the app's records:

- a file is attached only to a draft the user may write (the archive PDF, attached by the server
  by the archiving step, is the one exception);
- a new File may share an existing private file only if the user can already read it (a record
  pointing at its URL, or an upload of identical bytes, which Frappe stores as the same file).
"""

import re

import frappe
from frappe import _

from kinerja_kecamatan.access.scope import SCOPE_FIELDS
from kinerja_kecamatan.access.scope import has_permission as within_scope

# an uploaded file's URL, nothing else: no markup, no quotes, no other scheme
UPLOADED_FILE_URL = re.compile(r"^/(private/)?files/[^<>\"'`\\]+$")


def is_uploaded_file(url: str) -> bool:
	"""Whether `url` names a File uploaded to this site (a record's evidence is one, not a link)."""
	return bool(UPLOADED_FILE_URL.match(url)) and bool(frappe.db.exists("File", {"file_url": url}))


def check_new_file(file, method=None) -> None:
	"""File before_insert."""
	if frappe.session.user == "Administrator" or file.flags.kinerja_archive or frappe.flags.in_install:
		return
	if file.attached_to_doctype in SCOPE_FIELDS and file.attached_to_name:
		check_attachable(file.attached_to_doctype, file.attached_to_name)
	# pointing at (or, by identical content, landing on) a private file already on the site
	if (file.file_url or "").startswith("/private/"):
		check_readable_url(file.file_url)


def check_attachable(doctype: str, name: str) -> None:
	if not frappe.db.exists(doctype, name):
		return  # a new record's files are linked when it is saved, by Frappe
	record = frappe.get_doc(doctype, name)
	if (
		record.docstatus != 0
		or within_scope(record, "write") is False
		or not frappe.has_permission(doctype, "write", doc=record)
	):
		frappe.throw(
			_("Berkas hanya dapat dilampirkan pada {0} {1} yang masih draf dan boleh Anda ubah.").format(
				_(doctype), name
			),
			frappe.PermissionError,
		)


def check_readable_url(file_url: str) -> None:
	existing = frappe.get_all("File", {"file_url": file_url}, pluck="name")
	if existing and not any(frappe.has_permission("File", "read", doc=name) for name in existing):
		frappe.throw(_("Anda tidak berhak atas berkas {0}.").format(file_url), frappe.PermissionError)


def comment_as_its_author(comment, method=None) -> None:
	"""Comment before_insert: a comment on the app's records carries its real author, whatever
	name and address the client sent (frappe.desk.form.utils.add_comment takes them as given)."""
	if comment.reference_doctype not in SCOPE_FIELDS or frappe.session.user in ("Administrator", "Guest"):
		return
	if comment.comment_type == "Comment":
		comment.comment_email = frappe.session.user
		comment.comment_by = frappe.utils.get_fullname(frappe.session.user)
