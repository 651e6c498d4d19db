"""Rows made before "ada data" and "di bawah target" were stored: derived once from what they hold
(a row has data exactly when it got a predikat; below target on its stored capaian)."""

import frappe

TABLES = {
	"Isian Data Kinerja Indikator": "capaian_tw",
	"Blanko Monitoring Indikator": "capaian_terverifikasi",
	"Laporan Hasil Monitoring Indikator": "capaian_tw",
}


def execute():
	for doctype, capaian in TABLES.items():
		frappe.db.sql(
			f"""update `tab{doctype}`
			set ada_data = if(ifnull(predikat, '') != '', 1, 0),
				di_bawah_target = if(ifnull(predikat, '') != '' and `{capaian}` < 100, 1, 0)"""
		)
