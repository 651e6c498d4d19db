"""What people wait for in the desk, over HTTP on a gunicorn-served site, against plain Frappe doing
the same work in the same run (and against `frappe.ping`).

Seeds (each run, under new names) three kecamatan through the app's own code:
  - 30 units × 5 indicators whose Isian are open at step 4 (the heads' work),
  - 7 units × 5 indicators with the quarter signed and archived (the report and the PDF),
  - 2 units with the cycle at step 7, for workflow transitions;
and the anchors (twin.py): for each head's Isian a twin of plain Frappe (a custom DocType with the
same fields, rows, permissions, owner and assignment, and no app code), and a plain document with a
two-state Workflow made of the app's step 7 ↔ 6 transition.

Starts gunicorn (4 workers, /assets served beside it as nginx would) on a free port, then takes each
sample as one authenticated `GET /api/method/ping` followed by the app's operation and its anchor,
so all are measured under the same conditions:
  - open (getdoc), save (savedocs) and submit of an Isian against the same on its twin, as its head;
  - the app's step transition (apply_workflow) against the plain two-state one, by the same roles;
  - the Laporan's PDF over HTTP (download_pdf) and in-process (frappe.get_print as_pdf) against
    bare wkhtmltopdf on the same HTML and assets with the same options (pdf_floor.py);
  - the Capaian report (its anchor, Report View, is in reports.py);
then throughput: 30 heads saving their Isian, their twins, and pinging, for a fixed time each, in
turns (three rounds of 5 s each) so that outside load falls on all three alike.
The 30-unit kecamatan is above jobs.SHORT_QUEUE_UNITS, so its Isian come from the long queue: the
seed runs it with a burst worker (queued.py) and needs no worker to be up.
Each operation is also run once in-process to count its SQL queries (inprocess.py). Prints p50 and
p95 with their ratios to the pings and to the anchors, and the goals of issue #15 met or not; with
--profile, a cProfile of each operation whose goal is not met.

With --smoke, every step at tiny sizes and one sample each (step 3 of 5 heads still queued, the
limit lowered in this process): it shows the benchmark runs, its ratios mean nothing.

Run: ./scripts/benchmark.sh desk [--profile]   (or, in a bench's sites folder:
     ../env/bin/python <checkout>/benchmarks/desk.py <site> [--profile] [--smoke])
"""

import json
import logging
import os
import sys
import tempfile
import threading
import time
from contextlib import contextmanager

import frappe
from frappe.installer import update_site_config

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import inprocess
import pdf_floor
import queued
import twin
from server import Server, percentiles

HEADS, INDICATORS, ARCHIVED_UNITS = 30, 5, 7
SAMPLES, PDF_SAMPLES, SUBMIT_SAMPLES = 40, 10, 20
WARM = 2
THROUGHPUT_SECONDS, THROUGHPUT_ROUNDS = 15, 3


def use_smoke_sizes():
	"""--smoke: every step once, at the smallest sizes the cases need (5 heads: two for the
	submits, three for the in-process counts); step 3 of the heads' kecamatan still queued."""
	global HEADS, INDICATORS, ARCHIVED_UNITS, SAMPLES, PDF_SAMPLES, SUBMIT_SAMPLES, WARM
	global THROUGHPUT_SECONDS, THROUGHPUT_ROUNDS
	HEADS, INDICATORS, ARCHIVED_UNITS = 5, 2, 2
	SAMPLES = PDF_SAMPLES = SUBMIT_SAMPLES = WARM = 1
	THROUGHPUT_SECONDS, THROUGHPUT_ROUNDS = 2, 1
	queued.queue_kecamatan_above(HEADS - 1)
	LABELS[("save", "app")] = f"save Isian, {INDICATORS} rows (savedocs)"
	LABELS[("save", "anchor")] = f"save twin, {INDICATORS} rows (savedocs)"


ISIAN = "Isian Data Kinerja"
MONITORING = "Monitoring Kinerja Triwulan"
LAPORAN = "Laporan Hasil Monitoring"
REPORT = "Capaian Kinerja Triwulan"
GETDOC = "frappe.desk.form.load.getdoc"
SAVEDOCS = "frappe.desk.form.save.savedocs"
APPLY_WORKFLOW = "frappe.model.workflow.apply_workflow"
RETURN_REASON = "Jadwal bentrok dengan rapat koordinasi"


