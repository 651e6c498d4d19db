"""Rows the managers' reports, cards and charts read: one truth, through the user's permissions.

Parents are listed with frappe.get_list, so the app's permission conditions apply (a Kepala
Unit sees only their unit, an officer only their kecamatan); child rows are then read for those
parents only. Each indicator's numbers come from the most trusted source the quarter has: the
signed report once it is signed, the Blanko once the monitoring team signed it (on the value the
team verified, where it recorded one: capaian.realisasi_used), else the unit's reported Isian;
`sumber_nilai` says which. Averages leave out rows without data (`ada_data`, stored with each row).
The signed report is drafted from the same rows (`cycle_rows`).
"""

from dataclasses import replace

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import (
	BLANKO,
	BLANKO_INDIKATOR,
	ISIAN,
	ISIAN_INDIKATOR,
	LAPORAN,
	LAPORAN_INDIKATOR,
)
from kinerja_kecamatan.engine import capaian as engine
from kinerja_kecamatan.engine.predikat import get_skala_predikat
from kinerja_kecamatan.engine.triwulan import TRIWULAN

PARENT_FIELDS = ("name", "monitoring", "kecamatan", "tahun", "triwulan", "unit_kerja")


def isian_filters(filters: dict) -> dict:
	return {
		key: filters[key] for key in ("kecamatan", "tahun", "triwulan", "unit_kerja") if filters.get(key)
	} | {"docstatus": ("<", 2)}


def visible_isian(
	filters: dict, fields=("name", "monitoring", "kecamatan", "tahun", "triwulan", "unit_kerja", "docstatus")
):
	return frappe.get_list(
		ISIAN,
		filters=isian_filters(filters),
		fields=list(fields),
		order_by="tahun, triwulan, unit_kerja",
	)


ROW_FIELDS = (
	"parent",
	"idx",
	"indikator",
	"uraian",
	"satuan",
	"jenis",
	"target_tw",
	"target_tahunan",
	"realisasi_tw",
	"capaian_tw",
	"capaian_kumulatif",
	"capaian_tahunan",
	"predikat",
	"ada_data",
	"di_bawah_target",
	"keterangan_capaian",
)
# what `summary` reads: the reports that only summarise read no more of the rows
SUMMARY_FIELDS = ("parent", "indikator", "capaian_tw", "predikat", "ada_data", "di_bawah_target")


def isian_rows(parents: list, extra_filters: dict | None = None, fields=ROW_FIELDS) -> list[dict]:
	"""The indicator rows of `parents`, each with its parent's period and unit and the value of the
	most trusted source (see the module's docstring). `extra_filters` match the final values."""
	if not parents:
		return []
	cycles = {p.monitoring for p in parents if p.get("monitoring")}
	rows = trusted_rows(parents, fields, signed_rows(cycles), verified_rows(blanko_rows(cycles)))
	for field, value in (extra_filters or {}).items():
		rows = [row for row in rows if row.get(field) == value]
	return rows


def cycle_rows(monitoring: str, fields=ROW_FIELDS) -> list[dict]:
	"""Every indicator row of one cycle, whoever asks: what its report is drafted and signed from.
	The Isian's rows with the Blanko's values where the team signed one, as in `isian_rows` (its
	own report is the one being drafted, so no signed report is read), and the signed Blanko's
	own rows for a unit that has no Isian. Each row says whether its realisasi is a verified one
	(`terverifikasi`)."""
	parents = frappe.get_all(
		ISIAN,
		filters={"monitoring": monitoring, "docstatus": ("<", 2)},
		fields=list(PARENT_FIELDS),
	)
	blanko = blanko_rows({monitoring})
	rows = trusted_rows(parents, fields, {}, verified_rows(blanko))
	with_isian = {p.unit_kerja for p in parents}
	return rows + [
		frappe._dict(
			unit_kerja=row.unit_kerja, indikator=row.indikator, target_tw=row.target_tw, **row.numbers
		)
		for row in blanko
		if row.unit_kerja not in with_isian
	]


