"""Install, migrate and uninstall hooks: what the app puts into a site besides its DocTypes."""

import os

import frappe

from kinerja_kecamatan.doctypes import PENGATURAN, SOP_KINERJA
from kinerja_kecamatan.laporan.signature import SIGNING_KEY
from kinerja_kecamatan.workflow.sop import ROLES
from kinerja_kecamatan.workflow.sop_record import ensure_default_sop, ensure_workflow, remove_workflow


def after_install():
	"""Also after every migrate: each step makes what is missing and keeps what an administrator
	changed, so an installed site and a migrated one end the same."""
	ensure_signing_key()
	ensure_roles()
	ensure_default_settings()
	ensure_default_sop()
	ensure_workflow()
	sync_print_format_templates()


after_migrate = after_install


def ensure_signing_key():
	"""A per-site secret for report signatures, in site_config.json (never in the database)."""
	from frappe.installer import update_site_config

	if not frappe.conf.get(SIGNING_KEY):
		key = frappe.generate_hash(length=64)
		update_site_config(SIGNING_KEY, key)
		frappe.conf[SIGNING_KEY] = key


def before_uninstall():
	remove_workflow()
	remove_roles()


def ensure_roles():
	"""Create the SOP's roles with desk access. An existing role is left as the admin keeps it,
	and no user is given a role: the administrator gives them (README, "Memasang di intranet")."""
	for role in ROLES:
		if frappe.db.exists("Role", role.name):
			continue
		frappe.get_doc(
			{
				"doctype": "Role",
				"role_name": role.name,
				"desk_access": 1,
			}
		).insert(ignore_permissions=True)


def ensure_default_settings():
	"""Pengaturan Kinerja starts with the Permendagri 86/2017 predikat scale; an edited one is kept."""
	settings = frappe.get_single(PENGATURAN)
	# an uninstall takes the SOP records and leaves this link behind; ensure_default_sop remakes it
	dangling = settings.sop and not frappe.db.exists(SOP_KINERJA, settings.sop)
	if settings.skala_predikat and settings.jam_kerja:
		if dangling:
			frappe.db.set_single_value(PENGATURAN, "sop", None)
		return
	if dangling:
		settings.sop = None
	if not settings.skala_predikat:
		settings.set_default_skala()
	if not settings.jam_kerja:
		settings.set_default_jam_kerja()
	settings.save(ignore_permissions=True)


def sync_print_format_templates():
	"""Copy each standard print format's .html into its record, so that an administrator who
	duplicates it in the desk gets the template to edit (the file stays the source)."""
	for name in frappe.get_all(
		"Print Format", {"module": "Kinerja Kecamatan", "standard": "Yes"}, pluck="name"
	):
		path = frappe.get_module_path(
			"Kinerja Kecamatan", "print_format", frappe.scrub(name), frappe.scrub(name) + ".html"
		)
		if os.path.exists(path):
			with open(path) as template:
				frappe.db.set_value("Print Format", name, "html", template.read(), update_modified=False)


def remove_roles():
	"""Take away the SOP's roles the app made, from every user holding them too. A role of the
	same name the site had before the app came (older than the app's module) is the site's own:
	it stays, with its users."""
	installed = frappe.db.get_value("Module Def", "Kinerja Kecamatan", "creation")
	for role in ROLES:
		created = frappe.db.get_value("Role", role.name, "creation")
		if not created or (installed and created < installed):
			continue
		frappe.db.delete("Has Role", {"role": role.name})
		frappe.delete_doc("Role", role.name, ignore_permissions=True, force=True)
