"""The SOP as a record an administrator revises in the desk, and everything that follows it."""

import contextlib
import html

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_to_date, now_datetime

from kinerja_kecamatan.demo.quarter import as_user, run_quarter
from kinerja_kecamatan.engine.office_calendar import office_calendar
from kinerja_kecamatan.tests.factories import (
	WorkflowTestCase,
	make_cycle,
	make_cycle_people,
	make_user,
)
from kinerja_kecamatan.tests.rest import http
from kinerja_kecamatan.workflow.reminders import send_reminders
from kinerja_kecamatan.workflow.setup import WORKFLOW_NAME
from kinerja_kecamatan.workflow.sop import (
	DEFAULT_SOP,
	ROLE_CAMAT,
	ROLE_KABUPATEN,
	ROLE_KASUBBAG_PK,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
	deadline,
)
from kinerja_kecamatan.workflow.sop_record import latest_revision, sop_from_record

MONITORING = "Monitoring Kinerja Triwulan"


def sop_doc():
	return frappe.get_doc("SOP Kinerja", frappe.db.get_single_value("Pengaturan Kinerja", "sop"))


@contextlib.contextmanager
def revised(changes: dict[int, dict], **header):
	"""The administrator revises the SOP in force (step number → field → value), then puts it back."""
	doc = sop_doc()
	original = sop_from_record(doc)
	for row in doc.langkah:
		row.update(changes.get(row.nomor, {}))
	doc.update(header)
	doc.save()
	frappe.db.commit()
	try:
		yield doc
	finally:
		doc = sop_doc()
		for row, step in zip(doc.langkah, original.steps, strict=True):
			row.update(
				{
					"pelaksana": step.actor,
					"waktu": step.waktu,
					"satuan_waktu": step.satuan,
					"nama_status": step.state,
					"aksi": step.action,
					"aksi_kembali": step.return_action,
				}
			)
		doc.save()
		frappe.db.commit()


def office_all_day():
	"""Every hour an office hour, so a reminder test does not depend on when it runs."""
	settings = frappe.get_single("Pengaturan Kinerja")
	saved = [row.as_dict() for row in settings.jam_kerja]
	settings.set(
		"jam_kerja",
		[
			{"hari": hari, "jam_mulai": "00:00:00", "jam_selesai": "23:59:59"}
			for hari in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
		],
	)
	settings.save()
	return saved


class TestTheSeedSop(FrappeTestCase):
	def test_install_makes_the_batumandi_sop_as_the_seed_states_it(self):
		doc = sop_doc()
		self.assertEqual(doc.nomor_sop, "067/001/KEC.BTM/BLG/2024")
		self.assertEqual(doc.nama_sop, "Monitoring/Evaluasi Internal Capaian Kinerja Per Triwulan")
		self.assertEqual(str(doc.tanggal_pembuatan), "2024-01-02")
		self.assertEqual(str(doc.tanggal_efektif), "2024-01-02")
		self.assertEqual((doc.nama_pengesah, doc.nip_pengesah), ("ABDUL KHAIR, S.Pd", "198904131988041001"))
		self.assertIn("Perangkat Komputer", doc.peralatan)
		self.assertEqual(
			[(row.nomor, row.waktu, row.satuan_waktu, row.pelaksana) for row in doc.langkah][3:5],
			[(4, 2, "hari kerja", ROLE_PELAKSANA), (5, 1, "jam", ROLE_PELAKSANA)],
		)
		self.assertEqual(len(doc.langkah), 12)
		self.assertGreaterEqual(doc.revisi, 1)
		workflow = frappe.get_doc("Workflow", WORKFLOW_NAME)
		self.assertEqual(
			[row.state for row in workflow.states], [row.nama_status for row in doc.langkah] + ["Diarsipkan"]
		)

	def test_an_sop_that_cannot_run_is_refused_with_the_reason(self):
		doc = sop_doc()
		doc.langkah[11].perilaku = "koreksi"  # two "koreksi", no "arsip"
		with self.assertRaises(frappe.ValidationError) as caught:
			doc.save()
		message = html.unescape(str(caught.exception))  # shown as HTML: what an admin typed is escaped
		self.assertIn('Perilaku "koreksi" dipakai lebih dari satu langkah', message)
		self.assertIn('SOP harus memiliki langkah dengan perilaku "arsip"', message)
		frappe.db.rollback()


