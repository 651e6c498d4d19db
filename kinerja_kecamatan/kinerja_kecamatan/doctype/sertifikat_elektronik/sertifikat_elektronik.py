# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import base64

import frappe
from frappe.model.document import Document

from kinerja_kecamatan.laporan import certificates


class SertifikatElektronik(Document):
	"""Made only by `pasang_sertifikat` (laporan/certificates.py); its fields are what the
	certificate says, so they are read-only in the desk."""


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
