# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class LaporanHasilMonitoring(Document):
	def validate(self):
		monitoring = frappe.db.get_value(
			"Monitoring Kinerja Triwulan", self.monitoring, ["kecamatan", "tahun", "triwulan"], as_dict=True
		)
		self.kecamatan, self.tahun, self.triwulan = (
			monitoring.kecamatan,
			monitoring.tahun,
			monitoring.triwulan,
		)
		self.title = _("Laporan Hasil Monitoring TW {0} {1} {2}").format(
			self.triwulan, self.tahun, self.kecamatan
		)
		other = frappe.db.get_value(
			"Laporan Hasil Monitoring",
			{"monitoring": self.monitoring, "docstatus": ("<", 2), "name": ("!=", self.name)},
		)
		if other:
			frappe.throw(_("Monitoring {0} sudah memiliki laporan {1}.").format(self.monitoring, other))

	def before_submit(self):
		# only the Camat's signature at step 11 submits a report (kinerja_kecamatan.laporan.sign_laporan)
		if not self.hash_tanda_tangan:
			frappe.throw(
				_(
					"Laporan disahkan dengan tanda tangan Camat pada langkah 11 alur monitoring, bukan diajukan langsung."
				)
			)


@frappe.whitelist()
def susun_draft_laporan(monitoring: str):
	"""Step 9: draft (or refresh) the report from the quarter's data in one action."""
	from kinerja_kecamatan.laporan import draft_laporan

	doc = frappe.get_doc("Monitoring Kinerja Triwulan", monitoring)
	doc.check_permission("write")
	frappe.has_permission("Laporan Hasil Monitoring", "create", throw=True)
	return draft_laporan(doc).name
