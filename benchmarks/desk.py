"""What people wait for in the desk, over HTTP on a gunicorn-served site, against `frappe.ping`.

Seeds (each run, under new names) three kecamatan through the app's own code:
  - 30 units × 5 indicators whose Isian are open at step 4 (the heads' work),
  - 7 units × 5 indicators with the quarter signed and archived (the report and the PDF),
  - 2 units with the cycle at step 7, for workflow transitions.
Starts gunicorn (4 workers, /assets served beside it as nginx would) on a free port, then takes
each sample as a pair, one authenticated `GET /api/method/ping` and one operation, so the baseline
is measured under the same conditions. Prints p50 and p95 of each operation and their ratio to
the pings' p50 and p95; then throughput: 30 heads saving their Isian for a fixed time against
30 clients pinging for the same time.

Run: ./scripts/benchmark.sh desk   (or, in a bench's sites folder:
     ../env/bin/python <checkout>/benchmarks/desk.py <site>)
"""

import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

import frappe
import requests
from frappe.installer import update_site_config

HEADS, INDICATORS = 30, 5
SAMPLES, PDF_SAMPLES = 40, 10
THROUGHPUT_SECONDS = 15
ISIAN = "Isian Data Kinerja"
MONITORING = "Monitoring Kinerja Triwulan"
LAPORAN = "Laporan Hasil Monitoring"


def seed():
	"""Returns what the clients need: tokens, names and filters."""
	from kinerja_kecamatan.demo.quarter import run_quarter
	from kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.test_monitoring_kinerja_triwulan import (
		make_cycle,
		make_cycle_people,
	)
	from kinerja_kecamatan.laporan import laporan_of
	from kinerja_kecamatan.tests.rest import api_token
	from kinerja_kecamatan.workflow.sop import ARCHIVED, ROLE_CAMAT, ROLE_KASUBBAG_PK

	def on_target(row):
		return ("100", {})

	people = make_cycle_people()
	open_cycle, heads = make_cycle(people, units=HEADS, indicators=INDICATORS)
	run_quarter(people, heads, open_cycle.name, on_target, until=4)
	archived, _ = make_cycle(people, units=7, indicators=INDICATORS)
	run_quarter(people, _, archived.name, on_target, until=ARCHIVED)
	transitions, _ = make_cycle(people, units=2)
	run_quarter(people, _, transitions.name, on_target, until=7)
	frappe.db.commit()
	return {
		"heads": [
			(
				api_token(head),
				frappe.db.get_value(ISIAN, {"monitoring": open_cycle.name, "unit_kerja": unit}),
			)
			for unit, head in heads.items()
		],
		"camat": api_token(people[ROLE_CAMAT]),
		"kasubbag": api_token(people[ROLE_KASUBBAG_PK]),
		"transitions": transitions.name,
		"report_filters": {"kecamatan": archived.kecamatan, "tahun": archived.tahun, "triwulan": "I"},
		"laporan": laporan_of(archived.name),
	}


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class Server:
	"""gunicorn with 4 workers serving the site, started and stopped by the benchmark."""

	def __init__(self, site: str):
		self.site, self.port = site, free_port()
		self.url = f"http://127.0.0.1:{self.port}"

	def __enter__(self):
		sites_path = os.path.abspath(".")
		self.process = subprocess.Popen(
			[
				sys.executable,
				"-m",
				"gunicorn",
				"-b",
				f"127.0.0.1:{self.port}",
				"-w",
				"4",
				"-t",
				"120",
				"--pythonpath",
				os.path.dirname(os.path.abspath(__file__)),
				"served_app:application",
			],
			env={**os.environ, "SITES_PATH": sites_path},
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		for _ in range(240):
			try:
				self.session(None).get(f"{self.url}/api/method/ping", timeout=30)
				return self
			except requests.RequestException:  # still booting
				time.sleep(0.5)
		raise SystemExit("gunicorn did not start")

	def __exit__(self, *exc):
		self.process.terminate()
		self.process.wait(timeout=60)

	def session(self, token):
		session = requests.Session()
		session.headers.update({"X-Frappe-Site-Name": self.site, "Accept": "application/json"})
		if token:
			session.headers["Authorization"] = token
		return session


def call(session, method, url, **kwargs):
	response = session.request(method, url, timeout=120, **kwargs)
	if response.status_code != 200:
		raise SystemExit(f"{method} {url} → {response.status_code}: {response.text[:500]}")
	return response


def percentiles(samples):
	ordered = sorted(samples)
	return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def isian_change(doc, value):
	for row in doc["indikator"]:
		row.update(realisasi_tw=value, faktor_penghambat="Hujan deras", tindak_lanjut="Jadwal ulang")
	return doc


def latency_cases(server, data):
	"""(name, session, operation(i), samples) for each thing a user waits for."""
	url = server.url
	head_token, isian = data["heads"][0]
	head = server.session(head_token)
	camat, kasubbag = server.session(data["camat"]), server.session(data["kasubbag"])
	current = {}

	def open_isian(_i):
		response = call(
			head,
			"GET",
			f"{url}/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": ISIAN, "name": isian},
		)
		current["doc"] = response.json()["docs"][0]

	def save_isian(i):
		doc = isian_change(current["doc"], str(90 + i % 11))
		response = call(
			head,
			"POST",
			f"{url}/api/method/frappe.desk.form.save.savedocs",
			data={"doc": json.dumps(doc), "action": "Save"},
		)
		current["doc"] = response.json()["docs"][0]

	transitions = data["transitions"]

	def transition(i):
		# step 7 ↔ 6: the Camat returns the schedule with a reason, the Kasubbag resubmits it
		if i % 2 == 0:
			call(
				camat,
				"PUT",
				f"{url}/api/resource/{MONITORING}/{transitions}",
				json={"alasan_pengembalian": "Jadwal bentrok dengan rapat koordinasi"},
			)
			who, action = camat, "Kembalikan Jadwal"
		else:
			who, action = kasubbag, "Ajukan Jadwal Monitoring"
		start = time.perf_counter()
		call(
			who,
			"POST",
			f"{url}/api/method/frappe.model.workflow.apply_workflow",
			data={"doc": json.dumps({"doctype": MONITORING, "name": transitions}), "action": action},
		)
		return time.perf_counter() - start  # the reason's save is not the transition

	def capaian_report(_i):
		call(
			camat,
			"POST",
			f"{url}/api/method/frappe.desk.query_report.run",
			data={"report_name": "Capaian Kinerja Triwulan", "filters": json.dumps(data["report_filters"])},
		)

	def pdf(_i):
		response = call(
			camat,
			"GET",
			f"{url}/api/method/frappe.utils.print_format.download_pdf",
			params={"doctype": LAPORAN, "name": data["laporan"], "format": LAPORAN},
		)
		assert response.content.startswith(b"%PDF"), response.content[:200]

	open_isian(0)
	return [
		("buka Isian (getdoc)", head, open_isian, SAMPLES),
		("simpan Isian (savedocs)", head, save_isian, SAMPLES),
		("transisi workflow", camat, transition, SAMPLES),
		("laporan Capaian Kinerja Triwulan", camat, capaian_report, SAMPLES),
		("PDF Laporan Hasil Monitoring", camat, pdf, PDF_SAMPLES),
	]


