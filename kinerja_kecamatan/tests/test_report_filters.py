"""The five query reports in Chromium: a Camat opens each and sees its own filters, labelled, with
their defaults (public/js/report_filters.js), and the report's rows.

The Camat is a new officer of the archived cycle's kecamatan only (TW I 2024), so the latest
period with data (boot.py) is that one and its kecamatan is the default.
"""

from datetime import date

import frappe
from frappe.utils.password import update_password
from playwright.sync_api import expect

from kinerja_kecamatan.tests.browser import PASSWORD, BrowserTestCase, archived_cycle, needs_chromium
from kinerja_kecamatan.tests.factories import make_officer, make_user
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT

pytestmark = needs_chromium

TRIWULAN = "\nI\nII\nIII\nIV"
# the settings' scale as installed (Permendagri 86/2017), highest first
PREDIKAT = "\nSangat Tinggi\nTinggi\nSedang\nRendah\nSangat Rendah"


def filters_of(kecamatan: str) -> dict:
	"""Report → its filters as shown to the Camat: (fieldname, label, value on opening)."""
	return {
		"Capaian Kinerja Triwulan": [
			("kecamatan", "Kecamatan", kecamatan),
			("tahun", "Tahun", 2024),
			("triwulan", "Triwulan", "I"),
			("unit_kerja", "Unit Kerja", ""),
			("predikat", "Predikat", ""),
		],
		"Kepatuhan Mutu Baku SOP": [
			("kecamatan", "Kecamatan", kecamatan),
			("tahun", "Tahun", 2024),
			("triwulan", "Triwulan", ""),  # every triwulan of the year
		],
		"Perbandingan Antar Kecamatan": [
			("kabupaten", "Kabupaten", ""),
			("tahun", "Tahun", 2024),
			("triwulan", "Triwulan", "I"),
		],
		"Rekapitulasi Capaian per Unit Kerja": [
			("kecamatan", "Kecamatan", kecamatan),
			("tahun", "Tahun", 2024),
			("triwulan", "Triwulan", "I"),
			("unit_kerja", "Unit Kerja", ""),
		],
		"Tren Capaian": [
			("kecamatan", "Kecamatan", kecamatan),
			("unit_kerja", "Unit Kerja", ""),
			("tahun_dari", "Dari Tahun", date.today().year - 2),
			("tahun_sampai", "Sampai Tahun", 2024),
		],
	}


SHOWN = """() => frappe.query_report.filters.map((f) => ({
	fieldname: f.df.fieldname,
	label: f.$input.attr("placeholder"),
	value: f.get_value() ?? "",
	options: f.df.options || "",
	visible: $(f.wrapper).is(":visible"),
}))"""


class TestReportFilters(BrowserTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		monitoring, _heads = archived_cycle()
		cls.kecamatan = monitoring.kecamatan
		cls.camat = make_user(roles=(ROLE_CAMAT,))
		make_officer(cls.kecamatan, cls.camat, ROLE_CAMAT)
		update_password(cls.camat, PASSWORD)
		frappe.db.commit()

	def test_each_report_shows_its_filters_and_rows(self):
		self.login(self.camat)
		for report, filters in filters_of(self.kecamatan).items():
			self.page.goto(f"{self.base}/app/query-report/{report}")
			last = self.page.locator(f'.page-form .frappe-control[data-fieldname="{filters[-1][0]}"]')
			expect(last).to_be_visible(timeout=30_000)
			shown = self.page.evaluate(SHOWN)
			self.assertEqual([(f["fieldname"], f["label"], f["value"]) for f in shown], filters, report)
			self.assertTrue(all(f["visible"] for f in shown), report)
			options = {f["fieldname"]: f["options"] for f in shown}
			if "triwulan" in options:
				self.assertEqual(options["triwulan"], TRIWULAN, report)
			if "predikat" in options:
				self.assertEqual(options["predikat"], PREDIKAT)
			if report == "Tren Capaian" and date.today().year - 2 > 2024:
				# the default range starts after the archived cycle's year
				self.page.locator('.page-form input[data-fieldname="tahun_dari"]').fill("2024")
				self.page.keyboard.press("Tab")
			rows = self.page.locator(".report-wrapper .dt-scrollable .dt-row")
			expect(rows.first, report).to_be_visible(timeout=30_000)
