"""Background work on the queue that fits its size, retried, and failing where people see it.

Frappe's RQ queues: `short` for seconds of work, `default`, and `long` for minutes. A job is
tried up to ATTEMPTS times (a lock wait or a deadlock under load passes on a second try); after
the last, its user gets a notification (the bell) naming the work and the error, the Error Log
keeps the traceback, and the job ends failed in RQ Job, so the failure is never silent.
"""

import time

import frappe
from frappe import _

ATTEMPTS = 3
# units a kecamatan job handles on the short queue; beyond it, the long queue
SHORT_QUEUE_UNITS = 20


def queue_for(units: int) -> str:
	return "short" if units <= SHORT_QUEUE_UNITS else "long"


def enqueue(method: str, *, queue: str, title: str, reference: tuple[str, str] | None = None, **kwargs):
	"""Run `method(**kwargs)` in the background as the current user, retried; a failure is
	notified to the user, pointing at `reference` (doctype, name)."""
	return frappe.enqueue(
		"kinerja_kecamatan.jobs.run_retried",
		queue=queue,
		timeout=1500 if queue == "long" else None,
		enqueue_after_commit=True,
		job_method=method,
		title=title,
		user=frappe.session.user,
		reference=reference,
		job_kwargs=kwargs,
	)


def run_retried(
	job_method: str,
	title: str,
	user: str | None = None,
	reference: tuple[str, str] | None = None,
	job_kwargs: dict | None = None,
):
	method = frappe.get_attr(job_method)
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


def report_failure(title: str, user: str | None, reference, error: Exception) -> None:
	frappe.log_error(
		title=_("Gagal: {0}").format(title),
		reference_doctype=reference and reference[0],
		reference_name=reference and reference[1],
	)
	if user and user != "Guest":
		frappe.get_doc(
			{
				"doctype": "Notification Log",
				"for_user": user,
				"type": "Alert",
				"subject": _("Gagal setelah {0} percobaan: {1}").format(ATTEMPTS, title),
				"email_content": frappe.utils.escape_html(str(error) or type(error).__name__),
				"document_type": reference and reference[0],
				"document_name": reference and reference[1],
			}
		).insert(ignore_permissions=True)
	frappe.db.commit()
