"""Daily: a follow-up past its due date with nothing reported on it becomes a task (ToDo) of its
responsible officer, once, and is marked late for the workspace's card and the lists."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.utils import getdate, nowdate

from kinerja_kecamatan.doctypes import TINDAK_LANJUT
from kinerja_kecamatan.engine import tindak_lanjut as rules


def escalate_overdue() -> list[str]:
	"""Mark each newly overdue follow-up and give its officer a task; return their names."""
	today = getdate(nowdate())
	escalated = []
	for record in frappe.get_all(
		TINDAK_LANJUT,
		filters={"status": rules.DIRENCANAKAN, "terlambat": 0, "batas_waktu": ("<", today)},
		fields=[
			"name",
			"status",
			"batas_waktu",
			"penanggung_jawab",
			"uraian",
			"rencana",
			"tahun",
			"triwulan",
		],
	):
		if not rules.is_overdue(record.status, getdate(record.batas_waktu), today):
			continue
		frappe.db.set_value(TINDAK_LANJUT, record.name, "terlambat", 1, update_modified=False)
		if record.penanggung_jawab:
			assign(
				{
					"assign_to": [record.penanggung_jawab],
					"doctype": TINDAK_LANJUT,
					"name": record.name,
					"description": _(
						"Tindak lanjut {0} melewati batas waktu {1}: {2}. Laporkan pelaksanaannya pada"
						" Isian Data Kinerja triwulan berjalan."
					).format(
						rules.label_triwulan(record.tahun, record.triwulan),
						frappe.format(record.batas_waktu, {"fieldtype": "Date"}),
						record.rencana,
					),
					"date": today,
					"priority": "High",
					"notify": 1,
				},
				ignore_permissions=True,
			)
		escalated.append(record.name)
	return escalated
