"""A whole kabupaten at once on one site, over HTTP, with and without the MariaDB read replica.

Seeds (once; reused while it is intact, --reseed for new names) through the app's own code 8
kecamatan, each with its own officers (Camat, Sekretaris, Kasubbag PK, Pelaksana, confined to
their kecamatan by their Pejabat record, see access.py) and 10 units × 30 indicators; per
kecamatan one quarter signed and archived (TW I, for the reports), one cycle at step 7 (TW II, for
the officers' moves) and one at step 4 with the heads' Isian open (TW III).

Then, twice (reads on the primary; then with the site's read_from_replica on, so Frappe's
read-only endpoints query the replica on port 3307), starts gunicorn with N workers on a free port
and runs, all at once in threads for the given seconds:
  - 80 unit heads, each opening (getdoc) and saving (savedocs) their own Isian of 30 rows in a
    loop, every save with a new realisasi at or above target;
  - 8 officer pairs, one per kecamatan, moving their TW II cycle between steps 7 and 6: the Camat
    writes alasan_pengembalian and returns the Jadwal, the Kasubbag PK submits it again;
  - 8 managers (each kecamatan's Camat) reading in turn the Capaian Kinerja Triwulan and
    Rekapitulasi Capaian per Unit Kerja reports (query_report.run), the workspace's average
    capaian (dashboard.rata_rata_capaian) and a Report View listing of Isian (reportview.get).
Prints for both runs side by side, per operation: completed calls, p50 and p95 latency,
throughput, non-2xx responses split into expected conflicts (concurrent-save timestamp mismatch or
document lock: 409/417) and unexpected ones (goal 0); lost updates (each head's last acknowledged
realisasi against the primary's rows at the end, goal 0); and the share of SELECTs the replica
served, from MariaDB's own counters (see `Counters`). Numbers only: nothing here asserts a time.

The soak (soak.py) runs the same seed and mix (set_up, Mix) for 20 minutes, sampling memory.

Run: ./scripts/benchmark.sh kabupaten [--workers N] [--seconds S] [--reseed]
     (or, in a bench's sites folder, as the bench user:
     ../env/bin/python <checkout>/benchmarks/kabupaten.py <site> [--workers N] [--seconds S])
"""

import argparse
import json
import logging
import os
import threading
import time
from collections import Counter, defaultdict

import frappe
import pymysql
import requests
from frappe.installer import update_site_config
from queued import run_quarter
from server import Server, percentiles

KECAMATAN, UNITS, INDICATORS, YEAR = 8, 10, 30, 2024
ISIAN = "Isian Data Kinerja"
ISIAN_ROW = "Isian Data Kinerja Indikator"
MONITORING = "Monitoring Kinerja Triwulan"
REPORTS = ("Capaian Kinerja Triwulan", "Rekapitulasi Capaian per Unit Kerja")
RETURN_ACTION, SUBMIT_ACTION = "Kembalikan Jadwal", "Ajukan Jadwal Monitoring"
RETURN_REASON = "Jadwal bentrok dengan rapat koordinasi"
SEED_FILE = "kabupaten-benchmark.json"
REPLICA_PORT = int(os.environ.get("REPLICA_PORT", 3307))
ROOT_PASSWORD = os.environ.get("DB_ROOT_PASSWORD", "kinerja")
TIMEOUT = 120

# operation key → label, in the order printed
OPERATIONS = {
	"getdoc": "head: open Isian (getdoc)",
	"savedocs": "head: save Isian, 30 rows (savedocs)",
	"reason": "Camat: alasan_pengembalian (PUT)",
	"return": "Camat: return Jadwal 7→6 (apply_workflow)",
	"resubmit": "Kasubbag: submit Jadwal 6→7 (apply_workflow)",
	"capaian": "manager: Capaian Kinerja Triwulan",
	"rekap": "manager: Rekapitulasi per Unit Kerja",
	"rata_rata": "manager: rata_rata_capaian (card)",
	"reportview": "manager: Report View of Isian",
}
GROUPS = {
	"80 heads (saves)": ("savedocs",),
	"8 officer pairs (moves)": ("return", "resubmit"),
	"8 managers (reads)": ("capaian", "rekap", "rata_rata", "reportview"),
}