class TestAnAdministratorRevisesTheSop(WorkflowTestCase):
	def test_running_cycle_keeps_its_revision_and_the_next_follows_the_new_one(self):
		running, _ = make_cycle(self.people)
		before = running.revisi_sop
		with revised({1: {"waktu": 3, "satuan_waktu": "jam", "nama_status": "Menunggu Disposisi Camat"}}):
			self.assertNotEqual(latest_revision(sop_doc().name), before)
			running.reload()
			# the rename reaches the running cycle at once; its times stay its own revision's
			self.assertEqual((running.workflow_state, running.langkah), ("Menunggu Disposisi Camat", 1))
			self.assertEqual(running.revisi_sop, before)
			fresh, _ = make_cycle(self.people)
			self.assertEqual(fresh.revisi_sop, latest_revision(sop_doc().name))
			self.assertEqual(fresh.workflow_state, "Menunggu Disposisi Camat")
			run_quarter(self.people, {}, fresh.name, None, until=2)
			run_quarter(self.people, {}, running.name, None, until=2)
			standards = {
				name: frappe.get_all(
					"Log Langkah Monitoring", {"parent": name, "langkah": 1}, pluck="mutu_baku_menit"
				)
				for name in (running.name, fresh.name)
			}
			# 10 minutes for the cycle begun under the seed, 3 office hours for the new one
			self.assertEqual(standards[running.name], [10])
			self.assertEqual(standards[fresh.name], [180])

	def test_a_full_quarter_runs_after_renames_and_a_step_given_to_another_role(self):
		changes = {
			2: {"aksi": "Format Isian Sudah Dibuat"},
			5: {"pelaksana": ROLE_KASUBBAG_PK, "nama_status": "Olah Data"},
			7: {"aksi_kembali": "Tolak Jadwal"},
		}
		with revised(changes):
			monitoring, heads = make_cycle(self.people)
			run_quarter(self.people, heads, monitoring.name, lambda row: ("100", {}), until=5)
			# over REST too: step 5 is now the Kasubbag PK's, no longer the Pelaksana's
			frappe.db.commit()
			path = "/api/method/frappe.model.workflow.apply_workflow"
			doc = {"doctype": MONITORING, "name": monitoring.name}
			action = DEFAULT_SOP.step(5).action
			status, _body = http("POST", path, self.people[ROLE_PELAKSANA], {"doc": doc, "action": action})
			self.assertGreaterEqual(status, 400)
			status, body = http("POST", path, self.people[ROLE_KASUBBAG_PK], {"doc": doc, "action": action})
			self.assertEqual(status, 200, body)
			run_quarter(self.people, heads, monitoring.name, lambda row: ("100", {}), until=7)
			doc = frappe.get_doc(MONITORING, monitoring.name)
			doc.run_method("onload")
			self.assertIn("Tolak Jadwal", doc.get_onload().sop["return_actions"])
			# the return still needs its reason under the new label, then runs
			with as_user(self.people[ROLE_CAMAT]):
				with self.assertRaisesRegex(frappe.ValidationError, "alasan pengembalian"):
					apply_workflow(doc.as_dict(), "Tolak Jadwal")
				doc.reload()
				doc.alasan_pengembalian = "Tambah unit"
				doc.save()
				apply_workflow(doc.as_dict(), "Tolak Jadwal")
			self.assertEqual(frappe.db.get_value(MONITORING, monitoring.name, "langkah"), 6)
			done = run_quarter(self.people, heads, monitoring.name, lambda row: ("100", {}))
			self.assertEqual(done.docstatus, 1)
			log = {row.langkah: row for row in done.log_langkah if not row.catatan}
			self.assertEqual(log[2].aksi, "Format Isian Sudah Dibuat")
			self.assertEqual(log[5].pengguna, self.people[ROLE_KASUBBAG_PK])
			self.assertEqual(log[5].aksi, action)
			self.assertEqual([row.aksi for row in done.log_langkah if row.catatan], ["Tolak Jadwal"])

	def test_reminder_reaches_the_role_the_step_was_given_to(self):
		saved = office_all_day()
		try:
			with revised({1: {"pelaksana": ROLE_SEKRETARIS}}):
				monitoring, _ = make_cycle(self.people)
				self.assertEqual(monitoring.pelaksana_langkah, ROLE_SEKRETARIS)
				now = now_datetime()
				frappe.db.set_value(
					MONITORING,
					monitoring.name,
					{
						"langkah_dimulai": add_to_date(now, minutes=-9),
						"batas_waktu_langkah": add_to_date(now, minutes=1),
					},
				)
				send_reminders()
				told = lambda role: frappe.db.count(  # noqa: E731
					"Notification Log", {"for_user": self.people[role], "document_name": monitoring.name}
				)
				self.assertEqual((told(ROLE_SEKRETARIS), told(ROLE_CAMAT)), (1, 0))
		finally:
			settings = frappe.get_single("Pengaturan Kinerja")
			settings.set("jam_kerja", saved)
			settings.save()
			frappe.db.commit()

	def test_an_edit_in_the_workflow_desk_becomes_a_revision_of_the_sop(self):
		doc = sop_doc()
		revision = doc.revisi
		workflow = frappe.get_doc("Workflow", WORKFLOW_NAME)
		transition = next(t for t in workflow.transitions if t.action == DEFAULT_SOP.step(3).action)
		if not frappe.db.exists("Workflow Action Master", "Kirim Format Isian"):
			frappe.get_doc(
				{"doctype": "Workflow Action Master", "workflow_action_name": "Kirim Format Isian"}
			).insert()
		transition.action = "Kirim Format Isian"
		workflow.save()
		try:
			doc.reload()
			self.assertEqual(doc.langkah[2].aksi, "Kirim Format Isian")
			self.assertEqual(doc.revisi, revision + 1)
		finally:
			doc.langkah[2].aksi = DEFAULT_SOP.step(3).action
			doc.save()
			frappe.db.commit()

	def test_the_order_of_steps_does_not_change_under_a_running_cycle(self):
		make_cycle(self.people)
		frappe.db.commit()
		doc = sop_doc()
		doc.langkah[5].kembali_ke = 4
		doc.langkah[5].aksi_kembali = "Kembali ke Penghimpunan"
		with self.assertRaisesRegex(frappe.ValidationError, "selama ada siklus berjalan"):
			doc.save()

	def test_only_the_kabupaten_revises_its_procedure_over_rest(self):
		name = sop_doc().name
		camat = make_user(roles=(ROLE_CAMAT,))
		pemantau = make_user(roles=(ROLE_KABUPATEN,))
		frappe.db.commit()
		status, _ = http("PUT", f"/api/resource/SOP Kinerja/{name}", camat, {"nama_sop": "Diubah"})
		self.assertEqual(status, 403)
		# the procedure is the kabupaten's: every kecamatan reads it (a kecamatan without an SOP
		# of its own runs under it), none changes it
		status, body = http("GET", f"/api/resource/SOP Kinerja/{name}", camat)
		self.assertEqual(status, 200, body)
		status, body = http("GET", f"/api/resource/SOP Kinerja/{name}", pemantau)
		self.assertEqual(status, 200, body)
		status, _ = http("PUT", f"/api/resource/SOP Kinerja/{name}", pemantau, {"nama_sop": "Diubah"})
		self.assertEqual(status, 403)
		self.assertEqual(frappe.db.get_value("SOP Kinerja", name, "nama_sop"), DEFAULT_SOP.header.nama_sop)
		status, _ = http("GET", f"/api/resource/SOP Kinerja/{name}", None)
		self.assertEqual(status, 403)

	def test_a_revision_and_a_cycles_revision_are_never_changed_over_rest(self):
		monitoring, _heads = make_cycle(self.people)
		manager = make_user(roles=("System Manager",))
		with revised({1: {"waktu": 12}}):
			older = monitoring.revisi_sop
			self.assertNotEqual(older, latest_revision(sop_doc().name))
			# a revision is a record of what ran: not even a System Manager edits or deletes it
			status, _ = http("PUT", f"/api/resource/Revisi SOP Kinerja/{older}", manager, {"ringkasan": "x"})
			self.assertGreaterEqual(status, 400)
			status, _ = http("DELETE", f"/api/resource/Revisi SOP Kinerja/{older}", manager)
			self.assertGreaterEqual(status, 400)
			self.assertTrue(frappe.db.exists("Revisi SOP Kinerja", older))
			# a new cycle runs under the latest revision, whatever the client says
			status, body = http(
				"POST",
				"/api/resource/Monitoring Kinerja Triwulan",
				self.people[ROLE_KASUBBAG_PK],
				{
					"kecamatan": monitoring.kecamatan,
					"tahun": 2024,
					"triwulan": "II",
					"perjanjian_kinerja": monitoring.perjanjian_kinerja,
					"revisi_sop": older,
				},
			)
			self.assertEqual(status, 403, body)
			self.assertIn("ditetapkan oleh sistem", str(body))
			self.assertFalse(
				frappe.db.exists(
					"Monitoring Kinerja Triwulan", {"kecamatan": monitoring.kecamatan, "triwulan": "II"}
				)
			)
			# another kecamatan's Kasubbag PK cannot open a cycle here at all
			other = make_cycle_people()
			make_cycle(other)
			frappe.db.commit()
			status, _ = http(
				"PUT",
				f"/api/resource/Monitoring Kinerja Triwulan/{monitoring.name}",
				other[ROLE_KASUBBAG_PK],
				{"revisi_sop": latest_revision(sop_doc().name)},
			)
			self.assertEqual(status, 403)
			self.assertEqual(
				frappe.db.get_value("Monitoring Kinerja Triwulan", monitoring.name, "revisi_sop"), older
			)


