"""MariaDB SIGKILLed mid-write and started again (issue 26, item 1): during a workflow transition,
during a unit head's save of an Isian of 50 rows, and during step 12 between writing the
archive's PDF and committing. Each document is afterwards wholly as before, no archive number
is burnt, the PDF the crash left on disk is replaced by the next archive of that number, and the
served site answers again by itself.

The site runs on a mariadbd of the test's own (the shared one is never stopped), one for the
module. Each request is made to wait mid-transaction on a row lock held here, after it has
written, and MariaDB is killed then: no sleeps, every wait bounded.
"""

import glob
import os
import threading
import time
from contextlib import suppress

import frappe
import pytest
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import actor_at, forward_action, run_quarter
from kinerja_kecamatan.doctypes import ISIAN, ISIAN_INDIKATOR, LAPORAN, MONITORING
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.tests.browser import on_target
from kinerja_kecamatan.tests.factories import make_cycle, make_cycle_people
from kinerja_kecamatan.tests.faults.mariadb import OwnMariaDB, reconnect_test_database, site_database
from kinerja_kecamatan.tests.faults.processes import count_uncommitted
from kinerja_kecamatan.tests.rest import api_token, http, served_url
from kinerja_kecamatan.tests.test_concurrency import free_port

pytestmark = pytest.mark.faults

ROWS = 50
# a save writes its Version last, once the document and its rows are written
VERSION_LOCKED = "lock tables `tabVersion` write"
# a request waiting on a row lock, or on a table lock
WAITING = """select (select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT')
	+ (select count(*) from information_schema.processlist where state like 'Waiting for table%')"""


def pdfs_on_disk() -> dict[str, tuple[int, int]]:
	"""path → (inode, modification time) of each PDF among the site's private files."""
	found = {}
	for entry in os.scandir(frappe.get_site_path("private", "files")):
		if entry.name.endswith(".pdf"):
			with suppress(FileNotFoundError):  # removed since the listing
				stat = entry.stat()
				found[entry.path] = (stat.st_ino, stat.st_mtime_ns)
	return found


def written_since(before: dict[str, tuple[int, int]]) -> set[str]:
	"""The PDFs written since `before` (pdfs_on_disk()): new ones, and ones removed and written
	again under the same name."""
	return {path for path, identity in pdfs_on_disk().items() if before.get(path) != identity}


def until(condition, seconds: float) -> bool:
	deadline = time.monotonic() + seconds
	while not condition():
		if time.monotonic() > deadline:
			return False
		time.sleep(0.1)
	return True


