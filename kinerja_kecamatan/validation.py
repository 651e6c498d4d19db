"""Collect every problem of a document, then refuse it once with the whole list in Bahasa Indonesia."""

import frappe
from frappe import _


class KinerjaValidationError(frappe.ValidationError):
	pass


def throw_if_any(errors: list[str], title: str | None = None) -> None:
	if not errors:
		return
	frappe.throw(
		errors if len(errors) > 1 else errors[0],
		exc=KinerjaValidationError,
		title=title or _("Data belum dapat disimpan"),
		as_list=len(errors) > 1,
	)


def missing_mandatory(doc) -> list[str]:
	"""Mandatory fields of `doc` still empty (an administrator may add some with Customize Form),
	as kelengkapan messages. The server makes drafts without them; people fill them in."""
	return [
		_("{0} {1}: {2} wajib diisi.").format(_(doc.doctype), doc.name, _(df.label))
		for df in doc.meta.get("fields", {"reqd": 1})
		if df.fieldtype not in ("Table", "Table MultiSelect") and doc.get(df.fieldname) in (None, "", [])
	]
