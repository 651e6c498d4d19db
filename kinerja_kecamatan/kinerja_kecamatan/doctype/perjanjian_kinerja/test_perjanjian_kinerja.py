# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.tests.factories import (
	make_indikator,
	make_isian,
	make_kecamatan,
	make_monitoring,
	make_pk,
	make_unit,
)


class TestPerjanjianKinerja(FrappeTestCase):
	def setUp(self):
		self.kecamatan = make_kecamatan()
		self.unit = make_unit(self.kecamatan)
		self.positif = make_indikator(self.kecamatan, self.unit, "Positif")
		self.negatif = make_indikator(self.kecamatan, self.unit, "Negatif")

	def assert_refused(self, pattern, **kwargs):
		count = frappe.db.count("Perjanjian Kinerja")
		with self.assertRaisesRegex(frappe.ValidationError, pattern):
			make_pk(self.kecamatan, **kwargs)
		self.assertEqual(frappe.db.count("Perjanjian Kinerja"), count, "nothing may be saved")

	def test_targets_are_stored_in_indonesian_form(self):
		pk = make_pk(self.kecamatan, 2024, {self.positif: ("1.234,5", "100", "200.5", "300", "634")})
		row = pk.targets[0]
		self.assertEqual((row.target_tahunan, row.target_tw2), ("1.234,5", "200,5"))

	def test_non_number_and_negative_targets_are_refused(self):
		self.assert_refused("bukan angka", tahun=2024, targets={self.positif: ("seratus", 1, 2, 3, 4)})
		self.assert_refused("negatif", tahun=2024, targets={self.positif: ("-5", 1, 2, 3, 4)})

	def test_duplicate_indicator_rows_are_refused(self):
		pk = frappe.get_doc(
			{
				"doctype": "Perjanjian Kinerja",
				"kecamatan": self.kecamatan,
				"tahun": 2024,
				"pihak_pertama": make_pk(self.kecamatan, 2023, {self.positif: (4, 1, 1, 1, 1)}).pihak_pertama,
				"targets": [{"indikator": self.positif, "target_tahunan": 4}] * 2,
			}
		)
		with self.assertRaisesRegex(frappe.ValidationError, "sudah ada di baris lain"):
			pk.insert()

	def test_indicator_of_another_kecamatan_is_refused(self):
		other = make_kecamatan()
		foreign = make_indikator(other, make_unit(other))
		self.assert_refused("milik Kecamatan", tahun=2024, targets={foreign: (4, 1, 1, 1, 1)})

	def test_second_submitted_pk_for_a_year_is_refused(self):
		make_pk(self.kecamatan, 2024, {self.positif: (4, 1, 1, 1, 1)})
		second = make_pk(self.kecamatan, 2024, {self.positif: (8, 2, 2, 2, 2)}, submit=False)
		with self.assertRaisesRegex(frappe.ValidationError, "sudah memiliki Perjanjian Kinerja tahun 2024"):
			second.submit()
		self.assertEqual(frappe.db.get_value("Perjanjian Kinerja", second.name, "docstatus"), 0)

	def test_cumulative_positif_tw4_must_equal_annual_target(self):
		self.assert_refused(
			"berbeda dengan target tahunan",
			tahun=2024,
			kumulatif=True,
			targets={self.positif: (100, 25, 50, 75, 90)},
		)
		# a level (Negatif) only warns
		pk = make_pk(self.kecamatan, 2024, {self.negatif: (5, 8, 7, 6, 6)}, kumulatif=True)
		self.assertEqual(pk.docstatus, 1)

	def test_amendment_recomputes_the_quarters_capaian(self):
		pk = make_pk(self.kecamatan, 2024, {self.positif: (400, 100, 100, 100, 100)})
		monitoring = make_monitoring(pk, "I")
		isian = make_isian(monitoring, self.unit, {self.positif: 80}, submit=True)
		self.assertAlmostEqual(isian.indikator[0].capaian_tw, 80)

		pk.cancel()
		amended = frappe.copy_doc(pk)
		amended.amended_from = pk.name
		amended.docstatus = 0
		amended.targets[0].target_tw1 = "80"
		amended.insert()
		amended.submit()

		isian.reload()
		self.assertEqual(
			frappe.db.get_value("Monitoring Kinerja Triwulan", monitoring.name, "perjanjian_kinerja"),
			amended.name,
		)
		self.assertAlmostEqual(isian.indikator[0].capaian_tw, 100)
		self.assertEqual(isian.indikator[0].target_tw, "80")
