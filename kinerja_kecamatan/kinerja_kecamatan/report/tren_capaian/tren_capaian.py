# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from itertools import groupby

from frappe import _

from kinerja_kecamatan.reports.report_data import (
	SUMMARY_FIELDS,
	average_chart,
	isian_rows,
	quarter_key,
	summary,
	summary_columns,
	visible_isian,
)


def execute(filters=None):
	"""Average capaian by quarter, over the years asked (tahun_dari … tahun_sampai)."""
	filters = dict(filters or {})
	years = range(int(filters.get("tahun_dari") or 0), int(filters.get("tahun_sampai") or 9999) + 1)
	filters.pop("tahun", None)
	parents = [p for p in visible_isian(filters) if p.tahun in years]
	rows = sorted(isian_rows(parents, fields=SUMMARY_FIELDS), key=quarter_key)
	data = [
		{"tahun": tahun, "triwulan": triwulan, "periode": f"TW {triwulan} {tahun}", **summary(list(group))}
		for (tahun, triwulan), group in groupby(rows, key=lambda row: (row["tahun"], row["triwulan"]))
	]
	return columns(), data, None, chart(data)


def columns():
	return [
		{"fieldname": "periode", "label": _("Periode"), "fieldtype": "Data", "width": 120},
		{"fieldname": "tahun", "label": _("Tahun"), "fieldtype": "Int", "width": 70},
		{"fieldname": "triwulan", "label": _("TW"), "fieldtype": "Data", "width": 50},
		*summary_columns(),
	]


def chart(data):
	return average_chart(data, "periode", "line")
