# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.validation import throw_if_any


class MonitoringKinerjaTriwulan(Document):
	def validate(self):
		self.title = _("Monitoring TW {0} {1} {2}").format(self.triwulan, self.tahun, self.kecamatan)
		errors = []
		pk = frappe.db.get_value(
			"Perjanjian Kinerja", self.perjanjian_kinerja, ["kecamatan", "tahun", "docstatus"], as_dict=True
		)
		if pk and (pk.kecamatan != self.kecamatan or pk.tahun != self.tahun):
			errors.append(
				_("Perjanjian Kinerja {0} adalah milik {1} tahun {2}, bukan {3} tahun {4}.").format(
					self.perjanjian_kinerja, pk.kecamatan, pk.tahun, self.kecamatan, self.tahun
				)
			)
		if pk and pk.docstatus != 1:
			errors.append(
				_(
					"Perjanjian Kinerja {0} belum diajukan (submit); target hanya diambil dari PK yang sah."
				).format(self.perjanjian_kinerja)
			)
		duplicate = frappe.db.get_value(
			"Monitoring Kinerja Triwulan",
			{
				"kecamatan": self.kecamatan,
				"tahun": self.tahun,
				"triwulan": self.triwulan,
				"docstatus": ("<", 2),
				"name": ("!=", self.name),
			},
		)
		if duplicate:
			errors.append(
				_("Monitoring TW {0} {1} untuk Kecamatan {2} sudah ada: {3}.").format(
					self.triwulan, self.tahun, self.kecamatan, duplicate
				)
			)
		throw_if_any(errors, _("Monitoring belum valid"))
