# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from frappe.tests.utils import FrappeTestCase

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
		# unit A: Positif 80 of 100 → 80 %, Negatif (2 − 90/100) × 100 = 110 %, Nilai Akhir empty
		# and left out: (80 + 110) / 2 = 95 % (counting the empty one as 0 would give 63,33 %);
		# "Sangat Tinggi" since 95 ≥ 91
		self.assertAlmostEqual(a["rata_rata_capaian"], 95)
		self.assertEqual(a["predikat"], "Sangat Tinggi")
		self.assertEqual((a["jumlah_indikator"], a["jumlah_terisi"]), (3, 2))
		self.assertEqual(a["di_bawah_target"], 1)  # the 80 %
		# unit B: 100 %, Negatif (2 − 120/100) × 100 = 80 %, Nilai Akhir 70 %:
		# 250 / 3 = 83,333… → 83,33; "Tinggi" since 76 ≤ 83,33 < 91
		self.assertAlmostEqual(b["rata_rata_capaian"], 83.33)
		self.assertEqual(b["predikat"], "Tinggi")
		self.assertEqual((b["jumlah_indikator"], b["jumlah_terisi"]), (3, 3))
		self.assertEqual(b["di_bawah_target"], 2)  # 80 % (Negatif 120) and 70 %
		self.assertEqual(a["status"], "Diajukan")
		self.assertEqual(len(chart["data"]["labels"]), 2)
		self.assertEqual(sorted(chart["data"]["datasets"][0]["values"]), [83.33, 95])
