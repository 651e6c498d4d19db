"""Background work: the queue by size, retries, and a failure the user is told about."""

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan import jobs
from kinerja_kecamatan.tests.factories import make_kecamatan, make_user

CALLS = []


def fails_once(value: str) -> str:
	"""Writes a note each try; the first try fails after writing, as a deadlock would."""
	CALLS.append(value)
	frappe.get_doc({"doctype": "Note", "title": f"{value} {len(CALLS)}", "public": 1}).insert(
		ignore_permissions=True
	)
	if len(CALLS) == 1:
		raise frappe.QueryDeadlockError("Deadlock found when trying to get lock")
	return value.upper()


def always_fails(value: str) -> str:
	CALLS.append(value)
	raise ValueError(f"berkas {value} rusak")


def test_queue_by_number_of_units():
	assert [jobs.queue_for(n) for n in (7, 20, 21, 100)] == ["short", "short", "long", "long"]


class TestRetriedJobs(FrappeTestCase):
	def setUp(self):
		CALLS.clear()

	def test_a_passing_failure_is_retried_and_its_first_try_undone(self):
		result = jobs.run_retried(
			"kinerja_kecamatan.tests.test_jobs.fails_once", "Uji", job_kwargs={"value": "zip"}
		)
		self.assertEqual(result, "ZIP")
		self.assertEqual(CALLS, ["zip", "zip"])
		self.assertEqual(frappe.get_all("Note", {"title": ("like", "zip %")}, pluck="title"), ["zip 2"])

	def test_the_last_failure_is_told_to_the_user_and_logged(self):
		user, kecamatan = make_user(), make_kecamatan()
		frappe.db.commit()  # each failed try rolls back, as in a worker
		with self.assertRaises(ValueError):
			jobs.run_retried(
				"kinerja_kecamatan.tests.test_jobs.always_fails",
				"Format Isian semua unit MON-1",
				user=user,
				reference=("Kecamatan", kecamatan),
				job_kwargs={"value": "x.xlsx"},
			)
		self.assertEqual(CALLS, ["x.xlsx"] * 3)
		[note] = frappe.get_all(
			"Notification Log", {"for_user": user}, ["subject", "email_content", "document_type"]
		)
		self.assertEqual(note.subject, "Gagal setelah 3 percobaan: Format Isian semua unit MON-1")
		self.assertEqual(note.email_content, "berkas x.xlsx rusak")
		self.assertEqual(note.document_type, "Kecamatan")
		self.assertTrue(frappe.db.exists("Error Log", {"method": "Gagal: Format Isian semua unit MON-1"}))
