# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from frappe import _

from kinerja_kecamatan.doctypes import INDIKATOR, UNIT_KERJA
from kinerja_kecamatan.engine.predikat import predikat_labels
from kinerja_kecamatan.reports.report_data import isian_rows, visible_isian, with_latest_period


def execute(filters=None):
	# no period asked: the latest one with data, so a manager's first look is never empty
	filters = with_latest_period(filters)
	extra = {"predikat": filters["predikat"]} if filters.get("predikat") else None
	rows = isian_rows(visible_isian(filters), extra)
	return columns(), rows, None, chart(rows)


def columns():
	return [
		{
			"fieldname": "unit_kerja",
			"label": _("Unit Kerja"),
			"fieldtype": "Link",
			"options": UNIT_KERJA,
			"width": 200,
		},
		{
			"fieldname": "indikator",
			"label": _("Indikator"),
			"fieldtype": "Link",
			"options": INDIKATOR,
			"width": 110,
		},
		{"fieldname": "uraian", "label": _("Uraian"), "fieldtype": "Data", "width": 280},
		{"fieldname": "jenis", "label": _("Jenis"), "fieldtype": "Data", "width": 90},
		{"fieldname": "satuan", "label": _("Satuan"), "fieldtype": "Data", "width": 80},
		{"fieldname": "target_tw", "label": _("Target TW"), "fieldtype": "Data", "width": 90},
		{"fieldname": "realisasi_tw", "label": _("Realisasi TW"), "fieldtype": "Data", "width": 100},
		{
			"fieldname": "capaian_tw",
			"label": _("Capaian TW (%)"),
			"fieldtype": "Percent",
			"precision": 2,
			"width": 110,
		},
		{
			"fieldname": "capaian_kumulatif",
			"label": _("Capaian s.d. TW (%)"),
			"fieldtype": "Percent",
			"precision": 2,
			"width": 120,
		},
		{
			"fieldname": "capaian_tahunan",
			"label": _("Capaian thd Target Tahunan (%)"),
			"fieldtype": "Percent",
			"precision": 2,
			"width": 150,
		},
		{"fieldname": "predikat", "label": _("Predikat"), "fieldtype": "Data", "width": 110},
		{"fieldname": "keterangan_capaian", "label": _("Keterangan"), "fieldtype": "Data", "width": 160},
		{"fieldname": "sumber_nilai", "label": _("Sumber Nilai"), "fieldtype": "Data", "width": 170},
	]


def chart(rows):
	labels = predikat_labels()
	counts = [sum(1 for row in rows if row.predikat == label) for label in labels]
	return {
		"data": {
			"labels": [_(label) for label in labels],
			"datasets": [{"name": _("Jumlah Indikator"), "values": counts}],
		},
		"type": "bar",
		"colors": ["#29cd42"],
	}
