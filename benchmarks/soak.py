"""A soak: the kabupaten load test's mix for 20 minutes, gunicorn's and the RQ workers' memory
sampled every minute.

The site, its seed and the mix are the kabupaten load test's (kabupaten.py: 80 unit heads saving
their Isian of 30 rows, 8 officer pairs moving their cycle 7 ↔ 6, 8 managers reading the reports,
the card and Report View), with reads on the primary. One run, for the given minutes, on gunicorn
with N workers (kabupaten.py's, with no --max-requests, so that no worker is ever replaced and a
leak cannot hide behind a restart) and with RQ workers as the demo serves them (two on default,
one on short, one on long, scripts/lib/serve.sh). The queue is a redis-server of the soak's own
(FRAPPE_REDIS_QUEUE, for gunicorn and the workers alike): the workers run what the mix queues and
nothing else, and never a job another site's tests queued for a worker of their own.

At minute 0 (after the warm-up, as the load starts) and then every minute, the memory of each
process tree is summed: gunicorn's master and workers; the RQ workers and the work horses each
forks for a job. Both RSS and PSS are printed. The verdict is on PSS (a page shared by several
processes counted once, split between them): RSS counts the pages a work horse shares with its
worker twice, so a horse alive at one sample and not at another would look like a leak.

The verdict, printed last, passes when:
  - neither tree's PSS exceeds its minute-5 sample by more than 10 % at any later minute (in a
    run of 5 minutes or fewer, the minute before the last is the reference);
  - there are no errors: no unexpected non-2xx answer or request without an answer (a 409/417
    conflict between two saves is a refusal the user can repeat, counted apart), no failed job,
    no Error Log written on the site, no gunicorn or RQ worker replaced or gone;
  - there are no lost updates: every head's last acknowledged save is what the database holds.
It exits 1 when the verdict fails.

Run: ./scripts/benchmark.sh soak [--minutes N] [--workers N] [--reseed]
     (or, in a bench's sites folder, as the bench user:
     ../env/bin/python <checkout>/benchmarks/soak.py <site> [--minutes N])
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

import frappe
import psutil
import redis
from frappe.utils import now_datetime
from kabupaten import OPERATIONS, Mix, lost_updates, set_up, warm
from rq import Queue, Worker
from rq.job import Job
from server import Server, free_port

# the demo's RQ workers (scripts/lib/serve.sh)
RQ_QUEUES = ("default", "default", "short", "long")
SETTLED_MINUTE = 5
GROWTH_LIMIT = 0.10
MIB = 1024 * 1024


class OwnQueue:
	"""redis-server on a free port, without persistence, named as the queue's Redis in this
	process's environment (FRAPPE_REDIS_QUEUE, which Frappe reads before any config) while the
	block runs: gunicorn and the workers started in it queue on it and serve it."""

	def __enter__(self):
		self.port, self.folder = free_port(), tempfile.mkdtemp(prefix="kinerja-soak-redis-")
		self.process = subprocess.Popen(
			[
				"redis-server",
				"--port",
				str(self.port),
				"--bind",
				"127.0.0.1",
				"--save",
				"",
				"--dir",
				self.folder,
			],
			stdout=subprocess.DEVNULL,
		)
		self.url = f"redis://127.0.0.1:{self.port}"
		self.connection = redis.Redis.from_url(self.url)
		deadline = time.monotonic() + 10
		while True:
			try:
				self.connection.ping()
				break
			except redis.exceptions.ConnectionError:
				if time.monotonic() > deadline:
					raise SystemExit(f"redis-server on port {self.port} did not start")
				time.sleep(0.1)
		self.environment_before = os.environ.get("FRAPPE_REDIS_QUEUE")
		os.environ["FRAPPE_REDIS_QUEUE"] = self.url
		return self

	def __exit__(self, *exc):
		if self.environment_before is None:
			os.environ.pop("FRAPPE_REDIS_QUEUE", None)
		else:
			os.environ["FRAPPE_REDIS_QUEUE"] = self.environment_before
		self.process.kill()
		self.process.wait(timeout=10)
		shutil.rmtree(self.folder, ignore_errors=True)

	def failed_jobs(self) -> list[str]:
		names = []
		for queue in Queue.all(connection=self.connection):
			ids = queue.failed_job_registry.get_job_ids()
			for job in Job.fetch_many(ids, connection=self.connection):
				if job:
					names.append(job.kwargs.get("job_name") or job.func_name)
		return names


class RQWorkers:
	"""`bench worker --queue Q` for each queue, as the demo's Procfile starts them."""

	def __init__(self, queues, log_path, connection):
		self.queues, self.log_path, self.connection, self.processes = queues, log_path, connection, []

	def __enter__(self):
		self.log = open(self.log_path, "a")
		for queue in self.queues:
			self.processes.append(
				subprocess.Popen(
					[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "worker", "--queue", queue],
					stdout=self.log,
					stderr=subprocess.STDOUT,
				)
			)
		return self

	def __exit__(self, *exc):
		for process in self.processes:
			process.terminate()  # warm shutdown: a job in hand is finished first
		for process in self.processes:
			try:
				process.wait(timeout=120)
			except subprocess.TimeoutExpired:
				process.kill()
				process.wait(timeout=10)
		self.log.close()

	def gone(self) -> int:
		return sum(process.poll() is not None for process in self.processes)

	def jobs(self) -> tuple[int, int]:
		"""(jobs finished, jobs failed) by these workers so far, as RQ counts them."""
		pids = {process.pid for process in self.processes}
		done = failed = 0
		for worker in Worker.all(connection=self.connection):
			if worker.pid in pids:
				done += worker.successful_job_count
				failed += worker.failed_job_count
		return done, failed


