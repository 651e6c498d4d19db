# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from frappe.model.document import Document


class Kecamatan(Document):
	def validate(self):
		self.nama_kecamatan = self.nama_kecamatan.strip()
		self.kabupaten = self.kabupaten.strip()
