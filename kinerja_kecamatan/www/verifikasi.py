"""Public page behind the report's QR code: is the presented report the one the Camat signed?

No login: anyone holding the paper can check it. It shows only what the signed report states.
"""

import frappe

from kinerja_kecamatan.laporan.signature import verify

no_cache = 1


def get_context(context):
	context.no_breadcrumbs = True
	name = frappe.form_dict.get("laporan") or ""
	kode = frappe.form_dict.get("kode") or ""
	context.hasil = verify(name, kode) if name else None
	context.nama_laporan = name
	context.title = "Verifikasi Laporan Hasil Monitoring"
	return context
