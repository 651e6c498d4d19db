# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

"""Beranda Kinerja: the page the app's users land on; what it shows is desk/landing.py's."""

import frappe

from kinerja_kecamatan.access.scope import APP_ROLES
from kinerja_kecamatan.desk.landing import landing


@frappe.whitelist()
def get_landing() -> dict:
	frappe.only_for(list(APP_ROLES))
	return landing()
