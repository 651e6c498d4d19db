# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import base64

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.laporan import certificates


class SertifikatElektronik(Document):
	"""Made only by `pasang_sertifikat` and revoked only by `cabut_sertifikat`
	(laporan/certificates.py): its fields are what the certificate says, and a revocation is
	final, so no one edits the record itself, on any path."""

	def validate(self):
		if not self.flags.installing:
			frappe.throw(
				_(
					"Sertifikat elektronik dipasang dan dicabut dengan tombolnya; isinya tidak diubah langsung."
				),
				frappe.PermissionError,
			)

	def on_trash(self):
		if frappe.flags.in_uninstall:
			return
		frappe.throw(
			_("Sertifikat elektronik tidak dihapus; cabut bila tidak boleh dipakai lagi."),
			frappe.PermissionError,
		)


@frappe.whitelist(methods=["POST"])
def pasang_sertifikat(pejabat: str, berkas: str, passphrase: str):
	"""The holder installs the PKCS#12 bundle they were issued (base64), opened with their passphrase."""
	try:
		bundle = base64.b64decode(berkas or "", validate=True)
	except ValueError:
		bundle = b""
	return certificates.install_certificate(pejabat, bundle, passphrase)


@frappe.whitelist(methods=["POST"])
def cabut_sertifikat(sertifikat: str, alasan: str):
	"""The kabupaten's administrator revokes a certificate: it signs nothing more."""
	certificates.revoke(sertifikat, alasan)
