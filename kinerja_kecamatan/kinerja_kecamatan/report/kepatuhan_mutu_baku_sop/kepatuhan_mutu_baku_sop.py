# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _

from kinerja_kecamatan.workflow.sop import STEPS


def execute(filters=None):
	"""Each SOP step's actual office time against its mutu baku, across the cycles asked."""
	filters = filters or {}
	monitorings = frappe.get_list(
		"Monitoring Kinerja Triwulan",
		filters={k: filters[k] for k in ("kecamatan", "tahun", "triwulan") if filters.get(k)}
		| {"docstatus": ("<", 2)},
		pluck="name",
	)
	logs = (
		frappe.get_all(
			"Log Langkah Monitoring",
			filters={"parent": ("in", monitorings), "parenttype": "Monitoring Kinerja Triwulan"},
			fields=["langkah", "durasi_menit", "mutu_baku_menit", "status_waktu", "catatan", "aksi"],
		)
		if monitorings
		else []
	)
	data = []
	for step in STEPS:
		done = [
			log for log in logs if log.langkah == step.number and not log.catatan
		]  # returns carry a reason
		late = [log for log in done if log.status_waktu == "Terlambat"]
		data.append(
			{
				"langkah": step.number,
				"uraian": step.uraian,
				"pelaksana": _(step.actor),
				"mutu_baku_menit": step.mutu_baku_minutes,
				"jumlah": len(done),
				"rata_rata_menit": round(sum(log.durasi_menit for log in done) / len(done), 1)
				if done
				else None,
				"terlama_menit": max((log.durasi_menit for log in done), default=None),
				"terlambat": len(late),
				"kepatuhan": round(100 * (len(done) - len(late)) / len(done), 1) if done else None,
			}
		)
	return columns(), data, None, chart(data)


def columns():
	return [
		{"fieldname": "langkah", "label": _("Langkah"), "fieldtype": "Int", "width": 70},
		{"fieldname": "uraian", "label": _("Uraian Kegiatan"), "fieldtype": "Data", "width": 320},
		{"fieldname": "pelaksana", "label": _("Pelaksana"), "fieldtype": "Data", "width": 170},
		{
			"fieldname": "mutu_baku_menit",
			"label": _("Mutu Baku (menit kerja)"),
			"fieldtype": "Int",
			"width": 150,
		},
		{"fieldname": "jumlah", "label": _("Dilaksanakan"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "rata_rata_menit",
			"label": _("Rata-rata (menit kerja)"),
			"fieldtype": "Float",
			"width": 150,
		},
		{"fieldname": "terlama_menit", "label": _("Terlama (menit kerja)"), "fieldtype": "Int", "width": 140},
		{"fieldname": "terlambat", "label": _("Terlambat"), "fieldtype": "Int", "width": 90},
		{"fieldname": "kepatuhan", "label": _("Tepat Waktu (%)"), "fieldtype": "Percent", "width": 120},
	]


def chart(data):
	return {
		"data": {
			"labels": [str(row["langkah"]) for row in data],
			"datasets": [
				{"name": _("Mutu Baku"), "values": [row["mutu_baku_menit"] for row in data]},
				{"name": _("Rata-rata"), "values": [row["rata_rata_menit"] or 0 for row in data]},
			],
		},
		"type": "bar",
	}
