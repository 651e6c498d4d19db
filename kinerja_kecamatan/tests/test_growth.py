"""Cost that does not grow with a cycle's history, and work too big to wait for moved to a worker.

Queries are counted by MariaDB itself (the session's `Questions`), so no Frappe code is wrapped.
"""

import time

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan import jobs
from kinerja_kecamatan.demo.quarter import act, as_user, complete, forward_action, run_quarter
from kinerja_kecamatan.tests.bench import run_bench
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
)
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLE_KASUBBAG_PK

MONITORING = "Monitoring Kinerja Triwulan"
ISIAN = "Isian Data Kinerja"


def on_target(row):
	return ("100", {})


def questions() -> int:
	return int(frappe.db.sql("SHOW SESSION STATUS LIKE 'Questions'")[0][1])


def add_log_rows(monitoring: str, count: int) -> None:
	"""`count` more entries in the step log, as many returns at steps 6–7 would leave."""
	doc = frappe.get_doc(MONITORING, monitoring)
	last = doc.log_langkah[-1]
	for i in range(count):
		row = frappe.copy_doc(last)
		row.update(
			{
				"parent": monitoring,
				"parenttype": MONITORING,
				"parentfield": "log_langkah",
				"docstatus": 0,
				"idx": len(doc.log_langkah) + i + 1,
			}
		)
		row.db_insert()


class TestTransitionCost(FrappeTestCase):
	def test_a_transition_runs_as_many_queries_with_500_logged_steps_as_with_7(self):
		people = make_cycle_people()
		cycle, heads = make_cycle(people, units=2)
		run_quarter(people, heads, cycle.name, on_target, until=7)

		def round_trip() -> int:
			"""The Camat returns the schedule, the Kasubbag PK resubmits it."""
			start = questions()
			frappe.db.set_value(MONITORING, cycle.name, "alasan_pengembalian", "Jadwal bentrok")
			act(people[ROLE_CAMAT], cycle.name, "Kembalikan Jadwal")
			act(people[ROLE_KASUBBAG_PK], cycle.name, forward_action(cycle.name))
			return questions() - start

		round_trip()  # warm the caches
		short = round_trip()
		add_log_rows(cycle.name, 500)
		self.assertGreater(len(frappe.get_doc(MONITORING, cycle.name).log_langkah), 500)
		self.assertEqual(round_trip(), short)


class TestStepLogOnArchive(FrappeTestCase):
	def test_archiving_a_cycle_submits_every_logged_step_with_it(self):
		people = make_cycle_people()
		cycle, heads = make_cycle(people, units=1)
		run_quarter(people, heads, cycle.name, on_target)
		self.assertEqual(frappe.db.get_value(MONITORING, cycle.name, "docstatus"), 1)
		statuses = frappe.get_all(
			"Log Langkah Monitoring", {"parent": cycle.name}, pluck="docstatus", distinct=True
		)
		self.assertEqual(statuses, [1])


class TestIsianSaveCost(FrappeTestCase):
	def save_queries(self, indicators: int) -> int:
		"""Statements of the head's second save of an Isian of `indicators` rows."""
		people = make_cycle_people()
		cycle, heads = make_cycle(people, units=1, indicators=indicators)
		run_quarter(people, heads, cycle.name, on_target, until=4)
		[(unit, head)] = heads.items()
		name = frappe.db.get_value(ISIAN, {"monitoring": cycle.name, "unit_kerja": unit})
		counts = []
		for value in ("101", "102"):
			with as_user(head):
				doc = frappe.get_doc(ISIAN, name)
				for row in doc.indikator:
					row.realisasi_tw = value
				start = questions()
				doc.save()
				counts.append(questions() - start)
		return counts[-1]

	def test_each_more_indicator_row_costs_one_update_and_nothing_else(self):
		# Frappe checks each row's Link with a query of its own; the app checks them in one
		self.assertEqual(self.save_queries(40) - self.save_queries(5), 35)

	def test_a_missing_indicator_is_named_by_its_row(self):
		people = make_cycle_people()
		cycle, heads = make_cycle(people, units=1, indicators=2)
		run_quarter(people, heads, cycle.name, on_target, until=4)
		[(unit, head)] = heads.items()
		doc = frappe.get_doc(ISIAN, {"monitoring": cycle.name, "unit_kerja": unit})
		kept = doc.indikator[1].indikator
		doc.indikator[1].indikator = "Tidak Ada"
		self.addCleanup(setattr, frappe.local, "lang", frappe.local.lang)
		frappe.local.lang = "id"  # the site's language, as the head's desk speaks it
		with as_user(head), self.assertRaises(frappe.LinkValidationError) as raised:
			doc.save()
		self.assertEqual(str(raised.exception), "Tidak dapat menemukan Baris #2: Indikator: Tidak Ada")
		row = frappe.db.get_value(f"{ISIAN} Indikator", {"parent": doc.name, "idx": 2}, "indikator")
		self.assertEqual(row, kept)


class TestDistributionBySize(FrappeTestCase):
	def test_a_big_kecamatan_gets_its_isian_from_the_long_queue(self):
		people = make_cycle_people()
		units = jobs.SHORT_QUEUE_UNITS + 1
		cycle, heads = make_cycle(people, units=units)
		run_quarter(people, heads, cycle.name, on_target, until=3)
		complete(people, cycle.name, 3)
		# the officer does not wait for 31 documents: none yet, a job on the long queue
		self.assertEqual(frappe.db.count(ISIAN, {"monitoring": cycle.name}), 0)
		frappe.db.commit()
		run_bench("worker", "--queue", "long", "--burst")  # a real RQ worker, until the queue is empty
		# the job may also be taken by a worker the demo runs on this bench: wait for its commit
		for _ in range(120):
			frappe.db.rollback()  # a new snapshot, to see what the worker committed
			if frappe.db.count(ISIAN, {"monitoring": cycle.name}):  # one transaction: all or none
				break
			time.sleep(0.5)
		self.assertEqual(frappe.db.count(ISIAN, {"monitoring": cycle.name}), units)
		self.assertEqual(frappe.db.get_value(MONITORING, cycle.name, "jumlah_unit"), units)
		self.assertEqual(
			frappe.db.count(
				"ToDo",
				{"reference_type": ISIAN, "status": "Open", "allocated_to": ("in", list(heads.values()))},
			),
			units,
		)

	def test_a_small_kecamatan_gets_its_isian_at_once(self):
		people = make_cycle_people()
		cycle, heads = make_cycle(people, units=3)
		run_quarter(people, heads, cycle.name, on_target, until=3)
		complete(people, cycle.name, 3)
		self.assertEqual(frappe.db.count(ISIAN, {"monitoring": cycle.name}), 3)
