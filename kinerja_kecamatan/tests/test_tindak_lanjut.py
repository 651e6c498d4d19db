"""Follow-ups closing the loop (issue 25): planned when a quarter's report is signed, reported by
the unit head in the next quarter's Isian, verified on the next Blanko, printed and signed in the
next report, escalated when overdue; each only within the reader's kecamatan and units.

One kecamatan of two units runs TW I 2024 to its archive (unit A below target, with a plan) and
TW II 2024 step by step; the tests read that one history in order."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password
from playwright.sync_api import expect

from kinerja_kecamatan.demo.quarter import actor_at, as_user, fill_isian, run_quarter
from kinerja_kecamatan.doctypes import BLANKO, ISIAN, LAPORAN, MONITORING, TINDAK_LANJUT
from kinerja_kecamatan.engine.tindak_lanjut import end_of_next_quarter, rekap
from kinerja_kecamatan.kinerja_kecamatan.report.tindak_lanjut import tindak_lanjut as report
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.laporan.signature import verify
from kinerja_kecamatan.reports.dashboard import tindak_lanjut_terlambat
from kinerja_kecamatan.tests.browser import (
	ARTIFACTS,
	PASSWORD,
	PHONE,
	BrowserTestCase,
	browser_people,
	eventually,
	needs_chromium,
)
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
	make_kecamatan,
	make_officer,
	make_user,
	open_cycle,
)
from kinerja_kecamatan.tests.prints import layout_text
from kinerja_kecamatan.tests.rest import rest
from kinerja_kecamatan.tindak_lanjut.overdue import escalate_overdue
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLE_KASUBBAG_PK

PLAN_TW1 = "Jadwal ulang layanan keliling ke desa terjauh"
PLAN_TW2 = "Koordinasi dengan puskesmas untuk jadwal posyandu"


def quarter_values(below_unit: str, plan: str):
	"""Realisasi: `below_unit` reaches half its target and plans a follow-up; the others meet it."""

	def realisasi(row):
		if frappe.db.get_value("Indikator Kinerja", row.indikator, "unit_kerja") == below_unit:
			return "50", {"faktor_penghambat": "Cuaca buruk", "tindak_lanjut": plan}
		return "100", {"faktor_pendorong": "Koordinasi baik"}

	return realisasi


class TestFollowUps(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		cls.tw1, cls.heads = make_cycle(cls.people, units=2)
		cls.unit_a, cls.unit_b = sorted(cls.heads)
		cls.head_a, cls.head_b = cls.heads[cls.unit_a], cls.heads[cls.unit_b]
		cls.kecamatan = cls.tw1.kecamatan
		run_quarter(cls.people, cls.heads, cls.tw1.name, quarter_values(cls.unit_a, PLAN_TW1))
		cls.tw2 = open_cycle(
			cls.people[ROLE_KASUBBAG_PK], cls.kecamatan, cls.tw1.perjanjian_kinerja, triwulan="II"
		)
		# up to the collecting step: the formats are out, no Isian sent yet
		run_quarter(cls.people, cls.heads, cls.tw2.name, quarter_values(cls.unit_a, PLAN_TW2), until=4)
		cls.plan = frappe.get_doc(TINDAK_LANJUT, {"monitoring": cls.tw1.name})
		cls.isian_a = frappe.get_doc(ISIAN, {"monitoring": cls.tw2.name, "unit_kerja": cls.unit_a})
		cls.isian_b = frappe.get_doc(ISIAN, {"monitoring": cls.tw2.name, "unit_kerja": cls.unit_b})
		# an officer of another kecamatan
		cls.other_camat = make_user(roles=(ROLE_CAMAT,))
		make_officer(make_kecamatan(), cls.other_camat, "Camat")
		frappe.db.commit()

	def test_1_signing_plans_one_follow_up_per_indicator_below_target(self):
		plans = frappe.get_all(
			TINDAK_LANJUT, {"kecamatan": self.kecamatan}, ["unit_kerja", "rencana", "monitoring"]
		)
		self.assertEqual(
			[(p.unit_kerja, p.rencana, p.monitoring) for p in plans], [(self.unit_a, PLAN_TW1, self.tw1.name)]
		)
		self.assertEqual(self.plan.status, "Direncanakan")
		self.assertEqual(self.plan.penanggung_jawab, self.head_a)
		self.assertEqual(str(self.plan.batas_waktu), "2024-06-30")
		self.assertEqual(self.plan.laporan, laporan_of(self.tw1.name))
		self.assertEqual(self.plan.capaian_tw, 50)

	def test_2_the_next_isian_asks_the_head_and_step_4_names_who_has_not_answered(self):
		rows = self.isian_a.tindak_lanjut_lalu
		self.assertEqual(
			[(r.tindak_lanjut, r.rencana, r.triwulan_asal, str(r.batas_waktu), r.status) for r in rows],
			[(self.plan.name, PLAN_TW1, "TW I 2024", "2024-06-30", None)],
		)
		self.assertEqual(self.isian_b.tindak_lanjut_lalu, [])
		nama_a = frappe.db.get_value("Unit Kerja", self.unit_a, "nama_unit")
		self.assertEqual(
			frappe.db.get_value(MONITORING, self.tw2.name, "tindak_lanjut_belum_dilaporkan"),
			f"{nama_a}: 1 tindak lanjut",
		)

	def test_3_the_head_reports_only_their_units_follow_ups_over_rest(self):
		path = f"/api/resource/{TINDAK_LANJUT}/{self.plan.name}"
		self.assertEqual(rest("GET", path, self.head_a)[0], 200)
		self.assertEqual(rest("GET", path, self.head_b)[0], 403)
		self.assertEqual(rest("GET", path, self.other_camat)[0], 403)
		status, body = rest("GET", f"/api/resource/{TINDAK_LANJUT}?limit_page_length=0", self.other_camat)
		self.assertEqual((status, body["data"]), (200, []))
		# the record itself is the server's: its status comes only through the Isian
		status, _body = rest("PUT", path, self.head_a, {"status": "Dilaksanakan"})
		self.assertEqual(status, 403)
		status, _body = rest("PUT", path, self.people[ROLE_KASUBBAG_PK], {"status": "Dilaksanakan"})
		self.assertEqual(status, 403)
		self.assertEqual(frappe.db.get_value(TINDAK_LANJUT, self.plan.name, "status"), "Direncanakan")

		isian_path = f"/api/resource/{ISIAN}/{self.isian_a.name}"
		row = self.isian_a.tindak_lanjut_lalu[0]
		# another head may not answer it
		status, _body = rest(
			"PUT",
			isian_path,
			self.head_b,
			{"tindak_lanjut_lalu": [{"name": row.name, "status": "Dilaksanakan"}]},
		)
		self.assertEqual(status, 403)
		# the head adds no follow-up of their own, and rewrites no plan
		for rows in (
			[
				row.as_dict(convert_dates_to_str=True),
				{"tindak_lanjut": self.plan.name, "status": "Dilaksanakan"},
			],
			[{**row.as_dict(convert_dates_to_str=True), "rencana": "Rencana lain"}],
		):
			status, body = rest("PUT", isian_path, self.head_a, {"tindak_lanjut_lalu": rows})
			self.assertIn(status, (403, 417), body)
		# "Sebagian" needs a word on why
		status, body = rest(
			"PUT",
			isian_path,
			self.head_a,
			{"tindak_lanjut_lalu": [{**row.as_dict(convert_dates_to_str=True), "status": "Sebagian"}]},
		)
		self.assertEqual(status, 417)
		self.assertIn("status Sebagian, isi penjelasan", str(body))
		self.assertEqual(len(frappe.get_doc(ISIAN, self.isian_a.name).tindak_lanjut_lalu), 1)

	def test_4_sent_without_an_answer_is_refused_then_reported(self):
		def no_answer(_row):
			return {}

		with self.assertRaisesRegex(frappe.ValidationError, "pilih status pelaksanaannya"):
			fill_isian(
				self.head_a, self.isian_a.name, quarter_values(self.unit_a, PLAN_TW2), follow_up=no_answer
			)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(ISIAN, self.isian_a.name, "docstatus"), 0)

		def partly(_row):
			return {"status": "Sebagian", "penjelasan": "Dua dari lima desa belum dijangkau."}

		fill_isian(self.head_a, self.isian_a.name, quarter_values(self.unit_a, PLAN_TW2), follow_up=partly)
		plan = frappe.get_doc(TINDAK_LANJUT, self.plan.name)
		self.assertEqual(
			(plan.status, plan.penjelasan, plan.dilaporkan_dalam, plan.monitoring_pelaporan),
			("Sebagian", "Dua dari lima desa belum dijangkau.", self.isian_a.name, self.tw2.name),
		)
		self.assertEqual(frappe.db.get_value(MONITORING, self.tw2.name, "tindak_lanjut_belum_dilaporkan"), "")
		frappe.db.commit()

	def test_5_the_team_verifies_and_the_next_report_prints_and_signs_the_counts(self):
		run_quarter(self.people, self.heads, self.tw2.name, quarter_values(self.unit_a, PLAN_TW2), until=8)
		blanko = frappe.get_doc(BLANKO, {"monitoring": self.tw2.name, "unit_kerja": self.unit_a})
		self.assertEqual(
			[(r.tindak_lanjut, r.status, r.penjelasan) for r in blanko.tindak_lanjut_lalu],
			[(self.plan.name, "Sebagian", "Dua dari lima desa belum dijangkau.")],
		)
		# the team answers for the verification, not for what the unit said
		with as_user(self.people[actor_at(self.tw2.name, 8)]):
			blanko.tindak_lanjut_lalu[0].status = "Dilaksanakan"
			with self.assertRaises(frappe.PermissionError):
				blanko.save()
		frappe.db.rollback()
		run_quarter(self.people, self.heads, self.tw2.name, quarter_values(self.unit_a, PLAN_TW2))
		frappe.db.commit()
		self.assertEqual(frappe.db.get_value(TINDAK_LANJUT, self.plan.name, "hasil_verifikasi"), "Sesuai")

		laporan = frappe.get_doc(LAPORAN, laporan_of(self.tw2.name))
		self.assertEqual(
			[
				(r.unit_kerja, r.rencana, r.status, r.hasil_verifikasi)
				for r in laporan.pelaksanaan_tindak_lanjut
			],
			[(self.unit_a, PLAN_TW1, "Sebagian", "Sesuai")],
		)
		self.assertEqual(
			[
				laporan.jumlah_tindak_lanjut,
				laporan.jumlah_tl_dilaksanakan,
				laporan.jumlah_tl_sebagian,
				laporan.jumlah_tl_tidak_dilaksanakan,
				laporan.jumlah_tl_belum_dilaporkan,
			],
			[1, 0, 1, 0, 0],
		)
		text = layout_text(frappe.get_doc("File", {"file_url": laporan.file_arsip}).get_content())
		self.assertIn("VII. Pelaksanaan Tindak Lanjut Triwulan Sebelumnya", text)
		self.assertIn("Jumlah 1 tindak lanjut: 0 dilaksanakan, 1 sebagian, 0 tidak dilaksanakan, 0", text)
		self.assertIn("Dua dari lima desa", text)
		# the counts are signed: changing one breaks the report's verification
		self.assertTrue(verify(laporan.name, laporan.hash_tanda_tangan).sah)
		# and the public page states them, to anyone holding the QR
		status, page = rest(
			"GET", f"/verifikasi?laporan={laporan.name}&kode={laporan.hash_tanda_tangan}", None, as_json=False
		)
		self.assertEqual(status, 200)
		self.assertIn(
			"Tindak lanjut triwulan sebelumnya</th><td>1: 0 dilaksanakan, 1 sebagian, 0 tidak dilaksanakan,"
			" 0 belum dilaporkan",
			page,
		)
		frappe.db.set_value(LAPORAN, laporan.name, "jumlah_tl_dilaksanakan", 1, update_modified=False)
		self.assertFalse(verify(laporan.name, laporan.hash_tanda_tangan).sah)
		frappe.db.rollback()
		# TW II's own plan is the next follow-up
		self.assertEqual(
			frappe.db.get_value(TINDAK_LANJUT, {"monitoring": self.tw2.name}, ["rencana", "batas_waktu"]),
			(PLAN_TW2, end_of_next_quarter(2024, "II")),
		)

	def test_6_overdue_follow_ups_become_the_heads_task_and_the_report_confines(self):
		overdue = frappe.db.get_value(TINDAK_LANJUT, {"monitoring": self.tw2.name})
		escalated = escalate_overdue()  # (other tests' kecamatan may have some too)
		self.assertIn(overdue, escalated)
		self.assertNotIn(self.plan.name, escalated)  # reported on: not overdue
		self.assertNotIn(overdue, escalate_overdue())  # once
		frappe.db.commit()
		self.assertEqual(
			frappe.get_all(
				"ToDo",
				{"reference_type": TINDAK_LANJUT, "reference_name": overdue, "status": "Open"},
				pluck="allocated_to",
			),
			[self.head_a],
		)
		with as_user(self.head_a):
			self.assertEqual(tindak_lanjut_terlambat(), 1)
			_columns, data, _message, chart, summary = report.execute({"kecamatan": self.kecamatan})
		self.assertEqual(
			[(row["name"], row["status"]) for row in data],
			[(self.plan.name, "Sebagian"), (overdue, "Direncanakan")],
		)
		self.assertEqual(chart["data"]["datasets"][2]["values"], [1])
		self.assertEqual([item["value"] for item in summary], [2, 0, 1, 0, 1, 1])
		with as_user(self.head_b):
			self.assertEqual(tindak_lanjut_terlambat(), 0)
			self.assertEqual(report.execute({})[1], [])
		with as_user(self.other_camat):
			self.assertEqual(report.execute({"kecamatan": self.kecamatan})[1], [])
		self.assertEqual(rekap(["Sebagian", "Direncanakan"]).belum_dilaporkan, 1)


@needs_chromium
class TestFollowUpsOnAPhone(BrowserTestCase):
	"""A unit head answers last quarter's follow-up on a 390 px phone, as the desk offers it."""

	viewport = PHONE

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		people = browser_people()
		tw1, heads = make_cycle(people, units=1)
		((unit, head),) = heads.items()
		run_quarter(people, heads, tw1.name, quarter_values(unit, PLAN_TW1))
		tw2 = open_cycle(people[ROLE_KASUBBAG_PK], tw1.kecamatan, tw1.perjanjian_kinerja, triwulan="II")
		run_quarter(people, heads, tw2.name, quarter_values(unit, PLAN_TW2), until=4)
		update_password(head, PASSWORD)
		cls.head = head
		cls.isian = frappe.db.get_value(ISIAN, {"monitoring": tw2.name, "unit_kerja": unit})
		frappe.db.commit()

	def test_the_head_answers_in_the_grid_and_the_row_form(self):
		self.login(self.head)
		self.open_form(ISIAN, self.isian)
		expect(
			self.page.get_by_text("1 tindak lanjut triwulan lalu menunggu laporan pelaksanaannya")
		).to_be_visible()
		grid = self.page.locator('.frappe-control[data-fieldname="tindak_lanjut_lalu"]')
		expect(grid.locator(".grid-add-row")).to_be_hidden()
		row = grid.locator('.grid-body .grid-row[data-idx="1"]')
		cell = row.locator('.grid-static-col[data-fieldname="status"]')
		# the answer is on the screen, first after the number
		box = cell.bounding_box()
		self.assertLessEqual(box["x"] + box["width"], PHONE["width"])
		cell.click()
		row.locator('select[data-fieldname="status"]').select_option("Sebagian")
		row.locator(".row-index").click()  # the row's form: the plan, and room for the reason
		form = self.page.locator(".grid-row-open .form-in-grid")
		expect(form.locator('.frappe-control[data-fieldname="rencana"]')).to_contain_text(PLAN_TW1)
		for action in (".grid-delete-row", ".grid-insert-row-below", ".grid-duplicate-row"):
			expect(self.page.locator(f".grid-row-open {action}")).to_be_hidden()
		form.locator('.frappe-control[data-fieldname="penjelasan"] textarea').fill(
			"Dua desa belum dijangkau karena jalan rusak."
		)
		self.page.screenshot(path=str(ARTIFACTS / "tindak_lanjut_baris_390px.png"), full_page=True)
		self.page.locator(".grid-row-open .grid-collapse-row").first.click()
		self.page.keyboard.press("Control+s")
		self.assertEqual(
			eventually(
				lambda: frappe.db.get_value(
					"Isian Tindak Lanjut Kinerja", {"parent": self.isian}, ["status", "penjelasan"]
				),
				("Sebagian", "Dua desa belum dijangkau karena jalan rusak."),
			),
			("Sebagian", "Dua desa belum dijangkau karena jalan rusak."),
		)
