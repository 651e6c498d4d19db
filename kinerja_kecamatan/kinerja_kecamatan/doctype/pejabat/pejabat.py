# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import UNIT_KERJA
from kinerja_kecamatan.engine.nip import nip_problem, normalise_nip


class Pejabat(Document):
	def before_insert(self):
		self.nip = normalise_nip(self.nip)  # before naming: the NIP is the document's name

	def validate(self):
		self.nip = normalise_nip(self.nip)
		if problem := nip_problem(self.nip):
			frappe.throw(problem, title=_("NIP tidak valid"))
		if (
			self.unit_kerja
			and frappe.db.get_value(UNIT_KERJA, self.unit_kerja, "kecamatan") != self.kecamatan
		):
			frappe.throw(
				_("Unit Kerja {0} bukan bagian dari Kecamatan {1}.").format(self.unit_kerja, self.kecamatan)
			)
		self.nik = (self.nik or "").replace(" ", "") or None
		if self.nik and not (self.nik.isdigit() and len(self.nik) == 16):
			frappe.throw(_("NIK harus 16 angka."), title=_("NIK tidak valid"))
