"""The app as an operator sees it after `install-app`, `migrate` and `uninstall-app`."""

import frappe
import pytest
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.tests.bench import run_bench
from kinerja_kecamatan.workflow.setup import WORKFLOW_NAME
from kinerja_kecamatan.workflow.sop import ROLES

APP = "kinerja_kecamatan"


def app_footprint() -> dict:
	"""What the app leaves in a site: its module, its roles and their settings, its DocTypes."""
	return {
		"installed": APP in frappe.get_installed_apps(),
		"module": frappe.db.get_value(
			"Module Def", "Kinerja Kecamatan", ["app_name", "modified"], as_dict=True
		),
		"roles": {
			role.name: frappe.db.get_value("Role", role.name, ["desk_access", "modified"], as_dict=True)
			for role in ROLES
		},
		"workflow": frappe.db.get_value("Workflow", WORKFLOW_NAME, "modified"),
		"doctypes": dict(
			frappe.get_all("DocType", {"module": "Kinerja Kecamatan"}, ["name", "modified"], as_list=True)
		),
	}


class TestInstall(FrappeTestCase):
	def test_app_and_module_are_installed(self):
		self.assertIn(APP, frappe.get_installed_apps())
		self.assertEqual(frappe.db.get_value("Module Def", "Kinerja Kecamatan", "app_name"), APP)

	def test_sop_roles_exist_with_desk_access(self):
		for role in ROLES:
			self.assertEqual(
				frappe.db.get_value("Role", role.name, "desk_access"),
				1,
				f"role {role.name} needs desk access",
			)

	def test_admin_change_to_a_role_survives_migrate(self):
		role = ROLES[-1].name
		frappe.db.set_value("Role", role, "two_factor_auth", 1)
		run_bench("migrate", "--skip-search-index")
		self.assertEqual(frappe.db.get_value("Role", role, "two_factor_auth"), 1)
		frappe.db.set_value("Role", role, "two_factor_auth", 0)
		frappe.db.commit()

	def test_second_migrate_changes_nothing(self):
		run_bench("migrate", "--skip-search-index")
		before = app_footprint()
		run_bench("migrate", "--skip-search-index")
		self.assertEqual(app_footprint(), before)


@pytest.mark.destructive
class TestUninstallRoundTrip(FrappeTestCase):
	def test_uninstall_leaves_site_clean_and_reinstall_restores(self):
		run_bench("uninstall-app", APP, "--yes", "--no-backup")
		gone = app_footprint()
		self.assertFalse(gone["installed"])
		self.assertIsNone(gone["module"])
		self.assertEqual(gone["doctypes"], {})
		self.assertIsNone(gone["workflow"])
		self.assertEqual([r for r, v in gone["roles"].items() if v], [], "roles left behind")

		run_bench("install-app", APP)
		back = app_footprint()
		self.assertTrue(back["installed"])
		self.assertTrue(all(v and v.desk_access for v in back["roles"].values()))
		self.assertIsNotNone(back["workflow"])
