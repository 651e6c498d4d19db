"""Kelengkapan: what must exist before a step of the SOP can be left, checked on the server.

Each check returns the list of what is missing, in Bahasa Indonesia; empty means complete.
"""

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import BLANKO, JADWAL, JADWAL_UNIT
from kinerja_kecamatan.engine.units import active_units, unit_indicators, units_pending_isian
from kinerja_kecamatan.laporan.draft import laporan_of, missing_for_signature
from kinerja_kecamatan.workflow.behaviours import behaviour


def missing_for(key: str, monitoring) -> list[str]:
	"""What must still exist before a step with this behaviour is left: the behaviour table's
	`check` (behaviours.py), a function of this module."""
	found = behaviour(key)
	return globals()[found.check](monitoring) if found and found.check else []


def check_disposisi(monitoring) -> list[str]:
	missing = []
	if not (monitoring.disposisi or "").strip():
		missing.append(_("Isi disposisi Camat kepada Kasubbag Perencanaan dan Keuangan."))
	if not monitoring.batas_waktu:
		missing.append(_("Tentukan batas waktu penyelesaian."))
	return missing


def check_formats(monitoring) -> list[str]:
	"""Every active unit can be given its Format Isian: it has indicators in the PK and a head."""
	indicators = unit_indicators(monitoring)
	missing = []
	for unit in active_units(monitoring):
		if not indicators.get(unit.name):
			missing.append(
				_("Unit {0} belum memiliki indikator aktif dalam {1}.").format(
					unit.nama_unit, monitoring.perjanjian_kinerja
				)
			)
		if not unit.kepala_unit:
			missing.append(
				_("Unit {0} belum memiliki Kepala Unit (pengguna) penerima Format Isian.").format(
					unit.nama_unit
				)
			)
	return missing


def check_isian_collected(monitoring) -> list[str]:
	"""Every unit's Isian submitted, unless the Kasubbag PK recorded an exception with a reason."""
	return [
		_("Isian Data Kinerja unit {0} belum diajukan (submit) dan tidak ada pengecualian.").format(
			unit.nama_unit
		)
		for unit in units_pending_isian(monitoring)
	]


def check_jadwal(monitoring) -> list[str]:
	jadwal = frappe.db.get_value(JADWAL, {"monitoring": monitoring.name})
	if not jadwal:
		return [_("Belum ada Jadwal Monitoring untuk {0}.").format(monitoring.name)]
	scheduled = set(
		frappe.get_all(
			JADWAL_UNIT,
			filters={"parent": jadwal, "parenttype": JADWAL},
			pluck="unit_kerja",
		)
	)
	return [
		_("Jadwal Monitoring belum memuat unit {0}.").format(unit.nama_unit)
		for unit in active_units(monitoring)
		if unit.name not in scheduled
	]


def check_blanko(monitoring) -> list[str]:
	blanko = {
		row.unit_kerja: row.docstatus
		for row in frappe.get_all(
			BLANKO,
			filters={"monitoring": monitoring.name, "docstatus": ("<", 2)},
			fields=["unit_kerja", "docstatus"],
		)
	}
	return [
		_("Blanko Monitoring unit {0} belum dibuat.").format(unit.nama_unit)
		if unit.name not in blanko
		else _("Blanko Monitoring unit {0} belum ditandatangani (submit).").format(unit.nama_unit)
		for unit in active_units(monitoring)
		if blanko.get(unit.name) != 1
	]


def check_draft_laporan(monitoring) -> list[str]:
	return [] if laporan_of(monitoring.name) else [_("Draft Laporan Hasil Monitoring belum disusun.")]


def check_laporan(monitoring) -> list[str]:
	return missing_for_signature(monitoring)
