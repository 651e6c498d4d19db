# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.kinerja_kecamatan.doctype.unit_kerja.unit_kerja import singkatan_otomatis
from kinerja_kecamatan.tests.factories import make_kecamatan, make_officer, make_unit, make_user
from kinerja_kecamatan.workflow.sop import ROLE_KEPALA_UNIT


def seen_by(user, doctype):
	frappe.set_user(user)
	try:
		return set(frappe.get_list(doctype, pluck="name"))
	except frappe.PermissionError:  # no role left that reads it at all
		return set()
	finally:
		frappe.set_user("Administrator")


class TestUnitKerja(FrappeTestCase):
	def test_setting_a_head_confines_them_to_their_unit(self):
		kecamatan = make_kecamatan()
		user = make_user()
		unit = make_unit(kecamatan, kepala_unit=user)
		make_unit(kecamatan)  # another unit of the same kecamatan
		self.assertIn(ROLE_KEPALA_UNIT, frappe.get_roles(user))
		self.assertEqual(seen_by(user, "Unit Kerja"), {unit})
		self.assertEqual(seen_by(user, "Kecamatan"), {kecamatan})

	def test_changing_the_head_moves_the_access(self):
		kecamatan = make_kecamatan()
		old, new = make_user(), make_user()
		unit = frappe.get_doc("Unit Kerja", make_unit(kecamatan, kepala_unit=old))
		make_officer(kecamatan, new, "Kepala Seksi")
		unit.kepala_unit = new
		unit.save()
		self.assertEqual(seen_by(old, "Unit Kerja"), set())
		self.assertNotIn(ROLE_KEPALA_UNIT, frappe.get_roles(old))
		self.assertEqual(seen_by(new, "Unit Kerja"), {unit.name})

	def test_only_an_officer_of_the_kecamatan_can_head_a_unit(self):
		kecamatan, elsewhere = make_kecamatan(), make_kecamatan()
		stranger, officer_elsewhere = make_user(), make_user()
		make_officer(elsewhere, officer_elsewhere, "Kepala Seksi")
		unit = make_unit(kecamatan)
		for user in (stranger, officer_elsewhere):
			with self.subTest(user=user):
				doc = frappe.get_doc("Unit Kerja", unit)
				doc.kepala_unit = user
				with self.assertRaisesRegex(frappe.ValidationError, f"bukan Pejabat Kecamatan {kecamatan}"):
					doc.save()
				self.assertNotIn(ROLE_KEPALA_UNIT, frappe.get_roles(user))

	def test_a_singkatan_made_from_the_name(self):
		self.assertEqual(singkatan_otomatis("Seksi Pemberdayaan Masyarakat Desa"), "PMD")
		self.assertEqual(singkatan_otomatis("Subbag Perencanaan dan Keuangan"), "PK")
		self.assertEqual(singkatan_otomatis("Seksi Umum"), "Umum")
		self.assertEqual(singkatan_otomatis("Sekretariat"), "Sek.")

	def test_each_unit_of_a_kecamatan_has_its_own_singkatan(self):
		kecamatan = make_kecamatan()
		first = make_unit(kecamatan, "Seksi Kesejahteraan Sosial")
		second = make_unit(kecamatan, "Seksi Keamanan Sipil")
		self.assertEqual(
			[frappe.db.get_value("Unit Kerja", unit, "singkatan") for unit in (first, second)], ["KS", "KS2"]
		)
		for given, refusal in (("ks", "sudah dipakai"), ("Trantibum", "terlalu panjang")):
			with self.subTest(given=given):
				doc = frappe.get_doc("Unit Kerja", second)
				doc.singkatan = given
				with self.assertRaisesRegex(frappe.ValidationError, refusal):
					doc.save()
		doc = frappe.get_doc("Unit Kerja", second)
		doc.singkatan = "Kamsip"
		doc.save()
		self.assertEqual(frappe.db.get_value("Unit Kerja", second, "singkatan"), "Kamsip")
