"""Workspace numbers: the same rows, period and summariser as the reports, so they agree.
Read-only: with a read replica configured, Frappe serves them from it."""

import frappe
from frappe.utils import now_datetime, nowdate

from kinerja_kecamatan.doctypes import MONITORING, TINDAK_LANJUT
from kinerja_kecamatan.engine.predikat import predikat_labels
from kinerja_kecamatan.engine.tindak_lanjut import DIRENCANAKAN
from kinerja_kecamatan.reports.report_data import (
	SUMMARY_FIELDS,
	isian_rows,
	summary,
	visible_isian,
	with_latest_period,
)


def latest_rows() -> list[dict]:
	"""The indicator rows of the latest period with data the user may see."""
	return isian_rows(visible_isian(with_latest_period({})), fields=SUMMARY_FIELDS)


@frappe.whitelist()
@frappe.read_only()
def siklus_berjalan(filters=None) -> int:
	"""Cycles not yet archived, among those the user may see."""
	return len(frappe.get_list(MONITORING, filters={"docstatus": 0}, pluck="name"))


@frappe.whitelist()
@frappe.read_only()
def langkah_terlambat(filters=None) -> int:
	"""Cycles whose current step has passed its mutu baku, among those the user may see."""
	return len(
		frappe.get_list(
			MONITORING,
			filters={"docstatus": 0, "batas_waktu_langkah": ("<", now_datetime())},
			pluck="name",
		)
	)


@frappe.whitelist()
@frappe.read_only()
def tindak_lanjut_terlambat(filters=None) -> int:
	"""Follow-ups past their due date with nothing reported, among those the user may see."""
	return len(
		frappe.get_list(
			TINDAK_LANJUT,
			filters={"status": DIRENCANAKAN, "batas_waktu": ("<", nowdate())},
			pluck="name",
		)
	)


@frappe.whitelist()
@frappe.read_only()
def indikator_sangat_rendah(filters=None) -> int:
	"""Indicators of the latest period graded with the scale's lowest predikat (by default Sangat
	Rendah), as the Capaian Kinerja Triwulan report counts them."""
	lowest = predikat_labels()[-1]
	return sum(1 for row in latest_rows() if row.predikat == lowest)


@frappe.whitelist()
@frappe.read_only()
def rata_rata_capaian(filters=None) -> float:
	"""Average capaian of the latest period's indicators: the signed report's number once signed."""
	return summary(latest_rows())["rata_rata_capaian"] or 0
