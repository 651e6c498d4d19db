# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan import capaian as engine
from kinerja_kecamatan.kinerja_kecamatan.report.tren_capaian.tren_capaian import execute
from kinerja_kecamatan.tests.factories import make_reported_kecamatan


class TestTrenCapaian(FrappeTestCase):
	def test_one_point_per_quarter_with_the_engines_average(self):
		tw1 = {(0, 0): "50", (1, 0): "100"}
		tw2 = {(0, 0): "100", (1, 0): "100"}
		data = make_reported_kecamatan(tw1, tw2)
		_columns, rows, _message, chart = execute(
			{"kecamatan": data["kecamatan"], "tahun_dari": 2024, "tahun_sampai": 2024}
		)
		self.assertEqual([row["periode"] for row in rows], ["TW I 2024", "TW II 2024"])
		self.assertAlmostEqual(rows[0]["rata_rata_capaian"], float(engine.rata_rata([50, 100])))
		self.assertAlmostEqual(rows[1]["rata_rata_capaian"], 100)
		self.assertEqual(chart["type"], "line")