def tree_memory(pids) -> tuple[int, int, int]:
	"""(RSS, PSS, processes) summed over each pid's process and all its descendants."""
	rss = pss = count = 0
	for pid in pids:
		root = psutil.Process(pid)
		for process in (root, *root.children(recursive=True)):
			try:
				info = process.memory_full_info()
			except psutil.NoSuchProcess:  # a work horse that just ended
				continue
			rss, pss, count = rss + info.rss, pss + info.pss, count + 1
	return rss, pss, count


def gunicorn_workers(server) -> set[int]:
	return {child.pid for child in psutil.Process(server.process.pid).children()}


def error_logs(since) -> list[str]:
	frappe.db.rollback()  # a fresh snapshot
	return frappe.get_all("Error Log", {"creation": (">=", since)}, pluck="method", order_by="creation")


def soak(site, seed, minutes, workers, db_name) -> bool:
	print(
		f"soak: the kabupaten mix for {minutes} min, gunicorn {workers} workers, RQ workers on "
		f"{', '.join(RQ_QUEUES)}; memory sampled every minute…",
		flush=True,
	)
	since = now_datetime()
	log_path = os.path.abspath(os.path.join("..", "logs", "kinerja-soak-workers.log"))
	with (
		OwnQueue() as queue,
		Server(site, workers) as server,
		RQWorkers(RQ_QUEUES, log_path, queue.connection) as rq,
	):
		warm(server, seed)
		gunicorn_pids = gunicorn_workers(server)
		mix = Mix(server, seed)
		started = mix.start(minutes * 60)
		print(
			f"\n{'min':>3} │ {'gunicorn RSS':>12} {'PSS MiB':>8} │ {'RQ RSS':>7} {'PSS MiB':>8} {'proc':>4} │ "
			f"{'2xx/min':>7} {'saves':>5} {'save p50 s':>10} │ {'unexp':>5} {'confl':>5}",
			flush=True,
		)
		samples, marks = [], {}
		for minute in range(minutes + 1):
			time.sleep(max(0.0, started + 60 * minute - time.perf_counter()))
			g_rss, g_pss, _ = tree_memory([server.process.pid])
			r_rss, r_pss, r_count = tree_memory([p.pid for p in rq.processes])
			new, failures = answers_since(mix, marks), mix.failed()
			saves = new.get("savedocs", [])
			unexpected = sum(n for (_op, kind, *_), n in failures.items() if kind == "unexpected")
			conflicts = sum(n for (_op, kind, *_), n in failures.items() if kind == "conflict")
			samples.append({"minute": minute, "gunicorn": g_pss, "rq": r_pss})
			print(
				f"{minute:>3} │ {g_rss / MIB:>12.0f} {g_pss / MIB:>8.0f} │ {r_rss / MIB:>7.0f} {r_pss / MIB:>8.0f} "
				f"{r_count:>4} │ {sum(map(len, new.values())):>7} {len(saves):>5} "
				f"{statistics.median(saves) if saves else 0:>10.2f} │ {unexpected:>5} {conflicts:>5}",
				flush=True,
			)
		replaced = len(gunicorn_pids - gunicorn_workers(server))
		rq_gone = rq.gone()
		mix.join()
		jobs_done, jobs_failed = rq.jobs()
		failed_jobs = queue.failed_jobs()
	failures = mix.failed()
	checked, lost, unacknowledged = lost_updates(db_name, mix.acked)
	logged = error_logs(since)
	return verdict(
		samples,
		failures,
		{
			"replaced": replaced,
			"rq_gone": rq_gone,
			"jobs": (jobs_done, jobs_failed),
			"failed_jobs": failed_jobs,
			"logged": logged,
			"checked": checked,
			"lost": lost,
			"unacknowledged": unacknowledged,
			"answered": sum(len(s) for s in mix.answered().values()),
			"per_op": mix.answered(),
		},
	)