# ── seeding ──────────────────────────────────────────────────────────────────────────────────


def seed_path():
	return os.path.join(frappe.get_site_path("private"), SEED_FILE)


def transition_roles():
	"""(state at step 7, state at step 6, role that returns, role that resubmits), from the Workflow."""
	from kinerja_kecamatan.workflow.setup import WORKFLOW_NAME

	workflow = frappe.get_doc("Workflow", WORKFLOW_NAME)
	back = next(t for t in workflow.transitions if t.action == RETURN_ACTION)
	forth = next(t for t in workflow.transitions if t.action == SUBMIT_ACTION and t.state == back.next_state)
	return back.state, back.next_state, back.allowed, forth.allowed


def seed_kecamatan():
	"""One kecamatan with its officers, units, PK and three cycles; returns its part of the seed."""
	from kinerja_kecamatan.tests.factories import make_cycle, make_cycle_people, open_cycle
	from kinerja_kecamatan.workflow.sop import ARCHIVED, ROLE_KASUBBAG_PK

	def on_target(_row):
		return ("100", {})

	frappe.set_user("Administrator")
	people = make_cycle_people()
	first, heads = make_cycle(people, units=UNITS, indicators=INDICATORS)  # TW I of YEAR
	kecamatan = first.kecamatan
	cycles = {}
	for triwulan, until in (("I", ARCHIVED), ("II", 7), ("III", 4)):
		cycle = (
			first
			if triwulan == "I"
			else open_cycle(
				people[ROLE_KASUBBAG_PK], kecamatan, first.perjanjian_kinerja, tahun=YEAR, triwulan=triwulan
			)
		)
		# through a burst worker if step 3 is queued (more units than jobs.SHORT_QUEUE_UNITS)
		run_quarter(people, heads, cycle.name, on_target, until=until)
		cycles[triwulan] = cycle.name
	return {
		"kecamatan": kecamatan,
		"people": people,
		"archived": cycles["I"],
		"moving": cycles["II"],
		"open": cycles["III"],
		"heads": [
			{
				"user": head,
				"isian": frappe.db.get_value(ISIAN, {"monitoring": cycles["III"], "unit_kerja": unit}),
			}
			for unit, head in heads.items()
		],
	}


def seed_intact(seed) -> bool:
	"""Whether a stored seed can be used again: every head's Isian still a draft of an open cycle,
	every moving cycle at step 6 or 7."""
	at_7, at_6, *_ = transition_roles()
	for k in seed["kecamatan"]:
		if frappe.db.get_value(MONITORING, k["moving"], "workflow_state") not in (at_7, at_6):
			return False
		names = [h["isian"] for h in k["heads"]]
		if len(names) != UNITS or frappe.db.count(ISIAN, {"name": ("in", names), "docstatus": 0}) != UNITS:
			return False
	return len(seed["kecamatan"]) == KECAMATAN


def ensure_tokens(seed):
	"""`token key:secret` for every user the clients act as, made again where it no longer holds."""
	from frappe.utils.password import get_decrypted_password

	from kinerja_kecamatan.tests.rest import api_token

	tokens = seed.setdefault("tokens", {})
	users = [h["user"] for k in seed["kecamatan"] for h in k["heads"]]
	users += [user for k in seed["kecamatan"] for user in k["people"].values()]
	for user in users:
		token = tokens.get(user)
		if token:
			key, secret = token.removeprefix("token ").split(":")
			if frappe.db.get_value("User", user, "api_key") == key and secret == get_decrypted_password(
				"User", user, "api_secret", raise_exception=False
			):
				continue
		tokens[user] = api_token(user)
	frappe.db.commit()


def load_or_seed(reseed: bool):
	path = seed_path()
	seed = None
	if not reseed and os.path.exists(path):
		with open(path) as f:
			seed = json.load(f)
		if not seed_intact(seed):
			print("the stored seed is no longer intact: seeding again", flush=True)
			seed = None
	if seed is None:
		seed = {"kecamatan": []}
		for k in range(KECAMATAN):
			started = time.perf_counter()
			seed["kecamatan"].append(seed_kecamatan())
			print(
				f"  kecamatan {k + 1}/{KECAMATAN} seeded in {time.perf_counter() - started:.0f} s", flush=True
			)
	else:
		print(f"reusing the seed in {path} (--reseed for a new one)", flush=True)
	ensure_tokens(seed)
	settle_moving_cycles(seed)
	with open(path, "w") as f:
		json.dump(seed, f, indent=1)
	return seed


