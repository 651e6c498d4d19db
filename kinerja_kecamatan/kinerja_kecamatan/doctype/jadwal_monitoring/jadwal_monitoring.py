# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow.sop_record import step_passed

# the Camat corrects and approves the schedule (step 7 of the seed)
APPROVAL = "persetujuan jadwal"


class JadwalMonitoring(Document):
	def validate(self):
		self.refuse_change_after_approval()
		errors = []
		seen = set()
		for row in self.jadwal:
			if row.unit_kerja in seen:
				errors.append(
					_("Baris {0}: unit {1} sudah dijadwalkan di baris lain.").format(row.idx, row.unit_kerja)
				)
			seen.add(row.unit_kerja)
			if frappe.db.get_value("Unit Kerja", row.unit_kerja, "kecamatan") != self.kecamatan:
				errors.append(
					_("Baris {0}: unit {1} bukan bagian dari Kecamatan {2}.").format(
						row.idx, row.unit_kerja, self.kecamatan
					)
				)
		throw_if_any(errors, _("Jadwal Monitoring belum valid"))

	def refuse_change_after_approval(self):
		"""Once the Camat approves the schedule (step 7) it is what the team carries out."""
		if self.is_new():
			return
		if step_passed(self.monitoring, APPROVAL)[0]:
			frappe.throw(
				_("Jadwal Monitoring {0} sudah disetujui Camat dan tidak dapat diubah lagi.").format(
					self.name
				),
				frappe.PermissionError,
			)


def persetujuan(jadwal) -> dict | None:
	"""Who approved the schedule and when (step 7's last completion), for its print."""
	monitoring = frappe.db.get_value(
		"Monitoring Kinerja Triwulan", jadwal.monitoring, ["kecamatan"], as_dict=True
	)
	passed, number = step_passed(jadwal.monitoring, APPROVAL)
	if not monitoring or not passed:
		return None
	approved = frappe.get_all(
		"Log Langkah Monitoring",
		filters={"parent": jadwal.monitoring, "langkah": number},
		fields=["pengguna", "selesai"],
		order_by="selesai desc",
		limit=1,
	)
	if not approved:
		return None
	pejabat = frappe.db.get_value(
		"Pejabat",
		{"user": approved[0].pengguna, "kecamatan": monitoring.kecamatan},
		["nama", "nip", "pangkat_golongan", "jabatan"],
		as_dict=True,
	) or frappe.db.get_value(
		"Pejabat",
		frappe.db.get_value("Kecamatan", monitoring.kecamatan, "camat"),
		["nama", "nip", "pangkat_golongan", "jabatan"],
		as_dict=True,
	)
	return frappe._dict(pejabat=pejabat, tanggal=approved[0].selesai, kecamatan=monitoring.kecamatan)
