"""The app's users read it in Bahasa Indonesia, whatever the site's default language.

Frappe takes a logged-in user's language from their User record, else the site's default
(`frappe.translate.get_user_lang`), and a new User is given the site's default language as they
are made. So when a user is given one of the app's roles (the desk's role checkboxes, `add_roles`,
a role profile) and their language is none or the site's default, it becomes Indonesian. A
language they chose other than the site's stays, the site's default stays, and no other user and
no later save is touched.
"""

import frappe

from kinerja_kecamatan.workflow.sop import ROLES

APP_LANGUAGE = "id"
_APP_ROLES = frozenset(role.name for role in ROLES)


def set_language_of_app_user(user, method=None) -> None:
	"""User validate: gaining one of the app's roles with no language of one's own → Indonesian."""
	if user.name in ("Administrator", "Guest") or user.language == APP_LANGUAGE:
		return
	if user.language and user.language != frappe.get_system_settings("language"):
		return  # chosen by them or their administrator
	before = user.get_doc_before_save()
	held = {row.role for row in before.roles} if before else set()
	if _APP_ROLES.intersection({row.role for row in user.roles} - held):
		user.language = APP_LANGUAGE
