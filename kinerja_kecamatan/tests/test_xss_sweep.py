"""Stored script never runs: every text field of a kecamatan's records holds a payload, and the
Administrator opens every list, form, report, print and the verification page in Chromium.

The payloads are put straight into the database, past every validation, so this tests what each
page does with stored text (escaping), not only what the forms let in. Each payload, if it ran or
survived as markup, would set `window.__xss` or leave an element carrying `__xss`.
"""

import os
import shutil
from pathlib import Path

import frappe
import pytest
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import run_quarter
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
)

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("KINERJA_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
# every vector in one value, so each field is tried with each: breaking out of a quoted
# attribute, markup with an event handler, a javascript: link (within a Data column's 140)
PAYLOAD = (
	"x' onmouseover='window.__xss=1' \" onfocus=\"window.__xss=1\" "
	"<img src=x onerror=\"window.__xss=1\"><a href=\"javascript:window.__xss=1\">t</a>"
)
TEXT_TYPES = ("Data", "Small Text", "Text", "Long Text")
PRINT_FORMATS = {
	"Monitoring Kinerja Triwulan": "Disposisi Monitoring",
	"Jadwal Monitoring": "Jadwal Monitoring",
	"Isian Data Kinerja": "Format Isian Data Kinerja",
	"Blanko Monitoring Kinerja": "Blanko Monitoring Kinerja",
	"Laporan Hasil Monitoring": "Laporan Hasil Monitoring",
}
FOUND = """() => ({
	ran: window.__xss || 0,
	planted: [...document.querySelectorAll("*")].filter((el) =>
		[...el.attributes].some((a) => a.value.includes("__xss") && (a.name.startsWith("on") || a.name === "href"))
		|| (el.tagName === "SCRIPT" && el.textContent.includes("__xss"))
	).map((el) => el.outerHTML.slice(0, 160)),
})"""

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="chromium is not installed")


def slug(doctype: str) -> str:
	return frappe.scrub(doctype).replace("_", "-")


def holds_payload(df) -> bool:
	# a column narrower than the payloads (an NIP) cannot hold one
	width = df.length or (140 if df.fieldtype == "Data" else 0)
	return df.fieldtype in TEXT_TYPES and not (width and width < len(PAYLOAD) + 4)


def plant(doctype: str, name: str, count: list) -> None:
	"""Every text field of the record and of its child rows gets a payload, stored as Frappe's
	save path would store it (its XSS filter applied), but past the app's own validation."""
	doc = frappe.get_doc(doctype, name)
	rows = [doc] + doc.get_all_children()
	for row in rows:
		for df in row.meta.fields:
			if holds_payload(df):
				row.set(df.fieldname, f"{PAYLOAD} {len(count) % 1000}")  # unique fields stay unique
				count.append(df.fieldname)
		# as it was written: while the record was a draft (Frappe skips a submitted record's
		# fixed fields, which no save can change)
		row.docstatus = 0
		row._sanitize_content()
		values = {df.fieldname: row.get(df.fieldname) for df in row.meta.fields if holds_payload(df)}
		if values:
			frappe.db.set_value(row.doctype, row.name, values, update_modified=False)


class TestXssSweep(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from playwright.sync_api import sync_playwright

		people = make_cycle_people()
		archived, heads = make_cycle(people, units=2)
		run_quarter(people, heads, archived.name, lambda row: ("100", None))
		draft, draft_heads = make_cycle(people, units=1)
		run_quarter(people, draft_heads, draft.name, lambda row: ("100", None), until=10)
		cls.kecamatan = archived.kecamatan
		cls.records = {}
		for cycle in (archived.name, draft.name):
			kecamatan = frappe.db.get_value("Monitoring Kinerja Triwulan", cycle, "kecamatan")
			for doctype, filters in (
				("Kecamatan", {"name": kecamatan}),
				("Unit Kerja", {"kecamatan": kecamatan}),
				("Pejabat", {"kecamatan": kecamatan}),
				("Indikator Kinerja", {"kecamatan": kecamatan}),
				("Perjanjian Kinerja", {"kecamatan": kecamatan}),
				("Monitoring Kinerja Triwulan", {"name": cycle}),
				("Jadwal Monitoring", {"monitoring": cycle}),
				("Isian Data Kinerja", {"monitoring": cycle}),
				("Blanko Monitoring Kinerja", {"monitoring": cycle}),
				("Laporan Hasil Monitoring", {"monitoring": cycle}),
			):
				cls.records.setdefault(doctype, []).extend(frappe.get_all(doctype, filters, pluck="name"))
		cls.planted = []
		for doctype, names in cls.records.items():
			for name in names:
				plant(doctype, name, cls.planted)
		cls.laporan = laporan_of(archived.name)
		frappe.db.commit()
		cls.base = frappe.utils.get_url()
		cls.playwright = sync_playwright().start()
		cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
		cls.context = cls.browser.new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID")
		cls.page = cls.context.new_page()
		cls.page.goto(f"{cls.base}/login")
		cls.page.fill("#login_email", "Administrator")
		cls.page.fill("#login_password", frappe.conf.get("admin_password") or "admin")
		cls.page.click(".btn-login")
		cls.page.wait_for_url("**/app**")

	@classmethod
	def tearDownClass(cls):
		cls.browser.close()
		cls.playwright.stop()
		super().tearDownClass()

	def pages(self) -> list[str]:
		paths = ["/app/kinerja-kecamatan"]
		for doctype, names in self.records.items():
			paths.append(f"/app/{slug(doctype)}?kecamatan={self.kecamatan}" if doctype != "Kecamatan" else f"/app/{slug(doctype)}")
			paths += [f"/app/{slug(doctype)}/{name}" for name in names]
			if doctype in PRINT_FORMATS:
				paths += [f"/printview?doctype={doctype}&name={name}&format={PRINT_FORMATS[doctype]}" for name in names]
		for report in frappe.get_all("Report", {"module": "Kinerja Kecamatan"}, pluck="name"):
			paths.append(f"/app/query-report/{report}?kecamatan={self.kecamatan}&tahun=2024&triwulan=I")
		code = frappe.db.get_value("Laporan Hasil Monitoring", self.laporan, "hash_tanda_tangan")
		paths.append(f"/verifikasi?laporan={self.laporan}&kode={code}")
		return paths

	def test_no_payload_runs_or_survives_as_markup(self):
		self.assertGreater(len(self.planted), 100)
		findings = {}
		for path in self.pages():
			self.page.goto(self.base + path)
			self.page.wait_for_load_state("networkidle")
			self.page.wait_for_timeout(300)
			found = self.page.evaluate(FOUND)
			if found["ran"] or found["planted"]:
				findings[path] = found
				ARTIFACTS.mkdir(exist_ok=True)
				self.page.screenshot(path=str(ARTIFACTS / f"xss-{len(findings)}.png"), full_page=True)
		if findings:
			ARTIFACTS.mkdir(exist_ok=True)
			(ARTIFACTS / "xss-findings.json").write_text(frappe.as_json(findings))
		self.assertEqual(list(findings), [])
