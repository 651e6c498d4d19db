"""A gunicorn worker SIGKILLed mid-request while 30 unit heads save (issue 26, item 6): the save
it was serving is refused, without a traceback, and goes through when the head saves again; none
is half-written, and the database equals the successful saves.

On a gunicorn started as tests/test_concurrency.py starts its own, with the same 30 heads and
their Isian (made once per run, concurrent_heads), never on the served site's. Every head's save is held, once written, on a table lock taken here (a save writes
its Version last); the worker whose transaction has written is killed, then the lock is released.
"""

import threading
import time

import frappe
import psutil
import pytest
import requests

from kinerja_kecamatan.doctypes import ISIAN, ISIAN_INDIKATOR
from kinerja_kecamatan.tests import test_concurrency
from kinerja_kecamatan.tests.faults.processes import connect_site_database
from kinerja_kecamatan.tests.test_concurrency import HEADS

pytestmark = pytest.mark.faults

ATTEMPTS = 3


def written_and_waiting(connection) -> list[tuple[int, str]]:
	"""(client port, query) of each save that has written its rows and waits on the Version table."""
	with connection.cursor() as cursor:
		cursor.execute(
			"""select host, info from information_schema.processlist
			where state like 'Waiting for table%%' and info like 'insert into `tabVersion`%%'"""
		)
		return [(int(host.rsplit(":", 1)[1]), info) for host, info in cursor.fetchall() if ":" in host]


# subclassed through its module, so that pytest does not collect the parent here too
class TestGunicornWorkerKilled(test_concurrency.TestConcurrentUnitHeads):
	# the parent's test (no faults) runs in its own module
	test_no_errors_no_lost_updates = None

	def worker_of(self, client_port: int) -> psutil.Process:
		for worker in psutil.Process(self.server.pid).children():
			if any(c.laddr.port == client_port for c in worker.connections(kind="tcp")):
				return worker
		raise AssertionError(f"no gunicorn worker holds the connection from port {client_port}")

	def test_a_worker_killed_mid_save(self):
		url = f"http://127.0.0.1:{self.port}/api/resource/{ISIAN}"
		lock = threading.Lock()
		saved, refused, problems = {}, [], []

		def save(token: str, isian: str):
			"""Each attempt writes a value of its own; a refused one is saved again, as the desk's
			user would after its message."""
			session = requests.Session()
			session.headers.update(self.headers(token))
			for attempt in range(1, ATTEMPTS + 1):
				value = f"{attempt}0"
				try:
					doc = session.get(f"{url}/{isian}", timeout=60).json()["data"]
					row = {
						"name": doc["indikator"][0]["name"],
						"indikator": doc["indikator"][0]["indikator"],
						# below target, so the analysis is asked for
						"faktor_penghambat": "Hujan",
						"tindak_lanjut": "Jadwal ulang",
					}
					change = {"modified": doc["modified"], "indikator": [{**row, "realisasi_tw": value}]}
					response = session.put(f"{url}/{isian}", json=change, timeout=60)
				except requests.ConnectionError as error:  # the worker died with the request
					with lock:
						refused.append((isian, value, repr(error)))
					continue
				with lock:
					if response.status_code == 200:
						saved[isian] = value
						return
					problems.append((isian, response.status_code, response.text[:300]))
					return

		# test_concurrency's saves may have gone before, and left Versions of their own
		versions_before = set(
			frappe.get_all(
				"Version",
				{"ref_doctype": ISIAN, "docname": ("in", [isian for *_, isian in self.work])},
				pluck="name",
			)
		)
		# this connection's read of tabVersion ends here: LOCK TABLES below waits for every open
		# transaction that read the table
		frappe.db.rollback()
		holder = connect_site_database(autocommit=False)
		with holder.cursor() as cursor:
			cursor.execute("lock tables `tabVersion` write")
		threads = [threading.Thread(target=save, args=(token, isian)) for _user, token, isian in self.work]
		started = time.perf_counter()
		for thread in threads:
			thread.start()
		watcher = connect_site_database()
		try:
			deadline = time.monotonic() + 60
			while not (waiting := written_and_waiting(watcher)) and time.monotonic() < deadline:
				time.sleep(0.1)
			self.assertTrue(waiting, f"no save reached its Version within 60 s: {problems}")
			client_port, _query = waiting[0]
			self.worker_of(client_port).kill()
		finally:
			watcher.close()
			holder.close()  # the lock goes with it
		for thread in threads:
			thread.join(timeout=120)
		elapsed = time.perf_counter() - started

		self.assertFalse([thread for thread in threads if thread.is_alive()], "a head still waits")
		self.assertEqual(problems, [])
		# one save refused (its worker killed), and saved again
		[(victim, killed_value, _error)] = refused
		self.assertEqual(len(saved), HEADS)
		self.assertEqual(saved[victim], "20")
		frappe.db.rollback()  # what the server committed
		for _user, _token, isian in self.work:
			self.assertEqual(
				frappe.db.get_value(ISIAN_INDIKATOR, {"parent": isian}, "realisasi_tw"), saved[isian]
			)
		# nothing of the killed save was kept: no Version records its value
		versions = frappe.get_all(
			"Version",
			{"ref_doctype": ISIAN, "docname": victim, "name": ("not in", versions_before or [""])},
			pluck="data",
		)
		self.assertFalse([data for data in versions if f'"{killed_value}"' in data], versions)
		print(f"\n{HEADS} heads saved in {elapsed:.1f} s, one worker killed mid-save and its save repeated")
