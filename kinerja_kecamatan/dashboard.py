"""Workspace numbers that need more than a filter."""

import frappe
from frappe.utils import now_datetime


@frappe.whitelist()
def langkah_terlambat(filters=None) -> int:
	"""Cycles whose current step has passed its mutu baku, among those the user may see."""
	return len(
		frappe.get_list(
			"Monitoring Kinerja Triwulan",
			filters={"docstatus": 0, "batas_waktu_langkah": ("<", now_datetime())},
			pluck="name",
		)
	)


@frappe.whitelist()
def indikator_sangat_rendah(filters=None) -> int:
	"""Indicator rows graded Sangat Rendah in the Isian the user may see."""
	from kinerja_kecamatan.report_data import isian_rows, visible_isian

	return len(isian_rows(visible_isian({}), {"predikat": "Sangat Rendah"}))
