"""Who sees what: a unit head is confined to their unit and kecamatan by User Permissions.

Frappe then filters every list, report and REST call by those permissions; nothing here hides
data only in the UI.
"""

import frappe

from kinerja_kecamatan.workflow.sop import (
	ROLE_CAMAT,
	ROLE_KASUBBAG_PK,
	ROLE_KEPALA_UNIT,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
)

# roles whose work spans every unit: a unit head holding one (the Sekretaris heading the
# Sekretariat, the Kasubbag PK heading their Subbag) is not confined to their unit
CYCLE_ROLES = {ROLE_CAMAT, ROLE_SEKRETARIS, ROLE_KASUBBAG_PK, ROLE_PELAKSANA}


def grant_unit_head(user: str, unit) -> None:
	"""Give `user` the Kepala Unit Kerja role and restrict them to `unit` and its kecamatan."""
	user_doc = frappe.get_doc("User", user)
	if ROLE_KEPALA_UNIT not in {r.role for r in user_doc.roles}:
		user_doc.flags.ignore_permissions = True
		user_doc.add_roles(ROLE_KEPALA_UNIT)
	if not CYCLE_ROLES & set(frappe.get_roles(user)):
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
