"""Who sees what: a unit head is confined to their unit and kecamatan by User Permissions.

Frappe then filters every list, report and REST call by those permissions; nothing here hides
data only in the UI.
"""

import frappe

from kinerja_kecamatan.workflow.sop import ROLE_KEPALA_UNIT


def grant_unit_head(user: str, unit) -> None:
	"""Give `user` the Kepala Unit Kerja role and restrict them to `unit` and its kecamatan."""
	user_doc = frappe.get_doc("User", user)
	if ROLE_KEPALA_UNIT not in {r.role for r in user_doc.roles}:
		user_doc.flags.ignore_permissions = True
		user_doc.add_roles(ROLE_KEPALA_UNIT)
	_ensure_user_permission(user, "Unit Kerja", unit.name)
	_ensure_user_permission(user, "Kecamatan", unit.kecamatan)


def revoke_unit_head(user: str, unit) -> None:
	"""Take back `unit` (and its kecamatan, unless the user heads another unit there)."""
	_remove_user_permission(user, "Unit Kerja", unit.name)
	other_units = frappe.get_all(
		"Unit Kerja",
		filters={"kepala_unit": user, "kecamatan": unit.kecamatan, "name": ("!=", unit.name)},
		limit=1,
	)
	if not other_units:
		_remove_user_permission(user, "Kecamatan", unit.kecamatan)


def _ensure_user_permission(user: str, allow: str, value: str) -> None:
	if frappe.db.exists("User Permission", {"user": user, "allow": allow, "for_value": value}):
		return
	frappe.get_doc(
		{
			"doctype": "User Permission",
			"user": user,
			"allow": allow,
			"for_value": value,
			"apply_to_all_doctypes": 1,
		}
	).insert(ignore_permissions=True)


def _remove_user_permission(user: str, allow: str, value: str) -> None:
	for name in frappe.get_all(
		"User Permission", filters={"user": user, "allow": allow, "for_value": value}, pluck="name"
	):
		frappe.delete_doc("User Permission", name, ignore_permissions=True)