class TestMandatoryCustomFields(FrappeTestCase):
	"""An administrator makes a field mandatory on the Isian, the Blanko and the Laporan: the drafts
	the server makes still appear, and a step is held with a clear message until it is filled."""

	FIELD = "nomor_surat_pengantar"
	DOCTYPES = ("Isian Data Kinerja", "Blanko Monitoring Kinerja", "Laporan Hasil Monitoring")

	def setUp(self):
		for doctype in self.DOCTYPES:
			frappe.get_doc(
				{
					"doctype": "Custom Field",
					"dt": doctype,
					"fieldname": self.FIELD,
					"label": "Nomor Surat Pengantar",
					"fieldtype": "Data",
					"reqd": 1,
					"insert_after": "unit_kerja" if doctype != "Laporan Hasil Monitoring" else "monitoring",
				}
			).insert()

	def tearDown(self):
		frappe.set_user("Administrator")
		for doctype in self.DOCTYPES:
			frappe.delete_doc("Custom Field", f"{doctype}-{self.FIELD}", force=True)
		frappe.db.commit()

	def fill(self, doctype: str, monitoring: str):
		for name in frappe.get_all(doctype, {"monitoring": monitoring}, pluck="name"):
			frappe.db.set_value(doctype, name, self.FIELD, "005/KEC.BTM/2024")

	def test_the_quarter_runs_and_is_held_only_where_the_field_is_empty(self):
		people = make_cycle_people()
		monitoring, heads = make_cycle(people)
		run_quarter(people, heads, monitoring.name, None, until=4)
		isian = frappe.get_all("Isian Data Kinerja", {"monitoring": monitoring.name}, pluck="name")
		self.assertEqual(len(isian), 2)  # made by the server without the field
		with as_user(heads[frappe.db.get_value("Isian Data Kinerja", isian[0], "unit_kerja")]):
			doc = frappe.get_doc("Isian Data Kinerja", isian[0])
			doc.indikator[0].realisasi_tw = "100"
			with self.assertRaisesRegex(frappe.MandatoryError, self.FIELD):
				doc.save()
		self.fill("Isian Data Kinerja", monitoring.name)
		run_quarter(people, heads, monitoring.name, lambda row: ("100", {}), until=8)
		self.fill("Blanko Monitoring Kinerja", monitoring.name)
		run_quarter(people, heads, monitoring.name, None, until=11)
		with self.assertRaisesRegex(frappe.ValidationError, "Nomor Surat Pengantar wajib diisi"):
			run_quarter(people, heads, monitoring.name, None, until=12)
		self.fill("Laporan Hasil Monitoring", monitoring.name)
		self.assertEqual(run_quarter(people, heads, monitoring.name, None).docstatus, 1)


