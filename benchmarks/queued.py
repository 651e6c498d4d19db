"""Work the app queues for an RQ worker (jobs.py), done before a benchmark reads what it makes.

A kecamatan of more than jobs.SHORT_QUEUE_UNITS units gets its Isian from a job on the long queue
(step 3, workflow/distribution.py). A benchmark must not count on a worker being up: a new
machine has none, and the demo's, when it runs, serves every site of the bench. So the seed runs
the queue itself with a burst worker (`bench worker --queue long --burst`, which works until the
queue is empty and exits, as tests/test_growth.py does), then waits, for a bounded time, for the
work's commit, which a worker already up may have made instead.
"""

import os
import subprocess
import sys
import time

import frappe

ISIAN = "Isian Data Kinerja"
MONITORING = "Monitoring Kinerja Triwulan"
DISTRIBUTE = "kinerja_kecamatan.workflow.distribution.distribute_formats_of"
# a queued step 3 of 100 units takes a worker about 8 s; a worker busy with another site's job,
# or one that failed and retries (jobs.ATTEMPTS), takes longer
WAIT_SECONDS = 300


def queue_kecamatan_above(units: int) -> None:
	"""For --smoke: in this process, a kecamatan of more than `units` units takes the long queue,
	so that a tiny seed still goes the way a big one does (the worker itself only runs the job)."""
	from kinerja_kecamatan import jobs

	jobs.SHORT_QUEUE_UNITS = units


def run_long_queue() -> None:
	"""Commit (the app's jobs are queued on commit), then a burst worker on the long queue."""
	frappe.db.commit()
	result = subprocess.run(
		[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "worker", "--queue", "long", "--burst"],
		cwd=os.path.abspath(frappe.local.sites_path),
		capture_output=True,
		text=True,
		timeout=WAIT_SECONDS,
	)
	if result.returncode:
		raise SystemExit(
			f"bench worker --queue long --burst failed ({result.returncode}):\n{result.stderr[-2000:]}"
		)


def wait_until(condition, what: str, job=None, seconds: float = WAIT_SECONDS) -> None:
	"""Until condition() holds in a fresh snapshot of the database, at most `seconds`; at once if
	`job` ((method, job_kwargs) of an app job, jobs.py) has failed in RQ."""
	deadline = time.monotonic() + seconds
	while True:
		frappe.db.rollback()  # a new snapshot, to see what a worker committed
		if condition():
			return
		failed = job and find_job(*job)
		if failed and failed.is_failed:
			raise SystemExit(f"{what}: the job failed:\n{(failed.exc_info or '')[-1500:]}")
		if time.monotonic() > deadline:
			raise SystemExit(
				f"{what}: not done {seconds:.0f} s after the long queue was run; see the site's "
				"Error Log and RQ Job for the job's failure"
			)
		time.sleep(0.5)


def distributed(cycle: str, units: int) -> bool:
	return frappe.db.count(ISIAN, {"monitoring": cycle}) >= units


def ensure_distributed(cycle: str, units: int) -> None:
	"""Step 3's Isian, one per unit, made: at once for a small kecamatan, else by the long queue."""
	if distributed(cycle, units):
		return
	run_long_queue()
	wait_until(
		lambda: distributed(cycle, units),
		f"the Isian of {cycle} ({units} units, step 3 queued)",
		job=(DISTRIBUTE, {"monitoring_name": cycle}),
	)


def run_quarter(people: dict, heads: dict, cycle: str, realisasi, until: int) -> None:
	"""demo.quarter.run_quarter up to step `until`, its step 3 (the Isian's distribution) done by
	a worker when the kecamatan is big enough for the long queue; committed."""
	from kinerja_kecamatan.demo import quarter
	from kinerja_kecamatan.workflow.sop_record import sop_of

	distribution = sop_of(frappe.get_doc(MONITORING, cycle)).number_of("distribusi")
	if until > distribution:
		quarter.run_quarter(people, heads, cycle, realisasi, until=distribution + 1)
		ensure_distributed(cycle, len(heads))
	quarter.run_quarter(people, heads, cycle, realisasi, until=until)
	frappe.db.commit()


def find_job(method: str, job_kwargs: dict):
	"""This site's RQ job of the long queue running the app's `method(**job_kwargs)` (jobs.py), in
	whichever state RQ keeps it, or None."""
	from frappe.utils.background_jobs import get_queue
	from rq.job import Job

	queue = get_queue("long")
	ids = [
		*queue.job_ids,
		*queue.started_job_registry.get_job_ids(),
		*queue.finished_job_registry.get_job_ids(),
		*queue.failed_job_registry.get_job_ids(),
	]
	for job in Job.fetch_many(ids, connection=queue.connection):
		if not job or job.kwargs.get("site") != frappe.local.site:
			continue
		kwargs = job.kwargs.get("kwargs") or {}
		if kwargs.get("job_method") == method and kwargs.get("job_kwargs") == job_kwargs:
			return job
	return None


def job_seconds(method: str, job_kwargs: dict, seconds: float = 60) -> float | None:
	"""How long a worker ran the app's job `method(**job_kwargs)` (RQ's start to end). The job
	commits its work before RQ records its end: waits for that, at most `seconds`."""
	deadline = time.monotonic() + seconds
	while time.monotonic() < deadline:
		job = find_job(method, job_kwargs)
		if job and job.is_finished:
			return (job.ended_at - job.started_at).total_seconds()
		if job and job.is_failed:
			return None
		time.sleep(0.2)
	return None
