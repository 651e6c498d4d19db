# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.tests.factories import make_kecamatan, make_unit, make_user
from kinerja_kecamatan.workflow.sop import ROLE_KEPALA_UNIT


def allowed(user, doctype):
	return set(frappe.get_all("User Permission", {"user": user, "allow": doctype}, pluck="for_value"))


class TestUnitKerja(FrappeTestCase):
	def test_setting_a_head_confines_them_to_their_unit(self):
		kecamatan = make_kecamatan()
		user = make_user()
		unit = make_unit(kecamatan, kepala_unit=user)
		self.assertIn(ROLE_KEPALA_UNIT, frappe.get_roles(user))
		self.assertEqual(allowed(user, "Unit Kerja"), {unit})
		self.assertEqual(allowed(user, "Kecamatan"), {kecamatan})

	def test_changing_the_head_moves_the_permission(self):
		kecamatan = make_kecamatan()
		old, new = make_user(), make_user()
		unit = frappe.get_doc("Unit Kerja", make_unit(kecamatan, kepala_unit=old))
		unit.kepala_unit = new
		unit.save()
		self.assertEqual(allowed(old, "Unit Kerja"), set())
		self.assertEqual(allowed(old, "Kecamatan"), set())
		self.assertEqual(allowed(new, "Unit Kerja"), {unit.name})