def answers_since(mix, marks) -> dict:
	"""op → the latencies of the 2xx answers since `marks` (client, op → answers seen), which
	move on."""
	new = defaultdict(list)
	for i, client in enumerate(mix.clients):
		for op, latencies in dict(client.times).items():
			latencies = latencies[:]  # a copy: the client's thread appends
			new[op] += latencies[marks.get((i, op), 0) :]
			marks[(i, op)] = len(latencies)
	return new


def growth(samples, tree) -> tuple[int, float]:
	"""(reference minute, largest growth after it as a fraction of its sample)."""
	reference = min(SETTLED_MINUTE, len(samples) - 2)
	base = samples[reference][tree]
	later = [s[tree] for s in samples[reference + 1 :]]
	return reference, (max(later) - base) / base if later and base else 0.0


def verdict(samples, failures, facts) -> bool:
	print("\n(memory: each tree's sum; PSS counts a page shared by several processes once)")
	for op, label in OPERATIONS.items():
		calls = facts["per_op"].get(op, [])
		if calls:
			print(f"  {label:<44} {len(calls):>6} answers, p50 {statistics.median(calls):.3f} s")
	for (op, kind, status, exc), n in sorted(failures.items(), key=lambda item: -item[1]):
		print(f"  non-2xx: {n:>5}  {op:<10} {kind:<10} {status!s:<9} {exc}")
	for name in facts["failed_jobs"][:10]:
		print(f"  failed job: {name}")
	for method in facts["logged"][:10]:
		print(f"  Error Log: {method}")
	for name, acked, stored in facts["lost"][:10]:
		print(f"  lost update: {name} acknowledged {acked}, holds {stored}")
	jobs_done, jobs_failed = facts["jobs"]
	print(
		f"  RQ workers ran {jobs_done} jobs ({jobs_failed} failed); "
		f"saves applied but unacknowledged: {facts['unacknowledged']}"
	)

	unexpected = sum(n for (_op, kind, *_), n in failures.items() if kind == "unexpected")
	conflicts = sum(n for (_op, kind, *_), n in failures.items() if kind == "conflict")
	errors = (
		unexpected
		+ len(facts["failed_jobs"])
		+ len(facts["logged"])
		+ facts["replaced"]
		+ facts["rq_gone"]
	)
	reference, gunicorn_growth = growth(samples, "gunicorn")
	_, rq_growth = growth(samples, "rq")
	memory_ok = len(samples) >= 2 and max(gunicorn_growth, rq_growth) <= GROWTH_LIMIT
	ok = memory_ok and errors == 0 and not facts["lost"]
	print(
		f"\nverdict: {'PASS' if ok else 'FAIL'}: "
		f"memory after minute {reference} against minute {reference} (PSS, goal ≤ +{GROWTH_LIMIT:.0%}): "
		f"gunicorn {gunicorn_growth:+.1%} "
		f"({samples[reference]['gunicorn'] / MIB:.0f} → at most {max(s['gunicorn'] for s in samples[reference:]) / MIB:.0f} MiB), "
		f"RQ workers {rq_growth:+.1%} "
		f"({samples[reference]['rq'] / MIB:.0f} → at most {max(s['rq'] for s in samples[reference:]) / MIB:.0f} MiB); "
		f"errors {errors} (unexpected answers {unexpected}, failed jobs {len(facts['failed_jobs'])}, "
		f"Error Log {len(facts['logged'])}, workers replaced or gone {facts['replaced'] + facts['rq_gone']}; "
		f"conflicts apart: {conflicts}); "
		f"lost updates {len(facts['lost'])} of {facts['checked']} heads; "
		f"{facts['answered']} 2xx answers in all",
		flush=True,
	)
	return ok


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("site", nargs="?", default="kabupaten.localhost")
	parser.add_argument("--minutes", type=int, default=20, help="length of the soak (default 20)")
	parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
	parser.add_argument("--reseed", action="store_true", help="seed new kecamatan even if a seed is stored")
	args = parser.parse_args()
	if args.minutes < 1:
		parser.error("--minutes must be 1 or more")

	seed = set_up(args.site, args.reseed)
	try:
		ok = soak(args.site, seed, args.minutes, args.workers, frappe.conf.db_name)
	finally:
		frappe.destroy()
	sys.exit(0 if ok else 1)


if __name__ == "__main__":
	main()