def settle_moving_cycles(seed):
	"""Every moving cycle at step 7 (a run interrupted between two moves leaves it at step 6)."""
	from frappe.model.workflow import apply_workflow

	_at_7, at_6, _return_role, submit_role = transition_roles()
	for k in seed["kecamatan"]:
		if frappe.db.get_value(MONITORING, k["moving"], "workflow_state") == at_6:
			frappe.set_user(k["people"][submit_role])
			apply_workflow(frappe.get_doc(MONITORING, k["moving"]).as_dict(), SUBMIT_ACTION)
			frappe.set_user("Administrator")
	frappe.db.commit()


# ── the server and the database counters ──────────────────────────────────────────────────────


def connect_root(port: int):
	return pymysql.connect(host="127.0.0.1", port=port, user="root", password=ROOT_PASSWORD, autocommit=True)


class Counters:
	"""MariaDB's own count of SELECT statements on the primary (3306) and the replica, read before
	and after a run. Only the read-only endpoints Frappe routes to the replica (script reports,
	Report View, the app's cards) run SELECTs there: its SQL thread applies the primary's row events
	without any SELECT. So the replica's delta is the reads it served, the primary's delta every
	other SELECT of the run (sessions, forms, saves, the workflow, and the parts of the managers'
	requests outside the read-only endpoint), and the share is replica ÷ (replica + primary).

	Two scopes: the site's database user (information_schema.USER_STATISTICS, kept while the
	server's `userstat` is on; the run turns it on and restores it), which counts this site's
	traffic only; and the whole servers (SHOW GLOBAL STATUS Com_select), which also counts anything
	else the machine's MariaDB does meanwhile (other sites, tests)."""

	def __init__(self, db_user: str):
		self.db_user = db_user
		self.servers = {"primary": connect_root(3306), "replica": connect_root(REPLICA_PORT)}
		self.userstat_before = {}
		for name, conn in self.servers.items():
			with conn.cursor() as cursor:
				cursor.execute("SELECT @@userstat")
				self.userstat_before[name] = cursor.fetchone()[0]
				try:
					cursor.execute("SET GLOBAL userstat = 1")
				except pymysql.MySQLError:
					pass  # then only the global counters are shown

	def restore(self):
		for name, conn in self.servers.items():
			with conn.cursor() as cursor:
				if not self.userstat_before[name]:
					cursor.execute("SET GLOBAL userstat = 0")
			conn.close()

	def read(self) -> dict:
		values = {}
		for name, conn in self.servers.items():
			with conn.cursor() as cursor:
				cursor.execute("SHOW GLOBAL STATUS LIKE 'Com_select'")
				values[(name, "global")] = int(cursor.fetchone()[1])
				cursor.execute(
					"SELECT SUM(SELECT_COMMANDS) FROM information_schema.USER_STATISTICS WHERE USER = %s",
					(self.db_user,),
				)
				values[(name, "site")] = int(cursor.fetchone()[0] or 0)
		return values


def replica_caught_up(timeout=120):
	"""Waits until the replica has applied what the primary has written so far."""
	primary, replica = connect_root(3306), connect_root(REPLICA_PORT)
	try:
		with primary.cursor() as cursor:
			cursor.execute("SHOW MASTER STATUS")
			file, position = cursor.fetchone()[:2]
		with replica.cursor() as cursor:
			cursor.execute("SELECT MASTER_POS_WAIT(%s, %s, %s)", (file, position, timeout))
			waited = cursor.fetchone()[0]
		if waited is None or waited < 0:
			raise SystemExit("the replica did not catch up with the primary; see SHOW SLAVE STATUS on it")
	finally:
		primary.close()
		replica.close()


def use_replica(on: bool):
	if on:
		update_site_config("replica_host", "127.0.0.1")
		update_site_config("replica_db_port", REPLICA_PORT)
	update_site_config("read_from_replica", 1 if on else 0)


# ── the load ──────────────────────────────────────────────────────────────────────────────────


