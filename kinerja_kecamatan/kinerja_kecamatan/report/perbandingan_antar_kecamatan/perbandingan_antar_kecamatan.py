# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from collections import defaultdict

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import KECAMATAN
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
	"""Every kecamatan the user may see, side by side for one period."""
	filters = with_latest_period(filters)
	kecamatan_filters = {"kabupaten": filters["kabupaten"]} if filters.get("kabupaten") else {}
	kecamatan = frappe.get_list(
		KECAMATAN, filters=kecamatan_filters, fields=["name", "kabupaten"], order_by="name"
	)
	names = {k.name for k in kecamatan}
	parents = [p for p in visible_isian(filters) if p.kecamatan in names]
	# grouped once, so the cost grows with the rows, not with rows × kecamatan
	parents_of, rows_of = defaultdict(list), defaultdict(list)
	for parent in parents:
		parents_of[parent.kecamatan].append(parent)
	for row in isian_rows(parents, fields=SUMMARY_FIELDS):
		rows_of[row["kecamatan"]].append(row)
	data = []
	for k in kecamatan:
		own = parents_of[k.name]
		data.append(
			{
				"kecamatan": k.name,
				"kabupaten": k.kabupaten,
				"unit_mengisi": len(own),
				"unit_diajukan": sum(1 for p in own if p.docstatus == 1),
				**summary(rows_of[k.name]),
			}
		)
	data.sort(key=lambda row: -(row["rata_rata_capaian"] or -1))
	return columns(), data, None, chart(data)


def columns():
	return [
		{
			"fieldname": "kecamatan",
			"label": _("Kecamatan"),
			"fieldtype": "Link",
			"options": KECAMATAN,
			"width": 160,
		},
		{"fieldname": "kabupaten", "label": _("Kabupaten"), "fieldtype": "Data", "width": 120},
		{"fieldname": "unit_mengisi", "label": _("Unit dengan Isian"), "fieldtype": "Int", "width": 130},
		{"fieldname": "unit_diajukan", "label": _("Isian Diajukan"), "fieldtype": "Int", "width": 120},
		*summary_columns(),
	]


def chart(data):
	return average_chart(data, "kecamatan")