def seed():
	"""Returns what the clients need: users, tokens, names and filters."""
	from kinerja_kecamatan.laporan.draft import laporan_of
	from kinerja_kecamatan.tests.factories import make_cycle, make_cycle_people
	from kinerja_kecamatan.tests.rest import api_token
	from kinerja_kecamatan.workflow.sop import ARCHIVED, ROLE_CAMAT, ROLE_KASUBBAG_PK

	def on_target(row):
		return ("100", {})

	with phase(f"a kecamatan of {HEADS} units at step 4"):
		people = make_cycle_people()
		open_cycle, heads = make_cycle(people, units=HEADS, indicators=INDICATORS)
		# the heads' Isian drafts, from the long queue (HEADS > jobs.SHORT_QUEUE_UNITS)
		queued.run_quarter(people, heads, open_cycle.name, on_target, until=4)
	with phase(f"a kecamatan of {ARCHIVED_UNITS} units, its quarter archived"):
		archived, archived_heads = make_cycle(people, units=ARCHIVED_UNITS, indicators=INDICATORS)
		queued.run_quarter(people, archived_heads, archived.name, on_target, until=ARCHIVED)
	with phase("a kecamatan of 2 units at step 7"):
		transitions, transition_heads = make_cycle(people, units=2)
		queued.run_quarter(people, transition_heads, transitions.name, on_target, until=7)
	with phase("the twins and the heads' API keys"):
		twin.ensure_twins()
		frappe.set_user("Administrator")
		head_rows = []
		for unit, head in heads.items():
			isian = frappe.db.get_value(ISIAN, {"monitoring": open_cycle.name, "unit_kerja": unit})
			head_rows.append(
				{"user": head, "token": api_token(head), "isian": isian, "twin": twin.make_twin(isian, head)}
			)
		flow = twin.make_flow(head_rows[0]["isian"], transitions.name)
		frappe.db.commit()
	return {
		"heads": head_rows,
		"camat": people[ROLE_CAMAT],
		"kasubbag": people[ROLE_KASUBBAG_PK],
		"tokens": {people[r]: api_token(people[r]) for r in (ROLE_CAMAT, ROLE_KASUBBAG_PK)},
		"transitions": transitions.name,
		"flow": flow,
		"report_filters": {"kecamatan": archived.kecamatan, "tahun": archived.tahun, "triwulan": "I"},
		"laporan": laporan_of(archived.name),
	}


@contextmanager
def phase(what):
	start = time.perf_counter()
	yield
	print(f"  {what}: {time.perf_counter() - start:.0f} s", flush=True)


def call(session, method, url, **kwargs):
	response = session.request(method, url, timeout=120, **kwargs)
	if response.status_code != 200:
		raise SystemExit(f"{method} {url} → {response.status_code}: {response.text[:500]}")
	return response


def isian_change(doc, value):
	for row in doc["indikator"]:
		row.update(realisasi_tw=value, faktor_penghambat="Hujan deras", tindak_lanjut="Jadwal ulang")
	return doc


class Desk:
	"""The desk's calls over HTTP, for the app's documents and their anchors."""

	def __init__(self, server, data):
		self.server, self.url, self.data = server, server.url, data
		self.sessions = {}
		self.docs = {}  # (doctype, name) → the last version the client holds

	def session(self, token):
		if token not in self.sessions:
			self.sessions[token] = self.server.session(token)
		return self.sessions[token]

	def getdoc(self, token, doctype, name):
		response = call(
			self.session(token),
			"GET",
			f"{self.url}/api/method/{GETDOC}",
			params={"doctype": doctype, "name": name},
		)
		self.docs[(doctype, name)] = response.json()["docs"][0]

	def savedocs(self, token, doctype, name, action, value):
		doc = isian_change(self.docs[(doctype, name)], value)
		response = call(
			self.session(token),
			"POST",
			f"{self.url}/api/method/{SAVEDOCS}",
			data={"doc": json.dumps(doc), "action": action},
		)
		self.docs[(doctype, name)] = response.json()["docs"][0]

	def apply_workflow(self, token, doctype, name, action):
		call(
			self.session(token),
			"POST",
			f"{self.url}/api/method/{APPLY_WORKFLOW}",
			data={"doc": json.dumps({"doctype": doctype, "name": name}), "action": action},
		)


