"""Rows the managers' reports read, always through the user's permissions.

Parents are listed with frappe.get_list, so the app's permission conditions apply (a Kepala
Unit sees only their unit, an officer only their kecamatan); child rows are then read for those parents only. Averages leave out rows without
data: a row has a capaian exactly when it has a predikat.
"""

import frappe
from frappe import _

from kinerja_kecamatan import capaian as engine
from kinerja_kecamatan.kinerja_kecamatan.doctype.pengaturan_kinerja.pengaturan_kinerja import (
	get_skala_predikat,
)
from kinerja_kecamatan.triwulan import TRIWULAN


def isian_filters(filters: dict) -> dict:
	return {
		key: filters[key] for key in ("kecamatan", "tahun", "triwulan", "unit_kerja") if filters.get(key)
	} | {"docstatus": ("<", 2)}


def visible_isian(
	filters: dict, fields=("name", "kecamatan", "tahun", "triwulan", "unit_kerja", "docstatus")
):
	return frappe.get_list(
		"Isian Data Kinerja",
		filters=isian_filters(filters),
		fields=list(fields),
		order_by="tahun, triwulan, unit_kerja",
	)


def isian_rows(parents: list, extra_filters: dict | None = None) -> list[dict]:
	"""The indicator rows of `parents`, each with its parent's period and unit."""
	if not parents:
		return []
	by_name = {p.name: p for p in parents}
	rows = frappe.get_all(
		"Isian Data Kinerja Indikator",
		filters={
			"parent": ("in", list(by_name)),
			"parenttype": "Isian Data Kinerja",
			**(extra_filters or {}),
		},
		fields=[
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
			"keterangan_capaian",
		],
		order_by="parent, idx",
	)
	for row in rows:
		parent = by_name[row.parent]
		row.update({k: parent[k] for k in ("kecamatan", "tahun", "triwulan", "unit_kerja")})
	return rows


def average(rows: list[dict], field: str = "capaian_tw"):
	"""Mean capaian of the rows that have one (no data is not zero)."""
	return engine.rata_rata([row[field] for row in rows if row.get("predikat")])


def summary(rows: list[dict]) -> dict:
	nilai = average(rows)
	return {
		"jumlah_indikator": len(rows),
		"jumlah_terisi": sum(1 for row in rows if row.get("predikat")),
		"rata_rata_capaian": float(engine.bulatkan(nilai, 2)) if nilai is not None else None,
		"predikat": engine.predikat(nilai, get_skala_predikat()),
		"di_bawah_target": sum(1 for row in rows if row.get("predikat") and row["capaian_tw"] < 100),
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
			"width": 150,
		},
		{"fieldname": "predikat", "label": _("Predikat"), "fieldtype": "Data", "width": 110},
		{"fieldname": "di_bawah_target", "label": _("Di Bawah Target"), "fieldtype": "Int", "width": 120},
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
