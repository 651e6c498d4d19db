"""30 unit heads saving their Isian at once through REST on a gunicorn-served site.

No 5xx, no lost update (a write based on a stale copy is refused by Frappe's timestamp check),
and the database ends equal to the last successful write of each head. Bounded: a fixed number
of rounds per head, against a server on 127.0.0.1 that the test starts and stops itself.
"""

import os
import socket
import subprocess
import sys
import threading
import time

import frappe
import requests
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.tests.factories import (
	make_indikator,
	make_isian,
	make_kecamatan,
	make_monitoring,
	make_pk,
	make_unit_head,
)
from kinerja_kecamatan.tests.rest import api_token

HEADS = 30
ROUNDS = 4


# site → the heads' work (concurrent_heads), made once per test run
_HEADS = {}


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def concurrent_heads() -> list[tuple[str, str, str]]:
	"""(user, API token, Isian) of 30 unit heads of one kecamatan, each with an Isian of one
	indicator in one cycle, made and committed once per test run (about 90 s): this module's
	test and tests/faults/test_gunicorn_worker_killed.py share them. Each reads its Isian afresh
	before saving and checks only what its own saves left."""
	site = frappe.local.site
	if site not in _HEADS:
		kecamatan = make_kecamatan()
		units = [make_unit_head(kecamatan) for _ in range(HEADS)]
		indicators = {unit: make_indikator(kecamatan, unit) for unit, _head in units}
		pk = make_pk(kecamatan, 2024, {name: (400, 100, 100, 100, 100) for name in indicators.values()})
		monitoring = make_monitoring(pk)
		work = []
		for unit, head in units:
			isian = make_isian(monitoring, unit, {indicators[unit]: ""})
			work.append((head, api_token(head), isian.name))
		frappe.db.commit()
		_HEADS[site] = work
	return _HEADS[site]


class TestConcurrentUnitHeads(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.work = concurrent_heads()
		cls.site = frappe.local.site  # threads have no frappe.local
		cls.port = free_port()
		cls.server = subprocess.Popen(
			[
				sys.executable,
				"-m",
				"gunicorn",
				"-b",
				f"127.0.0.1:{cls.port}",
				"-w",
				"4",
				"-t",
				"60",
				"frappe.app:application",
			],
			cwd=os.path.abspath(frappe.local.sites_path),
			env={**os.environ, "SITES_PATH": os.path.abspath(frappe.local.sites_path)},
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		for _ in range(120):
			try:
				requests.get(
					f"http://127.0.0.1:{cls.port}/api/method/ping", headers=cls.headers(None), timeout=30
				)
				break
			except requests.RequestException:  # still booting
				time.sleep(0.5)

	@classmethod
	def tearDownClass(cls):
		cls.server.terminate()
		cls.server.wait(timeout=30)
		super().tearDownClass()

	@classmethod
	def headers(cls, token):
		headers = {"X-Frappe-Site-Name": cls.site, "Accept": "application/json"}
		if token:
			headers["Authorization"] = token
		return headers

	def test_no_errors_no_lost_updates(self):
		url = f"http://127.0.0.1:{self.port}/api/resource/Isian Data Kinerja"
		statuses, last_success, stale_refused, problems = [], {}, [], []
		lock = threading.Lock()

		def head_at_work(token, isian):
			try:
				rounds_of(token, isian)
			except Exception as e:  # a thread's crash must fail the test, not vanish
				with lock:
					problems.append((isian, "exception", repr(e)))

		def rounds_of(token, isian):
			session = requests.Session()
			session.headers.update(self.headers(token))
			stale = None
			for round_number in range(1, ROUNDS + 1):
				doc = session.get(f"{url}/{isian}", timeout=60).json()["data"]
				row = doc["indikator"][0]
				value = str(round_number * 10)
				change = {
					"modified": doc["modified"],
					"indikator": [
						{
							"name": row["name"],
							"indikator": row["indikator"],
							"realisasi_tw": value,
							"faktor_penghambat": "Hujan",
							"tindak_lanjut": "Jadwal ulang",
						}
					],
				}
				response = session.put(f"{url}/{isian}", json=change, timeout=60)
				with lock:
					statuses.append(response.status_code)
					if response.status_code == 200:
						last_success[isian] = value
					else:
						problems.append((isian, response.status_code, response.text[:200]))
				if stale:  # the copy read a round ago is out of date now
					response = session.put(
						f"{url}/{isian}",
						json={**stale, "indikator": [{**stale["indikator"][0], "realisasi_tw": "999"}]},
						timeout=60,
					)
					with lock:
						statuses.append(response.status_code)
						stale_refused.append(response.status_code == 417)
				stale = change

		threads = [
			threading.Thread(target=head_at_work, args=(token, isian)) for _user, token, isian in self.work
		]
		started = time.perf_counter()
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join(timeout=300)
		elapsed = time.perf_counter() - started

		self.assertFalse([s for s in statuses if s >= 500], "no 5xx")
		self.assertEqual(problems, [])
		self.assertEqual(len(stale_refused), HEADS * (ROUNDS - 1))
		self.assertTrue(all(stale_refused), "every stale write refused")
		frappe.db.rollback()  # see what the server committed
		for _user, _token, isian in self.work:
			stored = frappe.db.get_value("Isian Data Kinerja Indikator", {"parent": isian}, "realisasi_tw")
			self.assertEqual(stored, last_success[isian])
		print(
			f"\n{len(statuses)} requests by {HEADS} heads in {elapsed:.1f} s: {len(statuses) / elapsed:.1f} req/s"
		)
