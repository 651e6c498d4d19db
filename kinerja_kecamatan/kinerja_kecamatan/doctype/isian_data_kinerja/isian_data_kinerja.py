# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.access.attachments import is_uploaded_file
from kinerja_kecamatan.doctypes import INDIKATOR, ISIAN, MONITORING, PERJANJIAN_KINERJA, UNIT_KERJA
from kinerja_kecamatan.engine.number_fields import read_number
from kinerja_kecamatan.engine.recompute import compute_isian
from kinerja_kecamatan.engine.row_links import RowLinksInBatch
from kinerja_kecamatan.tindak_lanjut import records as tindak_lanjut
from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow.distribution import close_isian_tasks, update_progress
from kinerja_kecamatan.workflow.locks import LockedAfterStep


class IsianDataKinerja(LockedAfterStep, RowLinksInBatch, Document):
	BATCHED_ROW_TABLES = ("indikator",)

	def validate(self):
		# kecamatan, tahun and triwulan follow the monitoring, whatever a client sent: fetch_from
		# (without fetch_if_empty) sets them on every save, before validate. The cycle and the
		# unit are each read once: a head's save is the app's most frequent write.
		monitoring = frappe.db.get_value(
			MONITORING,
			self.monitoring,
			["docstatus", "perjanjian_kinerja"],
			as_dict=True,
		)
		unit = (
			frappe.db.get_value(UNIT_KERJA, self.unit_kerja, ["nama_unit", "kecamatan"], as_dict=True)
			or frappe._dict()
		)
		self.title = _("{0} TW {1} {2}").format(unit.nama_unit or self.unit_kerja, self.triwulan, self.tahun)
		errors = []
		if monitoring.docstatus == 2:
			errors.append(_("Monitoring {0} sudah dibatalkan.").format(self.monitoring))
		self.validate_unit(unit, errors)
		self.validate_indicators_kept(errors)
		self.validate_rows(errors)
		self.validate_follow_ups_kept(errors)
		if self.docstatus == 0:
			tindak_lanjut.add_missing_rows(self)
		errors += tindak_lanjut.answer_errors(self, submitting=self.docstatus == 1)
		throw_if_any(errors, _("Isian Data Kinerja belum valid"))

		perjanjian_kinerja = frappe.get_cached_doc(PERJANJIAN_KINERJA, monitoring.perjanjian_kinerja)
		throw_if_any(compute_isian(self, perjanjian_kinerja), _("Isian Data Kinerja belum valid"))
		self.validate_analysis()

	def before_submit(self):
		self.refuse_empty()

	def on_submit(self):
		tindak_lanjut.report_from_isian(self)
		update_progress(self.monitoring)
		close_isian_tasks(self.monitoring, self.unit_kerja)

	def on_cancel(self):
		tindak_lanjut.withdraw_report(self)
		update_progress(self.monitoring)

	def validate_unit(self, unit, errors):
		if unit.kecamatan != self.kecamatan:
			errors.append(
				_("Unit Kerja {0} bukan bagian dari Kecamatan {1}.").format(self.unit_kerja, self.kecamatan)
			)
		duplicate = frappe.db.get_value(
			ISIAN,
			{
				"monitoring": self.monitoring,
				"unit_kerja": self.unit_kerja,
				"docstatus": ("<", 2),
				"name": ("!=", self.name),
			},
		)
		if duplicate:
			errors.append(
				_("Unit Kerja {0} sudah memiliki Isian untuk monitoring ini: {1}.").format(
					self.unit_kerja, duplicate
				)
			)

	def validate_indicators_kept(self, errors):
		"""The indicators are the unit's in the Perjanjian Kinerja, set when the Isian is made: a
		unit head (who may not make an Isian) fills them in, and adds, removes or swaps none."""
		before = self.get_doc_before_save() or (
			self.amended_from and frappe.get_doc(ISIAN, self.amended_from)
		)
		if not before or frappe.has_permission(ISIAN, "create"):
			return
		if sorted(row.indikator or "" for row in self.indikator) != sorted(
			row.indikator for row in before.indikator
		):
			errors.append(
				_(
					"Indikator Isian ditetapkan saat Format Isian disampaikan: kepala unit mengisi"
					" realisasinya, tanpa menambah, menghapus atau mengganti indikator."
				)
			)

	def validate_follow_ups_kept(self, errors):
		"""The follow-ups listed are the server's (tindak_lanjut/records.py): whoever saves answers
		them, and adds, removes or swaps none."""
		before = self.get_doc_before_save()
		if before and not self.flags.server_write and tindak_lanjut.rows_changed_by_client(self, before):
			errors.append(
				_(
					"Daftar Tindak Lanjut Triwulan Lalu berasal dari laporan triwulan sebelumnya:"
					" laporkan pelaksanaannya, tanpa menambah, menghapus atau mengubah rencananya."
				)
			)

	def refuse_empty(self):
		"""An Isian sent with no realisasi at all reports nothing. Some rows may stay empty: those
		indicators have no data yet ("belum ada data"), as the report then says."""
		if self.indikator and not self.jumlah_terisi:
			frappe.throw(
				_(
					"Isian belum dapat dikirim: 0 dari {0} indikator berisi realisasi. Isi kolom"
					" Realisasi TW pada tabel Indikator, simpan, lalu kirim; kosongkan hanya indikator"
					" yang memang belum ada datanya."
				).format(len(self.indikator)),
				title=_("Realisasi belum diisi"),
			)

	def validate_rows(self, errors):
		seen = set()
		owners = {
			d.name: d
			for d in frappe.get_all(
				INDIKATOR,
				{"name": ("in", [row.indikator for row in self.indikator] or [""])},
				["name", "kecamatan", "unit_kerja"],
			)
		}
		for row in self.indikator:
			if row.indikator in seen:
				errors.append(
					_("Baris {0}: indikator {1} sudah ada di baris lain.").format(row.idx, row.indikator)
				)
			seen.add(row.indikator)
			owner = owners.get(row.indikator)
			if owner and (owner.unit_kerja != self.unit_kerja or owner.kecamatan != self.kecamatan):
				errors.append(
					_("Baris {0}: indikator {1} adalah tanggung jawab {2}, bukan {3}.").format(
						row.idx, row.indikator, owner.unit_kerja, self.unit_kerja
					)
				)
			read_number(row, "realisasi_tw", errors)
			if row.bukti_dukung and not is_uploaded_file(row.bukti_dukung):
				errors.append(
					_(
						"Baris {0}: bukti dukung harus berkas yang diunggah ke sistem ({1} tidak dikenal)."
					).format(row.idx, frappe.utils.escape_html(row.bukti_dukung[:80]))
				)

	def validate_analysis(self):
		"""Every realisasi that misses its target needs faktor penghambat and tindak lanjut."""
		errors = []
		for row in self.indikator:
			nilai = getattr(row, "_capaian_tw", None)  # unrounded: 99.999 % still misses
			if nilai is None or nilai >= 100:
				continue
			missing = [
				_(row.meta.get_label(field))
				for field in ("faktor_penghambat", "tindak_lanjut")
				if not (row.get(field) or "").strip()
			]
			if missing:
				errors.append(
					_("Baris {0} ({1}): capaian {2}% di bawah target, isi {3}.").format(
						row.idx,
						row.indikator,
						frappe.format(row.capaian_tw, {"fieldtype": "Float", "precision": 2}),
						_(" dan ").join(missing),
					)
				)
		throw_if_any(errors, _("Analisis capaian belum lengkap"))


@frappe.whitelist()
def preview_capaian(name: str, realisasi: str | dict) -> dict:
	"""What the form shows while a unit head types: each row's capaian and predikat for the
	realisasi typed so far ({row name: value}), computed as a save would. Nothing is stored."""
	isian = frappe.get_doc(ISIAN, name)
	isian.check_permission("read")
	typed = frappe.parse_json(realisasi) or {}
	invalid = {}
	for row in isian.indikator:
		if row.name in typed:
			row.realisasi_tw = typed[row.name]
		errors = []
		read_number(row, "realisasi_tw", errors)
		if errors:  # shown on the row; the save will refuse it with the same words
			invalid[row.name] = errors[0]
			row.realisasi_tw = None
	compute_isian(isian)
	return {
		row.name: {
			"capaian_tw": row.capaian_tw,
			"predikat": row.predikat,
			"keterangan_capaian": invalid.get(row.name) or row.keterangan_capaian,
		}
		for row in isian.indikator
	}