def timed(operation):
	"""Seconds taken by operation(), or the seconds it returns when it times only part of itself."""
	start = time.perf_counter()
	inner = operation()
	return inner if isinstance(inner, float) else time.perf_counter() - start


def latency_cases(desk, data, site):
	"""(case, ping token, [(key, operation(i))], samples) for each thing a user waits for; every
	sample takes a ping, then each operation in turn."""
	url, head = desk.url, data["heads"][0]
	camat, kasubbag = data["tokens"][data["camat"]], data["tokens"][data["kasubbag"]]

	def opener(doctype, name):
		return lambda _i: desk.getdoc(head["token"], doctype, name)

	def saver(doctype, name):
		return lambda i: desk.savedocs(head["token"], doctype, name, "Save", str(90 + i % 11))

	def app_transition(i):
		# step 7 ↔ 6: the Camat returns the schedule with a reason, the Kasubbag resubmits it
		if i % 2 == 0:
			call(
				desk.session(camat),
				"PUT",
				f"{url}/api/resource/{MONITORING}/{data['transitions']}",
				json={"alasan_pengembalian": RETURN_REASON},
			)
			token, action = camat, twin.APP_RETURN
		else:
			token, action = kasubbag, twin.APP_SUBMIT
		# the reason's save is not the transition
		return timed(lambda: desk.apply_workflow(token, MONITORING, data["transitions"], action))

	def vanilla_transition(i):
		token, action = (camat, twin.ACTION_RETURN) if i % 2 == 0 else (kasubbag, twin.ACTION_SUBMIT)
		desk.apply_workflow(token, twin.FLOW, data["flow"], action)

	def capaian_report(_i):
		call(
			desk.session(camat),
			"POST",
			f"{url}/api/method/frappe.desk.query_report.run",
			data={"report_name": REPORT, "filters": json.dumps(data["report_filters"])},
		)

	def pdf_http(_i):
		response = call(
			desk.session(camat),
			"GET",
			f"{url}/api/method/frappe.utils.print_format.download_pdf",
			params={"doctype": LAPORAN, "name": data["laporan"], "format": LAPORAN},
		)
		assert response.content.startswith(b"%PDF"), response.content[:200]

	def pdf_in_process(_i):
		with inprocess.request_context(site, data["camat"]):
			return timed(
				lambda: frappe.get_print(LAPORAN, data["laporan"], print_format=LAPORAN, as_pdf=True)
			)

	def pdf_bare(_i):
		pdf_floor.render(data["bare_command"])

	for h in data["heads"][:1]:
		desk.getdoc(h["token"], ISIAN, h["isian"])
		desk.getdoc(h["token"], twin.TWIN, h["twin"])
	return [
		(
			"open",
			head["token"],
			[("app", opener(ISIAN, head["isian"])), ("anchor", opener(twin.TWIN, head["twin"]))],
			SAMPLES,
		),
		(
			"save",
			head["token"],
			[("app", saver(ISIAN, head["isian"])), ("anchor", saver(twin.TWIN, head["twin"]))],
			SAMPLES,
		),
		("transition", camat, [("app", app_transition), ("anchor", vanilla_transition)], SAMPLES),
		("report", camat, [("app", capaian_report)], SAMPLES),
		(
			"pdf",
			camat,
			[("app", pdf_http), ("in-process", pdf_in_process), ("anchor", pdf_bare)],
			PDF_SAMPLES,
		),
	]


def submit_case(desk, data):
	"""Submit of a fresh Isian against a fresh twin, each sample by another head (one each)."""
	heads = data["heads"]

	def submitter(doctype, field):
		def submit(i):
			head = heads[i]
			desk.getdoc(head["token"], doctype, head[field])
			return timed(lambda: desk.savedocs(head["token"], doctype, head[field], "Submit", "100"))

		return submit

	return (
		"submit",
		heads[0]["token"],
		[("app", submitter(ISIAN, "isian")), ("anchor", submitter(twin.TWIN, "twin"))],
		SUBMIT_SAMPLES,
	)


def timed_samples(desk, token, operations, samples, first=0):
	pings, times = [], {key: [] for key, _ in operations}
	for i in range(first, first + samples):
		start = time.perf_counter()
		call(desk.session(token), "GET", f"{desk.url}/api/method/ping")
		pings.append(time.perf_counter() - start)
		for key, operation in operations:
			times[key].append(timed(lambda operation=operation, i=i: operation(i)))
	return pings, times


