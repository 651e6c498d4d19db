app_name = "kinerja_kecamatan"
app_title = "Kinerja Kecamatan"
app_publisher = "Kinerja Kecamatan contributors"
app_description = "Monitoring/Evaluasi Internal Capaian Kinerja Per Triwulan untuk kantor kecamatan"
app_email = "kinerja@localhost"
app_license = "mit"

# Installation
# ------------
# roles, the SOP record and its Workflow come from kinerja_kecamatan/workflow/
after_install = "kinerja_kecamatan.install.after_install"
after_migrate = "kinerja_kecamatan.install.after_migrate"
before_uninstall = "kinerja_kecamatan.install.before_uninstall"

# Testing
# -------
before_tests = "kinerja_kecamatan.site_setup.complete_setup_wizard"

# Permissions
# -----------
# every record, list, report and child-table listing is confined to the user's kecamatan and,
# for a unit head, their units: one list, in access/scope.py (imported under private names: Frappe takes
# every public name of this module for a hook)
from kinerja_kecamatan.access.scope import CONFINED_CHILDREN as _CONFINED_CHILDREN
from kinerja_kecamatan.access.scope import SCOPE_FIELDS as _SCOPE_FIELDS

permission_query_conditions = {
	doctype: "kinerja_kecamatan.access.query_conditions" for doctype in (*_SCOPE_FIELDS, *_CONFINED_CHILDREN)
}
permission_query_conditions["File"] = "kinerja_kecamatan.access.file_query_conditions"
has_permission = {doctype: "kinerja_kecamatan.access.has_permission" for doctype in _SCOPE_FIELDS}
has_permission["File"] = "kinerja_kecamatan.laporan.archive_file_permission"

# Documents
# ---------
# computed, signed and archived fields are the server's alone (kinerja_kecamatan/server_fields.py)
_SERVER_FIELD_EVENTS = {
	"before_validate": "kinerja_kecamatan.access.server_fields.take_back_on_save",
	"before_save": "kinerja_kecamatan.access.server_fields.refuse_forged_on_save",
	"before_submit": "kinerja_kecamatan.access.server_fields.refuse_forged_on_save",
	"before_update_after_submit": "kinerja_kecamatan.access.server_fields.refuse_change_after_submit",
}
doc_events = {
	doctype: _SERVER_FIELD_EVENTS
	for doctype in (
		"Isian Data Kinerja",
		"Blanko Monitoring Kinerja",
		"Laporan Hasil Monitoring",
		"Monitoring Kinerja Triwulan",
		"Capaian Kinerja Tahunan",
	)
}
# a signed report's archived PDF is never deleted, replaced or re-pointed
doc_events["File"] = {
	"before_insert": "kinerja_kecamatan.access.attachments.check_new_file",
	"on_trash": "kinerja_kecamatan.laporan.protect_archive_file",
	"before_validate": "kinerja_kecamatan.laporan.protect_archive_file",
}
# an edit of the SOP's Workflow in the desk becomes a revision of the SOP record (workflow/sop_record.py)
doc_events["Workflow"] = {"on_update": "kinerja_kecamatan.workflow.sop_record.sync_sop_from_workflow"}
# a comment on the app's records carries its real author
doc_events["Comment"] = {"before_insert": "kinerja_kecamatan.access.attachments.comment_as_its_author"}
# a user given one of the app's roles and no language of their own reads it in Bahasa Indonesia,
# whatever the site's default language (user_language.py)
doc_events["User"] = {"validate": "kinerja_kecamatan.desk.user_language.set_language_of_app_user"}

# Frappe's frappe.client.get_count counts any DocType with no permission check at all
override_whitelisted_methods = {"frappe.client.get_count": "kinerja_kecamatan.access.get_count"}
# the sidebar of a user holding only the app's roles leaves out Frappe's admin workspaces (sidebar.py)
override_whitelisted_methods["frappe.desk.desktop.get_workspace_sidebar_items"] = (
	"kinerja_kecamatan.desk.sidebar.get_workspace_sidebar_items"
)

# Desk
# ----
# the app's users open the desk on Beranda Kinerja (page/beranda_kinerja): a unit head's Isian, an
# officer's awaiting cycle, else the workspace
extend_bootinfo = "kinerja_kecamatan.desk.boot.extend_bootinfo"
# capaian as "94,44%" in the app's forms and reports (public/js/kinerja.bundle.js)
app_include_js = "kinerja.bundle.js"

# Scheduled Tasks
# ---------------
# remind a step's actor as its mutu baku nears; escalate to the Camat when it is exceeded
scheduler_events = {
	# every few minutes: a job whose worker was killed mid-job runs again
	"all": ["kinerja_kecamatan.jobs.resume_stranded"],
	"hourly": ["kinerja_kecamatan.workflow.reminders.send_reminders"],
	# a follow-up past its due date with nothing reported becomes its officer's task
	"daily": ["kinerja_kecamatan.tindak_lanjut.overdue.escalate_overdue"],
}

# Printing
# --------
jinja = {
	"methods": [
		"kinerja_kecamatan.prints.jinja.kop_surat",
		"kinerja_kecamatan.prints.jinja.qr_laporan",
		"kinerja_kecamatan.prints.jinja.nama_unit",
		"kinerja_kecamatan.prints.jinja.nama_kecamatan",
		"kinerja_kecamatan.prints.jinja.kode_indikator",
		"kinerja_kecamatan.prints.jinja.pejabat_of",
		"kinerja_kecamatan.prints.jinja.persetujuan_jadwal",
		"kinerja_kecamatan.prints.jinja.bagan_sop",
		"kinerja_kecamatan.prints.jinja.disposisi",
		"kinerja_kecamatan.prints.jinja.grafik_unit",
	],
	"filters": [
		"kinerja_kecamatan.prints.jinja.tanggal_id",
		"kinerja_kecamatan.prints.jinja.angka_id",
		"kinerja_kecamatan.prints.jinja.persen_id",
		"kinerja_kecamatan.prints.jinja.nip_id",
		"kinerja_kecamatan.prints.jinja.jam_id",
		"kinerja_kecamatan.prints.jinja.teks",
	],
}
# the app's print formats compiled once per process, not on every print (print_templates.py)
get_print_format_template = "kinerja_kecamatan.prints.templates.print_format_template"
