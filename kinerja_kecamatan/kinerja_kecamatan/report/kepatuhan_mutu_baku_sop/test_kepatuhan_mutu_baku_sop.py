# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import run_quarter
from kinerja_kecamatan.kinerja_kecamatan.report.kepatuhan_mutu_baku_sop.kepatuhan_mutu_baku_sop import execute
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
)
from kinerja_kecamatan.workflow.sop import STEPS


class TestKepatuhanMutuBakuSop(FrappeTestCase):
	def test_each_step_against_its_standard_time(self):
		people = make_cycle_people()
		monitoring, heads = make_cycle(people)
		# step 1 began long ago: it ends late
		frappe.db.set_value(monitoring.doctype, monitoring.name, "langkah_dimulai", "2026-11-02 08:00:00")
		run_quarter(people, heads, monitoring.name, lambda row: ("100", {}), until=4)
		_columns, rows, _message, chart = execute({"kecamatan": monitoring.kecamatan})
		by_step = {row["langkah"]: row for row in rows}
		self.assertEqual(len(rows), len(STEPS))
		self.assertEqual(by_step[1]["mutu_baku_menit"], 10)
		self.assertEqual((by_step[1]["jumlah"], by_step[1]["terlambat"], by_step[1]["kepatuhan"]), (1, 1, 0))
		self.assertEqual(by_step[2]["jumlah"], 1)
		self.assertEqual(by_step[5]["jumlah"], 0)
		self.assertIsNone(by_step[5]["kepatuhan"])
		self.assertEqual(len(chart["data"]["datasets"]), 2)