def trusted_rows(parents: list, fields, signed: dict, verified: dict) -> list[dict]:
	"""The rows of the Isian `parents`, with their parent's period and unit, each taking the values
	of its signed report in `signed`, else of its signed Blanko in `verified`."""
	if not parents:
		return []
	by_name = {p.name: p for p in parents}
	rows = frappe.get_all(
		ISIAN_INDIKATOR,
		filters={"parent": ("in", list(by_name)), "parenttype": ISIAN},
		fields=list(fields),
		order_by="parent, idx",
	)
	reported = _("Dilaporkan")
	for row in rows:
		parent = by_name[row.parent]
		row.update({k: parent[k] for k in ("kecamatan", "tahun", "triwulan", "unit_kerja")})
		row.sumber_nilai = reported
		key = (parent.get("monitoring"), parent.unit_kerja, row.indikator)
		better = signed.get(key) or verified.get(key)
		if better:
			row.update(better)
	return rows


def signed_rows(cycles: set) -> dict:
	"""(cycle, unit, indikator) → the numbers of the signed report of each archived cycle."""
	reports = frappe.get_all(
		LAPORAN,
		filters={"monitoring": ("in", list(cycles) or [""]), "docstatus": 1},
		fields=["name", "monitoring"],
	)
	if not reports:
		return {}
	cycle_of = {r.name: r.monitoring for r in reports}
	return {
		(cycle_of[row.parent], row.unit_kerja, row.indikator): {
			"realisasi_tw": row.realisasi,
			"capaian_tw": row.capaian_tw,
			"capaian_kumulatif": row.capaian_kumulatif,
			"predikat": row.predikat,
			"ada_data": row.ada_data,
			"di_bawah_target": row.di_bawah_target,
			"sumber_nilai": _("Laporan Ditandatangani"),
		}
		for row in frappe.get_all(
			LAPORAN_INDIKATOR,
			filters={"parent": ("in", list(cycle_of)), "parenttype": LAPORAN},
			fields=[
				"parent",
				"unit_kerja",
				"indikator",
				"realisasi",
				"capaian_tw",
				"capaian_kumulatif",
				"predikat",
				"ada_data",
				"di_bawah_target",
			],
		)
	}


def blanko_rows(cycles: set) -> list[frappe._dict]:
	"""The rows of each Blanko the team signed, in order: cycle, unit, indikator, target and the
	`numbers` a row of the quarter takes from it, on the realisasi the team verified where it
	recorded one (capaian.realisasi_used)."""
	blanko = frappe.get_all(
		BLANKO,
		filters={"monitoring": ("in", list(cycles) or [""]), "docstatus": 1},
		fields=["name", "monitoring", "unit_kerja"],
	)
	if not blanko:
		return []
	owner = {b.name: b for b in blanko}
	verified_source = _("Terverifikasi")
	result = []
	for row in frappe.get_all(
		BLANKO_INDIKATOR,
		filters={"parent": ("in", list(owner)), "parenttype": BLANKO},
		fields=[
			"parent",
			"indikator",
			"target_tw",
			"nilai_terverifikasi",
			"realisasi_dilaporkan",
			"capaian_terverifikasi",
			"capaian_kumulatif",
			"predikat",
			"ada_data",
			"di_bawah_target",
		],
		order_by="parent, idx",
	):
		b = owner[row.parent]
		realisasi, verified = engine.realisasi_used(row.realisasi_dilaporkan, row.nilai_terverifikasi)
		numbers = {
			"realisasi_tw": realisasi,
			"terverifikasi": int(verified),
			"capaian_tw": row.capaian_terverifikasi,
			"capaian_kumulatif": row.capaian_kumulatif,
			"predikat": row.predikat,
			"ada_data": row.ada_data,
			"di_bawah_target": row.di_bawah_target,
			"sumber_nilai": verified_source,
		}
		result.append(
			frappe._dict(
				monitoring=b.monitoring,
				unit_kerja=b.unit_kerja,
				indikator=row.indikator,
				target_tw=row.target_tw,
				numbers=numbers,
			)
		)
	return result