class Client:
	"""One simulated user: its calls timed, its failures classified."""

	def __init__(self, server, token):
		self.url = server.url
		self.session = server.session(token)
		self.times = defaultdict(list)
		self.deadline = float("inf")
		self.in_window = Counter()  # op → 2xx answers received before the deadline
		self.errors = Counter()  # (op, kind, status, exc_type) → n

	def call(self, op, method, path, **kwargs):
		"""The parsed body of a 2xx answer, or None after recording the failure."""
		started = time.perf_counter()
		try:
			response = self.session.request(method, f"{self.url}{path}", timeout=TIMEOUT, **kwargs)
		except requests.RequestException as e:
			self.errors[(op, "unexpected", "no answer", type(e).__name__)] += 1
			return None
		elapsed = time.perf_counter() - started
		try:
			body = response.json()
		except ValueError:
			body = {}
		if 200 <= response.status_code < 300:
			self.times[op].append(elapsed)
			if started + elapsed <= self.deadline:
				self.in_window[op] += 1
			return body
		exc_type = body.get("exc_type") or ""
		text = f"{body.get('exception', '')} {body.get('_server_messages', '')}".lower()
		conflict = response.status_code in (409, 417) and (
			exc_type in ("TimestampMismatchError", "DocumentLockedError")
			or "has been modified" in text
			or "telah diubah" in text
		)
		kind = "conflict" if conflict else "unexpected"
		self.errors[(op, kind, response.status_code, exc_type or text[:80])] += 1
		return None


def head_loop(client, head, deadline, acked):
	"""Open the Isian, set every row's realisasi to a new value at or above its target, save."""
	n = 0
	while time.perf_counter() < deadline:
		body = client.call(
			"getdoc",
			"GET",
			"/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": ISIAN, "name": head["isian"]},
		)
		if body is None:
			continue
		doc = body["docs"][0]
		floor = max(float(row.get("target_tw") or 0) for row in doc["indikator"])
		n += 1
		value = str(int(floor) + n)
		for row in doc["indikator"]:
			row["realisasi_tw"] = value
		acked[head["isian"]]["attempted"] = value
		body = client.call(
			"savedocs",
			"POST",
			"/api/method/frappe.desk.form.save.savedocs",
			data={"doc": json.dumps(doc), "action": "Save"},
		)
		if body is not None:
			acked[head["isian"]]["acked"] = value


def officer_loop(returner, submitter, cycle, deadline, at_7):
	"""Step 7 ↔ 6: the returning officer writes the reason and returns the Jadwal; the other
	submits it again. The cycle's state is read (untimed) at the start and after a failure: a run
	may end between the two moves."""
	resource = f"/api/resource/{MONITORING}/{cycle}"

	def current_state():
		answer = returner.session.get(f"{returner.url}{resource}", timeout=TIMEOUT)
		return answer.json()["data"]["workflow_state"] if answer.ok else None

	state = current_state()
	while time.perf_counter() < deadline:
		if state is None:
			state = current_state()
			continue
		if state == at_7:
			if returner.call("reason", "PUT", resource, json={"alasan_pengembalian": RETURN_REASON}) is None:
				state = None
				continue
			client, op, action = returner, "return", RETURN_ACTION
		else:
			client, op, action = submitter, "resubmit", SUBMIT_ACTION
		body = client.call(
			op,
			"POST",
			"/api/method/frappe.model.workflow.apply_workflow",
			data={"doc": json.dumps({"doctype": MONITORING, "name": cycle}), "action": action},
		)
		state = body["message"]["workflow_state"] if body is not None else None


