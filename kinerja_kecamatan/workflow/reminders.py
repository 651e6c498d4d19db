"""Hourly: remind a step's actor as its mutu baku nears, escalate to the Camat once it is past.

Each cycle is timed by the SOP revision it started under (its deadline was set from it).
"""

import frappe
from frappe import _
from frappe.utils import get_datetime, now_datetime

from kinerja_kecamatan.access.scope import scope_of
from kinerja_kecamatan.doctypes import KECAMATAN, MONITORING, PEJABAT
from kinerja_kecamatan.engine.office_calendar import office_calendar
from kinerja_kecamatan.engine.office_time import office_minutes_between
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT
from kinerja_kecamatan.workflow.sop_record import sop_of
from kinerja_kecamatan.workflow.transition import actor_of

# remind once three quarters of the standard office time is used
REMINDER_SHARE = 0.75


def send_reminders() -> None:
	now = now_datetime()
	calendar = office_calendar()
	for monitoring in frappe.get_all(
		MONITORING,
		filters={"docstatus": 0, "batas_waktu_langkah": ("is", "set")},
		fields=[
			"name",
			"kecamatan",
			"langkah",
			"revisi_sop",
			"langkah_dimulai",
			"batas_waktu_langkah",
			"pengingat_terkirim",
			"eskalasi_terkirim",
		],
	):
		sop = sop_of(monitoring)
		if monitoring.langkah >= sop.archived:
			continue
		current = sop.step(monitoring.langkah)
		due = get_datetime(monitoring.batas_waktu_langkah)
		if now > due:
			if not monitoring.eskalasi_terkirim:
				notify(
					camat_of(monitoring.kecamatan),
					monitoring.name,
					_("Langkah {0} ({1}) melewati mutu baku SOP").format(current.number, current.uraian),
				)
				frappe.db.set_value(MONITORING, monitoring.name, "eskalasi_terkirim", 1)
			continue
		started = get_datetime(monitoring.langkah_dimulai)
		used = office_minutes_between(started, now, calendar)
		standard = office_minutes_between(started, due, calendar)
		if not monitoring.pengingat_terkirim and used >= REMINDER_SHARE * standard:
			# the actor as the Workflow says now: a step given to another role reminds that role
			notify(
				users_with_role(actor_of(monitoring.langkah, sop), monitoring.kecamatan),
				monitoring.name,
				_("Langkah {0} ({1}) harus selesai sebelum {2}").format(
					current.number, current.uraian, frappe.format(monitoring.batas_waktu_langkah, "Datetime")
				),
			)
			frappe.db.set_value(MONITORING, monitoring.name, "pengingat_terkirim", 1)


def camat_of(kecamatan: str) -> list[str]:
	"""The kecamatan's own Camat (its Pejabat's user), else every Camat confined to it."""
	pejabat = frappe.db.get_value(KECAMATAN, kecamatan, "camat")
	user = pejabat and frappe.db.get_value(PEJABAT, pejabat, "user")
	if user and frappe.db.get_value("User", user, "enabled"):
		return [user]
	return users_with_role(ROLE_CAMAT, kecamatan)


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
				"document_type": MONITORING,
				"document_name": monitoring,
				"subject": subject,
			}
		).insert(ignore_permissions=True)
