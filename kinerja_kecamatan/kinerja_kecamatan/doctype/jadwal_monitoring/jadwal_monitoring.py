# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow.behaviours import PERSETUJUAN_JADWAL
from kinerja_kecamatan.workflow.locks import LockedAfterStep
from kinerja_kecamatan.workflow.sop_record import step_passed


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
			if frappe.db.get_value("Unit Kerja", row.unit_kerja, "kecamatan") != self.kecamatan:
				errors.append(
					_("Baris {0}: unit {1} bukan bagian dari Kecamatan {2}.").format(
						row.idx, row.unit_kerja, self.kecamatan
					)
				)
		throw_if_any(errors, _("Jadwal Monitoring belum valid"))


def persetujuan(jadwal) -> dict | None:
	"""Who approved the schedule and when (the last completion of its approval step), for its print."""
	monitoring = frappe.db.get_value(
		"Monitoring Kinerja Triwulan", jadwal.monitoring, ["kecamatan"], as_dict=True
	)
	passed, number = step_passed(jadwal.monitoring, PERSETUJUAN_JADWAL)
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
