# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import KECAMATAN, SOP_KINERJA
from kinerja_kecamatan.laporan.archive import invalid_archive_pattern
from kinerja_kecamatan.workflow.sop import ROLE_ADMIN_KABUPATEN
from kinerja_kecamatan.workflow.sop_record import new_kecamatan_sop


class Kecamatan(Document):
	"""A kecamatan, with its own settings: the SOP its new cycles follow and its archive numbers."""

	def validate(self):
		self.nama_kecamatan = self.nama_kecamatan.strip()
		self.kabupaten = self.kabupaten.strip()
		# the SOP in force is given by the kabupaten's administrator (Buat SOP dari prosedur kabupaten)
		if self.has_value_changed("sop") and not self.is_new() and not kabupaten_role():
			frappe.throw(
				_("SOP yang Berlaku ditetapkan oleh Administrator Kinerja Kabupaten."),
				frappe.PermissionError,
			)
		if self.sop and frappe.db.get_value(SOP_KINERJA, self.sop, "kecamatan") != self.name:
			frappe.throw(_("SOP {0} bukan SOP Kecamatan {1}.").format(self.sop, self.name))
		if self.pola_nomor_arsip and (reason := invalid_archive_pattern(self.pola_nomor_arsip)):
			frappe.throw(reason)


def kabupaten_role() -> bool:
	return bool({ROLE_ADMIN_KABUPATEN, "System Manager"} & set(frappe.get_roles())) or frappe.session.user == "Administrator"


@frappe.whitelist()
def buat_sop_dari_prosedur(kecamatan: str, nomor_sop: str | None = None) -> str:
	"""A new kecamatan's own SOP from the kabupaten's procedure, in one action of the kabupaten's
	administrator: its number, its Camat as the one who approves it, in force for its new cycles."""
	frappe.only_for([ROLE_ADMIN_KABUPATEN, "System Manager"])
	doc = frappe.get_doc(KECAMATAN, kecamatan)
	doc.check_permission("write")
	if doc.sop:
		frappe.throw(_("Kecamatan {0} sudah memiliki SOP {1}.").format(kecamatan, doc.sop))
	if not doc.camat:
		frappe.throw(_("Isi Camat Kecamatan {0} dahulu: Camat mengesahkan SOP kecamatan.").format(kecamatan))
	return new_kecamatan_sop(kecamatan, (nomor_sop or "").strip() or None)
