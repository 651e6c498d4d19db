# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from frappe.model.document import Document


class CapaianKinerjaTahunanIndikator(Document):
	pass