def throughput(server, heads, works: dict) -> dict:
	"""{key: (completed calls per second, non-200 statuses)} of len(heads) clients doing each
	work of `works`, THROUGHPUT_SECONDS each. The works take turns, THROUGHPUT_ROUNDS windows
	each, the first of each round moving on, so that load from outside the benchmark (a real
	server is never quiet) falls on all of them alike, not on whichever ran in a busier moment.
	Each client keeps its session and what it last read across its windows."""
	window = THROUGHPUT_SECONDS / THROUGHPUT_ROUNDS
	done = {key: 0 for key in works}
	seconds = {key: 0.0 for key in works}
	errors = {key: [] for key in works}
	clients = {key: [(server.session(head["token"]), {}) for head in heads] for key in works}
	lock = threading.Lock()
	keys = list(works)
	for round_ in range(THROUGHPUT_ROUNDS):
		for key in keys[round_ % len(keys) :] + keys[: round_ % len(keys)]:
			deadline = time.perf_counter() + window

			def client(head, session, state, key=key, deadline=deadline):
				while time.perf_counter() < deadline:
					status = works[key](session, head, state)
					with lock:
						if status == 200:
							done[key] += 1
						else:
							errors[key].append(status)

			threads = [
				threading.Thread(target=client, args=(head, *clients[key][i])) for i, head in enumerate(heads)
			]
			started = time.perf_counter()
			for thread in threads:
				thread.start()
			for thread in threads:
				thread.join()
			seconds[key] += time.perf_counter() - started
	return {key: (done[key] / seconds[key], errors[key]) for key in works}


def throughputs(server):
	def ping(session, _head, _state):
		return session.get(f"{server.url}/api/method/ping", timeout=120).status_code

	def saver(doctype, field):
		def save(session, head, state):
			if "doc" not in state:
				response = session.get(
					f"{server.url}/api/method/{GETDOC}",
					params={"doctype": doctype, "name": head[field]},
					timeout=120,
				)
				state["doc"] = response.json()["docs"][0]
			state["n"] = state.get("n", 0) + 1
			response = session.post(
				f"{server.url}/api/method/{SAVEDOCS}",
				data={
					"doc": json.dumps(isian_change(state["doc"], str(90 + state["n"] % 11))),
					"action": "Save",
				},
				timeout=120,
			)
			if response.status_code == 200:
				state["doc"] = response.json()["docs"][0]
			return response.status_code

		return save

	return ping, saver(ISIAN, "isian"), saver(twin.TWIN, "twin")


