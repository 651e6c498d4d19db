"""Unit heads were once confined by User Permissions on their Unit Kerja and Kecamatan. Access now
follows from the data (kinerja_kecamatan/access.py), and those permissions hid the kecamatan's own
report and schedule from its heads; remove the ones the app made, for current and former heads."""

import frappe


def execute():
	units = frappe.get_all("Unit Kerja", fields=["name", "kecamatan", "kepala_unit"])
	made = {(u.kepala_unit, "Unit Kerja", u.name) for u in units if u.kepala_unit}
	made |= {(u.kepala_unit, "Kecamatan", u.kecamatan) for u in units if u.kepala_unit}
	for permission in frappe.get_all(
		"User Permission",
		filters={"allow": ("in", ("Unit Kerja", "Kecamatan")), "apply_to_all_doctypes": 1},
		fields=["name", "user", "allow", "for_value"],
	):
		heads_a_unit = frappe.db.exists("Has Role", {"parent": permission.user, "role": "Kepala Unit Kerja"})
		if (permission.user, permission.allow, permission.for_value) in made or heads_a_unit:
			frappe.delete_doc("User Permission", permission.name, ignore_permissions=True)
