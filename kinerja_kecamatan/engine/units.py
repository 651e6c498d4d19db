"""A cycle's units, their indicators and their Isian: the queries every step shares.

Used by the kelengkapan checks, distribution, the Blanko, the Excel files and the Laporan.
"""

import frappe

from kinerja_kecamatan.doctypes import INDIKATOR, ISIAN, PERJANJIAN_KINERJA, UNIT_KERJA


def active_units(monitoring) -> list[dict]:
	return frappe.get_all(
		UNIT_KERJA,
		filters={"kecamatan": monitoring.kecamatan, "aktif": 1},
		fields=["name", "nama_unit", "kepala_unit"],
		order_by="nama_unit",
	)


def units_with_isian(monitoring) -> dict[str, dict]:
	"""{unit: Isian} of this cycle, cancelled ones left out."""
	rows = frappe.get_all(
		ISIAN,
		filters={"monitoring": monitoring.name, "docstatus": ("<", 2)},
		fields=["name", "unit_kerja", "docstatus"],
	)
	return {row.unit_kerja: row for row in rows}


def unit_indicators(monitoring) -> dict[str, list[str]]:
	"""{unit: [indikator]} of the cycle's Perjanjian Kinerja, active indicators only, in PK order.
	Two queries, whatever the number of indicators."""
	rows = frappe.get_all(
		"Target Perjanjian Kinerja",
		filters={"parent": monitoring.perjanjian_kinerja, "parenttype": PERJANJIAN_KINERJA},
		fields=["indikator"],
		order_by="idx",
	)
	owners = dict(
		frappe.get_all(
			INDIKATOR,
			filters={"name": ("in", [row.indikator for row in rows] or [""]), "aktif": 1},
			fields=["name", "unit_kerja"],
			as_list=True,
		)
	)
	by_unit = {}
	for row in rows:
		if row.indikator in owners:
			by_unit.setdefault(owners[row.indikator], []).append(row.indikator)
	return by_unit


def excused_units(monitoring) -> set[str]:
	"""Units the Kasubbag PK excused from submitting this quarter (with a reason)."""
	return {row.unit_kerja for row in monitoring.get("pengecualian_isian") or []}


def units_pending_isian(monitoring) -> list[dict]:
	"""Active units that have neither submitted their Isian nor been excused."""
	isian = units_with_isian(monitoring)
	excused = excused_units(monitoring)
	return [
		unit
		for unit in active_units(monitoring)
		if unit.name not in excused and (unit.name not in isian or isian[unit.name].docstatus != 1)
	]
