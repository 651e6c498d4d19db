"""Hourly: remind a step's actor as its mutu baku nears, escalate to the Camat once it is past."""

import frappe
from frappe import _
from frappe.utils import get_datetime, now_datetime

from kinerja_kecamatan.access import scope_of
from kinerja_kecamatan.workflow.office_calendar import office_calendar
from kinerja_kecamatan.workflow.office_time import office_minutes_between
from kinerja_kecamatan.workflow.sop import ARCHIVED, ROLE_CAMAT, step

# remind once three quarters of the standard office time is used
REMINDER_SHARE = 0.75


def send_reminders() -> None:
	now = now_datetime()
	for monitoring in frappe.get_all(
		"Monitoring Kinerja Triwulan",
		filters={"docstatus": 0, "langkah": ("<", ARCHIVED), "batas_waktu_langkah": ("is", "set")},
		fields=[
			"name",
			"kecamatan",
			"langkah",
			"pelaksana_langkah",
			"langkah_dimulai",
			"batas_waktu_langkah",
			"pengingat_terkirim",
			"eskalasi_terkirim",
		],
	):
		current = step(monitoring.langkah)
		if now > get_datetime(monitoring.batas_waktu_langkah):
			if not monitoring.eskalasi_terkirim:
				notify(
					users_with_role(ROLE_CAMAT, monitoring.kecamatan),
					monitoring.name,
					_("Langkah {0} ({1}) melewati mutu baku SOP").format(current.number, current.uraian),
				)
				frappe.db.set_value("Monitoring Kinerja Triwulan", monitoring.name, "eskalasi_terkirim", 1)
			continue
		used = office_minutes_between(get_datetime(monitoring.langkah_dimulai), now, office_calendar())
		if not monitoring.pengingat_terkirim and used >= REMINDER_SHARE * current.mutu_baku_minutes:
			notify(
				users_with_role(monitoring.pelaksana_langkah or current.actor, monitoring.kecamatan),
				monitoring.name,
				_("Langkah {0} ({1}) harus selesai sebelum {2}").format(
					current.number, current.uraian, frappe.format(monitoring.batas_waktu_langkah, "Datetime")
				),
			)
			frappe.db.set_value("Monitoring Kinerja Triwulan", monitoring.name, "pengingat_terkirim", 1)


def users_with_role(role: str, kecamatan: str) -> list[str]:
	"""Enabled desk users with `role`, leaving out those confined to another kecamatan."""
	users = frappe.get_all(
		"Has Role", filters={"role": role, "parenttype": "User"}, pluck="parent", distinct=True
	)
	result = []
	for user in users:
		if user in ("Administrator", "Guest") or not frappe.db.get_value("User", user, "enabled"):
			continue
		scope = scope_of(user)
		if scope is not None and kecamatan not in scope.kecamatan:
			continue
		result.append(user)
	return result


def notify(users: list[str], monitoring: str, subject: str) -> None:
	for user in users:
		frappe.get_doc(
			{
				"doctype": "Notification Log",
				"for_user": user,
				"type": "Alert",
				"document_type": "Monitoring Kinerja Triwulan",
				"document_name": monitoring,
				"subject": subject,
			}
		).insert(ignore_permissions=True)
