"""Documents a cycle's later steps rest on, locked once the cycle has passed the step that made
them (the `locks` of behaviours.py), whatever path a change takes."""

import frappe
from frappe import _

from kinerja_kecamatan.workflow.behaviours import locks_of
from kinerja_kecamatan.workflow.sop_record import step_passed


class LockedAfterStep:
	"""Mixin for a DocType linked to a cycle by its `monitoring` field: its save, submit or cancel
	is refused once the cycle has left the step whose behaviour locks it."""

	def run_before_save_methods(self):
		super().run_before_save_methods()
		refuse_if_locked(self, self._action)


def refuse_if_locked(doc, event: str) -> None:
	if event == "save" and doc.is_new():
		return
	for key, lock in locks_of(doc.doctype, event):
		# submit locks the cycle's row, so it and the step's close never cross
		passed, number = step_passed(doc.monitoring, key, for_update=event == "submit")
		if passed:
			message = _(lock.message).format(name=doc.name, langkah=number, monitoring=doc.monitoring)
			frappe.throw(message, frappe.PermissionError if lock.permission else frappe.ValidationError)
