"""The report's PDF when the machine fails (issue 26, items 4 and 5): wkhtmltopdf hanging or
crashing while the Camat signs (step 11) and while an older report is archived (step 12, which
renders it itself), and the disk full when the signed or archived PDF is written. Each time the
user is told why, nothing is signed or archived, no file is left behind, and the step taken again
once the machine is well goes through.

The renderer is a real `wkhtmltopdf` put first on the PATH; the full disk a real tmpfs filled to
its last byte, seen only by the process that takes the step; every wait is bounded.
"""

import os
import time
from unittest.mock import patch

import frappe
import psutil
import pytest
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import act, actor_at, forward_action, run_quarter
from kinerja_kecamatan.doctypes import LAPORAN, MONITORING
from kinerja_kecamatan.laporan import pdf_output
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.tests.browser import on_target
from kinerja_kecamatan.tests.factories import make_cycle, make_cycle_people
from kinerja_kecamatan.tests.faults.processes import renderer, run_on_a_full_disk

pytestmark = pytest.mark.faults

SIGN, ARCHIVE = 11, 12
TIMEOUT = 3  # seconds; 60 in production (pdf_output.RENDER_TIMEOUT)
AFTER = "Tidak ada yang ditandatangani atau diarsipkan; langkah ini tetap seperti semula."
HUNG = f"PDF laporan tidak selesai dibuat dalam {TIMEOUT} detik: pembuat PDF (wkhtmltopdf) tidak menjawab."
CRASHED = "Pembuat PDF (wkhtmltopdf) berhenti dengan galat saat membuat PDF laporan."
DISK_FULL = "Ruang penyimpanan berkas di server penuh, sehingga PDF laporan tidak dapat disimpan."

# the step taken in a process of its own, on the full disk; what it was told, and what the disk holds
STEP_ON_A_FULL_DISK = """
import json, os, frappe
frappe.init(site=SITE, sites_path="."); frappe.connect()
from kinerja_kecamatan.demo.quarter import act, forward_action
told = None
try:
	act(USER, CYCLE, forward_action(CYCLE))
	frappe.db.commit()
except frappe.ValidationError as error:
	frappe.db.rollback()
	told = {"kind": type(error).__name__, "message": str(error)}
print(json.dumps({"told": told, "files": sorted(os.listdir(frappe.get_site_path("private", "files")))}))
"""


class TestPdfRendererAndDiskFaults(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		cycle, heads = make_cycle(cls.people, units=1)
		run_quarter(cls.people, heads, cycle.name, on_target, until=SIGN)
		cls.cycle, cls.laporan = cycle.name, laporan_of(cycle.name)
		frappe.db.commit()

	def take_step(self):
		"""The step as the desk takes it, in this process: what it was told, or None."""
		number = frappe.db.get_value(MONITORING, self.cycle, "langkah")
		try:
			act(self.people[actor_at(self.cycle, number)], self.cycle, forward_action(self.cycle))
		except frappe.ValidationError as error:
			frappe.db.rollback()  # as the request's handler does
			frappe.local.message_log = []
			return error
		frappe.db.commit()
		return None

	def state(self) -> dict:
		"""What a step may change: the cycle's step, the report, its files and the archive numbers."""
		frappe.db.rollback()
		return {
			"langkah": frappe.db.get_value(MONITORING, self.cycle, "langkah"),
			"laporan": frappe.db.get_value(
				LAPORAN,
				self.laporan,
				["docstatus", "berkas_ttd", "nomor_arsip", "file_arsip", "sidik_arsip"],
				as_dict=True,
			),
			"files": frappe.get_all(
				"File", {"attached_to_name": ("in", [self.cycle, self.laporan])}, pluck="name"
			),
			"on_disk": sorted(os.listdir(frappe.get_site_path("private", "files"))),
			"series": frappe.db.sql("select name, current from `tabSeries` where name like %s", "ARSIP%"),
		}

	def assertTold(self, kind: str, told: str, message: str):
		"""A PdfNotMade is a ValidationError: the desk shows its message in a dialog (a 417), never
		a traceback (a 500)."""
		self.assertEqual(kind, pdf_output.PdfNotMade.__name__)
		self.assertIn(message, told)
		self.assertIn(AFTER, told)
		self.assertNotIn("Traceback", told)

	def refused_by_renderer(self, behaviour: str, message: str) -> float:
		"""The step refused with `message` while wkhtmltopdf does `behaviour`; nothing changed and
		no renderer left running. Returns how long the refusal took."""
		before = self.state()
		with renderer(behaviour) as folder, patch.object(pdf_output, "RENDER_TIMEOUT", TIMEOUT):
			started = time.monotonic()
			error = self.take_step()
			took = time.monotonic() - started
			with open(os.path.join(folder, "pid")) as file:
				pid = int(file.read())
		self.assertTold(type(error).__name__, str(error), message)
		self.assertEqual(self.state(), before)
		self.assertFalse(
			psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE,
			"the renderer still runs",
		)
		return took

	def refused_on_a_full_disk(self):
		before = self.state()
		number = before["langkah"]
		script = f"SITE, CYCLE, USER = {frappe.local.site!r}, {self.cycle!r}, {self.people[actor_at(self.cycle, number)]!r}\n"
		result = run_on_a_full_disk(script + STEP_ON_A_FULL_DISK, frappe.get_site_path("private", "files"))
		self.assertTrue(result["told"], result)
		self.assertTold(result["told"]["kind"], result["told"]["message"], DISK_FULL)
		# the PDF cut short by the full disk was removed: the filesystem holds only what filled it
		self.assertEqual(result["files"], ["filler"])
		self.assertEqual(self.state(), before)

	def test_signing_and_archiving_survive_a_hung_or_crashed_renderer_and_a_full_disk(self):
		# step 11: the Camat signs; the PDF is rendered, signed and written
		took = self.refused_by_renderer("sleep 600", HUNG)
		self.assertLess(took, TIMEOUT + 15)
		self.refused_by_renderer("echo 'Segmentation fault' >&2; kill -SEGV $$", CRASHED)
		self.refused_by_renderer("echo 'Exit with code 1 due to network error' >&2; exit 1", CRASHED)
		self.refused_on_a_full_disk()
		self.assertIsNone(self.take_step())  # the machine well again, the same step signs
		signed = self.state()
		self.assertEqual((signed["langkah"], signed["laporan"].docstatus), (ARCHIVE, 1))
		self.assertTrue(signed["laporan"].berkas_ttd)

		# step 12 for a report signed before PAdES (HMAC only), which the step renders itself
		frappe.db.set_value(LAPORAN, self.laporan, {"jenis_tanda_tangan": "HMAC", "berkas_ttd": None})
		frappe.db.commit()
		self.refused_by_renderer("sleep 600", HUNG)
		self.refused_by_renderer("kill -KILL $$", CRASHED)
		self.refused_on_a_full_disk()
		self.assertIsNone(self.take_step())
		archived = self.state()
		self.assertEqual(archived["langkah"], ARCHIVE + 1)
		with open(frappe.get_site_path(archived["laporan"].file_arsip.lstrip("/")), "rb") as file:
			self.assertEqual(file.read(5), b"%PDF-")
		# one number taken, once: the refusals burnt none
		self.assertEqual(
			[current for _name, current in archived["series"]],
			[current + 1 for _name, current in signed["series"]] or [1],
		)
