"""Who signs a Laporan: the kecamatan's Camat, as a Pejabat record held by the signing user."""

import frappe

from kinerja_kecamatan.doctypes import KECAMATAN, PEJABAT


def signer_of(kecamatan: str) -> str | None:
	"""The Pejabat who signs: the kecamatan's Camat, and only when the signing user is theirs."""
	camat = frappe.db.get_value(KECAMATAN, kecamatan, "camat")
	if not camat:
		return None
	owner = frappe.db.get_value(PEJABAT, camat, ["user", "aktif"], as_dict=True)
	if owner and owner.aktif and owner.user == frappe.session.user:
		return camat
	return None
