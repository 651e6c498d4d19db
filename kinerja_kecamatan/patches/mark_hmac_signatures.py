"""Reports signed before electronic signatures (PAdES) carry the site's HMAC only: say so, so
verification tells which kind each report carries. The settings sign locally until told otherwise."""

import frappe


def execute():
	frappe.db.sql(
		"""update `tabLaporan Hasil Monitoring` set jenis_tanda_tangan = 'HMAC'
		where docstatus > 0 and ifnull(hash_tanda_tangan, '') != '' and ifnull(berkas_ttd, '') = ''
		and ifnull(jenis_tanda_tangan, '') = ''"""
	)
	if not frappe.db.get_single_value("Pengaturan Kinerja", "penanda_tangan"):
		frappe.db.set_single_value("Pengaturan Kinerja", "penanda_tangan", "Lokal")