class InProcess:
	"""Each operation once in this process, as the user who does it over HTTP: queries counted (after
	one uncounted call to warm the caches), or profiled."""

	def __init__(self, site, data):
		self.site, self.data = site, data
		# heads whose Isian and twin no HTTP sample submitted
		self.spare = iter(data["heads"][WARM + SUBMIT_SAMPLES :])
		self.editor = next(self.spare)
		self.last_move = None  # of the last transition: "return" or "resubmit"

	def run(self, key, **kwargs):
		"""(seconds, queries, QueryCounter, stats) of operation `key` ('open app', 'save anchor', …)."""
		return getattr(self, key.replace(" ", "_").replace("-", "_"))(**kwargs)

	def _getdoc(self, user, doctype, name, **kwargs):
		from frappe.desk.form.load import getdoc

		return inprocess.run(self.site, user, lambda: getdoc(doctype, name), **kwargs)

	def _savedocs(self, user, doctype, name, action, **kwargs):
		from frappe.desk.form.load import getdoc
		from frappe.desk.form.save import savedocs

		def client_doc():
			getdoc(doctype, name)
			doc = json.loads(frappe.as_json(frappe.response.docs[0]))
			return json.dumps(isian_change(doc, str(90 + int(time.time()) % 11)))

		return inprocess.run(self.site, user, lambda doc: savedocs(doc, action), prepare=client_doc, **kwargs)

	def open_app(self, **kwargs):
		return self._getdoc(self.editor["user"], ISIAN, self.editor["isian"], **kwargs)

	def open_anchor(self, **kwargs):
		return self._getdoc(self.editor["user"], twin.TWIN, self.editor["twin"], **kwargs)

	def save_app(self, **kwargs):
		return self._savedocs(self.editor["user"], ISIAN, self.editor["isian"], "Save", **kwargs)

	def save_anchor(self, **kwargs):
		return self._savedocs(self.editor["user"], twin.TWIN, self.editor["twin"], "Save", **kwargs)

	def submit_app(self, head=None, **kwargs):
		head = head or next(self.spare)
		self._last_submitter = head
		return self._savedocs(head["user"], ISIAN, head["isian"], "Submit", **kwargs)

	def submit_anchor(self, **kwargs):
		head = self._last_submitter  # the same head as the Isian's submit
		return self._savedocs(head["user"], twin.TWIN, head["twin"], "Submit", **kwargs)

	def _transition(self, doctype, name, actions, **kwargs):
		from frappe.model.workflow import apply_workflow, get_workflow

		data = self.data
		with inprocess.request_context(self.site, "Administrator"):
			back = next(t for t in get_workflow(doctype).transitions if t.action == actions[0])
			returning = (
				frappe.db.get_value(doctype, name, get_workflow(doctype).workflow_state_field) == back.state
			)
		self.last_move = "return" if returning else "resubmit"
		user = data["camat"] if returning else data["kasubbag"]
		action = actions[0] if returning else actions[1]

		def reason():
			# the Camat's PUT of the reason, a request before the transition
			if returning and doctype == MONITORING:
				cycle = frappe.get_doc(MONITORING, name)
				cycle.alasan_pengembalian = RETURN_REASON
				cycle.save()

		return inprocess.run(
			self.site,
			user,
			lambda _none: apply_workflow({"doctype": doctype, "name": name}, action),
			prepare=reason,
			**kwargs,
		)

	def transition_app(self, **kwargs):
		return self._transition(
			MONITORING, self.data["transitions"], (twin.APP_RETURN, twin.APP_SUBMIT), **kwargs
		)

	def transition_anchor(self, **kwargs):
		return self._transition(
			twin.FLOW, self.data["flow"], (twin.ACTION_RETURN, twin.ACTION_SUBMIT), **kwargs
		)

	def report_app(self, **kwargs):
		from frappe.desk.query_report import run

		return inprocess.run(
			self.site,
			self.data["camat"],
			lambda: run(REPORT, json.dumps(self.data["report_filters"])),
			**kwargs,
		)

	def pdf_app(self, **kwargs):
		from frappe.utils.print_format import download_pdf

		return inprocess.run(
			self.site,
			self.data["camat"],
			lambda: download_pdf(LAPORAN, self.data["laporan"], LAPORAN),
			**kwargs,
		)

	def pdf_in_process(self, **kwargs):
		return inprocess.run(
			self.site,
			self.data["camat"],
			lambda: frappe.get_print(LAPORAN, self.data["laporan"], print_format=LAPORAN, as_pdf=True),
			**kwargs,
		)

	def query_counts(self) -> dict:
		"""{(case, key): queries}; transitions as (return, submit)."""
		counts = {}
		for case in ("open", "save", "report"):
			for key in ("app", "anchor") if case != "report" else ("app",):
				self.run(f"{case} {key}")
				counts[(case, key)] = self.run(f"{case} {key}")[1]
		warm = next(self.spare)
		self.submit_app(head=warm)
		self.submit_anchor()
		counts[("submit", "app")] = self.submit_app()[1]
		counts[("submit", "anchor")] = self.submit_anchor()[1]
		for key in ("app", "anchor"):
			moves = {}
			for move in range(4):  # both moves uncounted, then both counted
				queries = self.run(f"transition {key}")[1]
				if move >= 2:
					moves[self.last_move] = queries
			counts[("transition", key)] = (moves["return"], moves["resubmit"])
		for key in ("app", "in-process"):
			self.run(f"pdf {key}")
			counts[("pdf", key)] = self.run(f"pdf {key}")[1]
		counts[("pdf", "anchor")] = 0
		return counts


