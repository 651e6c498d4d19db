# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan import capaian as engine
from kinerja_kecamatan.kinerja_kecamatan.report.capaian_kinerja_triwulan.capaian_kinerja_triwulan import (
	execute,
)
from kinerja_kecamatan.tests.factories import make_reported_kecamatan

TW1 = {(0, 0): "80", (0, 1): "90", (0, 2): "", (1, 0): "100", (1, 1): "120", (1, 2): "70"}


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

	def test_each_rows_capaian_is_the_engines(self):
		rows, chart = self.run_report(triwulan="I")
		self.assertEqual(len(rows), 6)
		by_indicator = {row.indikator: row for row in rows}
		for (u, i), value in TW1.items():
			row = by_indicator[self.data["indicators"][(u, i)]]
			expected = engine.capaian(row.jenis, 100, value or None)
			if expected is None:
				self.assertFalse(row.predikat)
				self.assertEqual(row.keterangan_capaian, "belum ada data")
			else:
				self.assertAlmostEqual(row.capaian_tw, float(expected), places=3)
				self.assertEqual(row.predikat, engine.predikat(expected))
		self.assertEqual(sum(chart["data"]["datasets"][0]["values"]), 5)

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