class TestThePrintedSop(FrappeTestCase):
	def test_sop_ap_holds_every_step_and_follows_a_revision(self):
		from kinerja_kecamatan.tests.prints import keep_first_page, layout_text, page_count, print_pdf

		name = sop_doc().name
		pdf = print_pdf("SOP Kinerja", name, "SOP-AP")
		keep_first_page(pdf, "sop-ap")
		text = layout_text(pdf)
		flat = " ".join(text.split())
		self.assertEqual(page_count(pdf), 4)  # identity block, then 5 steps a page
		self.assertIn("067/001/KEC.BTM/BLG/2024", text)
		self.assertIn("NIP. 19890413 198804 1 001", text)
		words = set(flat.split())
		for step in DEFAULT_SOP.steps:
			# uraian and output wrap inside their cells, beside other columns: every word is printed
			self.assertLessEqual(set(step.uraian.split()) | set(step.output.split()), words, step.number)
			self.assertIn(step.waktu_label, text)
		for lane in ("Camat", "Sekretaris", "Pelaksana"):
			self.assertIn(lane, text)
		self.assertIn("Kualifikasi".upper(), text)
		with revised({4: {"waktu": 3}}):
			revised_text = layout_text(print_pdf("SOP Kinerja", name, "SOP-AP"))
			self.assertEqual((text.count("2 Hari"), revised_text.count("2 Hari")), (2, 1))
			self.assertIn("3 Hari", revised_text)


class TestTheDemoClock(FrappeTestCase):
	def test_a_quarter_is_monitored_in_the_month_after_it_with_some_steps_late(self):
		from kinerja_kecamatan.demo.history import monitoring_month, quarter_clock

		self.assertEqual(monitoring_month(2024, "I"), (2024, 4))
		self.assertEqual(monitoring_month(2024, "IV"), (2025, 1))
		clock = quarter_clock(None, 2024, "I", 0)
		self.assertEqual(sorted(clock), list(range(1, 13)))
		self.assertEqual(str(clock[1][0]), "2024-04-02 08:00:00")  # a Tuesday
		self.assertTrue(all(clock[n][1] <= clock[n + 1][0] for n in range(1, 12)))
		late = [
			n
			for n, (start, end) in clock.items()
			if end > deadline(DEFAULT_SOP.step(n), start, office_calendar())
		]
		self.assertEqual(late, [4, 7, 10])
