"""Site preparation used by the README's commands (not by the app at run time)."""

import frappe
from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

SYSTEM_MANAGER = "pengelola.sistem@kinerja.local"


def complete_setup_wizard():
	"""Finish the setup wizard as an Indonesian office would: Bahasa Indonesia, WITA, Rupiah."""
	if frappe.db.get_single_value("System Settings", "setup_complete"):
		ensure_system_manager()
		return
	frappe.set_user("Administrator")
	setup_complete(
		{
			"language": "Indonesia",
			"country": "Indonesia",
			"timezone": "Asia/Makassar",
			"currency": "IDR",
			"full_name": "Administrator",
			"email": "",
		}
	)
	frappe.db.commit()
	ensure_system_manager()


def ensure_system_manager() -> None:
	"""A System Manager of its own besides Administrator, as every real intranet has. Without
	one, Frappe makes the first desk user created a System Manager (and keeps them one): on a
	fresh demo site that was the Camat, who then saw and could change everything."""
	if not frappe.db.exists("User", SYSTEM_MANAGER):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": SYSTEM_MANAGER,
				"first_name": "Pengelola Sistem",
				"send_welcome_email": 0,
				"roles": [{"role": "System Manager"}],
			}
		).insert(ignore_permissions=True)
	frappe.db.commit()
