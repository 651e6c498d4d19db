# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.kinerja_kecamatan.report.perbandingan_antar_kecamatan.perbandingan_antar_kecamatan import (
	execute,
)
from kinerja_kecamatan.tests.factories import make_reported_kecamatan


class TestPerbandinganAntarKecamatan(FrappeTestCase):
	def test_kecamatan_side_by_side_best_first_and_confined_users_see_their_own(self):
		kabupaten = f"Uji {frappe.generate_hash(length=5)}"
		low = make_reported_kecamatan({(0, 0): "60", (1, 0): "60"}, kabupaten=kabupaten)
		high = make_reported_kecamatan({(0, 0): "100", (1, 0): "90"}, kabupaten=kabupaten)
		_columns, rows, _message, _chart = execute({"kabupaten": kabupaten, "tahun": 2024, "triwulan": "I"})
		self.assertEqual([row["kecamatan"] for row in rows], [high["kecamatan"], low["kecamatan"]])
		self.assertAlmostEqual(rows[0]["rata_rata_capaian"], 95)
		self.assertEqual(rows[1]["unit_diajukan"], 2)

		frappe.set_user(low["head_a"])
		try:
			_columns, rows, _message, _chart = execute({"kabupaten": kabupaten, "tahun": 2024})
		finally:
			frappe.set_user("Administrator")
		self.assertEqual([row["kecamatan"] for row in rows], [low["kecamatan"]])
