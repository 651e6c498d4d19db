# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from kinerja_kecamatan.doctypes import CAPAIAN_TAHUNAN, PEJABAT
from kinerja_kecamatan.laporan import esakip
from kinerja_kecamatan.laporan.signer import signer_of
from kinerja_kecamatan.laporan.signers import passphrase_given
from kinerja_kecamatan.laporan.tahunan import compile_year, sign_year


class CapaianKinerjaTahunan(Document):
	def validate(self):
		self.title = _("Capaian Kinerja Tahunan {0} {1}").format(self.tahun, self.kecamatan)
		self.refuse_a_second_of_the_year()
		# a draft holds what the signed reports say, whoever saved it and however
		if self.docstatus == 0:
			compile_year(self)

	def refuse_a_second_of_the_year(self):
		other = frappe.db.get_value(
			CAPAIAN_TAHUNAN,
			{
				"kecamatan": self.kecamatan,
				"tahun": self.tahun,
				"docstatus": ("<", 2),
				"name": ("!=", self.name),
			},
		)
		if other:
			frappe.throw(
				_("Capaian Kinerja Tahunan {0} Kecamatan {1} sudah ada: {2}.").format(
					self.tahun, self.kecamatan, other
				)
			)

	def before_submit(self):
		# only the Camat's electronic signature (tandatangani) submits it
		if not self.flags.signing:
			frappe.throw(
				_(
					"Capaian Kinerja Tahunan disahkan dengan tanda tangan elektronik Camat (Tandatangani), bukan diajukan langsung."
				),
				frappe.PermissionError,
			)


@frappe.whitelist(methods=["POST"])
def susun_capaian_tahunan(kecamatan: str, tahun: int) -> str:
	"""The Kasubbag PK compiles the year's chapter from the four signed quarters, or refreshes a
	draft of it; the roles and the kecamatan are checked as for any insert or save."""
	name = frappe.db.get_value(
		CAPAIAN_TAHUNAN, {"kecamatan": kecamatan, "tahun": cint(tahun), "docstatus": ("<", 2)}
	)
	doc = (
		frappe.get_doc(CAPAIAN_TAHUNAN, name)
		if name
		else frappe.new_doc(CAPAIAN_TAHUNAN).update({"kecamatan": kecamatan, "tahun": cint(tahun)})
	)
	if doc.docstatus:
		frappe.throw(_("Capaian Kinerja Tahunan {0} sudah ditandatangani.").format(doc.name))
	doc.check_permission("write" if name else "create")
	doc.flags.server_write = True
	doc.save()
	return doc.name


@frappe.whitelist(methods=["POST"])
def tandatangani(name: str, passphrase: str):
	"""The Camat signs the year's chapter with the passphrase of their electronic certificate; it is
	archived with the kecamatan's next archive number in the same transaction."""
	# the role first: whether `name` exists is no answer to give anyone else
	frappe.has_permission(CAPAIAN_TAHUNAN, "submit", throw=True)
	doc = frappe.get_doc(CAPAIAN_TAHUNAN, name)
	doc.check_permission("submit")
	if doc.docstatus != 0:
		frappe.throw(_("Capaian Kinerja Tahunan {0} sudah ditandatangani.").format(doc.name))
	if not signer_of(doc.kecamatan):
		camat = frappe.db.get_value("Kecamatan", doc.kecamatan, "camat")
		frappe.throw(
			_(
				"Capaian Kinerja Tahunan Kecamatan {0} hanya dapat ditandatangani oleh Camat-nya ({1}) dengan akunnya sendiri."
			).format(doc.kecamatan, frappe.db.get_value(PEJABAT, camat, "nama") or camat or "-"),
			frappe.PermissionError,
		)
	with passphrase_given(passphrase):
		sign_year(doc)
	return {"nomor_arsip": doc.nomor_arsip, "file_arsip": doc.file_arsip}


@frappe.whitelist()
def unduh_excel(name: str):
	"""The year's capaian in the columns of the kabupaten's e-SAKIP upload."""
	frappe.has_permission(CAPAIAN_TAHUNAN, "read", throw=True)
	doc = frappe.get_doc(CAPAIAN_TAHUNAN, name)
	doc.check_permission("read")
	frappe.response.filename = esakip.file_name(doc)
	frappe.response.filecontent = esakip.build_workbook(doc)
	frappe.response.type = "download"
