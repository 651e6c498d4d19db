# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase


class TestPengaturanKinerja(FrappeTestCase):
	def test_default_scale_is_permendagri_86_2017(self):
		settings = frappe.get_single("Pengaturan Kinerja")
		self.assertEqual(
			[(row.batas_bawah, row.predikat) for row in settings.skala_predikat],
			[(91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah"), (0, "Sangat Rendah")],
		)

	def test_duplicate_bound_is_refused(self):
		settings = frappe.get_single("Pengaturan Kinerja")
		settings.append("skala_predikat", {"batas_bawah": 91, "predikat": "Istimewa"})
		with self.assertRaisesRegex(frappe.ValidationError, "hanya boleh muncul sekali"):
			settings.save()