LABELS = {
	("open", "app"): "open Isian (getdoc)",
	("open", "anchor"): "open twin (getdoc)",
	("save", "app"): "save Isian, 5 rows (savedocs)",
	("save", "anchor"): "save twin, 5 rows (savedocs)",
	("submit", "app"): "submit Isian (savedocs Submit)",
	("submit", "anchor"): "submit twin (savedocs Submit)",
	("transition", "app"): "app transition 7↔6 (apply_workflow)",
	("transition", "anchor"): "vanilla 2-state transition",
	("report", "app"): "Capaian Kinerja Triwulan report",
	("pdf", "app"): "PDF Laporan, HTTP (download_pdf)",
	("pdf", "in-process"): "PDF Laporan, in-process get_print",
	("pdf", "anchor"): "PDF floor: bare wkhtmltopdf",
}
# case, the app's key: goal on p50 and p95 (× anchor), goal on queries (× anchor's), goal's words
GOALS = [
	("open", "app", 1.2, None, "≤1.2× twin"),
	("save", "app", 1.3, 1.5, "≤1.3× twin, queries ≤1.5×"),
	("submit", "app", None, None, "(no goal)"),
	("transition", "app", 1.5, None, "≤1.5× vanilla"),
	("pdf", "app", 1.3, None, "≤1.3× bare wkhtmltopdf"),
	("pdf", "in-process", 1.3, None, "≤1.3× bare wkhtmltopdf"),
]
THROUGHPUT_GOAL = 0.8


def show_queries(queries):
	if queries is None:
		return "-"
	if isinstance(queries, tuple):
		return "/".join(str(q) for q in queries)
	return str(queries)


def total(queries):
	"""Queries of one call; of one move for transitions (the mean of return and resubmit)."""
	return round(sum(queries) / len(queries)) if isinstance(queries, tuple) else queries


def report(results, counts, rates):
	print(
		f"\n{'operation':<38} {'p50 s':>7} {'p95 s':>7} {'ping p50':>9} {'ping p95':>9} {'×p50':>6} {'×p95':>6} {'queries':>8}"
	)
	for (case, key), (p50, p95, b50, b95) in results.items():
		print(
			f"{LABELS[(case, key)]:<38} {p50:>7.3f} {p95:>7.3f} {b50:>9.4f} {b95:>9.4f} "
			f"{p50 / b50:>6.1f} {p95 / b95:>6.1f} {show_queries(counts.get((case, key))):>8}"
		)
	print("  (queries: in-process, one call after a warm one; transitions as return/resubmit)")
	print("  (against its anchor: queries app/anchor per call, per move for transitions)")

	print(f"\n{'against its anchor':<38} {'×p50':>6} {'×p95':>6}  {'queries':<13} {'goal':<28} met")
	unmet = []
	for case, key, goal, query_goal, words in GOALS:
		if (case, key) not in results:
			continue
		p50, p95, *_ = results[(case, key)]
		a50, a95, *_ = results[(case, "anchor")]
		r50, r95 = p50 / a50, p95 / a95
		app_q, anchor_q = total(counts.get((case, key))), total(counts.get((case, "anchor")))
		q_ratio = app_q / anchor_q if app_q is not None and anchor_q else None
		queries = f"{app_q}/{anchor_q}" + (f" {q_ratio:.1f}×" if q_ratio else "")
		if goal is None:
			met = "-"
		else:
			ok = r50 <= goal and r95 <= goal and (query_goal is None or (q_ratio or 0) <= query_goal)
			met = "met" if ok else "NOT met"
			if not ok:
				unmet.append((case, key))
		print(f"{LABELS[(case, key)]:<38} {r50:>6.2f} {r95:>6.2f}  {queries:<13} {words:<28} {met}")
	isian_rate, twin_rate = rates["app"], rates["anchor"]
	ratio = isian_rate / twin_rate
	print(
		f"{f'{HEADS} heads saving at once':<38} {ratio:>6.2f} {'':>6}  {'':<13} "
		f"{f'≥{THROUGHPUT_GOAL}× twin saves/s':<28} {'met' if ratio >= THROUGHPUT_GOAL else 'NOT met'}"
	)
	return unmet


PROFILED = {"open": "open app", "save": "save app", "submit": "submit app", "pdf": "pdf app"}


def profiles(machine, cases):
	for case in dict.fromkeys(cases):
		if case == "transition":
			machine.run("transition app")  # both moves warmed, then both profiled
			machine.run("transition app")
			profile_one(machine, "transition app", "transition app")
			profile_one(machine, "transition app", "transition app")
			continue
		key = PROFILED[case]
		if key == "submit app":
			machine.submit_app()  # warm, on a spare head
		else:
			machine.run(key)
		profile_one(machine, key, key)


