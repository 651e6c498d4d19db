# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.tests.factories import make_kecamatan


class TestKecamatan(FrappeTestCase):
	def test_named_after_the_kecamatan(self):
		name = make_kecamatan("Batumandi Uji")
		self.assertEqual(frappe.db.get_value("Kecamatan", name, "kabupaten"), "Balangan")

	def test_same_name_twice_is_refused(self):
		make_kecamatan("Kembar Uji")
		with self.assertRaises(frappe.DuplicateEntryError):
			frappe.get_doc(
				{"doctype": "Kecamatan", "nama_kecamatan": "Kembar Uji", "kabupaten": "X", "alamat": "Y"}
			).insert()
