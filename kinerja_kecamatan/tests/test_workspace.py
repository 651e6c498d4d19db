"""The workspace "Kinerja Kecamatan" as each SOP role sees it."""

import json

import frappe
from frappe.desk.desktop import get_desktop_page, get_workspace_sidebar_items
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import as_user
from kinerja_kecamatan.kinerja_kecamatan.report.capaian_kinerja_triwulan import capaian_kinerja_triwulan
from kinerja_kecamatan.reports.dashboard import (
	indikator_sangat_rendah,
	langkah_terlambat,
	rata_rata_capaian,
	siklus_berjalan,
)
from kinerja_kecamatan.tests.factories import make_officer, make_reported_kecamatan, make_user
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLES

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
					self.assertIn("Indikator Predikat Terendah (Triwulan Terakhir)", cards)
					self.assertEqual(len(page["charts"]["items"]), 2)
			finally:
				frappe.set_user("Administrator")

	def test_every_block_of_the_page_finds_its_widget(self):
		# the desk draws a block only when its name is the label of one of the page's widgets
		# (workspace/blocks/block.js); a card whose label differs from its name is silently left out
		page = frappe.get_doc("Workspace", WORKSPACE)
		labels = {
			"number_card": {c.label for c in page.number_cards},
			"chart": {c.label for c in page.charts},
			"shortcut": {s.label for s in page.shortcuts},
			"quick_list": {q.label for q in page.quick_lists},
			"card": {link.label for link in page.links if link.type == "Card Break"},
		}
		blocks = [b for b in json.loads(page.content) if b["type"] in labels]
		self.assertEqual(
			[
				b["data"][f"{b['type']}_name"]
				for b in blocks
				if b["data"][f"{b['type']}_name"] not in labels[b["type"]]
			],
			[],
		)
		self.assertIn("Tindak Lanjut Terlambat", [b["data"].get("number_card_name") for b in blocks])

	def test_number_cards_count_what_they_say(self):
		make_reported_kecamatan({(0, 0): "20", (1, 0): "100"})
		data = make_reported_kecamatan({(0, 0): "10", (1, 0): "5", (1, 1): "100"})
		camat = make_user(roles=(ROLE_CAMAT,))
		make_officer(data["kecamatan"], camat, "Camat")
		with as_user(camat):
			# the latest period of the Camat's own kecamatan: 10 %, 5 % and 100 % (a Negatif on target)
			_columns, rows, _message, _chart = capaian_kinerja_triwulan.execute({})
			self.assertEqual(indikator_sangat_rendah(), 2)
			self.assertEqual(rata_rata_capaian(), 38.33)
		self.assertEqual(sum(1 for row in rows if row.predikat == "Sangat Rendah"), 2)
		self.assertEqual(round(sum(row.capaian_tw for row in rows if row.ada_data) / 3, 2), 38.33)
		card = frappe.get_doc("Number Card", "Siklus Monitoring Berjalan")
		self.assertEqual(card.method, "kinerja_kecamatan.reports.dashboard.siklus_berjalan")
		with as_user(camat):  # the Camat's own cycle, not the other kecamatan's
			self.assertEqual(siklus_berjalan(), 1)
		self.assertGreaterEqual(siklus_berjalan(), 2)
		frappe.db.set_value(
			"Monitoring Kinerja Triwulan",
			frappe.db.get_value("Isian Data Kinerja", data["isian"][("I", 0)], "monitoring"),
			"batas_waktu_langkah",
			"2020-01-01 08:00:00",
		)
		self.assertGreaterEqual(langkah_terlambat(), 1)
