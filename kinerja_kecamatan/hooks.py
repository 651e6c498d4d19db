app_name = "kinerja_kecamatan"
app_title = "Kinerja Kecamatan"
app_publisher = "Kinerja Kecamatan contributors"
app_description = "Monitoring/Evaluasi Internal Capaian Kinerja Per Triwulan untuk kantor kecamatan"
app_email = "kinerja@localhost"
app_license = "mit"

# Installation
# ------------
# roles (and, later, the SOP's workflow) come from kinerja_kecamatan/workflow/
after_install = "kinerja_kecamatan.install.after_install"
after_migrate = "kinerja_kecamatan.install.after_migrate"
before_uninstall = "kinerja_kecamatan.install.before_uninstall"

# Testing
# -------
before_tests = "kinerja_kecamatan.site_setup.complete_setup_wizard"

# Desk
# ----
extend_bootinfo = "kinerja_kecamatan.boot.extend_bootinfo"

# Scheduled Tasks
# ---------------
# remind a step's actor as its mutu baku nears; escalate to the Camat when it is exceeded
scheduler_events = {
	"hourly": ["kinerja_kecamatan.workflow.reminders.send_reminders"],
}

# Printing
# --------
jinja = {
	"methods": [
		"kinerja_kecamatan.print_jinja.kop_surat",
		"kinerja_kecamatan.print_jinja.qr_laporan",
		"kinerja_kecamatan.print_jinja.nama_unit",
		"kinerja_kecamatan.print_jinja.pejabat_of",
	],
	"filters": [
		"kinerja_kecamatan.print_jinja.tanggal_id",
		"kinerja_kecamatan.print_jinja.angka_id",
		"kinerja_kecamatan.print_jinja.persen_id",
		"kinerja_kecamatan.print_jinja.teks",
	],
}
