# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import UNIT_KERJA
from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow.locks import LockedAfterStep


class JadwalMonitoring(LockedAfterStep, Document):
	def validate(self):
		errors = []
		seen = set()
		for row in self.jadwal:
			if row.unit_kerja in seen:
				errors.append(
					_("Baris {0}: unit {1} sudah dijadwalkan di baris lain.").format(row.idx, row.unit_kerja)
				)
			seen.add(row.unit_kerja)
			if frappe.db.get_value(UNIT_KERJA, row.unit_kerja, "kecamatan") != self.kecamatan:
				errors.append(
					_("Baris {0}: unit {1} bukan bagian dari Kecamatan {2}.").format(
						row.idx, row.unit_kerja, self.kecamatan
					)
				)
		throw_if_any(errors, _("Jadwal Monitoring belum valid"))
