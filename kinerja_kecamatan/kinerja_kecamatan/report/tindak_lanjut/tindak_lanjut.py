# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

"""Follow-ups per unit, status and quarter: what each unit planned after a quarter below target,
and what it reported doing. Read through frappe.get_list, so a unit head sees their units' only
and an officer their kecamatan's (access/scope.py)."""

from collections import Counter

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from kinerja_kecamatan.doctypes import KECAMATAN, TINDAK_LANJUT, UNIT_KERJA
from kinerja_kecamatan.engine import tindak_lanjut as rules

STATUSES = (rules.DIRENCANAKAN, *rules.REPORTED_STATUSES)
FILTER_FIELDS = ("kecamatan", "tahun", "triwulan", "unit_kerja", "status")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	conditions = {field: filters[field] for field in FILTER_FIELDS if filters.get(field)}
	today = getdate(nowdate())
	if filters.get("terlambat"):  # as the workspace card counts them (dashboard.tindak_lanjut_terlambat)
		conditions.update({"status": rules.DIRENCANAKAN, "batas_waktu": ("<", today)})
	records = frappe.get_list(
		TINDAK_LANJUT,
		filters=conditions,
		fields=[
			"name",
			"kecamatan",
			"unit_kerja",
			"tahun",
			"triwulan",
			"uraian",
			"rencana",
			"penanggung_jawab",
			"batas_waktu",
			"status",
			"hasil_verifikasi",
			"penjelasan",
		],
		order_by="kecamatan asc, unit_kerja asc, tahun asc, triwulan asc, creation asc",
		limit_page_length=0,
	)
	units = unit_names(records)
	data = [
		{
			**record,
			"singkatan": units.get(record.unit_kerja) or record.unit_kerja,
			"periode": rules.label_triwulan(record.tahun, record.triwulan),
			"terlambat": _("Ya")
			if rules.is_overdue(record.status, record.batas_waktu and getdate(record.batas_waktu), today)
			else "",
		}
		for record in records
	]
	return columns(), data, None, chart(data), summary(data)


def unit_names(records) -> dict:
	return dict(
		frappe.get_all(
			UNIT_KERJA,
			filters={"name": ("in", list({r.unit_kerja for r in records}) or [""])},
			fields=["name", "singkatan"],
			as_list=True,
		)
	)


def columns():
	return [
		{
			"fieldname": "name",
			"label": _("Tindak Lanjut"),
			"fieldtype": "Link",
			"options": TINDAK_LANJUT,
			"width": 170,
		},
		{
			"fieldname": "kecamatan",
			"label": _("Kecamatan"),
			"fieldtype": "Link",
			"options": KECAMATAN,
			"width": 110,
		},
		{
			"fieldname": "unit_kerja",
			"label": _("Unit Kerja"),
			"fieldtype": "Link",
			"options": UNIT_KERJA,
			"width": 180,
		},
		{"fieldname": "periode", "label": _("Direncanakan pada"), "fieldtype": "Data", "width": 110},
		{"fieldname": "uraian", "label": _("Indikator"), "fieldtype": "Data", "width": 220},
		{"fieldname": "rencana", "label": _("Rencana Tindak Lanjut"), "fieldtype": "Data", "width": 240},
		{
			"fieldname": "penanggung_jawab",
			"label": _("Penanggung Jawab"),
			"fieldtype": "Link",
			"options": "User",
			"width": 150,
		},
		{"fieldname": "batas_waktu", "label": _("Batas Waktu"), "fieldtype": "Date", "width": 100},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 130},
		{"fieldname": "terlambat", "label": _("Terlambat"), "fieldtype": "Data", "width": 80},
		{"fieldname": "hasil_verifikasi", "label": _("Verifikasi Tim"), "fieldtype": "Data", "width": 110},
		{"fieldname": "penjelasan", "label": _("Penjelasan"), "fieldtype": "Data", "width": 220},
	]


def chart(data) -> dict | None:
	"""Per unit, a stacked bar of its follow-ups by status."""
	if not data:
		return None
	labels = list(dict.fromkeys(row["singkatan"] for row in data))
	counts = Counter((row["singkatan"], row["status"]) for row in data)
	return {
		"data": {
			"labels": labels,
			"datasets": [
				{"name": _(status), "values": [counts[(label, status)] for label in labels]}
				for status in STATUSES
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def summary(data) -> list[dict]:
	counts = rules.rekap(row["status"] for row in data)
	late = sum(1 for row in data if row["terlambat"])
	return [
		{"value": counts.jumlah, "label": _("Tindak Lanjut"), "datatype": "Int"},
		{"value": counts.dilaksanakan, "label": _("Dilaksanakan"), "datatype": "Int", "indicator": "Green"},
		{"value": counts.sebagian, "label": _("Sebagian"), "datatype": "Int", "indicator": "Orange"},
		{
			"value": counts.tidak_dilaksanakan,
			"label": _("Tidak Dilaksanakan"),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"value": counts.belum_dilaporkan,
			"label": _("Belum Dilaporkan"),
			"datatype": "Int",
			"indicator": "Grey",
		},
		{"value": late, "label": _("Terlambat"), "datatype": "Int", "indicator": "Red"},
	]
