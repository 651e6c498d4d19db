# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.doctypes import SOP_KINERJA
from kinerja_kecamatan.engine.capaian import DEFAULT_SKALA_PREDIKAT
from kinerja_kecamatan.engine.office_time import DEFAULT_CALENDAR, HARI

DEFAULT_WARNA = {
	"Sangat Tinggi": "green",
	"Tinggi": "blue",
	"Sedang": "yellow",
	"Rendah": "orange",
	"Sangat Rendah": "red",
}


class PengaturanKinerja(Document):
	def validate(self):
		if not self.skala_predikat:
			self.set_default_skala()
		labels = [row.predikat.strip() for row in self.skala_predikat]
		bounds = [row.batas_bawah for row in self.skala_predikat]
		if len(set(labels)) != len(labels) or len(set(bounds)) != len(bounds):
			frappe.throw(_("Setiap predikat dan setiap batas bawah pada skala hanya boleh muncul sekali."))
		if any(bound < 0 for bound in bounds):
			frappe.throw(_("Batas bawah predikat tidak boleh negatif."))
		if self.sop and frappe.db.get_value(SOP_KINERJA, self.sop, "kecamatan"):
			frappe.throw(
				_("Prosedur kabupaten adalah SOP tanpa kecamatan; {0} milik Kecamatan {1}.").format(
					self.sop, frappe.db.get_value(SOP_KINERJA, self.sop, "kecamatan")
				)
			)

	def set_default_skala(self):
		"""Permendagri 86/2017: ≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 Sedang, ≥51 Rendah, else Sangat Rendah."""
		self.set("skala_predikat", [])
		for bound, label in DEFAULT_SKALA_PREDIKAT:
			self.append(
				"skala_predikat",
				{"batas_bawah": float(bound), "predikat": label, "warna": DEFAULT_WARNA[label]},
			)

	def set_default_jam_kerja(self):
		"""Monday–Thursday 07:30–16:00, Friday 07:30–11:00 (WITA)."""
		self.set("jam_kerja", [])
		for weekday, (opening, closing) in sorted(DEFAULT_CALENDAR.hours.items()):
			self.append(
				"jam_kerja",
				{"hari": HARI[weekday], "jam_mulai": opening.isoformat(), "jam_selesai": closing.isoformat()},
			)

	def skala(self) -> list[tuple]:
		"""The scale as the capaian engine takes it: (lower bound, label)."""
		return [(row.batas_bawah, row.predikat) for row in self.skala_predikat]

	def warna(self) -> dict[str, str]:
		return {row.predikat: row.warna or "gray" for row in self.skala_predikat}
