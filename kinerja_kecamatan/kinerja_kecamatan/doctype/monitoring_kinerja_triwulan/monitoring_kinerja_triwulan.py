# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow

from kinerja_kecamatan.access.editing import check_edit, exception_role
from kinerja_kecamatan.doctypes import MONITORING, PERJANJIAN_KINERJA, UNIT_KERJA
from kinerja_kecamatan.laporan.archive import archive_laporan
from kinerja_kecamatan.laporan.signers import passphrase_given
from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow import steps
from kinerja_kecamatan.workflow.behaviours import EXCEPTIONS, TANDA_TANGAN, excel_steps
from kinerja_kecamatan.workflow.distribution import close_isian_tasks, update_progress
from kinerja_kecamatan.workflow.sop_record import sop_of
from kinerja_kecamatan.workflow.transition import Transition, live_workflow

IDENTITY = ("kecamatan", "tahun", "triwulan", "perjanjian_kinerja")


class MonitoringKinerjaTriwulan(Document):
	def onload(self):
		"""What the form script needs of the SOP, from the record rather than from labels in JS."""
		sop, workflow = sop_of(self), live_workflow()
		self.set_onload(
			"sop",
			{
				"return_actions": workflow.return_actions() if workflow else [],
				"excel_steps": excel_steps(sop),
				"exception_step": sop.number_of(EXCEPTIONS),
				"signing_step": sop.number_of(TANDA_TANGAN),
				"exception_role": exception_role(sop),
			},
		)

	def validate(self):
		# the save's move through the SOP, worked out once for the edit rules, the step log and
		# (on_update) the step's effects
		self._transition = Transition.of(self)
		check_edit(self._transition)
		self.title = _("Monitoring TW {0} {1} {2}").format(self.triwulan, self.tahun, self.kecamatan)
		# the cycle's identity is checked when it is set or changed, not on every step's save
		if self.is_new() or any(self.has_value_changed(field) for field in IDENTITY):
			self.validate_identity()
		steps.on_validate(self._transition)

	def validate_identity(self):
		errors = []
		pk = frappe.db.get_value(
			PERJANJIAN_KINERJA, self.perjanjian_kinerja, ["kecamatan", "tahun", "docstatus"], as_dict=True
		)
		if pk and (pk.kecamatan != self.kecamatan or pk.tahun != self.tahun):
			errors.append(
				_("Perjanjian Kinerja {0} adalah milik {1} tahun {2}, bukan {3} tahun {4}.").format(
					self.perjanjian_kinerja, pk.kecamatan, pk.tahun, self.kecamatan, self.tahun
				)
			)
		if pk and pk.docstatus != 1:
			errors.append(
				_(
					"Perjanjian Kinerja {0} belum diajukan (submit); target hanya diambil dari PK yang sah."
				).format(self.perjanjian_kinerja)
			)
		duplicate = frappe.db.get_value(
			MONITORING,
			{
				"kecamatan": self.kecamatan,
				"tahun": self.tahun,
				"triwulan": self.triwulan,
				"docstatus": ("<", 2),
				"name": ("!=", self.name),
			},
		)
		if duplicate:
			errors.append(
				_("Monitoring TW {0} {1} untuk Kecamatan {2} sudah ada: {3}.").format(
					self.triwulan, self.tahun, self.kecamatan, duplicate
				)
			)
		throw_if_any(errors, _("Monitoring belum valid"))

	def update_child_table(self, fieldname, df=None):
		"""The step log only grows (server_fields.py takes back any edit of it), so a save inserts
		its new rows instead of rewriting every row: a transition costs the same at the 500th
		logged step as at the 5th."""
		if fieldname != "log_langkah" or self.is_new() or self._action in ("submit", "cancel"):
			return super().update_child_table(fieldname, df)  # submit/cancel: every row's docstatus
		for row in self.log_langkah:
			if row.is_new():
				row.db_insert()

	def on_update(self):
		steps.after_transition(getattr(self, "_transition", None))

	def before_submit(self):
		# only the archiving action of the last step submits a cycle, whatever path is tried
		before = self.get_doc_before_save()
		last = sop_of(self).steps[-1]
		if not before or before.langkah != last.number:
			frappe.throw(
				_("Monitoring hanya diarsipkan (diajukan) pada langkah {0} ({1}).").format(
					last.number, _(last.uraian)
				),
				frappe.PermissionError,
			)

	def on_submit(self):
		# the archiving step: the signed report's PDF becomes the archive
		archive_laporan(self)


@frappe.whitelist(methods=["POST"])
def tandatangani(monitoring: str, passphrase: str):
	"""The Camat's "Ya" at the signing step, with the passphrase of their electronic certificate:
	the report is signed into its PDF in the same transaction, or the step does not move. The
	passphrase lives only for this request."""
	doc = frappe.get_doc(MONITORING, monitoring)
	doc.check_permission("read")
	number = sop_of(doc).number_of(TANDA_TANGAN)
	if doc.langkah != number:
		frappe.throw(_("Laporan ditandatangani pada langkah {0}; siklus ini di langkah {1}.").format(number, doc.langkah))
	forward = live_workflow().leaving(doc.workflow_state, forward=True)
	with passphrase_given(passphrase):
		return apply_workflow(doc.as_dict(), forward[0].action)


@frappe.whitelist()
def catat_pengecualian(monitoring: str, unit_kerja: str, alasan: str):
	"""While the Isian are collected, the owner of the Format Isian excuses a unit, with a reason."""
	doc = frappe.get_doc(MONITORING, monitoring)
	doc.check_permission("read")
	sop = sop_of(doc)
	role = exception_role(sop)
	if role not in frappe.get_roles():
		frappe.throw(_("Hanya {0} yang dapat mencatat pengecualian.").format(_(role)), frappe.PermissionError)
	if not (alasan or "").strip():
		frappe.throw(_("Alasan pengecualian wajib diisi."))
	number = sop.number_of(EXCEPTIONS)
	if doc.langkah != number:
		frappe.throw(
			_("Pengecualian hanya dicatat pada langkah {0} (penghimpunan data isian).").format(number)
		)
	if frappe.db.get_value(UNIT_KERJA, unit_kerja, "kecamatan") != doc.kecamatan:
		frappe.throw(_("Unit Kerja {0} bukan bagian dari Kecamatan {1}.").format(unit_kerja, doc.kecamatan))
	doc.append("pengecualian_isian", {"unit_kerja": unit_kerja, "alasan": alasan.strip()})
	# the step's own actor edits this record; the exception is the Kasubbag PK's, checked above
	doc.flags.ignore_permissions = True
	doc.flags.via_catat_pengecualian = True
	doc.save()
	close_isian_tasks(doc.name, unit_kerja)
	update_progress(doc.name)
	return doc.name