def manager_calls(kecamatan):
	"""(operation, HTTP method, path, request arguments) of each read a manager makes."""
	filters = json.dumps({"kecamatan": kecamatan, "tahun": YEAR, "triwulan": "I"})
	calls = [
		(
			"capaian",
			"POST",
			"/api/method/frappe.desk.query_report.run",
			{"data": {"report_name": REPORTS[0], "filters": filters}},
		),
		(
			"rekap",
			"POST",
			"/api/method/frappe.desk.query_report.run",
			{"data": {"report_name": REPORTS[1], "filters": filters}},
		),
		("rata_rata", "GET", "/api/method/kinerja_kecamatan.reports.dashboard.rata_rata_capaian", {}),
		(
			"reportview",
			"POST",
			"/api/method/frappe.desk.reportview.get",
			{
				"data": {
					"doctype": ISIAN,
					"fields": json.dumps(
						[
							f"`tab{ISIAN}`.`name`",
							f"`tab{ISIAN}`.`unit_kerja`",
							f"`tab{ISIAN}`.`triwulan`",
							f"`tab{ISIAN}`.`rata_rata_capaian`",
							f"`tab{ISIAN}`.`predikat`",
						]
					),
					"filters": json.dumps([[ISIAN, "tahun", "=", YEAR]]),
					"order_by": f"`tab{ISIAN}`.`modified` desc",
					"start": 0,
					"page_length": 20,
				}
			},
		),
	]
	return calls


def manager_loop(client, kecamatan, first, deadline):
	"""The reads in turn, starting from the `first`-th, so that every kind is sampled evenly."""
	calls = manager_calls(kecamatan)
	i = first
	while time.perf_counter() < deadline:
		op, method, path, kwargs = calls[i % len(calls)]
		client.call(op, method, path, **kwargs)
		i += 1


def warm(server, seed):
	"""A few calls of each kind, untimed, so every worker has loaded the code and its caches."""
	tokens = seed["tokens"]
	for k in seed["kecamatan"][:2]:
		camat = Client(server, tokens[k["people"]["Camat"]])
		for _ in range(server.workers):
			for op, method, path, kwargs in manager_calls(k["kecamatan"]):
				camat.call(op, method, path, **kwargs)
		head = Client(server, tokens[k["heads"][0]["user"]])
		head.call(
			"getdoc",
			"GET",
			"/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": ISIAN, "name": k["heads"][0]["isian"]},
		)


class Mix:
	"""The kabupaten's clients, each looping in a thread of its own: all started at once, all
	stopped at one deadline. `answered()` and `failed()` may be read while they run."""

	def __init__(self, server, seed):
		at_7, _at_6, return_role, submit_role = transition_roles()
		tokens = seed["tokens"]
		self.acked = {h["isian"]: {} for k in seed["kecamatan"] for h in k["heads"]}
		self.clients, self.threads = [], []
		self.start_gate = threading.Event()
		self.deadline = 0.0
		for i, k in enumerate(seed["kecamatan"]):
			for head in k["heads"]:
				client = Client(server, tokens[head["user"]])
				self.clients.append(client)
				self.spawn(head_loop, lambda d, c=client, h=head: (c, h, d, self.acked))
			returner = Client(server, tokens[k["people"][return_role]])
			submitter = Client(server, tokens[k["people"][submit_role]])
			self.clients += [returner, submitter]
			self.spawn(officer_loop, lambda d, r=returner, s=submitter, k=k: (r, s, k["moving"], d, at_7))
			manager = Client(server, tokens[k["people"]["Camat"]])
			self.clients.append(manager)
			self.spawn(manager_loop, lambda d, m=manager, k=k, i=i: (m, k["kecamatan"], i, d))

	def spawn(self, fn, make_args):
		def body():
			self.start_gate.wait()
			fn(*make_args(self.deadline))

		self.threads.append(threading.Thread(target=body, daemon=True))

	def start(self, seconds) -> float:
		"""Every client at once, until `seconds` from now; returns the start (perf_counter)."""
		for t in self.threads:
			t.start()
		started = time.perf_counter()
		self.deadline = started + seconds
		for client in self.clients:
			client.deadline = self.deadline
		self.start_gate.set()
		return started

	def join(self):
		for t in self.threads:
			t.join()

	def answered(self) -> dict:
		"""op → the latencies of its 2xx answers so far, every client's together."""
		times = defaultdict(list)
		for client in self.clients:
			for op, samples in dict(client.times).items():  # a copy: the client's thread appends
				times[op] += samples
		return times

	def failed(self) -> Counter:
		"""(op, kind, status, exc_type) → non-2xx answers or no answer so far."""
		errors = Counter()
		for client in self.clients:
			errors.update(dict(client.errors))
		return errors


def run_load(server, seed, seconds):
	"""All clients at once for `seconds`; returns (clients, elapsed, acked)."""
	mix = Mix(server, seed)
	started = mix.start(seconds)
	mix.join()
	return mix.clients, time.perf_counter() - started, mix.acked


