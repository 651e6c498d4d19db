"""Background work on the queue that fits its size, retried, and failing where people see it.

Frappe's RQ queues: `short` for seconds of work, `default`, and `long` for minutes. A job is
tried up to ATTEMPTS times (a lock wait or a deadlock under load passes on a second try); after
the last, its user gets a notification (the bell) naming the work and the error, the Error Log
keeps the traceback, and the job ends failed in RQ Job, so the failure is never silent.

A job is queued before the work that asks for it commits, so an unreachable queue refuses that
work instead of committing it with its job lost; and a job whose worker was killed mid-job is put
back in its queue by `resume_stranded` (scheduled), its user told that the work is delayed.
"""

import hashlib
import time
from datetime import timedelta

import frappe
import redis
from frappe import _
from frappe.utils.background_jobs import get_queues, get_redis_conn
from rq import get_current_job
from rq.job import Job
from rq.registry import StartedJobRegistry
from rq.utils import utcnow

ATTEMPTS = 3
# units a kecamatan job handles on the short queue; beyond it, the long queue
SHORT_QUEUE_UNITS = 20
RUN_RETRIED = "kinerja_kecamatan.jobs.run_retried"
# a job RQ shows started this long, whose process holds no lock, lost its process
STRANDED_AFTER = timedelta(seconds=10)


class QueueUnavailable(frappe.ValidationError):
	pass


def queue_for(units: int) -> str:
	return "short" if units <= SHORT_QUEUE_UNITS else "long"


def enqueue(method: str, *, queue: str, title: str, reference: tuple[str, str] | None = None, **kwargs):
	"""Run `method(**kwargs)` in the background as the current user, retried; a failure is
	notified to the user, pointing at `reference` (doctype, name).

	Queued now, inside the caller's transaction: if Redis cannot take the job, the caller is
	refused with a message and everything it wrote is rolled back (the job may therefore start
	before that commit; a job that depends on it waits for it, as distribute_formats_of does)."""
	try:
		return frappe.enqueue(
			RUN_RETRIED,
			queue=queue,
			timeout=1500 if queue == "long" else None,
			job_method=method,
			title=title,
			user=frappe.session.user,
			reference=reference,
			job_kwargs=kwargs,
		)
	except (redis.exceptions.RedisError, ConnectionError):
		frappe.throw(
			_(
				"Antrean pekerjaan latar belakang tidak dapat dihubungi, sehingga {0} tidak dapat "
				"dijadwalkan. Tidak ada yang diubah; coba lagi beberapa saat lagi, dan hubungi "
				"pengelola sistem bila terus berulang."
			).format(title),
			QueueUnavailable,
			title=_("Antrean tidak tersedia"),
		)


def run_retried(
	job_method: str,
	title: str,
	user: str | None = None,
	reference: tuple[str, str] | None = None,
	job_kwargs: dict | None = None,
):
	method = frappe.get_attr(job_method)
	job = get_current_job()
	# the job's sign of life for resume_stranded: MariaDB frees it when this process dies
	if job:
		frappe.db.sql("select get_lock(%s, 0)", lock_name(job.id))
	try:
		for attempt in range(1, ATTEMPTS + 1):
			try:
				result = method(**(job_kwargs or {}))
				frappe.db.commit()
				return result
			except Exception as error:
				frappe.db.rollback()
				if attempt == ATTEMPTS:
					report_failure(title, user, reference, error)
					raise
				time.sleep(attempt)
	finally:
		if job:
			frappe.db.sql("select release_lock(%s)", lock_name(job.id))


def lock_name(job_id: str) -> str:
	# a named lock is the database server's, at most 64 characters: the job's id says the site
	return "kinerja-job-" + hashlib.sha1(job_id.encode()).hexdigest()


def resume_stranded() -> list[str]:
	"""Jobs of this site RQ still shows started whose process is gone (a worker killed mid-job:
	SIGKILL, out of memory, the machine restarted), put back in their queue to run again from the
	start, their user told. A killed job's transaction was rolled back whole, so running it again
	leaves no duplicate (distribution skips units that have their Isian). Returns their ids."""
	connection = get_redis_conn()
	resumed = []
	for queue in get_queues(connection):
		registry = StartedJobRegistry(queue=queue)
		for job in Job.fetch_many(registry.get_job_ids(), connection=connection):
			if job and is_stranded(job):
				registry.remove(job)
				queue.enqueue_job(job)
				report_delay(job.kwargs["kwargs"])
				resumed.append(job.id)
	return resumed


def is_stranded(job: Job) -> bool:
	if job.kwargs.get("site") != frappe.local.site or job.kwargs.get("method") != RUN_RETRIED:
		return False
	if not job.started_at or utcnow() - job.started_at < STRANDED_AFTER:
		return False
	return frappe.db.sql("select is_free_lock(%s)", lock_name(job.id))[0][0] == 1


def report_delay(job_kwargs: dict) -> None:
	notify(
		job_kwargs.get("user"),
		_("Tertunda: {0}").format(job_kwargs["title"]),
		_(
			"Proses latar belakang berhenti sebelum pekerjaan ini selesai, dan tidak ada yang tersimpan "
			"setengah jadi. Pekerjaan sudah dijadwalkan ulang dan berjalan lagi dari awal."
		),
		job_kwargs.get("reference"),
	)
	frappe.db.commit()


def report_failure(title: str, user: str | None, reference, error: Exception) -> None:
	frappe.log_error(
		title=_("Gagal: {0}").format(title),
		reference_doctype=reference and reference[0],
		reference_name=reference and reference[1],
	)
	notify(
		user,
		_("Gagal setelah {0} percobaan: {1}").format(ATTEMPTS, title),
		frappe.utils.escape_html(str(error) or type(error).__name__),
		reference,
	)
	frappe.db.commit()


def notify(user: str | None, subject: str, content: str, reference) -> None:
	if user and user != "Guest":
		frappe.get_doc(
			{
				"doctype": "Notification Log",
				"for_user": user,
				"type": "Alert",
				"subject": subject,
				"email_content": content,
				"document_type": reference and reference[0],
				"document_name": reference and reference[1],
			}
		).insert(ignore_permissions=True)
