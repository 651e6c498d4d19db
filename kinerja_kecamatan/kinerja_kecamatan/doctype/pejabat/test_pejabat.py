# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.tests.factories import make_kecamatan


def new_pejabat(nip):
	return frappe.get_doc(
		{
			"doctype": "Pejabat",
			"nama": "Siti",
			"nip": nip,
			"jabatan": "Sekretaris",
			"kecamatan": make_kecamatan(),
		}
	)


class TestPejabat(FrappeTestCase):
	def test_nip_with_spaces_is_stored_as_18_digits(self):
		pejabat = new_pejabat("19890413 198804 1 001").insert()
		self.assertEqual(pejabat.name, "198904131988041001")

	def test_bad_nips_are_refused_with_the_reason(self):
		cases = {
			"19890413198804100": "18 digit",  # 17 digits
			"1989041319880410AB": "18 digit",
			"198913401988041001": "tanggal lahir",
			"198904131988131001": "pengangkatan",
			"198904131988043001": "jenis kelamin",
		}
		for nip, reason in cases.items():
			with self.subTest(nip=nip):
				with self.assertRaisesRegex(frappe.ValidationError, reason):
					new_pejabat(nip).insert()
				self.assertFalse(frappe.db.exists("Pejabat", nip))

	def test_nip_prints_spaced_as_on_the_sop(self):
		from kinerja_kecamatan.engine.nip import nip_spaced

		self.assertEqual(nip_spaced("198904131988041001"), "19890413 198804 1 001")
		self.assertEqual(nip_spaced("19890413 198804 1 001"), "19890413 198804 1 001")
		self.assertEqual(nip_spaced("-"), "-")
		self.assertEqual(nip_spaced(None), "")
