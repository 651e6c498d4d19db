"""Real browser: people of each role log in to the desk and do their step (headless Chromium).

Each role takes its step with the workflow buttons; a unit head fills the Isian form (and is
told what is missing when a row is below target), another uploads a filled Excel file through
the form's button; the Camat returns a schedule with a reason and signs the report; print
preview shows the signed report.

Needs the site served (./scripts/test.sh serves it at host_name) and /usr/bin/chromium; the
test is skipped otherwise. A failing test leaves a screenshot in test-artifacts/.
"""

import io
import re

import frappe
from openpyxl import load_workbook
from playwright.sync_api import expect

from kinerja_kecamatan.demo.pki import DEMO_PASSPHRASE
from kinerja_kecamatan.demo.quarter import give_disposition
from kinerja_kecamatan.format_isian import DATA_SHEET, FIRST_ROW
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.tests.browser import (
	ARTIFACTS,
	MONITORING,
	BrowserTestCase,
	archived_cycle,
	browser_people,
	cycle_at,
	eventually,
	needs_chromium,
)
from kinerja_kecamatan.tests.factories import (
	make_cycle,
)
from kinerja_kecamatan.workflow.sop import (
	ROLE_CAMAT,
	ROLE_KASUBBAG_PK,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
	step,
)

ISIAN = "Isian Data Kinerja"
# columns of the Format Isian's data sheet
REALISASI, PENGHAMBAT, TINDAK = 8, 10, 11

pytestmark = needs_chromium


