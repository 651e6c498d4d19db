"""The desk as production serves it (nginx, gunicorn with several workers, realtime), in Chromium:
the "PDF" button of every print returns a PDF while other people keep working, realtime is
connected, a queued step 3 shows its progress bar moving to the end and the form its units
without a reload, and a form changed by someone else says so.

./scripts/test.sh serves the test site this way (scripts/lib/serve.sh).
"""

import threading
import time

import frappe
import requests
from playwright.sync_api import expect

from kinerja_kecamatan import jobs
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.tests.bench import start_bench
from kinerja_kecamatan.tests.browser import (
	MONITORING,
	PASSWORD,
	BrowserTestCase,
	archived_cycle,
	browser_people,
	cycle_at,
	needs_chromium,
)
from kinerja_kecamatan.tests.prints import layout_text, squeezed
from kinerja_kecamatan.tests.rest import http
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLE_PELAKSANA, step

pytestmark = needs_chromium

ISIAN = "Isian Data Kinerja"
PDF_URL = "**/api/method/frappe.utils.print_format.download_pdf*"
# records the widths the progress bar of Frappe's progress dialog takes, and survives only as
# long as the page is not reloaded
WATCH_PROGRESS = """
window.kinerja_not_reloaded = true;
window.kinerja_widths = [];
new MutationObserver(() => {
	for (const bar of document.querySelectorAll(".progress-bar")) {
		const width = bar.style.width;
		if (width && window.kinerja_widths.at(-1) !== width) window.kinerja_widths.push(width);
	}
}).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["style"] });
"""


class OtherUserAtWork(threading.Thread):
	"""A unit head using the site over HTTP the whole time, each request's span and status kept."""

	def __init__(self, base, user):
		super().__init__(daemon=True)
		self.session = requests.Session()
		response = self.session.post(f"{base}/api/method/login", data={"usr": user, "pwd": PASSWORD})
		response.raise_for_status()
		self.base, self.requests, self.done = base, [], threading.Event()

	def run(self):
		while not self.done.is_set():
			started = time.monotonic()
			response = self.session.get(
				f"{self.base}/api/resource/{ISIAN}", params={"fields": '["name","docstatus"]'}, timeout=60
			)
			self.requests.append((started, time.monotonic(), response.status_code))

	def stop(self):
		self.done.set()
		self.join(timeout=90)


