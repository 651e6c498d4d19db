"""The report's PDF made and written when the machine fails: wkhtmltopdf hanging or crashing, the
disk full. Each becomes a message the desk shows, and the step that asked for the PDF (signing,
archiving) is rolled back whole: nothing signed, no archive number, no file left on disk.
"""

import errno
import os
import threading
from contextlib import contextmanager

import frappe
import psutil
from frappe import _
from pypdf.errors import PyPdfError

RENDERER = "wkhtmltopdf"
# Frappe gives wkhtmltopdf no time limit; gunicorn kills a request after 120 s (-t 120, and nginx
# waits as long), so the render must give up well before, leaving time to sign and store
RENDER_TIMEOUT = 60
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
AFTER_FAILURE = "Tidak ada yang ditandatangani atau diarsipkan; langkah ini tetap seperti semula."


class PdfNotMade(frappe.ValidationError):
	pass


@contextmanager
def bounded_render(seconds: float | None = None):
	"""The block's wkhtmltopdf, killed if it has not finished within `seconds`; a render that hangs
	or crashes is thrown as a message. Frappe starts wkhtmltopdf as a child of this process (a
	gunicorn or RQ worker serves one request at a time), so every one still running is the block's."""
	seconds = seconds or RENDER_TIMEOUT
	finished, killed = threading.Event(), threading.Event()

	def watch():
		if finished.wait(seconds):
			return
		while not finished.is_set():  # a render retried after the kill is killed too
			for process in renderers():
				kill_with_children(process)
				killed.set()
			finished.wait(0.2)

	watchdog = threading.Thread(target=watch, name="kinerja-pdf-watchdog", daemon=True)
	watchdog.start()
	try:
		yield
	except (OSError, PyPdfError):
		frappe.logger("pdf").error(f"{RENDERER} failed", exc_info=True)
		if killed.is_set():
			frappe.throw(
				_(
					"PDF laporan tidak selesai dibuat dalam {0} detik: pembuat PDF ({1}) tidak menjawab. {2} "
					"Coba lagi beberapa saat lagi, dan hubungi pengelola sistem bila terus berulang."
				).format(int(seconds), RENDERER, _(AFTER_FAILURE)),
				PdfNotMade,
				title=_("PDF tidak dapat dibuat"),
			)
		frappe.throw(
			_(
				"Pembuat PDF ({0}) berhenti dengan galat saat membuat PDF laporan. {1} Coba lagi, dan "
				"hubungi pengelola sistem bila terus berulang."
			).format(RENDERER, _(AFTER_FAILURE)),
			PdfNotMade,
			title=_("PDF tidak dapat dibuat"),
		)
	finally:
		finished.set()
		watchdog.join(timeout=5)


def renderers() -> list[psutil.Process]:
	found = []
	for process in psutil.Process().children(recursive=True):
		try:
			if process.name() == RENDERER:
				found.append(process)
		except psutil.NoSuchProcess:
			pass
	return found


def kill_with_children(process: psutil.Process) -> None:
	"""SIGKILL to `process` and what it started, which would otherwise hold its output open."""
	try:
		family = [process, *process.children(recursive=True)]
	except psutil.NoSuchProcess:
		return
	for member in family:
		try:
			member.kill()
		except psutil.NoSuchProcess:
			pass


def remove_orphan(file_name: str) -> None:
	"""A PDF at this file name that no File record holds was written by a signing or an archive
	whose transaction never committed (the database died between writing the file and the
	commit). The report or archive number it was written for is being written again now, so the
	file is this write's to replace; left there, Frappe would save the new one beside it under a
	suffixed name, and the orphan would stay for good. (An archive number's series row lock, taken
	by make_autoname, and a report's own row lock keep two writes off one name.)"""
	path = frappe.get_site_path("private", "files", file_name)
	if os.path.exists(path) and not frappe.db.exists("File", {"file_url": f"/private/files/{file_name}"}):
		os.remove(path)


def insert_pdf(file_doc) -> None:
	"""`file_doc` (a new File holding a PDF) inserted; with the disk full, the part of it written
	is removed and the user told. Frappe removes a new file on rollback only once it is written
	whole, so a write cut short would otherwise stay on disk with no File record."""
	try:
		file_doc.insert(ignore_permissions=True)
	except OSError as error:
		if error.errno not in DISK_FULL:
			raise
		if file_doc.file_url and os.path.isfile(file_doc.get_full_path()):
			os.remove(file_doc.get_full_path())
		frappe.throw(
			_(
				"Ruang penyimpanan berkas di server penuh, sehingga PDF laporan tidak dapat disimpan. {0} "
				"Minta pengelola sistem mengosongkan ruang disk, lalu coba lagi."
			).format(_(AFTER_FAILURE)),
			PdfNotMade,
			title=_("Disk penuh"),
		)
