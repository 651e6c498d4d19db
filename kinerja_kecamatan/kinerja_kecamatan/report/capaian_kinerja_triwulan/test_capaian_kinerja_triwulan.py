# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.kinerja_kecamatan.report.capaian_kinerja_triwulan.capaian_kinerja_triwulan import (
	execute,
)
from kinerja_kecamatan.tests.factories import make_reported_kecamatan

# (unit, indicator) → realisasi of a quarterly target of 100; indicators 0, 1, 2 are Positif,
# Negatif and Nilai Akhir
TW1 = {(0, 0): "80", (0, 1): "90", (0, 2): "", (1, 0): "100", (1, 1): "120", (1, 2): "70"}
# worked out by hand on the default scale (≥ 91 Sangat Tinggi, ≥ 76 Tinggi, ≥ 66 Sedang,
# ≥ 51 Rendah, else Sangat Rendah): (capaian %, predikat), None for no data
EXPECTED = {
	(0, 0): (80, "Tinggi"),  # Positif 80 / 100 × 100
	(0, 1): (110, "Sangat Tinggi"),  # Negatif (2 − 90/100) × 100
	(0, 2): None,  # nothing reported: no data, not 0 %
	(1, 0): (100, "Sangat Tinggi"),  # Positif 100 / 100 × 100
	(1, 1): (80, "Tinggi"),  # Negatif (2 − 120/100) × 100
	(1, 2): (70, "Sedang"),  # Nilai Akhir 70 / 100 × 100; 66 ≤ 70 < 76
}


class TestCapaianKinerjaTriwulan(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.data = make_reported_kecamatan(TW1)

	def run_report(self, **filters):
		_columns, rows, _message, chart = execute(
			{"kecamatan": self.data["kecamatan"], "tahun": 2024, **filters}
		)
		return rows, chart

	def test_each_rows_capaian_and_predikat(self):
		rows, chart = self.run_report(triwulan="I")
		self.assertEqual(len(rows), 6)
		by_indicator = {row.indikator: row for row in rows}
		for key, expected in EXPECTED.items():
			row = by_indicator[self.data["indicators"][key]]
			with self.subTest(indicator=key):
				if expected is None:
					self.assertFalse(row.predikat)
					self.assertEqual(row.keterangan_capaian, "belum ada data")
					self.assertEqual(row.ada_data, 0)
				else:
					self.assertAlmostEqual(row.capaian_tw, expected[0], places=3)
					self.assertEqual(row.predikat, expected[1])
		# the five rows with data, counted by predikat, highest first
		self.assertEqual(
			dict(zip(chart["data"]["labels"], chart["data"]["datasets"][0]["values"], strict=True)),
			{"Sangat Tinggi": 2, "Tinggi": 2, "Sedang": 1, "Rendah": 0, "Sangat Rendah": 0},
		)

	def test_predikat_filter(self):
		rows, _chart = self.run_report(triwulan="I", predikat="Tinggi")
		# Positif 80 of 100 and Negatif 120 of 100 (80 %)
		self.assertEqual({row.predikat for row in rows}, {"Tinggi"})
		self.assertEqual(len(rows), 2)

	def test_unit_head_sees_only_their_unit(self):
		frappe.set_user(self.data["head_a"])
		try:
			rows, _chart = self.run_report()
		finally:
			frappe.set_user("Administrator")
		self.assertEqual({row.unit_kerja for row in rows}, {self.data["units"][0]})
