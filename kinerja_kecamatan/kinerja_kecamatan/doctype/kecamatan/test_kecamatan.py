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

	def test_the_letterhead_names_a_kabupaten_or_a_kota(self):
		from kinerja_kecamatan.prints.jinja import kop_surat

		kabupaten = make_kecamatan("Paringin Uji", kabupaten="Balangan")
		kota = make_kecamatan("Banjarmasin Tengah Uji", kabupaten="Banjarmasin")
		frappe.db.set_value("Kecamatan", kota, "jenis_daerah", "Kota")
		frappe.clear_document_cache("Kecamatan", kota)
		self.assertEqual(kop_surat(kabupaten)["pemerintah"], "PEMERINTAH KABUPATEN BALANGAN")
		self.assertEqual(kop_surat(kota)["pemerintah"], "PEMERINTAH KOTA BANJARMASIN")