class TestDatabaseKilled(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		# a cycle at step 2 (Format), taken by a plain transition
		cls.moving, _heads = make_cycle(cls.people, units=1)
		run_quarter(cls.people, _heads, cls.moving.name, on_target, until=2)
		# a unit head's Isian of 50 indicators at step 4
		filling, heads = make_cycle(cls.people, units=1, indicators=ROWS)
		run_quarter(cls.people, heads, filling.name, on_target, until=4)
		[(unit, cls.head)] = heads.items()
		cls.isian = frappe.db.get_value(ISIAN, {"monitoring": filling.name, "unit_kerja": unit})
		# a cycle signed and waiting at step 12, the archive
		cls.archiving, heads = make_cycle(cls.people, units=1)
		run_quarter(cls.people, heads, cls.archiving.name, on_target, until=12)
		# signed before PAdES (the site's HMAC only), so step 12 renders and writes a PDF of its
		# own; a PAdES-signed report's archive is its signed PDF, already on disk with its File
		frappe.db.set_value(
			LAPORAN, laporan_of(cls.archiving.name), {"jenis_tanda_tangan": "HMAC", "berkas_ttd": None}
		)
		for user in (*cls.people.values(), cls.head):
			api_token(user)  # made now, in the database copied below
		served_url()
		frappe.db.commit()
		cls.files_before = set(glob.glob(frappe.get_site_path("private", "files", "*")))
		cls.addClassCleanup(cls.remove_files_written)

		cls.mariadb = OwnMariaDB(free_port())
		cls.addClassCleanup(cls.mariadb.remove)
		cls.mariadb.start()
		cls.mariadb.load_site_database()
		cls.enterClassContext(site_database(cls.mariadb))

	@classmethod
	def remove_files_written(cls):
		# the copy's files: the shared database has no record of them
		for path in set(glob.glob(frappe.get_site_path("private", "files", "*"))) - cls.files_before:
			os.remove(path)

	def killed_while_waiting(self, lock: str, written, method: str, path: str, user: str, data):
		"""`method path` by `user` on the served site, MariaDB SIGKILLed while the request waits on
		the lock held here (`lock`, a statement), once `written()` sees what it has written so far;
		MariaDB is started again. Returns (status, body) as the user's browser got them."""
		frappe.db.commit()  # this process holds no lock of its own the request would wait on
		holder = self.mariadb.connect(frappe.conf.db_name, autocommit=False)
		with holder.cursor() as cursor:
			cursor.execute(lock)
		answered = {}
		request = threading.Thread(target=lambda: answered.update(response=http(method, path, user, data)))
		request.start()
		try:
			if not until(lambda: self.waits_on_lock() and written(), 60):
				self.fail(self.blocked())
		finally:
			self.mariadb.kill()
			request.join(timeout=90)
			self.mariadb.start()
			reconnect_test_database()
		self.assertFalse(request.is_alive(), "the request never ended")
		return answered["response"]

	def blocked(self) -> str:
		"""What the database runs now, for a request that never reached the lock."""
		connection = self.mariadb.connect()
		try:
			with connection.cursor() as cursor:
				cursor.execute(
					"select command, state, info from information_schema.processlist where info is not null"
				)
				return f"never reached the lock: {cursor.fetchall()}"
		finally:
			connection.close()

	def waits_on_lock(self) -> bool:
		connection = self.mariadb.connect()
		try:
			with connection.cursor() as cursor:
				cursor.execute(WAITING)
				return cursor.fetchone()[0] > 0
		finally:
			connection.close()

	def assertToldToTryAgain(self, response):
		"""What the desk shows: a message that nothing was saved and to try again, no traceback."""
		status, body = response
		self.assertEqual(status, 503, body)
		shown = body.get("_server_messages", "")
		self.assertIn("Perubahan Anda tidak disimpan", shown)
		self.assertNotIn("Traceback", str(body))

	def take_step(self, cycle: str):
		user = self.people[actor_at(cycle, frappe.db.get_value(MONITORING, cycle, "langkah"))]
		doc = frappe.get_doc(MONITORING, cycle).as_dict()
		data = {"doc": frappe.as_json(doc), "action": forward_action(cycle)}
		return ("POST", "/api/method/frappe.model.workflow.apply_workflow", user, data)

	def where(self, cycle: str) -> tuple:
		frappe.db.rollback()
		doc = frappe.get_doc(MONITORING, cycle)
		return doc.langkah, doc.workflow_state, doc.docstatus, len(doc.log_langkah), str(doc.modified)

	def test_killed_during_a_workflow_transition(self):
		cycle = self.moving.name
		before = self.where(cycle)
		moved = lambda: count_uncommitted(MONITORING, name=cycle, langkah=before[0] + 1) == 1  # noqa: E731
		self.assertToldToTryAgain(self.killed_while_waiting(VERSION_LOCKED, moved, *self.take_step(cycle)))

		self.assertEqual(self.where(cycle), before)
		# the step taken again goes through, on the served site reconnected by itself
		self.assertEqual(http(*self.take_step(cycle))[0], 200)
		self.assertEqual(self.where(cycle)[0], before[0] + 1)

	def test_killed_during_a_save_of_an_isian_of_50_rows(self):
		isian = frappe.get_doc(ISIAN, self.isian)
		before = [(row.name, row.realisasi_tw) for row in isian.indikator]
		self.assertEqual(len(before), ROWS)
		rows = [
			{"name": row.name, "indikator": row.indikator, "realisasi_tw": "110"} for row in isian.indikator
		]
		save = ("PUT", f"/api/resource/{ISIAN}/{isian.name}", self.head, {"indikator": rows})
		written = lambda: count_uncommitted(ISIAN_INDIKATOR, parent=isian.name, realisasi_tw="110") == ROWS  # noqa: E731
		self.assertToldToTryAgain(self.killed_while_waiting(VERSION_LOCKED, written, *save))

		frappe.db.rollback()
		after = frappe.get_doc(ISIAN, isian.name)
		self.assertEqual([(row.name, row.realisasi_tw) for row in after.indikator], before)
		self.assertEqual(after.modified, isian.modified)
		# saved again, all 50 rows
		self.assertEqual(http(*save)[0], 200)
		frappe.db.rollback()
		stored = frappe.get_all(ISIAN_INDIKATOR, {"parent": isian.name}, pluck="realisasi_tw")
		self.assertEqual(stored, ["110"] * ROWS)

	def test_killed_at_step_12_after_the_pdf_is_written(self):
		cycle = self.archiving.name
		laporan = laporan_of(cycle)
		before = self.where(cycle)
		series = frappe.db.sql("select name, current from tabSeries order by name")
		# the archive's file name may be on disk already: `bench reinstall` keeps the site's files,
		# so an earlier run's archive of the same number is an orphan there, which step 12 removes
		# and writes again (pdf_output.remove_orphan); a PDF written is a new file, not a new name
		on_disk = pdfs_on_disk()
		written = lambda: len(written_since(on_disk)) == 1  # noqa: E731
		self.assertToldToTryAgain(
			self.killed_while_waiting(
				f"select name from `tab{LAPORAN}` where name = '{laporan}' for update",
				written,
				*self.take_step(cycle),
			)
		)

		# nothing archived and no number taken, but the PDF written before the crash is on disk
		self.assertEqual(self.where(cycle), before)
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan, ["nomor_arsip", "file_arsip"]), (None, None))
		self.assertEqual(frappe.db.sql("select name, current from tabSeries order by name"), series)
		[orphan] = written_since(on_disk)
		file_url = "/private/files/" + os.path.basename(orphan)
		self.assertFalse(frappe.db.exists("File", {"file_url": file_url}))

		# the archive taken again gives the same number, and its PDF takes the orphan's place
		self.assertEqual(http(*self.take_step(cycle))[0], 200)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan, "file_arsip"), file_url)
		self.assertEqual(written_since(on_disk), {orphan})
		self.assertEqual(frappe.db.count("File", {"file_url": file_url}), 2)  # the cycle's and the report's
		self.assertEqual(self.where(cycle)[2], 1)
