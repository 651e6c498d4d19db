"""The workspace "Kinerja Kecamatan" as each SOP role sees it."""

import json

import frappe
from frappe.desk.desktop import get_desktop_page, get_workspace_sidebar_items
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.dashboard import indikator_sangat_rendah, langkah_terlambat
from kinerja_kecamatan.tests.factories import make_reported_kecamatan, make_user
from kinerja_kecamatan.workflow.sop import ROLES

WORKSPACE = "Kinerja Kecamatan"


class TestWorkspace(FrappeTestCase):
	def test_workspace_loads_for_each_role(self):
		for role in ROLES:
			user = make_user(roles=(role.name,))
			frappe.set_user(user)
			try:
				with self.subTest(role=role.name):
					pages = [page["name"] for page in get_workspace_sidebar_items()["pages"]]
					self.assertIn(WORKSPACE, pages)
					page = get_desktop_page(json.dumps({"name": WORKSPACE, "title": WORKSPACE, "public": 1}))
					shortcuts = {item.get("label") for item in page["shortcuts"]["items"]}
					self.assertIn("Isian Data Kinerja", shortcuts)
					cards = {item.get("label") for item in page["number_cards"]["items"]}
					self.assertIn("Indikator Sangat Rendah", cards)
					self.assertEqual(len(page["charts"]["items"]), 2)
			finally:
				frappe.set_user("Administrator")

	def test_number_cards_count_what_they_say(self):
		data = make_reported_kecamatan({(0, 0): "20", (1, 0): "100"})
		before = indikator_sangat_rendah()
		make_reported_kecamatan({(0, 0): "10", (1, 0): "5", (1, 1): "100"})
		self.assertEqual(indikator_sangat_rendah(), before + 2)
		card = frappe.get_doc("Number Card", "Siklus Monitoring Berjalan")
		self.assertGreaterEqual(get_result(card, "[]"), 1)
		frappe.db.set_value(
			"Monitoring Kinerja Triwulan",
			frappe.db.get_value("Isian Data Kinerja", data["isian"][("I", 0)], "monitoring"),
			"batas_waktu_langkah",
			"2020-01-01 08:00:00",
		)
		self.assertGreaterEqual(langkah_terlambat(), 1)
