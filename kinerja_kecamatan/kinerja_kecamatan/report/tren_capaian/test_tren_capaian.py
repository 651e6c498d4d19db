# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.kinerja_kecamatan.report.tren_capaian.tren_capaian import execute
from kinerja_kecamatan.tests.factories import make_reported_kecamatan


class TestTrenCapaian(FrappeTestCase):
	def test_one_point_per_quarter_with_its_average(self):
		tw1 = {(0, 0): "50", (1, 0): "100"}
		tw2 = {(0, 0): "100", (1, 0): "100"}
		data = make_reported_kecamatan(tw1, tw2)
		_columns, rows, _message, chart = execute(
			{"kecamatan": data["kecamatan"], "tahun_dari": 2024, "tahun_sampai": 2024}
		)
		self.assertEqual([row["periode"] for row in rows], ["TW I 2024", "TW II 2024"])
		# TW I: Positif 50 of 100 (unit A) and 100 of 100 (unit B) → (50 + 100) / 2 = 75 %;
		# "Sedang" since 66 ≤ 75 < 76
		self.assertAlmostEqual(rows[0]["rata_rata_capaian"], 75)
		self.assertEqual(rows[0]["predikat"], "Sedang")
		self.assertEqual((rows[0]["jumlah_indikator"], rows[0]["di_bawah_target"]), (2, 1))
		# TW II: 100 and 100 of 100 → 100 %, "Sangat Tinggi" (each quarter on its own: unit A's
		# cumulative (50 + 100) / 200 = 75 % would give (75 + 100) / 2 = 87,5 %)
		self.assertAlmostEqual(rows[1]["rata_rata_capaian"], 100)
		self.assertEqual(rows[1]["predikat"], "Sangat Tinggi")
		self.assertEqual(chart["type"], "line")
		self.assertEqual(chart["data"]["datasets"][0]["values"], [75, 100])
