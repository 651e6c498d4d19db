"""Link checks of a document's indicator rows in one query per table.

Frappe checks every Link of every child row with its own query (and fills the row's fetch_from
fields from it): a 200-indicator Isian made 200 queries on each save. A controller that lists
its tables in BATCHED_ROW_TABLES gets the same checks, the same fetched values and the same
messages from one `IN` query per Link field.
"""

import frappe
from frappe import _
from frappe.model.docstatus import DocStatus


class RowLinksInBatch:
	BATCHED_ROW_TABLES: tuple[str, ...] = ()

	def _validate_links(self):
		if self.flags.ignore_links or self._action == "cancel":
			return super()._validate_links()
		held = {fieldname: self.__dict__.get(fieldname) for fieldname in self.BATCHED_ROW_TABLES}
		try:
			for fieldname in held:
				self.__dict__[fieldname] = []  # hidden from Frappe's row-by-row check
			super()._validate_links()
		finally:
			for fieldname, rows in held.items():
				self.__dict__[fieldname] = rows
		for fieldname, rows in held.items():
			validate_row_links(self, rows or [])


def validate_row_links(doc, rows: list) -> None:
	if not rows:
		return
	meta = frappe.get_meta(rows[0].doctype)
	invalid, cancelled = [], []
	if meta.get("fields", {"fieldtype": "Dynamic Link"}):
		for row in rows:  # not batched: Frappe's own check, row by row
			row_invalid, row_cancelled = row.get_invalid_links(is_submittable=doc.meta.is_submittable)
			invalid += [entry[2] for entry in row_invalid]
			cancelled += [entry[2] for entry in row_cancelled]
	for df in (
		[]
		if invalid or cancelled or meta.get("fields", {"fieldtype": "Dynamic Link"})
		else meta.get_link_fields()
	):
		names = {row.get(df.fieldname) for row in rows if row.get(df.fieldname)}
		if not names:
			continue
		target = frappe.get_meta(df.options)
		to_fetch = meta.get_fields_to_fetch(df.fieldname)
		fields = {"name", *(f.fetch_from.split(".")[-1] for f in to_fetch)}
		if target.is_submittable:
			fields.add("docstatus")
		# MariaDB compares names case-insensitively; the row keeps the stored spelling
		found = {
			record.name.casefold(): record
			for record in frappe.get_all(
				df.options, filters={"name": ("in", list(names))}, fields=list(fields)
			)
		}
		label = _(df.label, context=df.parent)
		for row in rows:
			name = row.get(df.fieldname)
			if not name:
				continue
			record = found.get(name.casefold())
			message = "{} #{}: {}: {}".format(_("Row"), row.idx, label, name)
			if not record:
				invalid.append(message)
				continue
			row.set(df.fieldname, record.name)
			for field in to_fetch:
				if field.get("fetch_if_empty") and row.get(field.fieldname):
					continue
				if doc.is_new() or not doc.docstatus.is_submitted() or field.allow_on_submit:
					row.set_fetch_from_value(df.options, field, record)
			if target.is_submittable and record.docstatus == DocStatus.cancelled():
				cancelled.append(message)
	if invalid:
		frappe.throw(_("Could not find {0}").format(", ".join(invalid)), frappe.LinkValidationError)
	if cancelled:
		frappe.throw(
			_("Cannot link cancelled document: {0}").format(", ".join(cancelled)), frappe.CancelledLinkError
		)
