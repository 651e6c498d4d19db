# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import ISIAN, ISIAN_INDIKATOR, UNIT_KERJA
from kinerja_kecamatan.engine.capaian import format_selisih, realisasi_used
from kinerja_kecamatan.engine.number_fields import read_number
from kinerja_kecamatan.engine.predikat import get_skala_predikat
from kinerja_kecamatan.engine.recompute import capaian_of, earlier_realisasi, perjanjian_kinerja_of
from kinerja_kecamatan.engine.row_links import RowLinksInBatch
from kinerja_kecamatan.engine.triwulan import quarter_number
from kinerja_kecamatan.tindak_lanjut import records as tindak_lanjut
from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow.locks import LockedAfterStep


class BlankoMonitoringKinerja(LockedAfterStep, RowLinksInBatch, Document):
	BATCHED_ROW_TABLES = ("indikator",)

	def validate(self):
		# kecamatan, tahun and triwulan follow the monitoring: fetch_from sets them on every save
		unit = frappe.db.get_value(UNIT_KERJA, self.unit_kerja, "nama_unit") or self.unit_kerja
		self.title = _("Blanko {0} TW {1} {2}").format(unit, self.triwulan, self.tahun)
		errors = []
		if self.isian and frappe.db.get_value(ISIAN, self.isian, ["monitoring", "unit_kerja"]) != (
			self.monitoring,
			self.unit_kerja,
		):
			errors.append(
				_("Isian {0} bukan milik {1} pada monitoring {2}.").format(
					self.isian, self.unit_kerja, self.monitoring
				)
			)
		for row in self.indikator:
			read_number(row, "nilai_terverifikasi", errors)
		throw_if_any(errors, _("Blanko Monitoring belum valid"))
		self.copy_reported()
		tindak_lanjut.copy_reported_to_blanko(self)
		self.compute_verified()

	def copy_reported(self):
		"""What the unit reported always comes from its Isian, never from the Blanko's editor."""
		reported = {}
		if self.isian:
			reported = {
				row.indikator: row
				for row in frappe.get_all(
					ISIAN_INDIKATOR,
					filters={"parent": self.isian, "parenttype": ISIAN},
					fields=["indikator", "target_tw", "realisasi_tw", "capaian_tw"],
				)
			}
		for row in self.indikator:
			source = reported.get(row.indikator)
			row.target_tw = source.target_tw if source else None
			row.realisasi_dilaporkan = source.realisasi_tw if source else None
			row.capaian_dilaporkan = source.capaian_tw if source else None

	def compute_verified(self):
		"""The verified value, when given, is the one the report uses; the difference is shown. A
		row the unit reported nothing for still shows the quarter's target."""
		pk = perjanjian_kinerja_of(self.monitoring)
		pk_rows = {row.indikator: row for row in pk.targets}
		quarter = quarter_number(self.triwulan)
		earlier = earlier_realisasi(self)
		skala = get_skala_predikat()
		for row in self.indikator:
			row.selisih = format_selisih(row.nilai_terverifikasi, row.realisasi_dilaporkan)
			if row.indikator in pk_rows:
				realisasi, _verified = realisasi_used(row.realisasi_dilaporkan, row.nilai_terverifikasi)
				values = capaian_of(pk, pk_rows[row.indikator], quarter, realisasi, earlier, skala)
				row.capaian_terverifikasi, row.capaian_kumulatif = values.capaian_tw, values.capaian_kumulatif
				row.predikat, row.ada_data, row.di_bawah_target = (
					values.predikat,
					values.ada_data,
					values.di_bawah_target,
				)
				if row.target_tw in (None, ""):
					row.target_tw = values.target_tw

	def before_submit(self):
		errors = [
			_("Baris {0} ({1}): pilih hasil verifikasi.").format(row.idx, row.indikator)
			for row in self.indikator
			if not row.hasil_verifikasi
		]
		errors += [
			_("Baris {0} ({1}): hasil Tidak Sesuai, isi nilai terverifikasi.").format(row.idx, row.indikator)
			for row in self.indikator
			if row.hasil_verifikasi == "Tidak Sesuai" and not row.nilai_terverifikasi
		]
		errors += tindak_lanjut.verification_errors(self)
		if not self.penandatangan_tim:
			errors.append(_("Pilih Ketua Tim Monitoring yang menandatangani."))
		if not self.penandatangan_unit:
			errors.append(_("Pilih Kepala Unit Kerja yang menandatangani."))
		throw_if_any(errors, _("Blanko Monitoring belum lengkap"))

	def on_submit(self):
		tindak_lanjut.verify_from_blanko(self)

	def on_cancel(self):
		tindak_lanjut.verify_from_blanko(self, cancelled=True)
