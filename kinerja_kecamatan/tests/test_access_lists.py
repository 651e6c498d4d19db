"""The confined DocTypes are one list (access.SCOPE_FIELDS and its CONFINED_CHILDREN), and the
hooks guard exactly those: a DocType added to the app and forgotten here is an open door."""

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.access.scope import CONFINED_CHILDREN, SCOPE_FIELDS


class TestConfinedLists(FrappeTestCase):
	def test_every_child_table_of_a_confined_doctype_is_confined(self):
		tables = {
			df.options for parent in SCOPE_FIELDS for df in frappe.get_meta(parent).get_table_fields()
		}
		self.assertEqual(tables, set(CONFINED_CHILDREN))

	def test_every_record_of_the_app_is_confined_or_shared_on_purpose(self):
		app = set(frappe.get_all("DocType", {"module": "Kinerja Kecamatan"}, pluck="name"))
		# what every kecamatan shares: the kabupaten's settings and their tables, and the SOP
		# revisions (immutable snapshots, read by whoever reads a cycle run under one)
		shared = {
			"Pengaturan Kinerja",
			"Skala Predikat Kinerja",
			"Jam Kerja Kinerja",
			"Hari Libur Kinerja",
			"Revisi SOP Kinerja",
		}
		self.assertEqual(app - shared, set(SCOPE_FIELDS) | set(CONFINED_CHILDREN))

	def test_the_hooks_guard_exactly_the_confined_doctypes(self):
		conditions = frappe.get_hooks("permission_query_conditions")
		permission = frappe.get_hooks("has_permission")
		for doctype in (*SCOPE_FIELDS, *CONFINED_CHILDREN):
			self.assertEqual(conditions[doctype], ["kinerja_kecamatan.access.query_conditions"], doctype)
		for doctype in SCOPE_FIELDS:
			self.assertEqual(permission[doctype], ["kinerja_kecamatan.access.has_permission"], doctype)
		self.assertNotIn("SCOPE_FIELDS", frappe.get_hooks())
