"""The archived Laporan: the signed PDF stored as a private File with an archive number, and the
guards that keep that File as it was archived.
"""

import hashlib

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import KECAMATAN, LAPORAN
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.laporan.pdf_output import insert_pdf, remove_orphan
from kinerja_kecamatan.laporan.signature import SIGNED_REPORTS, render_pdf, signed_pdf, verify

ARCHIVE_PLACEHOLDERS = ("kecamatan", "tahun", "triwulan")
DEFAULT_ARCHIVE_PATTERN = "ARSIP/MONEV/.YYYY./.####"


def archive_pattern(pattern: str, monitoring) -> str:
	"""The archive number's naming series for `monitoring` (or a year's report, which has no
	{triwulan}: left empty): {kecamatan}, {tahun} and {triwulan} filled in by plain replacement (a
	format spec such as {tahun:>999999999} is never run).
	"ARSIP/{kecamatan}/.YYYY./.####" → "ARSIP/Batumandi/.YYYY./.####"."""
	for key in ARCHIVE_PLACEHOLDERS:
		pattern = pattern.replace("{" + key + "}", str(monitoring.get(key) or ""))
	return pattern


def invalid_archive_pattern(pattern: str) -> str | None:
	"""Why `pattern` can't be used, or None."""
	rest = pattern
	for key in ARCHIVE_PLACEHOLDERS:
		rest = rest.replace("{" + key + "}", "")
	if "{" in rest or "}" in rest:
		return _("Pola nomor arsip hanya boleh memuat {0}.").format(
			", ".join("{" + key + "}" for key in ARCHIVE_PLACEHOLDERS)
		)
	if len(pattern) > 100:
		return _("Pola nomor arsip terlalu panjang (paling banyak 100 karakter).")
	return None


def archive_laporan(monitoring) -> str:
	"""The archiving step: the signed PDF stored as a private File with an archive number; returns its URL.
	All or nothing: a failure at any point leaves no number, no File and no link behind."""
	name = laporan_of(monitoring.name)
	laporan = frappe.get_doc(LAPORAN, name) if name else None
	if not laporan or laporan.docstatus != 1 or not verify(laporan.name, laporan.hash_tanda_tangan).sah:
		frappe.throw(
			_("Hanya Laporan Hasil Monitoring yang sudah ditandatangani Camat yang dapat diarsipkan.")
		)
	return archive_signed(laporan, monitoring)


def archive_signed(laporan, monitoring=None) -> str:
	"""A signed report's PDF stored as a private File with the kecamatan's next archive number,
	attached to the report and to its cycle (a year's report has none); returns its URL. All or
	nothing: a failure at any point leaves no number, no File and no link behind."""
	from frappe.model.naming import make_autoname

	numbered = monitoring or laporan
	if laporan.file_arsip:
		frappe.throw(_("Laporan {0} sudah diarsipkan ({1}).").format(laporan.name, laporan.nomor_arsip))
	# the PDF the Camat signed electronically; a report signed before that (HMAC only) is rendered
	pdf = signed_pdf(laporan) or render_pdf(laporan)
	# each kecamatan numbers its own archive, its quarters' and years' reports in one register
	pattern = frappe.db.get_value(KECAMATAN, laporan.kecamatan, "pola_nomor_arsip") or DEFAULT_ARCHIVE_PATTERN
	if invalid_archive_pattern(pattern):
		frappe.throw(invalid_archive_pattern(pattern))
	nomor_arsip = make_autoname(archive_pattern(pattern, numbered), doc=numbered)
	file_name = f"{nomor_arsip.replace('/', '-')}.pdf"
	# its number was rolled back with a crashed archive and is given again now: the file is this one's
	remove_orphan(file_name)
	# attached to both the cycle and the report: Frappe deletes a file from disk only when no
	# other File record shares its content, so the archive outlives any one record
	for doctype, name in ((record.doctype, record.name) for record in (monitoring, laporan) if record):
		saved = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": file_name,
				"attached_to_doctype": doctype,
				"attached_to_name": name,
				"is_private": 1,
				"content": pdf,
			}
		)
		saved.flags.kinerja_archive = True  # the one file attached to a signed record
		insert_pdf(saved)
	laporan.db_set(
		{
			"nomor_arsip": nomor_arsip,
			"file_arsip": saved.file_url,
			"sidik_arsip": hashlib.sha256(pdf).hexdigest(),
		}
	)
	return saved.file_url


def is_archive_file(file_url: str | None) -> bool:
	"""Whether `file_url` is (or was) a report's signed or archived PDF."""
	return bool(file_url) and any(
		frappe.db.exists(doctype, {field: file_url})
		for doctype in SIGNED_REPORTS
		for field in ("file_arsip", "berkas_ttd")
	)


def archive_file_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""File has_permission hook: nobody writes or deletes an archived PDF (Administrator, whom
	Frappe never asks, is stopped by protect_archive_file)."""
	if ptype in ("write", "delete", "cancel", "submit") and is_archive_file(doc.file_url):
		return False
	return None


def protect_archive_file(file, method=None) -> None:
	"""File hooks (on_trash, before_validate): an archived PDF is never deleted, replaced or re-pointed,
	by any role. A correction cancels and amends the report, leaving the old archive in place."""
	if frappe.flags.in_uninstall or frappe.flags.in_install:
		return
	before = file.get_doc_before_save() if method == "before_validate" else None
	if method == "before_validate" and not before:
		return
	if not is_archive_file((before or file).file_url):
		return
	if method == "on_trash":
		frappe.throw(
			_("Berkas {0} adalah arsip {1} yang ditandatangani dan tidak dapat dihapus.").format(
				file.file_name, _((before or file).attached_to_doctype or "laporan")
			),
			frappe.PermissionError,
		)
	fields = (
		"file_url",
		"file_name",
		"is_private",
		"attached_to_doctype",
		"attached_to_name",
		"attached_to_field",
	)
	if any(before.get(field) != file.get(field) for field in fields):
		frappe.throw(
			_("Berkas {0} adalah arsip {1} yang ditandatangani dan tidak dapat diubah.").format(
				file.file_name, _((before or file).attached_to_doctype or "laporan")
			),
			frappe.PermissionError,
		)
