"""Units made before Unit Kerja had a singkatan get the one a save would make, so every chart bar
has a short label."""

import frappe


def execute():
	for name in frappe.get_all("Unit Kerja", filters={"singkatan": ("is", "not set")}, pluck="name"):
		unit = frappe.get_doc("Unit Kerja", name)
		unit.set_singkatan()
		unit.db_set("singkatan", unit.singkatan, update_modified=False)