def lost_updates(db_name, acked):
	"""Heads whose last acknowledged realisasi is not what every row of their Isian holds on the
	primary now; a newer, unacknowledged value that did land (a save whose answer failed) is
	counted apart, not as lost."""
	conn = connect_root(3306)
	try:
		with conn.cursor() as cursor:
			names = list(acked)
			cursor.execute(
				f"SELECT parent, GROUP_CONCAT(DISTINCT realisasi_tw) FROM `{db_name}`.`tab{ISIAN_ROW}` "
				f"WHERE parenttype = %s AND parent IN ({', '.join(['%s'] * len(names))}) GROUP BY parent",
				[ISIAN, *names],
			)
			stored = dict(cursor.fetchall())
	finally:
		conn.close()
	lost, unacknowledged, checked = [], 0, 0
	for name, values in acked.items():
		if "acked" not in values:
			continue
		checked += 1
		if stored.get(name) == values["acked"]:
			continue
		if stored.get(name) == values.get("attempted"):
			unacknowledged += 1
		else:
			lost.append((name, values["acked"], stored.get(name)))
	return checked, lost, unacknowledged


def measure(site, seed, workers, seconds, replica, counters, db_name):
	use_replica(replica)
	if replica:
		replica_caught_up()
	label = "read_from_replica" if replica else "reads on the primary"
	print(f"run: {label}: gunicorn {workers} workers, {seconds} s…", flush=True)
	with Server(site, workers) as server:
		warm(server, seed)
		before = counters.read()
		clients, elapsed, acked = run_load(server, seed, seconds)
		after = counters.read()
	times, errors, in_window = defaultdict(list), Counter(), Counter()
	for client in clients:
		for op, samples in client.times.items():
			times[op] += samples
		errors.update(client.errors)
		in_window.update(client.in_window)
	checked, lost, unacknowledged = lost_updates(db_name, acked)
	return {
		"label": label,
		"elapsed": elapsed,
		"seconds": seconds,
		"in_window": in_window,
		"times": times,
		"errors": errors,
		"selects": {key: after[key] - before[key] for key in after},
		"checked": checked,
		"lost": lost,
		"unacknowledged": unacknowledged,
	}


# ── the printout ──────────────────────────────────────────────────────────────────────────────


def seconds_or_dash(value):
	return f"{value:.3f}" if value is not None else "-"


def share(replica, primary):
	return f"{100 * replica / (replica + primary):.1f}%" if replica + primary else "-"


