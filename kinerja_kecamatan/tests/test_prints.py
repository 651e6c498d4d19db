"""Every print of an archived quarter, read as laid out on the PDF page by `pdftotext -layout`: no
word is broken across lines, the signatures carry place and date, and page 1 of each is kept as a
PNG under test-artifacts/ for a person to look at."""

import re

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import run_quarter
from kinerja_kecamatan.tests.factories import (
	make_cycle_people,
	make_indikator,
	make_kecamatan,
	make_officers,
	make_pk,
	make_unit_head,
	open_cycle,
)
from kinerja_kecamatan.tests.prints import keep_first_page, layout_text, print_pdf
from kinerja_kecamatan.workflow.sop import ROLE_KASUBBAG_PK

# (uraian, satuan, realisasi of a quarterly target of 100) → predikat
INDICATORS = (
	("Persentase pengaduan masyarakat yang ditindaklanjuti dalam lima hari kerja", "pengaduan", "100"),
	("Jumlah kegiatan pembinaan administrasi pemerintahan desa yang dilaksanakan", "kegiatan", "70"),
	("Persentase dokumen perencanaan dan penganggaran yang disusun tepat waktu", "dokumen", "40"),
	("Jumlah rekomendasi perizinan non-berusaha yang diterbitkan", "rekomendasi", "80"),
)


# "Kec 0ff479, 26 November 2026": the PDF's text may hold a ligature (ﬀ) inside the place's name
PLACE_AND_DATE = r"Kec \S+, \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}"


def on_lines(text: str, phrase: str) -> int:
	"""How many times `phrase` stands whole on one line of the laid-out text."""
	pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
	return sum(len(pattern.findall(line)) for line in text.splitlines())


class TestPrintsAsLaidOut(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		people = make_cycle_people()
		kecamatan = make_kecamatan()
		make_officers(kecamatan, people)
		heads, targets, value = {}, {}, {}
		for index, (uraian, satuan, realisasi) in enumerate(INDICATORS):
			if index % 2 == 0:
				unit, head = make_unit_head(kecamatan)
				heads[unit] = head
			indikator = make_indikator(kecamatan, unit, uraian=uraian, satuan=satuan)
			targets[indikator] = (400, 100, 100, 100, 100)
			value[indikator] = realisasi
		pk = make_pk(kecamatan, 2024, targets)
		monitoring = open_cycle(people[ROLE_KASUBBAG_PK], kecamatan, pk.name)

		def realisasi(row):
			below = float(value[row.indikator]) < 100
			analysis = {"faktor_penghambat": "Anggaran terlambat cair", "tindak_lanjut": "Jadwal ulang"}
			return value[row.indikator], analysis if below else {"faktor_pendorong": "Koordinasi baik"}

		cls.monitoring = run_quarter(people, heads, monitoring.name, realisasi)
		cls.kecamatan = frappe.get_doc("Kecamatan", kecamatan)

	def text_of(self, doctype: str, name: str, print_format: str, artifact: str) -> str:
		pdf = print_pdf(doctype, name, print_format)
		keep_first_page(pdf, artifact)
		return layout_text(pdf)

	def assert_rows_whole(self, text: str, rows):
		for row in rows:
			self.assertGreaterEqual(on_lines(text, row.satuan), 1, f"satuan {row.satuan!r} broken")
		for predikat in {row.predikat for row in rows if row.predikat}:
			expected = sum(1 for row in rows if row.predikat == predikat)
			self.assertGreaterEqual(on_lines(text, predikat), expected, f"predikat {predikat!r} broken")

	def test_signed_report_in_landscape_with_whole_words_and_separate_factors(self):
		laporan = frappe.get_doc("Laporan Hasil Monitoring", {"monitoring": self.monitoring.name})
		self.assertEqual(
			sorted(row.predikat for row in laporan.rincian),
			["Sangat Rendah", "Sangat Tinggi", "Sedang", "Tinggi"],
		)
		text = self.text_of(
			laporan.doctype, laporan.name, "Laporan Hasil Monitoring", "laporan-hasil-monitoring"
		)
		self.assert_rows_whole(text, laporan.rincian)
		words = set(text.split())
		for heading in ("Faktor Pendorong", "Faktor Penghambat", "Capaian s.d. TW"):
			# a column heading may wrap at its spaces inside its cell
			self.assertLessEqual(set(heading.split()), words, heading)
		# the heading of section III is on the same page as its table's first row
		pages = text.split("\f")
		page = next(p for p in pages if "III. Rincian Capaian Indikator Kinerja" in p)
		self.assertIn(laporan.rincian[0].satuan, page)
		self.assertIn(f"NIP. {frappe.db.get_value('Pejabat', laporan.penandatangan, 'nip')[:8]} ", text)
		self.assertIn(f"PEMERINTAH KABUPATEN {self.kecamatan.kabupaten.upper()}", text)

	def test_format_isian_prints_the_columns_of_the_excel_file(self):
		isian = frappe.get_doc("Isian Data Kinerja", {"monitoring": self.monitoring.name, "docstatus": 1})
		text = self.text_of(isian.doctype, isian.name, "Format Isian Data Kinerja", "format-isian")
		words = set(text.split())
		for column in ("Kode", "Target Tahunan", "Keterangan", "Bukti Dukung", "Faktor Penghambat"):
			self.assertLessEqual(set(column.split()), words, column)
		self.assert_rows_whole(text, isian.indikator)
		kode = frappe.db.get_value("Indikator Kinerja", isian.indikator[0].indikator, "kode")
		self.assertIn(kode, text)

	def test_blanko_signatures_carry_place_and_date(self):
		blanko = frappe.get_doc(
			"Blanko Monitoring Kinerja", {"monitoring": self.monitoring.name, "docstatus": 1}
		)
		text = self.text_of(blanko.doctype, blanko.name, "Blanko Monitoring Kinerja", "blanko-monitoring")
		self.assertRegex(text, PLACE_AND_DATE)
		self.assertIn("Penata (III/c)", text)

	def test_disposisi_names_sender_recipient_place_and_date(self):
		text = self.text_of(
			"Monitoring Kinerja Triwulan", self.monitoring.name, "Disposisi Monitoring", "disposisi"
		)
		flat = " ".join(text.split())
		self.assertIn(f"Dari {'Camat'}", flat)
		self.assertIn(f"Kepada {ROLE_KASUBBAG_PK}", flat)
		self.assertIn("Membuat Format Isian Data Kinerja", flat)
		self.assertRegex(flat, PLACE_AND_DATE)

	def test_jadwal_prints_times_as_wita_and_the_approval(self):
		jadwal = frappe.db.get_value("Jadwal Monitoring", {"monitoring": self.monitoring.name})
		text = self.text_of("Jadwal Monitoring", jadwal, "Jadwal Monitoring", "jadwal-monitoring")
		self.assertIn("Menyetujui", text)
		self.assertRegex(text, r"\d{2}\.\d{2} WITA")
