"""What the desk needs at start: the predikat scale (labels, highest first, and colours), the
latest period with data, on which every report opens, and, for the app's users, their first
screen (Beranda Kinerja) and a sidebar without Frappe's admin workspaces."""

import frappe
from frappe.desk.desk_page import get as get_page

from kinerja_kecamatan.access.scope import scope_of
from kinerja_kecamatan.desk.landing import PAGE, landing
from kinerja_kecamatan.desk.sidebar import holds_app_role, holds_only_app_roles, without_frappe_workspaces
from kinerja_kecamatan.doctypes import ISIAN, PENGATURAN
from kinerja_kecamatan.engine.predikat import predikat_labels
from kinerja_kecamatan.reports.report_data import latest_period


def extend_bootinfo(bootinfo):
	if frappe.session.user == "Guest":
		return
	bootinfo.kinerja_warna_predikat = frappe.get_cached_doc(PENGATURAN).warna()
	bootinfo.kinerja_predikat = predikat_labels()
	# an intranet user without the app's roles reads no Isian (get_list would refuse the whole boot)
	period = latest_period() if frappe.has_permission(ISIAN, "read") else {}
	scope = scope_of(frappe.session.user)
	if scope is None or len(scope.kecamatan) != 1:
		period.pop("kecamatan", None)  # a kabupaten reader starts on every kecamatan
	bootinfo.kinerja_periode = period
	# whose Percent fields the desk shows in the Indonesian number format (kinerja.bundle.js)
	bootinfo.kinerja_doctypes = frappe.get_all("DocType", {"module": "Kinerja Kecamatan"}, pluck="name")
	bootinfo.kinerja_reports = frappe.get_all("Report", {"module": "Kinerja Kecamatan"}, pluck="name")
	set_first_screen(bootinfo)


def set_first_screen(bootinfo):
	"""/app opens Beranda Kinerja for the app's users, with their landing computed now (the page
	asks again on each later visit); the sidebar of users holding only the app's roles leaves out
	Frappe's own workspaces."""
	user = frappe.session.user
	if holds_only_app_roles(user):
		bootinfo.allowed_workspaces = without_frappe_workspaces(bootinfo.get("allowed_workspaces") or [])
	if not holds_app_role(user) or bootinfo.get("home_page") == "setup-wizard":
		return
	if not frappe.get_doc("Page", PAGE).is_permitted():  # an administrator took it from their roles
		return
	bootinfo.home_page = PAGE
	bootinfo.docs = [*(bootinfo.get("docs") or []), get_page(PAGE)]
	bootinfo.kinerja_beranda = landing()
