# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.access.scope import head_problem
from kinerja_kecamatan.access.server_fields import value_of

# what the Kasubbag PK may set on a follow-up: who answers for it and by when; the rest comes from
# the signed report, the unit head's Isian and the team's Blanko
ASSIGNABLE_FIELDS = ("penanggung_jawab", "batas_waktu")
STANDARD_FIELDS = {"modified", "modified_by", "creation", "owner", "idx", "docstatus", "name"}


class TindakLanjutKinerja(Document):
	def validate(self):
		if self.flags.server_write or frappe.session.user == "Administrator":
			return
		if self.is_new():
			frappe.throw(
				_("Tindak lanjut dibuat saat laporan triwulan ditandatangani, tidak dibuat langsung."),
				frappe.PermissionError,
			)
		before = self.get_doc_before_save()
		changed = [
			df.fieldname
			for df in self.meta.fields
			if df.fieldname not in ASSIGNABLE_FIELDS
			and df.fieldname not in STANDARD_FIELDS
			and value_of(self, df.fieldname) != value_of(before, df.fieldname)
		]
		if changed:
			frappe.throw(
				_(
					"Hanya Penanggung Jawab dan Batas Waktu yang dapat diubah; {0} berasal dari laporan,"
					" Isian dan Blanko."
				).format(", ".join(_(self.meta.get_label(f)) for f in changed)),
				frappe.PermissionError,
				title=_("Tidak diizinkan"),
			)
		if self.penanggung_jawab and self.penanggung_jawab != before.penanggung_jawab:
			problem = head_problem(self.penanggung_jawab, self.kecamatan)
			if problem:
				frappe.throw(problem, title=_("Penanggung jawab tidak valid"))
		if value_of(self, "batas_waktu") != value_of(before, "batas_waktu"):
			self.terlambat = 0  # a new date: overdue again only once it passes
