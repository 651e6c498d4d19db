"""Managers' reads go to the MariaDB read replica, writes to the primary.

./scripts/test.sh starts a replica of the primary (scripts/lib/replica.sh) and passes its port.
The test points the served site at it (Frappe's read_from_replica), pauses the replica's SQL
thread, changes a realisasi through the app, and reads: the report, the card and Report View
still show the old value, while the heads' saves and the workflow keep working; once the thread
resumes, they show the new one.
"""

import json
import os

import frappe
import pymysql
from frappe.installer import update_site_config
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import forward_action, run_quarter
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
)
from kinerja_kecamatan.tests.rest import http
from kinerja_kecamatan.workflow.sop import DEFAULT_SOP, ROLE_CAMAT
from kinerja_kecamatan.workflow.transition import actor_of

ISIAN = "Isian Data Kinerja"
MONITORING = "Monitoring Kinerja Triwulan"
REPORT = "Capaian Kinerja Triwulan"


def as_root(port: int):
	return pymysql.connect(
		host="127.0.0.1", port=port, user="root", password=os.environ["DB_ROOT_PASSWORD"], autocommit=True
	)


def replica():
	port = os.environ.get("KINERJA_REPLICA_PORT")
	if not port:
		raise AssertionError("no read replica: run the tests with ./scripts/test.sh, which starts one")
	return as_root(int(port))


def primary_position() -> tuple[str, int]:
	"""Where the primary's binary log ends now."""
	with as_root(int(frappe.conf.db_port or 3306)) as primary, primary.cursor() as cursor:
		cursor.execute("SHOW MASTER STATUS")
		return cursor.fetchone()[:2]


class TestReadReplica(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		cycle, heads = make_cycle(cls.people, units=1)
		run_quarter(cls.people, heads, cycle.name, lambda row: ("100", {}), until=4)
		cls.cycle = frappe.get_doc(MONITORING, cycle.name)
		((cls.unit, cls.head),) = heads.items()
		cls.isian = frappe.db.get_value(ISIAN, {"monitoring": cycle.name, "unit_kerja": cls.unit})
		frappe.db.commit()
		cls.replica = replica()

	@classmethod
	def tearDownClass(cls):
		cls.replica.cursor().execute("START SLAVE SQL_THREAD")
		cls.replica.close()
		super().tearDownClass()

	def setUp(self):
		update_site_config("read_from_replica", 1)
		update_site_config("replica_host", "127.0.0.1")
		update_site_config("replica_db_port", int(os.environ.get("KINERJA_REPLICA_PORT", 3307)))
		self.addCleanup(update_site_config, "read_from_replica", 0)

	def caught_up(self):
		file, position = primary_position()
		with self.replica.cursor() as cursor:
			cursor.execute("SELECT MASTER_POS_WAIT(%s, %s, 60)", (file, position))
			self.assertGreaterEqual(cursor.fetchone()[0], 0, "the replica did not catch up")

	def save_realisasi(self, value: str):
		status, body = http("GET", f"/api/resource/{ISIAN}/{self.isian}", self.head)
		self.assertEqual(status, 200, body)
		rows = body["data"]["indikator"]
		for row in rows:
			row["realisasi_tw"] = value
		status, body = http("PUT", f"/api/resource/{ISIAN}/{self.isian}", self.head, {"indikator": rows})
		self.assertEqual(status, 200, body)

	def seen_by_managers(self) -> dict:
		"""What the Camat reads over HTTP: the report's realisasi, the card and Report View's."""
		camat = self.people[ROLE_CAMAT]
		filters = {"kecamatan": self.cycle.kecamatan, "tahun": self.cycle.tahun, "triwulan": "I"}
		status, body = http(
			"POST",
			"/api/method/frappe.desk.query_report.run",
			camat,
			{"report_name": REPORT, "filters": json.dumps(filters)},
		)
		self.assertEqual(status, 200, body)
		report = [
			row["realisasi_tw"]
			for row in body["message"]["result"]
			if isinstance(row, dict) and row.get("indikator")
		]
		status, body = http(
			"POST",
			"/api/method/frappe.desk.reportview.get",
			camat,
			{
				"doctype": ISIAN,
				"fields": json.dumps([f"`tab{ISIAN} Indikator`.`realisasi_tw`"]),
				"filters": json.dumps([[ISIAN, "name", "=", self.isian]]),
			},
		)
		self.assertEqual(status, 200, body)
		report_view = [values[0] for values in body["message"]["values"]]
		status, body = http(
			"POST", "/api/method/kinerja_kecamatan.reports.dashboard.rata_rata_capaian", camat
		)
		self.assertEqual(status, 200, body)
		return {"report": report, "report_view": report_view, "card": body["message"]}

	def test_reads_follow_the_replica_while_writes_go_on(self):
		self.save_realisasi("120")
		self.caught_up()
		self.assertEqual(self.seen_by_managers(), {"report": ["120"], "report_view": ["120"], "card": 120.0})

		self.replica.cursor().execute("STOP SLAVE SQL_THREAD")
		self.save_realisasi("130")
		# the head's save reached the primary…
		self.assertEqual(
			frappe.db.get_value(f"{ISIAN} Indikator", {"parent": self.isian}, "realisasi_tw"), "130"
		)
		# …while every managers' read still comes from the paused replica
		self.assertEqual(self.seen_by_managers(), {"report": ["120"], "report_view": ["120"], "card": 120.0})
		# the workflow moves on the primary while the replica lags: the head submits the Isian
		status, body = http("POST", "/api/method/frappe.client.submit", self.head, {"doc": self.isian_doc()})
		self.assertEqual(status, 200, body)
		self.assertEqual(frappe.db.get_value(ISIAN, self.isian, "docstatus"), 1)
		# …and the officer closes step 4
		status, body = http(
			"POST",
			"/api/method/frappe.model.workflow.apply_workflow",
			self.people[actor_of(4, DEFAULT_SOP)],
			{
				"doc": {"doctype": MONITORING, "name": self.cycle.name},
				"action": forward_action(self.cycle.name),
			},
		)
		self.assertEqual(status, 200, body)
		self.assertEqual(frappe.db.get_value(MONITORING, self.cycle.name, "langkah"), 5)

		self.replica.cursor().execute("START SLAVE SQL_THREAD")
		self.caught_up()
		self.assertEqual(self.seen_by_managers(), {"report": ["130"], "report_view": ["130"], "card": 130.0})

	def isian_doc(self) -> dict:
		status, body = http("GET", f"/api/resource/{ISIAN}/{self.isian}", self.head)
		self.assertEqual(status, 200, body)
		return body["data"]
