"""One truth for managers: once a quarter is verified and signed, the report, the workspace cards
and charts, and the signed report show the same numbers, and each row says where it comes from."""

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import as_user, fill_blanko, run_quarter
from kinerja_kecamatan.kinerja_kecamatan.report.capaian_kinerja_triwulan import capaian_kinerja_triwulan
from kinerja_kecamatan.kinerja_kecamatan.report.rekapitulasi_capaian_per_unit_kerja import (
	rekapitulasi_capaian_per_unit_kerja,
)
from kinerja_kecamatan.reports import dashboard
from kinerja_kecamatan.reports.report_data import latest_period
from kinerja_kecamatan.tests.factories import (
	make_cycle_people,
	make_indikator,
	make_kecamatan,
	make_officers,
	make_pk,
	make_unit_head,
	open_cycle,
)
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLE_KASUBBAG_PK, ROLE_PELAKSANA

# reported realisasi of a quarterly target of 100; the team finds the 90 really is 95
REPORTED = ("100", "90", "45", "70")


class TestOneTruth(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = people = make_cycle_people()
		kecamatan = make_kecamatan()
		make_officers(kecamatan, people)
		heads, targets, reported = {}, {}, {}
		for index, value in enumerate(REPORTED):
			if index % 2 == 0:
				unit, head = make_unit_head(kecamatan)
				heads[unit] = head
			indikator = make_indikator(kecamatan, unit)
			targets[indikator] = (400, 100, 100, 100, 100)
			reported[indikator] = value
		cls.corrected = next(i for i, v in reported.items() if v == "90")
		pk = make_pk(kecamatan, 2025, targets)
		monitoring = open_cycle(people[ROLE_KASUBBAG_PK], kecamatan, pk.name, tahun=2025, triwulan="IV")

		def realisasi(row):
			value = reported[row.indikator]
			below = {"faktor_penghambat": "Cuaca", "tindak_lanjut": "Dikejar TW berikut"}
			return value, below if float(value) < 100 else {}

		def verify(row):
			if row.indikator == cls.corrected:
				return {
					"hasil_verifikasi": "Tidak Sesuai",
					"nilai_terverifikasi": "95",
					"bukti_dilihat": "Register",
				}
			return None

		run_quarter(people, heads, monitoring.name, realisasi, until=8)
		fill_blanko(people[ROLE_PELAKSANA], monitoring.name, verify)
		cls.monitoring = run_quarter(people, heads, monitoring.name, realisasi)
		cls.kecamatan = kecamatan
		cls.laporan = frappe.get_doc(
			"Laporan Hasil Monitoring", {"monitoring": monitoring.name, "docstatus": 1}
		)

	def test_the_report_shows_the_signed_numbers_and_their_source(self):
		with as_user(self.people[ROLE_CAMAT]):
			self.assertEqual(latest_period(), {"kecamatan": self.kecamatan, "tahun": 2025, "triwulan": "IV"})
			_columns, rows, _m, chart = capaian_kinerja_triwulan.execute({})  # no period: the latest
		signed = {row.indikator: row for row in self.laporan.rincian}
		self.assertEqual(len(rows), 4)
		for row in rows:
			self.assertEqual(round(row.capaian_tw, 2), round(signed[row.indikator].capaian_tw, 2))
			self.assertEqual(row.predikat, signed[row.indikator].predikat)
			self.assertEqual(row.sumber_nilai, "Laporan Ditandatangani")
		# stored with each row, judged on the unrounded capaian: 95, 45 and 70 are below target
		self.assertEqual(sum(row.di_bawah_target for row in rows), 3)
		self.assertEqual(self.laporan.jumlah_di_bawah_target, 3)
		self.assertEqual([row.ada_data for row in rows], [1, 1, 1, 1])
		corrected = next(row for row in rows if row.indikator == self.corrected)
		self.assertEqual((corrected.realisasi_tw, round(corrected.capaian_tw, 2)), ("95", 95.0))
		by_label = dict(zip(chart["data"]["labels"], chart["data"]["datasets"][0]["values"], strict=True))
		self.assertEqual(
			{k: v for k, v in by_label.items() if v},
			{"Sangat Tinggi": 2, "Sedang": 1, "Sangat Rendah": 1},
		)

	def test_cards_and_charts_agree_with_the_report_and_the_signed_report(self):
		with as_user(self.people[ROLE_CAMAT]):
			average = dashboard.rata_rata_capaian()
			lowest = dashboard.indikator_sangat_rendah()
			_c, units, _m, unit_chart = rekapitulasi_capaian_per_unit_kerja.execute({})
		# (100 + 95 + 45 + 70) / 4
		self.assertEqual(average, 77.5)
		self.assertEqual(round(self.laporan.rata_rata_capaian, 2), average)
		self.assertEqual(lowest, 1)
		self.assertEqual(
			sorted(unit_chart["data"]["datasets"][0]["values"]),
			sorted(row.rata_rata_capaian for row in self.laporan.capaian_unit),
		)
		self.assertEqual(sorted(row["rata_rata_capaian"] for row in units), [57.5, 97.5])