def profile_one(machine, title, key):
	seconds, queries, counter, stats = machine.run(key, attribute=True, profile=True)
	if key.startswith("transition"):
		title += f": {machine.last_move}"
	print(f"\n── profile: {title} ({seconds * 1000:.0f} ms under cProfile, {queries} queries)")
	print(f"{'cumulative':>12} {'own':>11} {'calls':>6}  function (Frappe or the app)")
	for line in inprocess.top_entries(stats):
		print(line)
	print("  the app's own functions:")
	for line in inprocess.top_entries(stats, limit=10, only_app=True):
		print(line)
	print("  queries by the app function that sent them:")
	for where, n in counter.by_app.most_common(12):
		print(f"{n:>8}  {where}")


def main(site, profile=False, smoke=False):
	if smoke:
		use_smoke_sizes()
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	logging.getLogger("CSSUTILS").disabled = True  # CSS chatter while printing (premailer resets levels)
	server = Server(site)
	# wkhtmltopdf fetches the print's assets from host_name: both the signing while seeding and
	# the PDF benchmark print
	update_site_config("host_name", server.url)
	folder = tempfile.mkdtemp(prefix="kinerja-pdf-floor-")
	try:
		with server:
			print(
				f"seeding 3 kecamatan ({HEADS} + {ARCHIVED_UNITS} + 2 units), their quarters and twins…",
				flush=True,
			)
			data = seed()
			frappe.destroy()
			with inprocess.request_context(site, data["camat"]):
				data["bare_command"] = pdf_floor.prepare(
					LAPORAN, data["laporan"], LAPORAN, server.url, folder
				)
			desk = Desk(server, data)
			results = {}
			cases = latency_cases(desk, data, site)
			for case, token, operations, samples in cases:
				print(f"timing {case}…", flush=True)
				timed_samples(desk, token, operations, WARM)  # warm the workers' caches
				# numbered on from the warm-up: a transition alternates return and resubmit
				pings, times = timed_samples(desk, token, operations, samples, first=WARM)
				for key, samples_of_key in times.items():
					results[(case, key)] = (*percentiles(samples_of_key), *percentiles(pings))

			print("timing throughput…", flush=True)
			ping, save_isian, save_twin = throughputs(server)
			measured = throughput(
				server, data["heads"], {"app": save_isian, "anchor": save_twin, "ping": ping}
			)
			rates = {key: rate for key, (rate, _errors) in measured.items()}
			errors = {key: statuses for key, (_rate, statuses) in measured.items()}
			ping_rate, ping_errors = rates["ping"], errors["ping"]

			print("timing submit…", flush=True)
			case, token, operations, samples = submit_case(desk, data)
			timed_samples(desk, token, operations, WARM)
			pings, times = timed_samples(desk, token, operations, samples, first=WARM)
			for key, samples_of_key in times.items():
				results[(case, key)] = (*percentiles(samples_of_key), *percentiles(pings))
			results = {k: results[k] for k in LABELS if k in results}

			print("counting queries in-process…", flush=True)
			machine = InProcess(site, data)
			counts = machine.query_counts()
			unmet = report(results, counts, rates)
			print(
				f"\n{HEADS} clients for {THROUGHPUT_SECONDS} s each, in {THROUGHPUT_ROUNDS} turns: "
				f"{rates['app']:.1f} Isian saves/s, "
				f"{rates['anchor']:.1f} twin saves/s, {ping_rate:.1f} pings/s (ping ÷ Isian saves "
				f"{ping_rate / rates['app']:.1f}); non-200 responses: Isian saves {len(errors['app'])}, "
				f"twin saves {len(errors['anchor'])}, pings {len(ping_errors)}"
			)
			if profile:
				profiles(machine, [case for case, _key in unmet])
			elif unmet:
				print("\n(run with --profile for a cProfile of each operation whose goal is not met)")
	finally:
		pdf_floor.remove(folder)


if __name__ == "__main__":
	args = [a for a in sys.argv[1:] if not a.startswith("--")]
	main(args[0] if args else "bench.localhost", profile="--profile" in sys.argv, smoke="--smoke" in sys.argv)
