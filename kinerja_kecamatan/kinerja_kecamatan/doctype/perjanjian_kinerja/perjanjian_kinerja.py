# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import INDIKATOR, PERJANJIAN_KINERJA
from kinerja_kecamatan.engine.capaian import JENIS_POSITIF
from kinerja_kecamatan.engine.number_fields import read_number
from kinerja_kecamatan.engine.recompute import recompute_monitorings_of
from kinerja_kecamatan.engine.row_links import RowLinksInBatch
from kinerja_kecamatan.engine.triwulan import TARGET_FIELDS
from kinerja_kecamatan.validation import throw_if_any


class PerjanjianKinerja(RowLinksInBatch, Document):
	BATCHED_ROW_TABLES = ("targets",)

	def validate(self):
		self.title = _("Perjanjian Kinerja {0} {1}").format(self.kecamatan, self.tahun)
		errors = []
		if not 2000 <= (self.tahun or 0) <= 2100:
			errors.append(_("Tahun {0} tidak wajar; isi tahun empat digit, mis. 2024.").format(self.tahun))
		self.validate_pihak(errors)
		self.validate_targets(errors)
		throw_if_any(errors, _("Perjanjian Kinerja belum valid"))

	def validate_pihak(self, errors):
		if self.pihak_pertama and self.pihak_pertama == self.pihak_kedua:
			errors.append(_("Pihak pertama dan pihak kedua harus orang yang berbeda."))

	def validate_targets(self, errors):
		seen = set()
		for row in self.targets:
			indikator = frappe.db.get_value(
				INDIKATOR, row.indikator, ["kecamatan", "jenis", "aktif"], as_dict=True
			)
			if row.indikator in seen:
				errors.append(
					_("Baris {0}: indikator {1} sudah ada di baris lain.").format(row.idx, row.indikator)
				)
			seen.add(row.indikator)
			if indikator and indikator.kecamatan != self.kecamatan:
				errors.append(
					_("Baris {0}: indikator {1} milik Kecamatan {2}, bukan {3}.").format(
						row.idx, row.indikator, indikator.kecamatan, self.kecamatan
					)
				)
			targets = [read_number(row, field, errors) for field in TARGET_FIELDS]
			tahunan = read_number(row, "target_tahunan", errors)
			if self.target_triwulan_kumulatif and targets[-1] is not None and tahunan is not None:
				self.check_tw4_equals_annual(row, indikator, targets[-1], tahunan, errors)

	def check_tw4_equals_annual(self, row, indikator, tw4, tahunan, errors):
		if tw4 == tahunan:
			return
		message = _("Baris {0}: target TW IV ({1}) berbeda dengan target tahunan ({2}).").format(
			row.idx, row.target_tw4, row.target_tahunan
		)
		if indikator and indikator.jenis == JENIS_POSITIF:
			# for a summed indicator, cumulative TW IV *is* the annual target
			errors.append(message + " " + _("Untuk target kumulatif jenis Positif keduanya harus sama."))
		else:
			frappe.msgprint(message, indicator="orange", alert=True)

	def before_submit(self):
		other = frappe.db.get_value(
			PERJANJIAN_KINERJA,
			{"kecamatan": self.kecamatan, "tahun": self.tahun, "docstatus": 1, "name": ("!=", self.name)},
		)
		if other:
			frappe.throw(
				_(
					"Kecamatan {0} sudah memiliki Perjanjian Kinerja tahun {1} yang diajukan: {2}. "
					"Batalkan lalu ubah (amend) dokumen itu untuk merevisi target."
				).format(self.kecamatan, self.tahun, other),
				title=_("Perjanjian Kinerja ganda"),
			)

	def on_submit(self):
		# an amendment replaces its cancelled original: monitorings follow it and recompute capaian
		recompute_monitorings_of(self)
