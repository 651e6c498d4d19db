"""The desk's sidebar for the app's users: Frappe's own workspaces (Build, Users, Website, Tools,
Integrations) are administrators' tools, so they are left out for a user whose every role is one of
the app's. Anyone holding another role (System Manager, a role of the intranet or of another app)
sees Frappe's sidebar unchanged; no Workspace or User record is changed.
"""

import frappe
from frappe.desk import desktop
from frappe.permissions import AUTOMATIC_ROLES

from kinerja_kecamatan.access.scope import APP_ROLES


def holds_app_role(user: str) -> bool:
	"""An app user, whose first screen is Beranda Kinerja (Administrator holds every role and is
	not one)."""
	return user not in ("Administrator", "Guest") and not APP_ROLES.isdisjoint(frappe.get_roles(user))


def holds_only_app_roles(user: str) -> bool:
	if user in ("Administrator", "Guest"):
		return False
	roles = set(frappe.get_roles(user)) - set(AUTOMATIC_ROLES)
	return bool(roles) and roles <= APP_ROLES


def without_frappe_workspaces(pages: list[dict]) -> list[dict]:
	"""The public workspaces of Frappe's own modules left out; the user's private ones stay."""
	frappe_modules = set(frappe.get_all("Module Def", filters={"app_name": "frappe"}, pluck="name"))
	return [page for page in pages if page.get("module") not in frappe_modules or not page.get("public")]


@frappe.whitelist()
def get_workspace_sidebar_items() -> dict:
	"""frappe.desk.desktop.get_workspace_sidebar_items (override_whitelisted_methods), for the app's
	users without Frappe's workspaces."""
	items = desktop.get_workspace_sidebar_items()
	if holds_only_app_roles(frappe.session.user):
		items["pages"] = without_frappe_workspaces(items["pages"])
	return items