def report(runs, workers, seconds):
	print(
		f"\n{KECAMATAN} kecamatan × {UNITS} units × {INDICATORS} indicators; gunicorn {workers} workers; "
		f"{seconds} s per run; {KECAMATAN * UNITS} heads, {KECAMATAN} officer pairs, {KECAMATAN} managers at once"
	)
	width = 44
	head = f"{'':<{width}}" + "".join(f" │ {run['label']:^41}" for run in runs)
	sub = f"{'operation':<{width}}" + "".join(
		f" │ {'calls':>6} {'p50 s':>6} {'p95 s':>6} {'ops/s':>6} {'confl':>5} {'unexp':>5}" for _ in runs
	)
	print(head)
	print(sub)
	for op, label in OPERATIONS.items():
		line = f"{label:<{width}}"
		for run in runs:
			samples = run["times"].get(op, [])
			p50, p95 = percentiles(samples)
			conflicts = sum(n for (o, kind, *_), n in run["errors"].items() if o == op and kind == "conflict")
			unexpected = sum(
				n for (o, kind, *_), n in run["errors"].items() if o == op and kind == "unexpected"
			)
			line += (
				f" │ {len(samples):>6} {seconds_or_dash(p50):>6} {seconds_or_dash(p95):>6} "
				f"{run['in_window'][op] / run['seconds']:>6.2f} {conflicts:>5} {unexpected:>5}"
			)
		print(line)
	print(
		"  (calls: 2xx answers, also those of calls in flight at the deadline; ops/s: 2xx answers "
		"received within the run ÷ its length)"
	)
	print(f"\n{'throughput (2xx answers/s)':<{width}}" + "".join(f" │ {run['label']:^41}" for run in runs))
	for group, ops in [*GROUPS.items(), ("all operations", tuple(OPERATIONS))]:
		line = f"{group:<{width}}"
		for run in runs:
			done = sum(run["in_window"][op] for op in ops)
			line += f" │ {done / run['seconds']:>41.2f}"
		print(line)

	print(f"\n{'correctness':<{width}}" + "".join(f" │ {run['label']:^41}" for run in runs))
	rows = [
		("non-2xx: expected conflicts (409/417)", lambda r: _errors(r, "conflict")),
		("non-2xx or no answer: unexpected (goal 0)", lambda r: _errors(r, "unexpected")),
		(
			"lost updates (goal 0) / heads checked",
			lambda r: f"{len(r['lost'])} / {r['checked']}",
		),
		("saves applied but unacknowledged", lambda r: r["unacknowledged"]),
	]
	for label, value in rows:
		print(f"{label:<{width}}" + "".join(f" │ {value(run)!s:>41}" for run in runs))

	print(
		f"\n{'SELECTs during the run (MariaDB counters)':<{width}}"
		+ "".join(f" │ {run['label']:^41}" for run in runs)
	)
	for scope, words in (("site", "site's DB user"), ("global", "whole servers")):
		for server in ("primary", "replica"):
			print(
				f"{f'{words}: {server}':<{width}}"
				+ "".join(f" │ {run['selects'][(server, scope)]:>41}" for run in runs)
			)
		print(
			f"{f'{words}: share served by the replica':<{width}}"
			+ "".join(
				f" │ {share(run['selects'][('replica', scope)], run['selects'][('primary', scope)]):>41}"
				for run in runs
			)
		)
	manager_calls = [
		sum(len(run["times"].get(op, [])) for op in GROUPS["8 managers (reads)"]) for run in runs
	]
	print(
		f"{'replica SELECTs per manager call (site)':<{width}}"
		+ "".join(
			f" │ {run['selects'][('replica', 'site')] / calls if calls else 0:>41.1f}"
			for run, calls in zip(runs, manager_calls, strict=True)
		)
	)
	for run in runs:
		failures = [(key, n) for key, n in run["errors"].items()]
		if failures:
			print(f"\nnon-2xx in '{run['label']}' (operation, kind, status, exception):")
			for (op, kind, status, exc), n in sorted(failures, key=lambda item: -item[1]):
				print(f"  {n:>5}  {op:<10} {kind:<10} {status!s:<9} {exc}")
		for name, acked, stored in run["lost"][:10]:
			print(f"  lost update in '{run['label']}': {name} acknowledged {acked}, holds {stored}")


def _errors(run, kind):
	return sum(n for (_op, k, *_), n in run["errors"].items() if k == kind)


def set_up(site: str, reseed: bool):
	"""Connects to `site` and returns its seed, seeded or reused (load_or_seed), with reads on the
	primary. Also the soak's set-up (soak.py)."""
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	logging.getLogger("CSSUTILS").disabled = True  # CSS chatter while signing (premailer resets levels)
	use_replica(False)
	# wkhtmltopdf fetches the archived Laporan's assets from host_name while seeding
	with Server(site, 2) as seeder:
		update_site_config("host_name", seeder.url)
		print(f"seeding {KECAMATAN} kecamatan ({UNITS} units × {INDICATORS} indicators each)…", flush=True)
		seed = load_or_seed(reseed)
	frappe.db.commit()
	return seed


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("site", nargs="?", default="kabupaten.localhost")
	parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
	parser.add_argument("--seconds", type=int, default=60, help="length of each run (default 60)")
	parser.add_argument("--reseed", action="store_true", help="seed new kecamatan even if a seed is stored")
	args = parser.parse_args()

	seed = set_up(args.site, args.reseed)
	db_name = frappe.conf.db_name
	db_user = frappe.conf.get("db_user") or db_name
	counters = Counters(db_user)
	runs = []
	try:
		for replica in (False, True):
			runs.append(measure(args.site, seed, args.workers, args.seconds, replica, counters, db_name))
	finally:
		use_replica(False)
		counters.restore()
		frappe.destroy()
	report(runs, args.workers, args.seconds)


if __name__ == "__main__":
	main()
