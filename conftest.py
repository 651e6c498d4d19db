"""pytest glue: connect to the site named by KINERJA_TEST_SITE, as `bench run-tests` would.

Without it, only the unit tests (pure logic, no site) run; FrappeTestCase tests are skipped.
"""

import os
import unittest

import pytest

SITE = os.environ.get("KINERJA_TEST_SITE")


def pytest_configure(config):
	if not SITE:
		return
	import frappe
	import frappe.utils.scheduler

	sites_path = os.path.abspath(os.environ.get("SITES_PATH", "."))
	# Frappe writes its logs to ../logs relative to the working directory, as bench runs it
	os.chdir(sites_path)
	frappe.init(site=SITE, sites_path=sites_path)
	frappe.connect()
	frappe.flags.in_test = True
	frappe.clear_cache()
	frappe.set_user("Administrator")
	frappe.utils.scheduler.disable_scheduler()
	for fn in frappe.get_hooks("before_tests", app_name="kinerja_kecamatan"):
		frappe.get_attr(fn)()
	frappe.db.commit()


def pytest_unconfigure(config):
	if not SITE:
		return
	import frappe

	if frappe.db:
		frappe.db.commit()
	frappe.destroy()


def pytest_collection_modifyitems(config, items):
	# tests that uninstall the app or reset the site run after all the others
	items.sort(key=lambda item: item.get_closest_marker("destructive") is not None)
	if SITE:
		return
	skip = pytest.mark.skip(reason="needs a site: run ./scripts/test.sh (sets KINERJA_TEST_SITE)")
	for item in items:
		cls = getattr(item, "cls", None)
		if (
			cls
			and issubclass(cls, unittest.TestCase)
			and "FrappeTestCase" in {c.__name__ for c in cls.__mro__}
		):
			item.add_marker(skip)
