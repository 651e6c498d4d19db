# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.access import grant_unit_head, head_problem, revoke_unit_head


class UnitKerja(Document):
	def validate(self):
		if self.pejabat and frappe.db.get_value("Pejabat", self.pejabat, "kecamatan") != self.kecamatan:
			frappe.throw(_("Pejabat {0} bukan pejabat Kecamatan {1}.").format(self.pejabat, self.kecamatan))
		if self.kepala_unit and self.has_value_changed("kepala_unit"):
			if problem := head_problem(self.kepala_unit, self.kecamatan):
				frappe.throw(problem)

	def on_update(self):
		before = self.get_doc_before_save()
		previous_head = before.kepala_unit if before else None
		if previous_head and previous_head != self.kepala_unit:
			revoke_unit_head(previous_head, self)
		if self.kepala_unit:
			grant_unit_head(self.kepala_unit, self)

	def on_trash(self):
		if self.kepala_unit:
			revoke_unit_head(self.kepala_unit, self)
