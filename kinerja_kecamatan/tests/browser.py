"""Headless Chromium driving the served test site as people do: one browser per test class, a
fresh context per login, a screenshot in test-artifacts/ when a test fails.

The site is served by ./scripts/test.sh at host_name (nginx, gunicorn and realtime, as
production serves it); tests are skipped where /usr/bin/chromium is missing.
"""

import functools
import os
import shutil
import time
from pathlib import Path

import frappe
import pytest
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password

from kinerja_kecamatan.demo.quarter import run_quarter
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
)
from kinerja_kecamatan.workflow.sop import ARCHIVED

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "Uji#Browser2024"
ARTIFACTS = Path(os.environ.get("KINERJA_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
MONITORING = "Monitoring Kinerja Triwulan"
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}

needs_chromium = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="chromium is not installed")


def eventually(read, expected, seconds=15):
	"""What the served site committed, once it is `expected` (the browser works asynchronously)."""
	deadline = time.monotonic() + seconds
	while True:
		frappe.db.rollback()
		value = read()
		if value == expected or time.monotonic() > deadline:
			return value
		time.sleep(0.3)


def on_target(_row):
	return ("100", {})


def cycle_at(people, number, units=2):
	"""A new cycle taken by the server to step `number`, its heads able to log in with PASSWORD;
	returns (monitoring, heads)."""
	monitoring, heads = make_cycle(people, units=units)
	for user in heads.values():
		update_password(user, PASSWORD)
	run_quarter(people, heads, monitoring.name, on_target, until=number)
	return monitoring, heads


@functools.cache
def browser_people() -> dict:
	"""The four officers of the SOP's roles, able to log in with PASSWORD; made once per run."""
	people = make_cycle_people()
	for user in people.values():
		update_password(user, PASSWORD)
	frappe.db.commit()
	return people


@functools.cache
def archived_cycle():
	"""A cycle of browser_people() taken through all 12 steps, for tests that only read it (prints,
	print preview); made once per run. Returns (monitoring, heads)."""
	cycle = cycle_at(browser_people(), ARCHIVED)
	frappe.db.commit()
	return cycle


class BrowserTestCase(FrappeTestCase):
	"""A FrappeTestCase with `self.page`, logged in by `self.login(user)`."""

	viewport = DESKTOP

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from playwright.sync_api import sync_playwright

		cls.base = frappe.utils.get_url()
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
		self.new_context(self.viewport)

	def new_context(self, viewport):
		self.context = self.browser.new_context(viewport=viewport, locale="id-ID")
		self.page = self.context.new_page()

	def _callTestMethod(self, method):
		# the page as it was when the test failed, under unittest and pytest alike
		try:
			method()
		except BaseException:
			ARTIFACTS.mkdir(exist_ok=True)
			self.page.screenshot(path=str(ARTIFACTS / f"{self._testMethodName}.png"), full_page=True)
			raise

	def tearDown(self):
		self.context.close()

	def login(self, user, viewport=None):
		# a fresh context: a request still in flight could set the previous user's cookie again
		self.context.close()
		self.new_context(viewport or self.viewport)
		self.page.goto(f"{self.base}/login")
		self.page.fill("#login_email", user)
		self.page.fill("#login_password", PASSWORD)
		self.page.click(".btn-login")
		self.page.wait_for_url("**/app**")

	def open_form(self, doctype, name):
		self.page.goto(f"{self.base}/app/{frappe.scrub(doctype).replace('_', '-')}/{name}")
		self.page.wait_for_selector(f'.page-head:has-text("{name}"), .frappe-control', state="attached")

	def choose_workflow_action(self, monitoring, action):
		self.open_form(MONITORING, monitoring)
		self.click_workflow_action(action)

	def click_workflow_action(self, action):
		"""The action in the open form's workflow menu."""
		self.page.locator(".actions-btn-group > button").click()
		self.page.locator(".actions-btn-group .dropdown-menu").get_by_text(action, exact=True).click()

	def take_workflow_action(self, action, monitoring):
		self.open_form(MONITORING, monitoring)
		self.take_open_workflow_action(action)

	def take_open_workflow_action(self, action):
		"""The action taken on the open form, confirmed when Frappe asks."""
		self.click_workflow_action(action)
		confirm = self.page.locator(".modal.show .btn-primary")
		try:
			confirm.click(timeout=2000)
		except Exception:
			pass
		self.page.wait_for_timeout(1500)
