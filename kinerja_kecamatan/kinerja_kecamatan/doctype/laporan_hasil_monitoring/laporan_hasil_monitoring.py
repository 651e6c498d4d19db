# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import LAPORAN, MONITORING
from kinerja_kecamatan.laporan.archive import archive_laporan
from kinerja_kecamatan.laporan.draft import draft_laporan, missing_for_signature
from kinerja_kecamatan.laporan.signature import sign_laporan
from kinerja_kecamatan.laporan.signer import signer_of
from kinerja_kecamatan.laporan.signers import passphrase_given
from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow.behaviours import TANDA_TANGAN
from kinerja_kecamatan.workflow.sop_record import sop_of


class LaporanHasilMonitoring(Document):
	def validate(self):
		# kecamatan, tahun and triwulan follow the monitoring: fetch_from sets them on every save
		self.title = _("Laporan Hasil Monitoring TW {0} {1} {2}").format(
			self.triwulan, self.tahun, self.kecamatan
		)
		other = frappe.db.get_value(
			LAPORAN,
			{"monitoring": self.monitoring, "docstatus": ("<", 2), "name": ("!=", self.name)},
		)
		if other:
			frappe.throw(_("Monitoring {0} sudah memiliki laporan {1}.").format(self.monitoring, other))

	def before_cancel(self):
		# only the kecamatan's own Camat withdraws what they signed
		if frappe.session.user != "Administrator" and not signer_of(self.kecamatan):
			frappe.throw(
				_("Hanya Camat Kecamatan {0} yang dapat membatalkan laporan yang ditandatanganinya.").format(
					self.kecamatan
				),
				frappe.PermissionError,
			)

	def on_cancel(self):
		frappe.get_doc(MONITORING, self.monitoring).add_comment(
			"Info",
			_(
				"Laporan {0} (arsip {1}) dibatalkan oleh {2} untuk dikoreksi; arsip PDF-nya tetap tersimpan. "
				"Koreksinya: ubah (amend) laporan, susun ulang, lalu Camat menandatangani koreksi."
			).format(self.name, self.nomor_arsip or "-", frappe.session.user),
		)

	def before_submit(self):
		# only the Camat's signature ("tanda tangan" step) submits a report (laporan.sign_laporan)
		if not self.hash_tanda_tangan:
			frappe.throw(
				_(
					"Laporan disahkan dengan tanda tangan Camat pada langkah {0} alur monitoring, bukan diajukan langsung."
				).format(signing_step(self.monitoring))
			)


@frappe.whitelist()
def susun_draft_laporan(monitoring: str):
	"""The draft-report step: draft (or refresh) the report from the quarter's data in one action."""

	doc = frappe.get_doc(MONITORING, monitoring)
	doc.check_permission("write")
	frappe.has_permission(LAPORAN, "create", throw=True)
	return draft_laporan(doc).name


@frappe.whitelist(methods=["POST"])
def tandatangani_koreksi(laporan: str, passphrase: str | None = None):
	"""The Camat signs and archives a correction: an amended report of a cancelled signed one.
	It gets its own archive number and PDF; the cancelled report's archive stays as it was."""

	frappe.has_permission(LAPORAN, "submit", throw=True)
	doc = frappe.get_doc(LAPORAN, laporan)
	doc.check_permission("submit")
	if doc.docstatus != 0 or not doc.amended_from:
		frappe.throw(
			_(
				"Hanya koreksi (amend) dari laporan yang dibatalkan yang ditandatangani di sini; laporan siklus berjalan ditandatangani pada langkah {0}."
			).format(signing_step(doc.monitoring))
		)
	monitoring = frappe.get_doc(MONITORING, doc.monitoring)
	if monitoring.docstatus != 1:
		frappe.throw(
			_("Monitoring {0} belum diarsipkan; laporannya ditandatangani pada langkah {1}.").format(
				monitoring.name, signing_step(monitoring.name)
			)
		)
	throw_if_any(missing_for_signature(monitoring), _("Koreksi laporan belum dapat ditandatangani"))
	with passphrase_given(passphrase):
		sign_laporan(monitoring, correction=True)
	file_url = archive_laporan(monitoring)
	signed = frappe.get_doc(LAPORAN, laporan)
	monitoring.add_comment(
		"Info",
		_("Koreksi {0} atas {1} ditandatangani oleh {2} dan diarsipkan sebagai {3}.").format(
			signed.name, signed.amended_from, frappe.session.user, signed.nomor_arsip
		),
	)
	return {"nomor_arsip": signed.nomor_arsip, "file_arsip": file_url}


def signing_step(monitoring: str) -> int | None:
	"""The step at which the cycle's SOP has the Camat sign (its "tanda tangan" behaviour)."""

	cycle = frappe.db.get_value(MONITORING, monitoring, ["name", "revisi_sop"], as_dict=True)
	return sop_of(cycle).number_of(TANDA_TANGAN)
