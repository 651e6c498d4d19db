# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_kecamatan.access.scope import grant_unit_head, head_problem, revoke_unit_head
from kinerja_kecamatan.doctypes import PEJABAT, UNIT_KERJA

# a chart's bar keeps its label whole up to about this many letters on a desktop screen
SINGKATAN_MAKS = 7
# words naming the kind of unit, left out of a made-up singkatan
JENIS_WORDS = ("sub bagian", "subbagian", "subbag", "seksi", "bagian")
CONJUNCTIONS = {"dan", "serta", "&", "/", "dan/atau"}


class UnitKerja(Document):
	def validate(self):
		if self.pejabat and frappe.db.get_value(PEJABAT, self.pejabat, "kecamatan") != self.kecamatan:
			frappe.throw(_("Pejabat {0} bukan pejabat Kecamatan {1}.").format(self.pejabat, self.kecamatan))
		if self.kepala_unit and self.has_value_changed("kepala_unit"):
			if problem := head_problem(self.kepala_unit, self.kecamatan):
				frappe.throw(problem)
		self.set_singkatan()

	def on_update(self):
		before = self.get_doc_before_save()
		previous_head = before.kepala_unit if before else None
		if previous_head and previous_head != self.kepala_unit:
			revoke_unit_head(previous_head, self)
		if self.kepala_unit:
			grant_unit_head(self.kepala_unit, self)

	def on_trash(self):
		if self.kepala_unit:
			revoke_unit_head(self.kepala_unit, self)

	def set_singkatan(self):
		"""The short label charts show: the one given, else made from the name; one per unit of the
		kecamatan, so no two bars read the same."""
		taken = {
			label.lower()
			for label in frappe.get_all(
				UNIT_KERJA,
				filters={"kecamatan": self.kecamatan, "name": ("!=", self.name or "")},
				pluck="singkatan",
			)
			if label
		}
		given = (self.singkatan or "").strip()
		if given:
			if len(given) > SINGKATAN_MAKS:
				frappe.throw(
					_(
						"Singkatan {0} terlalu panjang: paling banyak {1} huruf agar terbaca di grafik."
					).format(given, SINGKATAN_MAKS)
				)
			if given.lower() in taken:
				frappe.throw(
					_("Singkatan {0} sudah dipakai unit lain di Kecamatan {1}.").format(given, self.kecamatan)
				)
			self.singkatan = given
			return
		made = singkatan_otomatis(self.nama_unit)
		candidate, number = made, 1
		while candidate.lower() in taken:
			number += 1
			candidate = f"{made[: SINGKATAN_MAKS - len(str(number))]}{number}"
		self.singkatan = candidate


def singkatan_otomatis(nama_unit: str) -> str:
	"""A unit's short label made from its name: the initials of the words after the kind of unit,
	or one word kept whole when short enough, else its first three letters.

	"Seksi Pemberdayaan Masyarakat Desa" → "PMD"; "Subbag Perencanaan dan Keuangan" → "PK";
	"Seksi Umum" → "Umum"; "Sekretariat" → "Sek."
	"""
	name = " ".join(nama_unit.split())
	lowered = name.lower()
	for jenis in JENIS_WORDS:
		if lowered.startswith(jenis + " "):
			name = name[len(jenis) + 1 :]
			break
	words = [word for word in name.split() if word.lower() not in CONJUNCTIONS]
	if len(words) > 1:
		return "".join(word[0].upper() for word in words)[:SINGKATAN_MAKS]
	word = words[0] if words else nama_unit.strip()
	return word if len(word) <= SINGKATAN_MAKS else f"{word[:3]}."
