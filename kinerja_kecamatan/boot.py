"""What the desk needs at start: predikat colours for list indicators."""

import frappe


def extend_bootinfo(bootinfo):
	if frappe.session.user == "Guest":
		return
	bootinfo.kinerja_warna_predikat = frappe.get_cached_doc("Pengaturan Kinerja").warna()
