# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan import capaian as engine
from kinerja_kecamatan.kinerja_kecamatan.report.rekapitulasi_capaian_per_unit_kerja.rekapitulasi_capaian_per_unit_kerja import (
	execute,
)
from kinerja_kecamatan.tests.factories import make_reported_kecamatan


class TestRekapitulasiCapaianPerUnitKerja(FrappeTestCase):
	def test_unit_average_leaves_out_rows_without_data(self):
		data = make_reported_kecamatan(
			{(0, 0): "80", (0, 1): "90", (0, 2): "", (1, 0): "100", (1, 1): "120", (1, 2): "70"}
		)
		_columns, rows, _message, chart = execute(
			{"kecamatan": data["kecamatan"], "tahun": 2024, "triwulan": "I"}
		)
		by_unit = {row["unit_kerja"]: row for row in rows}
		a, b = (by_unit[unit] for unit in data["units"])
		expected_a = engine.rata_rata(
			[engine.capaian("Positif", 100, 80), engine.capaian("Negatif", 100, 90)]
		)
		self.assertAlmostEqual(a["rata_rata_capaian"], float(engine.bulatkan(expected_a, 2)))
		self.assertEqual((a["jumlah_indikator"], a["jumlah_terisi"]), (3, 2))
		self.assertEqual(b["di_bawah_target"], 2)  # 80 % (Negatif 120) and 70 %
		self.assertEqual(a["status"], "Diajukan")
		self.assertEqual(len(chart["data"]["labels"]), 2)
