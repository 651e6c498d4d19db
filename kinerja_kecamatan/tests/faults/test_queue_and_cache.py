"""The background work's machinery failing mid-work (issue 26, items 2 and 3), on the real MariaDB,
Redis and RQ workers: a worker SIGKILLed while it gives 60 units their Format Isian and while it
zips every unit's file; the queue's Redis gone when step 3 queues its work; the cache's Redis gone
during a save and a report. Each time: what the user is told, and the database all or nothing.

Each test points the site at a redis-server of its own (never the bench's) and starts the workers
it kills; every wait is bounded.
"""

import glob
import io
import json
import zipfile

import frappe
import pytest
import redis
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan import jobs
from kinerja_kecamatan.demo.quarter import actor_at, forward_action, run_quarter
from kinerja_kecamatan.doctypes import ISIAN, MONITORING
from kinerja_kecamatan.tests.browser import eventually, on_target
from kinerja_kecamatan.tests.factories import make_cycle, make_cycle_people, open_cycle
from kinerja_kecamatan.tests.faults.processes import (
	OwnRedis,
	Progress,
	count_uncommitted,
	kill_worker,
	site_redis,
	start_worker,
)
from kinerja_kecamatan.tests.rest import rest
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLE_KASUBBAG_PK

pytestmark = pytest.mark.faults

UNITS = 60
# the tests' own redis-servers; the bench's are on 11000 and 13000
QUEUE_PORT, CACHE_PORT = 16391, 16392
REPORT = "Capaian Kinerja Triwulan"