class TestServedDesk(BrowserTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = browser_people()
		cls.archived, _heads = archived_cycle()
		cls.collecting, cls.collecting_heads = cycle_at(cls.people, 4)
		# above the short queue's size, step 3 runs in a background job
		cls.big, _heads = cycle_at(cls.people, 3, units=jobs.SHORT_QUEUE_UNITS + 1)
		frappe.db.commit()  # the browser talks to the served site, on its own connections

	def prints(self):
		"""(doctype, name, print format, a heading the PDF must show) of every print of the app."""
		archived = self.archived.name
		return [
			(
				"Laporan Hasil Monitoring",
				laporan_of(archived),
				"Laporan Hasil Monitoring",
				"LAPORAN HASIL MONITORING DAN EVALUASI INTERNAL CAPAIAN KINERJA",
			),
			(
				"Jadwal Monitoring",
				frappe.db.get_value("Jadwal Monitoring", {"monitoring": archived}),
				"Jadwal Monitoring",
				"JADWAL MONITORING EVALUASI KINERJA SEKSI DAN SUBBAGIAN",
			),
			(
				"Blanko Monitoring Kinerja",
				frappe.db.get_value("Blanko Monitoring Kinerja", {"monitoring": archived}),
				"Blanko Monitoring Kinerja",
				"BLANKO MONITORING EVALUASI KINERJA",
			),
			(MONITORING, archived, "Disposisi Monitoring", "LEMBAR DISPOSISI"),
			(
				ISIAN,
				frappe.db.get_value(ISIAN, {"monitoring": archived}),
				"Format Isian Data Kinerja",
				"FORMAT ISIAN DATA KINERJA",
			),
			(
				"SOP Kinerja",
				frappe.db.get_value(MONITORING, archived, "revisi_sop")
				and frappe.db.get_value(
					"Revisi SOP Kinerja", frappe.db.get_value(MONITORING, archived, "revisi_sop"), "sop"
				),
				"SOP-AP",
				"STANDAR OPERASIONAL PROSEDUR",
			),
		]

	def press_pdf(self, doctype, name, print_format):
		"""The print view's "PDF" button, as a user presses it; returns the response it opened,
		when it was pressed and when it was answered."""
		captured = {}

		def keep(route):
			response = route.fetch(timeout=120_000)
			captured.update(
				status=response.status, type=response.headers["content-type"], body=response.body()
			)
			route.fulfill(response=response)

		self.context.route(PDF_URL, keep)
		self.page.goto(f"{self.base}/app/print/{doctype}/{name}")
		# the print view opens on the app's own format, no choosing needed
		selector = self.page.locator('.print-preview-sidebar [data-fieldname="print_format"] input')
		expect(selector).to_have_value(print_format, timeout=30_000)
		pressed = time.monotonic()
		self.page.get_by_role("button", name="PDF", exact=True).click()
		for _ in range(1200):  # bounded: two minutes
			if captured:
				break
			self.page.wait_for_timeout(100)
		self.context.unroute(PDF_URL)
		return captured, pressed, time.monotonic()

	def test_pdf_of_every_print_while_other_people_keep_working(self):
		self.login(self.people[ROLE_CAMAT])
		head = next(iter(self.collecting_heads.values()))
		for doctype, name, print_format, heading in self.prints():
			with self.subTest(print_format=print_format):
				other = OtherUserAtWork(self.base, head)
				other.start()
				try:
					response, pressed, received = self.press_pdf(doctype, name, print_format)
				finally:
					other.stop()
				self.assertEqual(response.get("status"), 200, print_format)
				self.assertEqual(response["type"], "application/pdf")
				self.assertIn(heading, squeezed(layout_text(response["body"])))
				# the head was answered, every time, while the PDF was being made
				self.assertEqual({status for _s, _e, status in other.requests}, {200})
				during = [r for r in other.requests if pressed < r[0] and r[1] < received]
				self.assertGreater(len(during), 0, f"no other request was served during {print_format}")

	def test_realtime_is_connected(self):
		self.login(self.people[ROLE_CAMAT])
		self.page.wait_for_function("() => frappe.realtime.socket && frappe.realtime.socket.connected")
		self.assertTrue(self.page.evaluate("frappe.realtime.socket.connected"))

	def test_capaian_reads_indonesian_whatever_the_sites_number_format(self):
		self.login(self.people[ROLE_CAMAT])
		self.page.wait_for_function("() => frappe.form.formatters.Percent")
		# an intranet whose site writes numbers the English way
		self.page.evaluate("frappe.boot.sysdefaults.number_format = '#,###.##'")
		shown = self.page.evaluate(
			"frappe.form.formatters.Percent(1234.567, {parent: 'Isian Data Kinerja Indikator', precision: 2})"
		)
		self.assertIn("1.234,57%", shown)
		# another app's percent keeps Frappe's own formatter
		other = self.page.evaluate("frappe.form.formatters.Percent(1234.567, {parent: 'ToDo', precision: 2})")
		self.assertIn(">1234.57%<", other)

	def test_queued_step_3_shows_its_progress_and_then_its_units_without_a_reload(self):
		units = jobs.SHORT_QUEUE_UNITS + 1
		self.login(self.people[ROLE_PELAKSANA])
		self.open_form(MONITORING, self.big.name)
		self.page.wait_for_function("() => frappe.realtime.socket && frappe.realtime.socket.connected")
		self.page.evaluate(WATCH_PROGRESS)
		self.take_open_workflow_action(step(3).action)
		# the step moved at once; the Isian come from the long queue, run here by a real worker
		# (or by a worker the demo runs on this bench, whichever takes the job first)
		worker = start_bench("worker", "--queue", "long", "--burst")
		try:
			self.page.wait_for_function("() => window.kinerja_widths.includes('100%')", timeout=120_000)
		finally:
			self.assertEqual(worker.wait(timeout=300), 0)
		widths = self.page.evaluate("window.kinerja_widths")
		moving = [w for w in widths if w not in ("0%", "100%")]
		self.assertGreater(len(moving), 0, widths)
		self.assertEqual(widths[-1], "100%")
		expect(self.page.locator(".form-message").first).to_contain_text(
			f"0 dari {units} unit sudah mengajukan Isian Data Kinerja", timeout=30_000
		)
		self.assertTrue(self.page.evaluate("window.kinerja_not_reloaded === true"))
		frappe.db.rollback()  # a new snapshot, to see what the worker committed
		self.assertEqual(frappe.db.count(ISIAN, {"monitoring": self.big.name}), units)

	def test_a_form_changed_by_someone_else_says_so(self):
		unit, head = sorted(self.collecting_heads.items())[0]
		name = frappe.db.get_value(ISIAN, {"monitoring": self.collecting.name, "unit_kerja": unit})
		self.login(head)
		self.open_form(ISIAN, name)
		self.page.wait_for_function("() => frappe.realtime.socket && frappe.realtime.socket.connected")
		# the head starts typing, so the form has unsaved changes
		row = self.page.locator('[data-fieldname="indikator"] .grid-body .grid-row[data-idx="1"]')
		row.locator('.grid-static-col[data-fieldname="realisasi_tw"]').click()
		row.locator('input[data-fieldname="realisasi_tw"]').fill("90")
		# meanwhile someone else saves the same Isian, through the served site
		rows = frappe.get_doc(ISIAN, name).as_dict()["indikator"]
		rows[0]["keterangan"] = "Diperiksa tim"
		status, _body = http("PUT", f"/api/resource/{ISIAN}/{name}", "Administrator", {"indikator": rows})
		self.assertEqual(status, 200)
		notice = self.page.locator(".form-message").first
		expect(notice).to_contain_text("Formulir ini telah diubah orang lain setelah Anda membukanya")
		expect(notice.get_by_role("button", name="Segarkan")).to_be_visible()