class TestDeskInBrowser(BrowserTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = browser_people()
		cls.monitoring, cls.heads = make_cycle(cls.people)
		give_disposition(cls.people, cls.monitoring.name)
		cls.archived, _heads = archived_cycle()
		cls.distribution, cls.distribution_heads = cycle_at(cls.people, 3)
		cls.schedule, _heads = cycle_at(cls.people, 7)
		cls.correction, _heads = cycle_at(cls.people, 10)
		frappe.db.commit()  # the browser talks to the served site, on its own connections

	def login(self, role=None, user=None):
		super().login(user or self.people[role])

	def take_workflow_action(self, action, monitoring=None):
		super().take_workflow_action(action, monitoring or self.monitoring.name)

	def step_of(self, monitoring):
		return lambda: frappe.db.get_value(MONITORING, monitoring, "langkah")

	def test_camat_then_kasubbag_take_their_steps_with_the_workflow_buttons(self):
		self.login(ROLE_CAMAT)
		# the desk opens on the app's first screen (a cycle awaiting the Camat), not on Frappe's
		self.page.wait_for_url(re.compile(r".*/app/monitoring-kinerja-triwulan/.+"))
		self.take_workflow_action(step(1).action)
		self.assertEqual(eventually(self.step_of(self.monitoring.name), 2), 2)
		self.login(ROLE_KASUBBAG_PK)
		self.take_workflow_action(step(2).action)
		self.assertEqual(eventually(self.step_of(self.monitoring.name), 3), 3)

	def test_pelaksana_delivers_the_format_and_unit_heads_fill_it_by_form_and_by_excel(self):
		monitoring = self.distribution.name
		self.login(ROLE_PELAKSANA)
		self.take_workflow_action(step(3).action, monitoring)
		self.assertEqual(eventually(self.step_of(monitoring), 4), 4)
		(by_form_unit, by_form), (by_excel_unit, by_excel) = sorted(self.distribution_heads.items())
		isian = {
			unit: frappe.db.get_value(ISIAN, {"monitoring": monitoring, "unit_kerja": unit})
			for unit in (by_form_unit, by_excel_unit)
		}

		# the first head types a realisasi below target, is told the analysis is missing, adds it
		self.login(user=by_form)
		self.open_form(ISIAN, isian[by_form_unit])
		row = self.page.locator('[data-fieldname="indikator"] .grid-body .grid-row[data-idx="1"]')
		row.locator('.grid-static-col[data-fieldname="realisasi_tw"]').click()
		row.locator('input[data-fieldname="realisasi_tw"]').fill("80")
		# the capaian shows while typing, before any save
		expect(row.locator('[data-fieldname="capaian_tw"]').first).to_contain_text("80")
		self.page.keyboard.press("Control+s")
		message = self.page.locator(".modal.show .msgprint")
		message.wait_for()
		self.assertIn("di bawah target", message.inner_text())
		self.page.locator(".modal.show .btn-modal-close").click()
		message.wait_for(state="hidden")
		row.locator(".btn-open-row").click()
		form = self.page.locator(".grid-row-open")
		form.locator('[data-fieldname="faktor_penghambat"] textarea').fill("Curah hujan tinggi")
		form.locator('[data-fieldname="tindak_lanjut"] textarea').fill("Jadwal ulang kegiatan")
		self.page.keyboard.press("Control+s")
		capaian = eventually(
			lambda: frappe.db.get_value(
				"Isian Data Kinerja Indikator", {"parent": isian[by_form_unit]}, "capaian_tw"
			),
			80,
		)
		self.assertEqual(capaian, 80)

		# the second head fills the downloaded Format Isian offline and uploads it on the form
		self.login(user=by_excel)
		self.open_form(ISIAN, isian[by_excel_unit])
		download = self.page.request.get(
			f"{self.base}/api/method/kinerja_kecamatan.format_isian.excel.download_isian",
			params={"name": isian[by_excel_unit]},
		)
		self.assertEqual(download.status, 200)
		workbook = load_workbook(io.BytesIO(download.body()))
		workbook[DATA_SHEET].cell(FIRST_ROW, REALISASI).value = 95
		workbook[DATA_SHEET].cell(FIRST_ROW, PENGHAMBAT).value = "Dua desa terlambat melapor"
		workbook[DATA_SHEET].cell(FIRST_ROW, TINDAK).value = "Pendampingan operator desa"
		ARTIFACTS.mkdir(exist_ok=True)
		filled = ARTIFACTS / "format-isian-terisi.xlsx"
		workbook.save(filled)
		self.page.locator('.inner-group-button[data-label="Excel"] > button').click()
		self.page.locator(".inner-group-button .dropdown-menu").get_by_text("Unggah Format Terisi").click()
		self.page.locator('.modal.show input[type="file"]').set_input_files(str(filled))
		self.page.locator(".modal.show .btn-modal-primary").click()
		realisasi = eventually(
			lambda: frappe.db.get_value(
				"Isian Data Kinerja Indikator", {"parent": isian[by_excel_unit]}, "realisasi_tw"
			),
			"95",
		)
		self.assertEqual(realisasi, "95")

	def test_camat_returns_the_schedule_with_a_reason(self):
		monitoring = self.schedule.name
		self.login(ROLE_CAMAT)
		# closing the prompt cancels: nothing changes and the page stays usable
		self.choose_workflow_action(monitoring, "Kembalikan Jadwal")
		self.page.locator('.modal.show [data-fieldname="alasan"] textarea').wait_for()
		self.page.keyboard.press("Escape")
		self.page.wait_for_timeout(1000)
		self.assertEqual(self.page.evaluate("frappe.dom.freeze_count"), 0)
		self.assertEqual(eventually(self.step_of(monitoring), 7, seconds=1), 7)

		self.choose_workflow_action(monitoring, "Kembalikan Jadwal")
		prompt = self.page.locator(".modal.show")
		prompt.locator('[data-fieldname="alasan"] textarea').fill("Tanggal bentrok dengan musrenbang")
		prompt.locator(".btn-modal-primary").click()
		self.assertEqual(eventually(self.step_of(monitoring), 6), 6)
		log = frappe.get_all(
			"Log Langkah Monitoring",
			{"parent": monitoring, "langkah": 7},
			["aksi", "catatan", "pengguna"],
		)
		self.assertEqual(
			log,
			[
				{
					"aksi": "Kembalikan Jadwal",
					"catatan": "Tanggal bentrok dengan musrenbang",
					"pengguna": self.people[ROLE_CAMAT],
				}
			],
		)

	def test_a_return_renamed_in_the_sop_still_asks_for_its_reason(self):
		from kinerja_kecamatan.tests.test_sop_record import revised

		with revised({7: {"aksi_kembali": "Tolak Jadwal", "nama_status": "Jadwal Menunggu Camat"}}):
			monitoring, _heads = cycle_at(self.people, 7)
			frappe.db.commit()
			self.login(ROLE_CAMAT)
			self.choose_workflow_action(monitoring.name, "Tolak Jadwal")
			prompt = self.page.locator(".modal.show")
			prompt.locator('[data-fieldname="alasan"] textarea').fill("Jadwal terlalu rapat")
			prompt.locator(".btn-modal-primary").click()
			self.assertEqual(eventually(self.step_of(monitoring.name), 6), 6)
			self.assertEqual(
				frappe.get_all(
					"Log Langkah Monitoring", {"parent": monitoring.name, "langkah": 7}, pluck="catatan"
				),
				["Jadwal terlalu rapat"],
			)

	def test_sekretaris_corrects_camat_signs_and_pelaksana_archives(self):
		monitoring = self.correction.name
		for role, number in ((ROLE_SEKRETARIS, 10), (ROLE_CAMAT, 11), (ROLE_PELAKSANA, 12)):
			self.login(role)
			if role == ROLE_CAMAT:
				self.sign_with_passphrase(monitoring, step(number).action)
			else:
				self.take_workflow_action(step(number).action, monitoring)
			self.assertEqual(eventually(self.step_of(monitoring), number + 1), number + 1, role)
		self.assertEqual(frappe.db.get_value(MONITORING, monitoring, "docstatus"), 1)
		laporan = frappe.get_doc("Laporan Hasil Monitoring", laporan_of(monitoring))
		self.assertEqual(laporan.docstatus, 1)
		self.assertTrue(laporan.nip_penandatangan)

	def sign_with_passphrase(self, monitoring, action):
		"""The Camat's action asks for the certificate's passphrase: a wrong one is refused with
		a message and the step stays; the right one signs."""
		dialog = self.page.locator(".modal.show", has_text="Tandatangani Laporan Secara Elektronik")
		passphrase = dialog.locator('input[data-fieldname="passphrase"]')
		self.choose_workflow_action(monitoring, action)
		expect(dialog).to_be_visible()
		passphrase.fill("bukan-ini")
		dialog.locator(".btn-primary").click()
		refused = self.page.locator(".modal.show", has_text="Passphrase salah: laporan tidak ditandatangani.")
		expect(refused.first).to_be_visible()
		self.assertEqual(eventually(self.step_of(monitoring), 11), 11)
		# the Camat tries again on the form opened afresh
		self.choose_workflow_action(monitoring, action)
		expect(dialog).to_be_visible()
		passphrase.fill(DEMO_PASSPHRASE)
		dialog.locator(".btn-primary").click()
		expect(self.page.locator(".desk-alert.green")).to_contain_text(
			"Laporan ditandatangani secara elektronik."
		)

	def test_print_preview_of_the_signed_report(self):
		self.login(ROLE_CAMAT)
		name = laporan_of(self.archived.name)
		self.page.goto(
			f"{self.base}/printview?doctype=Laporan%20Hasil%20Monitoring&name={name}&format=Laporan%20Hasil%20Monitoring"
		)
		body = self.page.locator("body").inner_text()
		self.assertIn("LAPORAN HASIL MONITORING", body)
		nip = frappe.db.get_value("Laporan Hasil Monitoring", name, "nip_penandatangan")
		self.assertIn(f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}", body)  # spaced as on the SOP
