# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import MONITORING


class RevisiSOPKinerja(Document):
	def validate(self):
		if not self.is_new():
			frappe.throw(_("Revisi SOP tidak dapat diubah; ubah SOP Kinerja untuk membuat revisi baru."))

	def on_trash(self):
		if frappe.db.exists(MONITORING, {"revisi_sop": self.name}):
			frappe.throw(_("Revisi SOP ini dipakai oleh siklus monitoring dan tidak dapat dihapus."))
