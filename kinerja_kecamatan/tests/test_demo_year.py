"""The demo's year as the README shows it: Batumandi's four quarters of 2024, each drafted, signed
and archived, with the numbers its signed reports have always had; beside it Paringin, the
kabupaten's second kecamatan, under its own SOP with its own times, its TW I archived."""

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo import paringin
from kinerja_kecamatan.demo.run import archive_year, ensure_master_data
from kinerja_kecamatan.engine import capaian as engine
from kinerja_kecamatan.kinerja_kecamatan.report.perbandingan_antar_kecamatan import (
	perbandingan_antar_kecamatan,
)
from kinerja_kecamatan.reports.report_data import cycle_rows, summary
from kinerja_kecamatan.workflow.sop_record import sop_of

# the signed reports' average capaian, TW I..IV 2024, as the demo has always had them
SIGNED_AVERAGE = {"I": "99,97", "II": "103,93", "III": "93,54", "IV": "101,97"}
# Paringin's TW I 2024, under its own SOP
PARINGIN_AVERAGE = "98,00"


def numbers(rows, realisasi: str) -> list[tuple]:
	fields = ("unit_kerja", "indikator", realisasi, "capaian_tw", "capaian_kumulatif", "predikat")
	return sorted(tuple(row.get(field) for field in fields) for row in rows)


class TestDemoYear(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		people, heads, pk, _targets = ensure_master_data()
		cls.cycles = archive_year(people, heads, pk)
		cls.laporan = {
			triwulan: frappe.get_doc("Laporan Hasil Monitoring", {"monitoring": monitoring, "docstatus": 1})
			for triwulan, monitoring in cls.cycles.items()
		}
		people, heads, pk, _targets = ensure_master_data(paringin)
		cls.paringin = archive_year(people, heads, pk, data=paringin)["I"]

	def test_each_quarters_signed_report_keeps_its_numbers(self):
		self.assertEqual(
			{t: engine.format_angka(laporan.rata_rata_capaian) for t, laporan in self.laporan.items()},
			SIGNED_AVERAGE,
		)

	def test_the_signed_report_states_the_rows_the_reports_read(self):
		for triwulan, laporan in self.laporan.items():
			with self.subTest(triwulan=triwulan):
				rows = cycle_rows(self.cycles[triwulan])  # the Isian and Blanko, not the signed report
				self.assertEqual(
					engine.format_angka(summary(rows)["rata_rata_capaian"]), SIGNED_AVERAGE[triwulan]
				)
				self.assertEqual(numbers(rows, "realisasi_tw"), numbers(laporan.rincian, "realisasi"))
				verified = {r.indikator for r in laporan.rincian if r.sumber_nilai == "Terverifikasi"}
				self.assertEqual(verified, {r.indikator for r in rows if r.terverifikasi})
				self.assertEqual(len(verified), 1)  # the team's one correction (demo.run.verify_row)

	def test_paringin_runs_under_its_own_sop_with_its_own_times(self):
		kecamatan = frappe.get_doc("Kecamatan", "Paringin")
		sop = frappe.get_doc("SOP Kinerja", kecamatan.sop)
		self.assertEqual(
			(sop.nomor_sop, sop.disahkan_oleh, sop.jabatan_pengesah),
			("067/001/KEC.PRG/BLG/2024", kecamatan.camat, "Camat Paringin"),
		)
		paringin_sop = sop_of(frappe.get_doc("Monitoring Kinerja Triwulan", self.paringin))
		batumandi_sop = sop_of(frappe.get_doc("Monitoring Kinerja Triwulan", self.cycles["I"]))
		self.assertEqual((paringin_sop.step(4).waktu, batumandi_sop.step(4).waktu), (3, 2))
		self.assertEqual(paringin_sop.structure(), batumandi_sop.structure())

	def test_the_kecamatan_compare_for_tw_i(self):
		laporan = frappe.get_doc("Laporan Hasil Monitoring", {"monitoring": self.paringin, "docstatus": 1})
		self.assertEqual(engine.format_angka(laporan.rata_rata_capaian), PARINGIN_AVERAGE)
		_columns, rows, *_ = perbandingan_antar_kecamatan.execute({"tahun": 2024, "triwulan": "I"})
		self.assertEqual(
			{
				row["kecamatan"]: engine.format_angka(row["rata_rata_capaian"])
				for row in rows
				if row["kecamatan"] in ("Batumandi", "Paringin")
			},
			{"Batumandi": SIGNED_AVERAGE["I"], "Paringin": PARINGIN_AVERAGE},
		)

	def test_each_quarter_looks_back_on_the_previous_quarters_follow_ups(self):
		# [jumlah, dilaksanakan, sebagian, tidak dilaksanakan, belum dilaporkan] in each signed report
		self.assertEqual(
			{
				triwulan: [
					laporan.jumlah_tindak_lanjut,
					laporan.jumlah_tl_dilaksanakan,
					laporan.jumlah_tl_sebagian,
					laporan.jumlah_tl_tidak_dilaksanakan,
					laporan.jumlah_tl_belum_dilaporkan,
				]
				for triwulan, laporan in self.laporan.items()
			},
			{"I": [0, 0, 0, 0, 0], "II": [10, 4, 4, 2, 0], "III": [8, 5, 2, 1, 0], "IV": [23, 17, 3, 3, 0]},
		)
		plans = frappe.get_all(
			"Tindak Lanjut Kinerja",
			{"monitoring": ("in", list(self.cycles.values()))},
			["triwulan", "rencana", "status"],
		)
		# the plans differ by indicator and quarter, not one sentence for all
		self.assertEqual(len({p.rencana for p in plans}), 8)
		# TW IV's wait for TW I 2025's Isian
		self.assertEqual({p.status for p in plans if p.triwulan == "IV"}, {"Direncanakan"})
