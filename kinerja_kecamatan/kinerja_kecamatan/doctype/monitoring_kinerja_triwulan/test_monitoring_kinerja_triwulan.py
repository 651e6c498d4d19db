# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

"""A quarter driven through the SOP's 12 steps by the people whose roles the SOP names."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, now_datetime

from kinerja_kecamatan.demo.quarter import fill_blanko, fill_isian, run_quarter
from kinerja_kecamatan.engine.office_calendar import office_calendar
from kinerja_kecamatan.engine.office_time import office_minutes_between
from kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.monitoring_kinerja_triwulan import (
	catat_pengecualian,
)
from kinerja_kecamatan.tests.bench import run_bench
from kinerja_kecamatan.tests.factories import (
	WorkflowTestCase,
	make_cycle,
	make_user,
)
from kinerja_kecamatan.tests.rest import rest
from kinerja_kecamatan.workflow.setup import WORKFLOW_NAME
from kinerja_kecamatan.workflow.sop import (
	ARCHIVED,
	RETURNS,
	ROLE_CAMAT,
	ROLE_KASUBBAG_PK,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
	STEPS,
	step,
)


class TestWholeCycle(WorkflowTestCase):
	def test_quarter_through_all_twelve_steps(self):
		monitoring, heads = make_cycle(self.people)
		self.assertEqual((monitoring.langkah, monitoring.workflow_state), (1, step(1).state))
		self.assertEqual(monitoring.pelaksana_langkah, ROLE_CAMAT)
		self.assertTrue(monitoring.batas_waktu_langkah)

		# 1: no disposition yet
		with self.assertRaisesRegex(frappe.ValidationError, "Isi disposisi Camat"):
			self.act(ROLE_CAMAT, monitoring, step(1).action)
		monitoring = self.edit(
			ROLE_CAMAT,
			monitoring,
			disposisi="Susun format isian TW I",
			batas_waktu=add_days(now_datetime(), 5),
		)
		monitoring = self.complete(monitoring, 1)
		monitoring = self.complete(monitoring, 2)

		# 3: delivery creates one Isian per unit, assigned and notified
		monitoring = self.complete(monitoring, 3)
		isian = {
			row.unit_kerja: row.name
			for row in frappe.get_all(
				"Isian Data Kinerja", {"monitoring": monitoring.name}, ["unit_kerja", "name"]
			)
		}
		self.assertEqual(set(isian), set(heads))
		for unit, head in heads.items():
			self.assertTrue(
				frappe.db.exists(
					"ToDo", {"allocated_to": head, "reference_name": isian[unit], "status": "Open"}
				)
			)
			self.assertTrue(
				frappe.db.exists("Notification Log", {"for_user": head, "document_name": isian[unit]})
			)
		monitoring.reload()
		self.assertEqual((monitoring.jumlah_unit, monitoring.jumlah_isian_diajukan), (2, 0))

		# 4: leaving needs every unit's Isian submitted, or an exception by the Kasubbag PK
		with self.assertRaisesRegex(frappe.ValidationError, "belum diajukan"):
			self.act(ROLE_PELAKSANA, monitoring, step(4).action)
		unit_a, unit_b = sorted(heads)
		frappe.set_user(heads[unit_a])
		doc = frappe.get_doc("Isian Data Kinerja", isian[unit_a])
		doc.indikator[0].realisasi_tw = "100"
		doc.submit()
		frappe.set_user(self.people[ROLE_PELAKSANA])
		with self.assertRaises(frappe.PermissionError):
			catat_pengecualian(monitoring.name, unit_b, "Kepala seksi cuti")
		frappe.set_user(self.people[ROLE_KASUBBAG_PK])
		catat_pengecualian(monitoring.name, unit_b, "Kepala seksi cuti sakit")
		frappe.set_user("Administrator")
		monitoring.reload()
		self.assertEqual(monitoring.jumlah_isian_diajukan, 1)
		self.assertEqual(monitoring.pengecualian_isian[0].dicatat_oleh, self.people[ROLE_KASUBBAG_PK])
		monitoring = self.complete(monitoring, 4)
		monitoring = self.complete(monitoring, 5)
		monitoring = self.complete(monitoring, 6)

		# 7: no schedule yet; a return needs a reason
		with self.assertRaisesRegex(frappe.ValidationError, "Belum ada Jadwal Monitoring"):
			self.act(ROLE_CAMAT, monitoring, step(7).action)
		with self.assertRaisesRegex(frappe.ValidationError, "alasan pengembalian"):
			self.act(ROLE_CAMAT, monitoring, "Kembalikan Jadwal")
		monitoring = self.edit(ROLE_CAMAT, monitoring, alasan_pengembalian="Tambahkan tim untuk Seksi")
		self.assert_wrong_roles_refused(monitoring, "Kembalikan Jadwal", ROLE_CAMAT)
		monitoring = self.act(ROLE_CAMAT, monitoring, "Kembalikan Jadwal")
		self.assertEqual(monitoring.langkah, 6)
		self.assertEqual(monitoring.log_langkah[-1].catatan, "Tambahkan tim untuk Seksi")
		frappe.get_doc(
			{
				"doctype": "Jadwal Monitoring",
				"monitoring": monitoring.name,
				"jadwal": [
					{"unit_kerja": unit, "tanggal": add_days(now_datetime(), 3), "tempat": "Aula"}
					for unit in heads
				],
			}
		).insert()
		monitoring = self.act(ROLE_KASUBBAG_PK, monitoring, step(6).action)
		monitoring = self.complete(monitoring, 7)

		# 8: one Blanko per unit, prefilled from its Isian; leaving needs them all signed
		blanko = frappe.get_all(
			"Blanko Monitoring Kinerja", {"monitoring": monitoring.name}, pluck="unit_kerja"
		)
		self.assertEqual(set(blanko), set(heads))
		with self.assertRaisesRegex(frappe.ValidationError, "belum ditandatangani"):
			self.act(ROLE_PELAKSANA, monitoring, step(8).action)
		fill_blanko(self.people[ROLE_PELAKSANA], monitoring.name)
		monitoring = self.complete(monitoring, 8)
		self.assertTrue(frappe.db.exists("Laporan Hasil Monitoring", {"monitoring": monitoring.name}))
		monitoring = self.complete(monitoring, 9)

		# 10: the Sekretaris may send the draft back to 9
		monitoring = self.edit(ROLE_SEKRETARIS, monitoring, alasan_pengembalian="Lengkapi temuan")
		self.assert_wrong_roles_refused(monitoring, "Kembalikan ke Penyusun", ROLE_SEKRETARIS)
		monitoring = self.act(ROLE_SEKRETARIS, monitoring, "Kembalikan ke Penyusun")
		self.assertEqual(monitoring.langkah, 9)
		monitoring = self.act(ROLE_PELAKSANA, monitoring, step(9).action)
		monitoring = self.complete(monitoring, 10)

		# 11: the Camat returns it once, then signs
		monitoring = self.edit(ROLE_CAMAT, monitoring, alasan_pengembalian="Perbaiki rekomendasi")
		self.assert_wrong_roles_refused(monitoring, "Kembalikan Laporan", ROLE_CAMAT)
		monitoring = self.act(ROLE_CAMAT, monitoring, "Kembalikan Laporan")
		self.assertEqual(monitoring.langkah, 10)
		monitoring = self.act(ROLE_SEKRETARIS, monitoring, step(10).action)
		monitoring = self.complete(monitoring, 11)

		# 12: archiving submits it; nothing changes after
		monitoring = self.complete(monitoring, 12)
		self.assertEqual((monitoring.docstatus, monitoring.langkah), (1, ARCHIVED))
		logged = [(row.langkah, row.pengguna) for row in monitoring.log_langkah]
		self.assertEqual(len(logged), 12 + 3 + 3)  # 12 steps, 3 returns, 3 steps redone after them
		self.assertEqual([n for n, _ in logged if n == 12], [12])
		for row in monitoring.log_langkah:
			done = step(row.langkah)
			if done.minutes:
				self.assertEqual(row.mutu_baku_menit, done.minutes)
			else:  # "2 Hari": two office days of 210 (Friday) to 510 minutes
				self.assertTrue(2 * 210 <= row.mutu_baku_menit <= 2 * 510, row.mutu_baku_menit)
			self.assertIn(row.status_waktu, ("Tepat Waktu", "Terlambat"))
		with self.assertRaises(frappe.ValidationError):
			self.edit(ROLE_PELAKSANA, monitoring, disposisi="diubah setelah arsip")


class TestKelengkapan(WorkflowTestCase):
	def test_step_3_names_the_unit_without_a_head(self):
		monitoring, heads = make_cycle(self.people)
		unit = sorted(heads)[0]
		frappe.db.set_value("Unit Kerja", unit, "kepala_unit", None)
		run_quarter(self.people, heads, monitoring.name, lambda row: ("100", {}), until=3)
		nama = frappe.db.get_value("Unit Kerja", unit, "nama_unit")
		with self.assertRaisesRegex(frappe.ValidationError, f"Unit {nama} belum memiliki Kepala Unit"):
			self.act(ROLE_PELAKSANA, monitoring, step(3).action)
		self.assertFalse(frappe.db.exists("Isian Data Kinerja", {"monitoring": monitoring.name}))

	def test_step_11_needs_a_camat_to_sign_and_a_complete_report(self):
		monitoring, heads = make_cycle(self.people)
		run_quarter(self.people, heads, monitoring.name, lambda row: ("100", {}), until=11)
		frappe.db.set_value("Kecamatan", monitoring.kecamatan, "camat", None)
		laporan = frappe.db.get_value("Laporan Hasil Monitoring", {"monitoring": monitoring.name})
		frappe.db.set_value("Laporan Hasil Monitoring", laporan, "rekomendasi", "")
		with self.assertRaisesRegex(frappe.ValidationError, "belum menetapkan Camat") as refused:
			self.act(ROLE_CAMAT, monitoring, step(11).action)
		self.assertIn("Rekomendasi", str(refused.exception))
		self.assertEqual(frappe.db.get_value("Laporan Hasil Monitoring", laporan, "docstatus"), 0)

	def test_jadwal_history_shows_the_return_and_the_approval(self):
		monitoring, heads = make_cycle(self.people)
		run_quarter(self.people, heads, monitoring.name, lambda row: ("100", {}), until=7)
		monitoring = self.edit(ROLE_CAMAT, monitoring, alasan_pengembalian="Ganti tempat ke aula desa")
		self.act(ROLE_CAMAT, monitoring, "Kembalikan Jadwal")
		run_quarter(self.people, heads, monitoring.name, lambda row: ("100", {}), until=8)
		jadwal = frappe.db.get_value("Jadwal Monitoring", {"monitoring": monitoring.name})
		comments = frappe.get_all(
			"Comment",
			{"reference_doctype": "Jadwal Monitoring", "reference_name": jadwal},
			pluck="content",
			order_by="creation",
		)
		self.assertEqual(len(comments), 2)
		self.assertIn("Ganti tempat ke aula desa", comments[0])
		self.assertIn("Disetujui", comments[1])
		# approved: printed with the Camat's approval, and fixed
		html = frappe.get_print("Jadwal Monitoring", jadwal, print_format="Jadwal Monitoring")
		camat = frappe.db.get_value("Kecamatan", monitoring.kecamatan, "camat")
		nip = frappe.db.get_value("Pejabat", camat, "nip")
		for expected in ("Menyetujui,", f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}", "WITA"):
			self.assertIn(expected, html)
		doc = frappe.get_doc("Jadwal Monitoring", jadwal)
		doc.catatan = "Diubah setelah disetujui"
		with self.assertRaisesRegex(frappe.PermissionError, "sudah disetujui Camat"):
			doc.save()


class TestSelfApproval(WorkflowTestCase):
	def test_creator_holding_the_camat_role_cannot_approve_their_own_schedule(self):
		both = make_user(roles=(ROLE_KASUBBAG_PK, ROLE_CAMAT))
		people = {**self.people, ROLE_KASUBBAG_PK: both}
		monitoring, heads = make_cycle(people)
		frappe.db.set_value(
			monitoring.doctype, monitoring.name, {"workflow_state": step(7).state, "langkah": 7}
		)
		frappe.get_doc(
			{
				"doctype": "Jadwal Monitoring",
				"monitoring": monitoring.name,
				"jadwal": [{"unit_kerja": unit, "tanggal": "2026-12-01"} for unit in heads],
			}
		).insert()
		monitoring.reload()
		frappe.set_user(both)
		try:
			with self.assertRaises(frappe.ValidationError):
				apply_workflow(monitoring.as_dict(), step(7).action)
		finally:
			frappe.set_user("Administrator")
		# nor by writing the next state straight into the record
		frappe.db.commit()
		status, body = rest(
			"PUT",
			f"/api/resource/{monitoring.doctype}/{monitoring.name}",
			both,
			{"workflow_state": step(8).state},
		)
		self.assertEqual(status, 403)
		self.assertIn("tidak dapat menyetujui langkah ini sendiri", body.get("_server_messages", ""))
		self.assertEqual(frappe.db.get_value(monitoring.doctype, monitoring.name, "langkah"), 7)
		approved = self.act(ROLE_CAMAT, monitoring, step(7).action)
		self.assertEqual(approved.langkah, 8)


class TestReminders(WorkflowTestCase):
	def test_actor_reminded_near_the_standard_time_and_camat_told_when_past(self):
		from kinerja_kecamatan.workflow.reminders import send_reminders

		monitoring, _ = make_cycle(self.people)  # step 1, Camat, mutu baku 10 minutes
		past = "2026-11-16 08:00:00"  # a Monday, long before now
		frappe.db.set_value(
			monitoring.doctype,
			monitoring.name,
			{"langkah_dimulai": past, "batas_waktu_langkah": "2026-11-16 08:10:00"},
		)
		send_reminders()
		camat_alerts = frappe.get_all(
			"Notification Log",
			{"for_user": self.people[ROLE_CAMAT], "document_name": monitoring.name},
			pluck="subject",
		)
		self.assertEqual(len(camat_alerts), 1)
		self.assertIn("melewati mutu baku", camat_alerts[0])
		send_reminders()  # once only
		self.assertEqual(
			frappe.db.count(
				"Notification Log", {"for_user": self.people[ROLE_CAMAT], "document_name": monitoring.name}
			),
			1,
		)

	def test_reminder_at_three_quarters_of_the_standard_time(self):
		from kinerja_kecamatan.engine.office_time import add_office_minutes
		from kinerja_kecamatan.workflow.reminders import send_reminders

		monitoring, _ = make_cycle(self.people)
		now = now_datetime()
		started = frappe.utils.add_to_date(now, minutes=-8)  # 8 of 10 minutes used, if now is office time
		frappe.db.set_value(
			monitoring.doctype,
			monitoring.name,
			{
				"langkah_dimulai": started,
				"batas_waktu_langkah": add_office_minutes(started, 10, office_calendar()),
			},
		)
		send_reminders()
		used = office_minutes_between(started, now, office_calendar())
		reminded = frappe.db.get_value(monitoring.doctype, monitoring.name, "pengingat_terkirim")
		self.assertEqual(bool(reminded), used >= 7.5, f"{used} office minutes used")


class TestStepTime(WorkflowTestCase):
	def test_duration_is_office_time_and_late_steps_are_marked(self):
		monitoring, _ = make_cycle(self.people)
		friday_morning = "2026-11-20 09:00:00"  # Friday; the step ends now, days later
		frappe.db.set_value(monitoring.doctype, monitoring.name, "langkah_dimulai", friday_morning)
		monitoring = self.edit(ROLE_CAMAT, monitoring, disposisi="Segera", batas_waktu="2026-12-31")
		monitoring = self.act(ROLE_CAMAT, monitoring, step(1).action)
		row = monitoring.log_langkah[0]
		self.assertEqual(row.durasi_menit, office_minutes_between(row.mulai, row.selesai, office_calendar()))
		self.assertGreaterEqual(row.durasi_menit, 120)  # Friday 09:00–11:00 at least
		self.assertEqual(row.status_waktu, "Terlambat")  # mutu baku 10 minutes

	def test_holiday_in_settings_is_not_office_time(self):
		settings = frappe.get_single("Pengaturan Kinerja")
		settings.append("hari_libur", {"tanggal": "2026-11-23", "keterangan": "Cuti bersama"})  # a Monday
		settings.save()
		self.assertEqual(
			office_minutes_between(
				frappe.utils.get_datetime("2026-11-20 10:00"),
				frappe.utils.get_datetime("2026-11-24 08:30"),
				office_calendar(),
			),
			120,
		)


class TestReturnsAndRest(WorkflowTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.monitoring, _ = make_cycle(cls.people)
		frappe.db.commit()  # REST calls use their own connection

	def test_transition_through_rest_by_right_and_wrong_role(self):
		path = "/api/method/frappe.model.workflow.apply_workflow"
		doc = {"doctype": self.monitoring.doctype, "name": self.monitoring.name}
		status, _ = rest("POST", path, self.people[ROLE_PELAKSANA], {"doc": doc, "action": step(1).action})
		self.assertGreaterEqual(status, 400)
		status, body = rest("POST", path, self.people[ROLE_CAMAT], {"doc": doc, "action": step(1).action})
		self.assertEqual(status, 417, body)  # kelengkapan: no disposition yet
		self.assertIn("disposisi", str(body))
		status, _ = rest(
			"PUT",
			f"/api/resource/Monitoring Kinerja Triwulan/{self.monitoring.name}",
			self.people[ROLE_CAMAT],
			{"disposisi": "Susun format", "batas_waktu": "2026-12-31"},
		)
		self.assertEqual(status, 200)
		status, body = rest("POST", path, self.people[ROLE_CAMAT], {"doc": doc, "action": step(1).action})
		self.assertEqual(status, 200, body)
		self.assertEqual(body["message"]["langkah"], 2)

	def test_setting_the_state_directly_is_refused(self):
		status, _ = rest(
			"PUT",
			f"/api/resource/Monitoring Kinerja Triwulan/{self.monitoring.name}",
			self.people[ROLE_PELAKSANA],
			{"workflow_state": step(12).state},
		)
		self.assertGreaterEqual(status, 400)

	def test_every_return_is_defined_for_its_actor(self):
		workflow = frappe.get_doc("Workflow", WORKFLOW_NAME)
		for r in RETURNS:
			self.assertTrue(
				any(t.action == r.action and t.allowed == r.actor for t in workflow.transitions), r.action
			)
		approvals = {t.action: t.allow_self_approval for t in workflow.transitions}
		self.assertEqual(approvals[step(7).action], 0)
		self.assertEqual(approvals[step(11).action], 0)
		self.assertEqual(len(workflow.states), len(STEPS) + 1)


class TestAdminEditsSurviveMigrate(FrappeTestCase):
	def test_changed_role_is_kept_by_migrate_and_written_into_the_sop(self):
		workflow = frappe.get_doc("Workflow", WORKFLOW_NAME)
		transition = next(t for t in workflow.transitions if t.action == step(5).action)
		transition.allowed = ROLE_KASUBBAG_PK
		workflow.save()
		sop = frappe.get_doc("SOP Kinerja", frappe.db.get_single_value("Pengaturan Kinerja", "sop"))
		try:
			self.assertEqual(sop.langkah[4].pelaksana, ROLE_KASUBBAG_PK)
			run_bench("migrate", "--skip-search-index")
			workflow.reload()
			kept = next(t for t in workflow.transitions if t.action == step(5).action)
			self.assertEqual(kept.allowed, ROLE_KASUBBAG_PK)
		finally:
			sop.reload()
			sop.langkah[4].pelaksana = ROLE_PELAKSANA
			sop.save()
			frappe.db.commit()
		workflow.reload()
		self.assertEqual(
			next(t for t in workflow.transitions if t.action == step(5).action).allowed, ROLE_PELAKSANA
		)


class TestTasks(WorkflowTestCase):
	def test_isian_tasks_close_with_the_work(self):
		monitoring, heads = make_cycle(self.people, units=3)
		run_quarter(self.people, heads, monitoring.name, lambda row: ("100", None), until=4)
		units = list(heads)
		isian = {
			u: frappe.db.get_value("Isian Data Kinerja", {"monitoring": monitoring.name, "unit_kerja": u})
			for u in units
		}

		def open_tasks():
			return [
				frappe.db.count(
					"ToDo",
					{"reference_type": "Isian Data Kinerja", "reference_name": isian[u], "status": "Open"},
				)
				for u in units
			]

		self.assertEqual(open_tasks(), [1, 1, 1])
		fill_isian(heads[units[0]], isian[units[0]], lambda row: ("100", None))
		frappe.set_user(self.people[ROLE_KASUBBAG_PK])
		try:
			catat_pengecualian(monitoring.name, units[1], "Kepala seksi menjalani cuti besar")
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(open_tasks(), [0, 0, 1])
		fill_isian(heads[units[2]], isian[units[2]], lambda row: ("100", None))
		# a task reopened by hand still ends when the Pelaksana closes step 4
		todo = frappe.get_all("ToDo", {"reference_name": isian[units[0]]}, pluck="name")[0]
		frappe.db.set_value("ToDo", todo, "status", "Open")
		self.complete(frappe.get_doc("Monitoring Kinerja Triwulan", monitoring.name), 4)
		self.assertEqual(open_tasks(), [0, 0, 0])
