"""Real browser: people of each role log in to the desk and do their step (headless Chromium).

Needs the site served (./scripts/test.sh serves it at host_name) and /usr/bin/chromium; the
test is skipped otherwise. A failing test leaves a screenshot in test-artifacts/.
"""

import os
import shutil
from pathlib import Path

import frappe
import pytest
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password

from kinerja_kecamatan.demo.quarter import give_disposition, run_quarter
from kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.test_monitoring_kinerja_triwulan import (
	make_cycle,
	make_cycle_people,
)
from kinerja_kecamatan.laporan import laporan_of
from kinerja_kecamatan.workflow.sop import ARCHIVED, ROLE_CAMAT, ROLE_KASUBBAG_PK, step

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "Uji#Browser2024"
ARTIFACTS = Path(os.environ.get("KINERJA_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="chromium is not installed")


class TestDeskInBrowser(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from playwright.sync_api import sync_playwright

		cls.base = frappe.utils.get_url()
		cls.people = make_cycle_people()
		for user in cls.people.values():
			update_password(user, PASSWORD)
		cls.monitoring, cls.heads = make_cycle(cls.people)
		give_disposition(cls.people, cls.monitoring.name)
		cls.archived, heads = make_cycle(cls.people)
		run_quarter(cls.people, heads, cls.archived.name, lambda row: ("100", {}), until=ARCHIVED)
		frappe.db.commit()  # the browser talks to the served site, on its own connections
		cls.playwright = sync_playwright().start()
		cls.browser = cls.playwright.chromium.launch(
			executable_path=CHROMIUM,
			args=[
				"--no-sandbox",
				"--disable-gpu",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
				"--no-first-run",
			],
		)

	@classmethod
	def tearDownClass(cls):
		cls.browser.close()
		cls.playwright.stop()
		super().tearDownClass()

	def setUp(self):
		self.context = self.browser.new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID")
		self.page = self.context.new_page()

	def tearDown(self):
		outcome = getattr(self, "_outcome", None)
		failed = outcome and any(
			error
			for _test, error in getattr(outcome.result, "errors", [])
			+ getattr(outcome.result, "failures", [])
		)
		if failed:
			ARTIFACTS.mkdir(exist_ok=True)
			self.page.screenshot(path=str(ARTIFACTS / f"{self._testMethodName}.png"), full_page=True)
		self.context.close()

	def login(self, role):
		self.page.goto(f"{self.base}/login")
		self.page.fill("#login_email", self.people[role])
		self.page.fill("#login_password", PASSWORD)
		self.page.click(".btn-login")
		self.page.wait_for_url("**/app**")

	def take_workflow_action(self, action):
		self.page.goto(f"{self.base}/app/monitoring-kinerja-triwulan/{self.monitoring.name}")
		self.page.locator(".actions-btn-group > button").click()
		self.page.locator(".actions-btn-group .dropdown-menu").get_by_text(action, exact=True).click()
		# Frappe asks for confirmation of some actions; answer yes when it does
		confirm = self.page.locator(".modal.show .btn-primary")
		try:
			confirm.click(timeout=2000)
		except Exception:
			pass
		self.page.wait_for_timeout(1500)

	def test_camat_then_kasubbag_take_their_steps_with_the_workflow_buttons(self):
		self.login(ROLE_CAMAT)
		self.take_workflow_action(step(1).action)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(self.monitoring.doctype, self.monitoring.name, "langkah"), 2)
		self.context.clear_cookies()
		self.login(ROLE_KASUBBAG_PK)
		self.take_workflow_action(step(2).action)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(self.monitoring.doctype, self.monitoring.name, "langkah"), 3)

	def test_print_preview_of_the_signed_report(self):
		self.login(ROLE_CAMAT)
		name = laporan_of(self.archived.name)
		self.page.goto(
			f"{self.base}/printview?doctype=Laporan%20Hasil%20Monitoring&name={name}&format=Laporan%20Hasil%20Monitoring"
		)
		body = self.page.locator("body").inner_text()
		self.assertIn("LAPORAN HASIL MONITORING", body)
		self.assertIn(frappe.db.get_value("Laporan Hasil Monitoring", name, "nip_penandatangan"), body)