def verified_rows(blanko: list) -> dict:
	"""(cycle, unit, indikator) → the numbers of each row of `blanko_rows`."""
	return {(row.monitoring, row.unit_kerja, row.indikator): row.numbers for row in blanko}


def latest_period(filters: dict | None = None) -> dict:
	"""The latest tahun and triwulan with data the user may see (within `filters`' kecamatan)."""
	scope = {k: v for k, v in (filters or {}).items() if k in ("kecamatan", "unit_kerja") and v}
	parents = frappe.get_list(
		ISIAN,
		filters=scope | {"docstatus": ("<", 2)},
		fields=["kecamatan", "tahun", "triwulan"],
		order_by="tahun desc",
		limit=200,
	)
	if not parents:
		return {}
	latest = max(parents, key=quarter_key)
	return {"kecamatan": latest.kecamatan, "tahun": latest.tahun, "triwulan": latest.triwulan}


def with_latest_period(filters: dict | None) -> dict:
	"""The filters, with the latest period that has data when none was asked for."""
	filters = dict(filters or {})
	if not filters.get("tahun"):
		latest = latest_period(filters)
		filters.update({k: latest[k] for k in ("tahun", "triwulan") if latest.get(k)})
	return filters


def summarise_rows(rows: list[dict], skala=None, capaian: str = "capaian_tw") -> engine.Ringkasan:
	"""The engine's one summariser over stored rows (those without data left out of the mean of
	their field `capaian`); "below target" and the count per predikat are each row's stored flag
	and predikat, judged on its unrounded capaian."""
	result = engine.ringkas(
		[row[capaian] if row.get("ada_data") else None for row in rows],
		get_skala_predikat() if skala is None else skala,
	)
	return replace(
		result,
		di_bawah_target=sum(1 for row in rows if row.get("di_bawah_target")),
		per_predikat={
			label: sum(1 for row in rows if row.get("predikat") == label) for label in result.per_predikat
		},
	)


def summary(rows: list[dict]) -> dict:
	"""`summarise_rows`, as the reports and cards show it."""
	result = summarise_rows(rows)
	return {
		"sumber_nilai": ", ".join(sorted({row["sumber_nilai"] for row in rows if row.get("sumber_nilai")})),
		"jumlah_indikator": result.jumlah,
		"jumlah_terisi": result.ada_data,
		"rata_rata_capaian": float(engine.bulatkan(result.rata_rata, 2))
		if result.rata_rata is not None
		else None,
		"predikat": result.predikat,
		"di_bawah_target": result.di_bawah_target,
	}


def quarter_key(row) -> tuple[int, int]:
	return (row["tahun"], TRIWULAN.index(row["triwulan"]))


def summary_columns() -> list[dict]:
	"""The columns of `summary`, shared by the reports that show it."""
	return [
		{"fieldname": "jumlah_indikator", "label": _("Indikator"), "fieldtype": "Int", "width": 90},
		{"fieldname": "jumlah_terisi", "label": _("Terisi"), "fieldtype": "Int", "width": 80},
		{
			"fieldname": "rata_rata_capaian",
			"label": _("Rata-rata Capaian (%)"),
			"fieldtype": "Percent",
			"precision": 2,
			"width": 150,
		},
		{"fieldname": "predikat", "label": _("Predikat"), "fieldtype": "Data", "width": 110},
		{"fieldname": "di_bawah_target", "label": _("Di Bawah Target"), "fieldtype": "Int", "width": 120},
		{"fieldname": "sumber_nilai", "label": _("Sumber Nilai"), "fieldtype": "Data", "width": 170},
	]


def average_chart(data: list[dict], label_field: str, kind: str = "bar") -> dict:
	"""A chart of each row's average capaian."""
	return {
		"data": {
			"labels": [row[label_field] for row in data],
			"datasets": [
				{
					"name": _("Rata-rata Capaian (%)"),
					"values": [row["rata_rata_capaian"] or 0 for row in data],
				}
			],
		},
		"type": kind,
	}
