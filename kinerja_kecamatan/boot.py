"""What the desk needs at start: the predikat scale (labels, highest first, and colours) and the
latest period with data, on which every report opens."""

import frappe

from kinerja_kecamatan.access import scope_of
from kinerja_kecamatan.kinerja_kecamatan.doctype.pengaturan_kinerja.pengaturan_kinerja import (
	predikat_labels,
)
from kinerja_kecamatan.report_data import latest_period


def extend_bootinfo(bootinfo):
	if frappe.session.user == "Guest":
		return
	bootinfo.kinerja_warna_predikat = frappe.get_cached_doc("Pengaturan Kinerja").warna()
	bootinfo.kinerja_predikat = predikat_labels()
	# an intranet user without the app's roles reads no Isian (get_list would refuse the whole boot)
	period = latest_period() if frappe.has_permission("Isian Data Kinerja", "read") else {}
	scope = scope_of(frappe.session.user)
	if scope is None or len(scope.kecamatan) != 1:
		period.pop("kecamatan", None)  # a kabupaten reader starts on every kecamatan
	bootinfo.kinerja_periode = period
	# whose Percent fields the desk shows in the Indonesian number format (kinerja.bundle.js)
	bootinfo.kinerja_doctypes = frappe.get_all("DocType", {"module": "Kinerja Kecamatan"}, pluck="name")
	bootinfo.kinerja_reports = frappe.get_all("Report", {"module": "Kinerja Kecamatan"}, pluck="name")
