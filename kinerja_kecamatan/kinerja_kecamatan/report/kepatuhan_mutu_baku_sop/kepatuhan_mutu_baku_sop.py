# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from collections import defaultdict

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import LOG_LANGKAH, MONITORING
from kinerja_kecamatan.workflow.sop_record import active_sop, sop_of_revision


def execute(filters=None):
	"""Each SOP step's actual office time against its mutu baku, across the cycles asked.

	Steps and actors are those of the SOP revision the latest cycle ran under. Each logged step was
	judged against the deadline its own cycle's revision gave it, and the mutu baku shown is the one
	logged with it: kecamatan of one kabupaten may give a step different times, and the "Waktu"
	column then names each of them."""
	filters = filters or {}
	cycles = frappe.get_list(
		MONITORING,
		filters={k: filters[k] for k in ("kecamatan", "tahun", "triwulan") if filters.get(k)}
		| {"docstatus": ("<", 2)},
		fields=["name", "revisi_sop"],
		order_by="creation desc",
	)
	monitorings = [cycle.name for cycle in cycles]
	revisions = list(dict.fromkeys(cycle.revisi_sop for cycle in cycles if cycle.revisi_sop))
	sop = sop_of_revision(revisions[0]) if revisions else active_sop(filters.get("kecamatan"))
	ran_under = [sop_of_revision(revision) for revision in revisions] or [sop]
	logs = (
		frappe.get_all(
			LOG_LANGKAH,
			filters={"parent": ("in", monitorings), "parenttype": MONITORING},
			fields=["langkah", "durasi_menit", "mutu_baku_menit", "status_waktu", "catatan", "aksi"],
		)
		if monitorings
		else []
	)
	done_at = defaultdict(list)  # grouped once; returns carry a reason and are not a step done
	for log in logs:
		if not log.catatan:
			done_at[log.langkah].append(log)
	data = []
	for step in sop.steps:
		done = done_at[step.number]
		late = [log for log in done if log.status_waktu == "Terlambat"]
		# the standard logged with each step (office days depend on the calendar, and each
		# kecamatan's SOP may set its own time); the SOP's own when the step was never done
		standard = round(sum(log.mutu_baku_menit or 0 for log in done) / len(done)) if done else step.minutes
		times = dict.fromkeys(
			other.step(step.number).waktu_label for other in ran_under if step.number <= len(other.steps)
		)
		data.append(
			{
				"langkah": step.number,
				"uraian": step.uraian,
				"pelaksana": _(step.actor),
				"waktu": " / ".join(times),
				"mutu_baku_menit": standard,
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
		{"fieldname": "waktu", "label": _("Waktu (SOP)"), "fieldtype": "Data", "width": 100},
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
		{
			"fieldname": "kepatuhan",
			"label": _("Tepat Waktu (%)"),
			"fieldtype": "Percent",
			"precision": 2,
			"width": 120,
		},
	]


def chart(data):
	return {
		"data": {
			"labels": [str(row["langkah"]) for row in data],
			"datasets": [
				{"name": _("Mutu Baku"), "values": [row["mutu_baku_menit"] or 0 for row in data]},
				{"name": _("Rata-rata"), "values": [row["rata_rata_menit"] or 0 for row in data]},
			],
		},
		"type": "bar",
	}