def timed_samples(server, session, operation, samples):
	pings, times = [], []
	for i in range(samples):
		start = time.perf_counter()
		call(session, "GET", f"{server.url}/api/method/ping")
		pings.append(time.perf_counter() - start)
		start = time.perf_counter()
		inner = operation(i)
		times.append(inner if inner is not None else time.perf_counter() - start)
	return pings, times


def throughput(server, heads, work):
	"""Completed calls per second by len(heads) clients for THROUGHPUT_SECONDS; 5xx counted."""
	done, errors = [0], []
	lock = threading.Lock()
	deadline = time.perf_counter() + THROUGHPUT_SECONDS

	def client(token, isian):
		session = server.session(token)
		state = {}
		while time.perf_counter() < deadline:
			status = work(session, isian, state)
			with lock:
				if status == 200:
					done[0] += 1
				else:
					errors.append(status)

	threads = [threading.Thread(target=client, args=head) for head in heads]
	started = time.perf_counter()
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	return done[0] / (time.perf_counter() - started), errors


def main(site):
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	logging.getLogger("CSSUTILS").setLevel(logging.CRITICAL)  # print CSS chatter while signing
	server = Server(site)
	# wkhtmltopdf fetches the print's assets from host_name: both the signing while seeding and
	# the PDF benchmark print
	update_site_config("host_name", server.url)
	with server:
		print(f"seeding 3 kecamatan ({HEADS} + 7 + 2 units) and running their quarters…", flush=True)
		data = seed()
		frappe.destroy()
		print(
			f"\n{'operation':<34} {'p50 s':>7} {'p95 s':>7} {'ping p50':>9} {'ping p95':>9} {'×p50':>6} {'×p95':>6}"
		)
		for name, session, operation, samples in latency_cases(server, data):
			timed_samples(server, session, operation, 2)  # warm the workers' caches
			pings, times = timed_samples(server, session, operation, samples)
			(p50, p95), (b50, b95) = percentiles(times), percentiles(pings)
			print(
				f"{name:<34} {p50:>7.3f} {p95:>7.3f} {b50:>9.4f} {b95:>9.4f} {p50 / b50:>6.1f} {p95 / b95:>6.1f}"
			)

		def ping(session, _isian, _state):
			return session.get(f"{server.url}/api/method/ping", timeout=120).status_code

		def save(session, isian, state):
			if "doc" not in state:
				response = session.get(
					f"{server.url}/api/method/frappe.desk.form.load.getdoc",
					params={"doctype": ISIAN, "name": isian},
					timeout=120,
				)
				state["doc"] = response.json()["docs"][0]
			state["n"] = state.get("n", 0) + 1
			response = session.post(
				f"{server.url}/api/method/frappe.desk.form.save.savedocs",
				data={
					"doc": json.dumps(isian_change(state["doc"], str(90 + state["n"] % 11))),
					"action": "Save",
				},
				timeout=120,
			)
			if response.status_code == 200:
				state["doc"] = response.json()["docs"][0]
			return response.status_code

		pings, ping_errors = throughput(server, data["heads"], ping)
		saves, save_errors = throughput(server, data["heads"], save)
		print(
			f"\n{HEADS} clients for {THROUGHPUT_SECONDS} s: {saves:.1f} Isian saves/s against "
			f"{pings:.1f} pings/s (ratio {pings / saves:.1f}); "
			f"non-200 responses: saves {len(save_errors)}, pings {len(ping_errors)}"
		)


if __name__ == "__main__":
	main(sys.argv[1] if len(sys.argv) > 1 else "bench.localhost")
