"""Two writers on one document at the same instant, over HTTP on the served test site: exactly
one wins, the other is told so in words, and nothing is lost or half applied."""

import json
import threading

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, nowdate

from kinerja_kecamatan.demo.quarter import run_quarter
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
	make_officer,
	make_user,
)
from kinerja_kecamatan.tests.rest import api_token, http, served_url
from kinerja_kecamatan.tests.test_isian_excel import REALISASI, download, filled
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLE_PELAKSANA, ROLE_SEKRETARIS, step

MONITORING = "Monitoring Kinerja Triwulan"
ISIAN = "Isian Data Kinerja"
SAVEDOCS = "/api/method/frappe.desk.form.save.savedocs"


def at_once(calls: list) -> list:
	"""Run each (method, path, user, data, files) at the same instant; their (status, body)."""
	served_url()  # read here: the threads have no site of their own
	for call in calls:
		if call[2]:
			api_token(call[2])
	results = [None] * len(calls)
	barrier = threading.Barrier(len(calls))

	def run(i, call):
		barrier.wait()
		try:
			results[i] = http(*call)
		except Exception as e:  # shown in the assertion, not lost in the thread
			results[i] = (0, {"exception": repr(e)})

	threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	return results


def save_as_desk(user: str, doc: dict, action: str = "Save"):
	return ("POST", SAVEDOCS, user, {"doc": json.dumps(doc, default=str), "action": action}, None)


class TestContention(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()

	def assert_one_wins(self, results, exc_type="TimestampMismatchError"):
		statuses = sorted(status for status, _body in results)
		self.assertEqual(statuses[0], 200, results)
		self.assertEqual(statuses[1:], [417] * (len(results) - 1), results)
		loser = next(body for status, body in results if status != 200)
		self.assertEqual(loser.get("exc_type"), exc_type)
		self.assertTrue(loser.get("_server_messages"), "the loser is told why")
		return next(i for i, (status, _body) in enumerate(results) if status == 200)

	def test_two_camat_save_the_same_disposition(self):
		cycle, _heads = make_cycle(self.people, units=1)
		deputy = make_user(roles=(ROLE_CAMAT,))
		make_officer(cycle.kecamatan, deputy, "Plh. Camat")
		frappe.db.commit()
		doc = frappe.get_doc(MONITORING, cycle.name).as_dict()
		texts = ["Susun format minggu ini", "Susun format segera"]
		results = at_once(
			[
				save_as_desk(user, {**doc, "disposisi": text, "batas_waktu": add_days(nowdate(), 7)})
				for user, text in zip((self.people[ROLE_CAMAT], deputy), texts, strict=True)
			]
		)
		winner = self.assert_one_wins(results)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(MONITORING, cycle.name, "disposisi"), texts[winner])

	def test_sekretaris_and_pelaksana_save_the_same_report(self):
		cycle, heads = make_cycle(self.people, units=1)
		run_quarter(self.people, heads, cycle.name, lambda row: ("100", None), until=10)
		frappe.db.commit()
		laporan = frappe.get_doc("Laporan Hasil Monitoring", laporan_of(cycle.name)).as_dict()
		texts = ["Temuan versi Sekretaris", "Temuan versi Pelaksana"]
		results = at_once(
			[
				save_as_desk(self.people[role], {**laporan, "temuan": text})
				for role, text in zip((ROLE_SEKRETARIS, ROLE_PELAKSANA), texts, strict=True)
			]
		)
		winner = self.assert_one_wins(results)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Laporan Hasil Monitoring", laporan.name, "temuan"), texts[winner])

	def test_two_uploads_of_one_isian(self):
		cycle, heads = make_cycle(self.people, units=1)
		run_quarter(self.people, heads, cycle.name, lambda row: ("100", None), until=4)
		frappe.db.commit()
		unit, head = next(iter(heads.items()))
		isian = frappe.db.get_value(ISIAN, {"monitoring": cycle.name, "unit_kerja": unit})
		blank = download(isian)
		file_urls = []
		for value in ("100", "120"):
			status, body = http(
				"POST",
				"/api/method/upload_file",
				head,
				{"doctype": ISIAN, "docname": isian, "is_private": 1},
				{"file": (f"isian-{value}.xlsx", filled(blank, {(0, REALISASI): value}), "application/octet-stream")},
			)
			self.assertEqual(status, 200, body)
			file_urls.append(body["message"]["file_url"])
		method = "/api/method/kinerja_kecamatan.format_isian.excel.upload_isian"
		results = at_once([("POST", method, head, {"name": isian, "file_url": url}, None) for url in file_urls])
		winner = self.assert_one_wins(results)
		frappe.db.rollback()
		realisasi = frappe.get_all("Isian Data Kinerja Indikator", {"parent": isian}, pluck="realisasi_tw")
		self.assertEqual(realisasi, [("100", "120")[winner]])

	def test_heads_submit_while_the_pelaksana_closes_collection(self):
		cycle, heads = make_cycle(self.people, units=4)
		run_quarter(self.people, heads, cycle.name, lambda row: ("100", None), until=4)
		drafts = {}
		for unit, head in heads.items():
			name = frappe.db.get_value(ISIAN, {"monitoring": cycle.name, "unit_kerja": unit})
			doc = frappe.get_doc(ISIAN, name)
			for row in doc.indikator:
				row.realisasi_tw = "100"
			doc.save()
			drafts[name] = head
		frappe.db.commit()
		action = step(4).action
		calls = [
			save_as_desk(head, frappe.get_doc(ISIAN, name).as_dict(), "Submit") for name, head in drafts.items()
		]
		monitoring = frappe.get_doc(MONITORING, cycle.name).as_dict()
		calls.append(
			(
				"POST",
				"/api/method/frappe.model.workflow.apply_workflow",
				self.people[ROLE_PELAKSANA],
				{"doc": json.dumps(monitoring, default=str), "action": action},
				None,
			)
		)
		results = at_once(calls)
		self.assertFalse([status for status, _body in results if status >= 500], results)
		submits, close = results[:-1], results[-1]
		frappe.db.rollback()
		submitted = frappe.db.count(ISIAN, {"monitoring": cycle.name, "docstatus": 1})
		self.assertEqual(submitted, sum(1 for status, _body in submits if status == 200))
		langkah = frappe.db.get_value(MONITORING, cycle.name, "langkah")
		if close[0] == 200:
			# closed only with every unit in, and nobody submitted after it
			self.assertEqual((langkah, submitted), (5, len(drafts)))
		else:
			self.assertEqual((close[0], langkah), (417, 4))
			self.assertIn("belum diajukan", close[1].get("_server_messages", ""))
		for status, body in submits:
			if status != 200:
				self.assertIn("sudah ditutup", body.get("_server_messages", ""))
