# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.engine.capaian import RUMUS
from kinerja_kecamatan.tests.factories import make_indikator, make_kecamatan, make_unit


class TestIndikatorKinerja(FrappeTestCase):
	def test_rule_of_its_type_is_shown(self):
		kecamatan = make_kecamatan()
		unit = make_unit(kecamatan)
		for jenis in ("Positif", "Negatif", "Nilai Akhir"):
			indikator = frappe.get_doc("Indikator Kinerja", make_indikator(kecamatan, unit, jenis=jenis))
			self.assertEqual(indikator.rumus_capaian, RUMUS[jenis])
		self.assertIn("semakin kecil semakin baik", RUMUS["Negatif"])

	def test_unit_of_another_kecamatan_is_refused(self):
		unit_elsewhere = make_unit(make_kecamatan())
		with self.assertRaisesRegex(frappe.ValidationError, "bukan bagian dari Kecamatan"):
			make_indikator(make_kecamatan(), unit_elsewhere)
