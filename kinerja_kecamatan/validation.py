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