class TestQueueAndCacheFaults(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		# one kecamatan of 60 units: its TW I and TW II cycles wait at step 3, whose work is queued
		first, cls.heads = make_cycle(cls.people, units=UNITS, heads_shared=6)
		second = open_cycle(
			cls.people[ROLE_KASUBBAG_PK], first.kecamatan, first.perjanjian_kinerja, triwulan="II"
		)
		cls.cycles = [first.name, second.name]
		for cycle in cls.cycles:
			run_quarter(cls.people, cls.heads, cycle, on_target, until=3)
		# the unit head of a small kecamatan fills their Isian at step 4 (made at once, unqueued)
		small, small_heads = make_cycle(cls.people, units=1, indicators=3)
		run_quarter(cls.people, small_heads, small.name, on_target, until=4)
		[(cls.small_unit, cls.small_head)] = small_heads.items()
		cls.small = frappe.get_doc(MONITORING, small.name)
		frappe.db.commit()
		cls.queue = OwnRedis(QUEUE_PORT).start()
		cls.addClassCleanup(cls.queue.stop)

	def take_step(self, cycle: str):
		"""The cycle's current step completed by its actor, as the desk's workflow button does."""
		user = self.people[actor_at(cycle, frappe.db.get_value(MONITORING, cycle, "langkah"))]
		doc = frappe.get_doc(MONITORING, cycle).as_dict()
		return rest(
			"POST",
			"/api/method/frappe.model.workflow.apply_workflow",
			user,
			{"doc": frappe.as_json(doc), "action": forward_action(cycle)},
		)

	def where(self, cycle: str) -> tuple:
		frappe.db.rollback()
		doc = frappe.get_doc(MONITORING, cycle)
		return doc.langkah, doc.workflow_state, len(doc.log_langkah)

	def assertToldAndNothingElse(self, response, status: int, message: str):
		"""The desk's dialog (the response's messages) says `message`, and no traceback: a 417 is
		a message the desk shows, a 500 would be a traceback."""
		status_given, body = response
		shown = body.get("_server_messages", "")
		self.assertEqual(status_given, status, shown or body)
		self.assertIn(message, shown)
		self.assertNotIn("Traceback", shown)

	def assertEachUnitHasOneIsianAndOneTodo(self, cycle: str):
		frappe.db.rollback()
		isian = frappe.get_all(ISIAN, {"monitoring": cycle}, ["name", "unit_kerja"])
		self.assertEqual(sorted(row.unit_kerja for row in isian), sorted(self.heads))
		todos = frappe.get_all(
			"ToDo",
			{
				"reference_type": ISIAN,
				"reference_name": ("in", [row.name for row in isian]),
				"status": "Open",
			},
			["reference_name", "allocated_to"],
		)
		self.assertEqual(
			sorted((todo.reference_name, todo.allocated_to) for todo in todos),
			sorted((row.name, self.heads[row.unit_kerja]) for row in isian),
		)
		self.assertEqual(frappe.db.get_value(MONITORING, cycle, "jumlah_unit"), UNITS)

	def assertResumedAndToldTo(self, user: str, subject: str):
		"""The scheduler's sweep (run here as it runs every few minutes) puts the stranded job
		back once MariaDB has noticed its process gone, and the user's bell says so."""
		self.assertTrue(eventually(lambda: bool(jobs.resume_stranded()), True, seconds=30))
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": user, "subject": subject}),
			frappe.get_all("Notification Log", {"for_user": user}, pluck="subject"),
		)

	def test_a_worker_killed_while_it_gives_each_unit_its_isian(self):
		cycle = self.cycles[0]
		officer = self.people[actor_at(cycle, 3)]
		with site_redis(redis_queue=self.queue.url):
			progress = Progress(self.queue)
			# already listening, so the job may well start before the step has committed
			worker = start_worker(self.queue, burst=False)
			self.addCleanup(kill_worker, worker)
			self.assertToldAndNothingElse(
				self.take_step(cycle), 200, f"Format Isian untuk {UNITS} unit disiapkan di latar belakang"
			)
			self.assertTrue(progress.reaches(40, seconds=90), "the job never got halfway")
			self.assertGreater(count_uncommitted(ISIAN, monitoring=cycle), 0)
			kill_worker(worker)

			# nothing of the killed job's transaction stands
			frappe.db.rollback()
			self.assertEqual(frappe.db.count(ISIAN, {"monitoring": cycle}), 0)
			# MariaDB rolls the dead connection's transaction back, in seconds
			self.assertEqual(eventually(lambda: count_uncommitted(ISIAN, monitoring=cycle), 0), 0)
			# and the collection cannot be closed while units have no Isian
			self.assertToldAndNothingElse(self.take_step(cycle), 417, "belum diajukan (submit)")
			self.assertEqual(self.where(cycle)[0], 4)

			self.assertResumedAndToldTo(
				officer, f"Tertunda: Menyampaikan Format Isian {cycle} ({UNITS} unit)"
			)
			self.assertEqual(start_worker(self.queue).wait(timeout=120), 0)
		self.assertEachUnitHasOneIsianAndOneTodo(cycle)

	def test_the_queue_down_when_step_3_queues_its_work(self):
		cycle = self.cycles[1]
		before = self.where(cycle)
		with site_redis(redis_queue=self.queue.url):
			self.queue.stop()
			try:
				refused = self.take_step(cycle)
			finally:
				self.queue.start()  # empty, as a restarted Redis is
			self.assertToldAndNothingElse(
				refused, 417, "Antrean pekerjaan latar belakang tidak dapat dihubungi"
			)
			self.assertEqual(self.where(cycle), before)
			self.assertEqual(frappe.db.count(ISIAN, {"monitoring": cycle}), 0)

			# once Redis answers again, the same step goes through and its work is done
			self.assertToldAndNothingElse(self.take_step(cycle), 200, "disiapkan di latar belakang")
			self.assertEqual(start_worker(self.queue).wait(timeout=120), 0)
		self.assertEqual(self.where(cycle)[0], before[0] + 1)
		self.assertEachUnitHasOneIsianAndOneTodo(cycle)

	def test_a_worker_killed_while_it_zips_every_units_format(self):
		cycle = self.cycles[0]
		officer = self.people[actor_at(cycle, 3)]
		zip_name = f"Format Isian {cycle}.zip"
		on_disk = frappe.get_site_path("private", "files", f"Format Isian {cycle}*.zip")
		with site_redis(redis_queue=self.queue.url):
			progress = Progress(self.queue)
			asked = rest(
				"POST",
				"/api/method/kinerja_kecamatan.format_isian.excel.download_all_formats",
				officer,
				{"monitoring": cycle},
			)
			self.assertEqual(asked[0], 200, asked)
			worker = start_worker(self.queue)
			self.addCleanup(kill_worker, worker)
			self.assertTrue(progress.reaches(40, seconds=90), "the job never got halfway")
			kill_worker(worker)

			frappe.db.rollback()
			self.assertFalse(frappe.db.exists("File", {"file_name": zip_name}))
			self.assertEqual(glob.glob(on_disk), [])

			self.assertResumedAndToldTo(officer, f"Tertunda: Format Isian semua unit {cycle}")
			self.assertEqual(start_worker(self.queue).wait(timeout=120), 0)
		frappe.db.rollback()
		[saved] = frappe.get_all("File", {"file_name": zip_name}, ["name", "file_url"])
		self.assertEqual(len(glob.glob(on_disk)), 1)
		with zipfile.ZipFile(io.BytesIO(frappe.get_doc("File", saved.name).get_content())) as archive:
			self.assertEqual(len([name for name in archive.namelist() if name.endswith(".xlsx")]), UNITS)

	def test_the_cache_down_during_a_save_and_a_report(self):
		"""Frappe holds nothing in its cache that is not also in the database: with the cache gone a
		save commits whole and a report reads the database; back (empty, as a restarted Redis
		is), nothing stale is served."""
		cache = OwnRedis(CACHE_PORT).start()
		self.addCleanup(cache.stop)
		isian = frappe.get_doc(ISIAN, {"monitoring": self.small.name, "unit_kerja": self.small_unit})

		def save(value: str):
			rows = [
				{"name": row.name, "indikator": row.indikator, "realisasi_tw": value}
				for row in isian.indikator
			]
			return rest("PUT", f"/api/resource/{ISIAN}/{isian.name}", self.small_head, {"indikator": rows})

		def saved() -> list:
			frappe.db.rollback()
			return frappe.get_all(
				f"{ISIAN} Indikator", {"parent": isian.name}, pluck="realisasi_tw", order_by="idx"
			)

		def reported() -> list:
			filters = {"kecamatan": self.small.kecamatan, "tahun": self.small.tahun, "triwulan": "I"}
			status, body = rest(
				"POST",
				"/api/method/frappe.desk.query_report.run",
				self.people[ROLE_CAMAT],
				{"report_name": REPORT, "filters": json.dumps(filters)},
			)
			self.assertEqual(status, 200, body)
			return [
				row["realisasi_tw"]
				for row in body["message"]["result"]
				if isinstance(row, dict) and row.get("indikator")
			]

		with site_redis(redis_cache=cache.url):
			self.assertEqual(save("100")[0], 200)
			self.assertEqual(reported(), ["100"] * 3)
			self.assertGreater(redis.Redis(port=CACHE_PORT).dbsize(), 0)  # the site does use it
			cache.stop()
			self.assertFalse(frappe.cache.connected())
			self.assertToldAndNothingElse(save("110"), 200, "")
			self.assertEqual(saved(), ["110"] * 3)
			self.assertEqual(reported(), ["110"] * 3)
			cache.start()
			self.assertEqual(reported(), ["110"] * 3)
			self.assertEqual(save("120")[0], 200)
			self.assertEqual(saved(), ["120"] * 3)
			self.assertEqual(reported(), ["120"] * 3)
