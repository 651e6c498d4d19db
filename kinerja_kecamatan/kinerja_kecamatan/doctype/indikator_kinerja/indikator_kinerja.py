# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import UNIT_KERJA
from kinerja_kecamatan.engine.capaian import RUMUS


class IndikatorKinerja(Document):
	def validate(self):
		self.kode = self.kode.strip()
		self.rumus_capaian = RUMUS[self.jenis]
		if frappe.db.get_value(UNIT_KERJA, self.unit_kerja, "kecamatan") != self.kecamatan:
			frappe.throw(
				_("Unit Kerja {0} bukan bagian dari Kecamatan {1}.").format(self.unit_kerja, self.kecamatan)
			)
