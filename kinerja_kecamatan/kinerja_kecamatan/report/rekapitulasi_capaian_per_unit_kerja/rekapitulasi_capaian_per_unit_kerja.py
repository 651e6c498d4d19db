# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from collections import defaultdict

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import ISIAN, KECAMATAN, UNIT_KERJA
from kinerja_kecamatan.reports.report_data import (
	SUMMARY_FIELDS,
	average_chart,
	isian_rows,
	summary,
	summary_columns,
	visible_isian,
	with_latest_period,
)


def execute(filters=None):
	filters = with_latest_period(filters)
	parents = visible_isian(filters)
	rows_of = defaultdict(list)  # grouped once: the cost grows with the rows, not rows × units
	for row in isian_rows(parents, fields=SUMMARY_FIELDS):
		rows_of[row.parent].append(row)
	singkatan = short_labels(parents)
	data = []
	for parent in parents:
		unit_rows = rows_of[parent.name]
		data.append(
			{
				"unit_kerja": parent.unit_kerja,
				"singkatan": singkatan[parent.name],
				"kecamatan": parent.kecamatan,
				"tahun": parent.tahun,
				"triwulan": parent.triwulan,
				"isian": parent.name,
				"status": _("Diajukan") if parent.docstatus == 1 else _("Draft"),
				**summary(unit_rows),
			}
		)
	return columns(), data, None, chart(data)


def columns():
	return [
		{
			"fieldname": "unit_kerja",
			"label": _("Unit Kerja"),
			"fieldtype": "Link",
			"options": UNIT_KERJA,
			"width": 220,
		},
		{"fieldname": "singkatan", "label": _("Singkatan"), "fieldtype": "Data", "width": 90},
		{
			"fieldname": "kecamatan",
			"label": _("Kecamatan"),
			"fieldtype": "Link",
			"options": KECAMATAN,
			"width": 120,
		},
		{"fieldname": "tahun", "label": _("Tahun"), "fieldtype": "Int", "width": 70},
		{"fieldname": "triwulan", "label": _("TW"), "fieldtype": "Data", "width": 50},
		{
			"fieldname": "isian",
			"label": _("Isian"),
			"fieldtype": "Link",
			"options": ISIAN,
			"width": 150,
		},
		{"fieldname": "status", "label": _("Status Isian"), "fieldtype": "Data", "width": 100},
		*summary_columns(),
	]


def short_labels(parents) -> dict:
	"""Isian → its unit's singkatan, the chart's bar label (a full name is cut to "Seks ..."); with
	several kecamatan in one chart, each label names its kecamatan too."""
	units = {parent.unit_kerja for parent in parents}
	singkatan = dict(
		frappe.get_all(
			UNIT_KERJA,
			filters={"name": ("in", list(units) or [""])},
			fields=["name", "singkatan"],
			as_list=True,
		)
	)
	several = len({parent.kecamatan for parent in parents}) > 1
	labels = {}
	for parent in parents:
		label = singkatan.get(parent.unit_kerja) or parent.unit_kerja
		labels[parent.name] = f"{label} {parent.kecamatan}" if several else label
	return labels


def chart(data):
	return average_chart(data, "singkatan")
