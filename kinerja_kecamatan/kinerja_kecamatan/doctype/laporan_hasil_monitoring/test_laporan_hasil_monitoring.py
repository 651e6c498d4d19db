# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

"""The signed report that comes out of a quarter: its numbers, its PDF, its verification."""

import io
from urllib.parse import quote

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import nowdate
from pypdf import PdfReader

from kinerja_kecamatan.demo.quarter import fill_blanko, run_quarter
from kinerja_kecamatan.engine.tanggal import tanggal_indonesia
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.laporan.signature import SIGNING_KEY, content_hash
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
)
from kinerja_kecamatan.tests.rest import rest
from kinerja_kecamatan.workflow.sop import ARCHIVED, ROLE_CAMAT, ROLE_PELAKSANA

ANALYSIS = {"faktor_penghambat": "Cuaca buruk", "tindak_lanjut": "Jadwal ulang layanan keliling"}


def spaced(nip: str) -> str:
	"""As the SOP writes an NIP: 19890413 198804 1 001."""
	return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


class TestSignedReport(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		monitoring, heads = make_cycle(cls.people)
		cls.unit_a, cls.unit_b = sorted(heads)

		def realisasi(row):
			return (
				("80", ANALYSIS)
				if frappe.db.get_value("Indikator Kinerja", row.indikator, "unit_kerja") == cls.unit_a
				else ("100", {})
			)

		run_quarter(cls.people, heads, monitoring.name, realisasi, until=8)

		def verify(row):  # the team finds 90 where unit A reported 80
			if frappe.db.get_value("Indikator Kinerja", row.indikator, "unit_kerja") == cls.unit_a:
				return {
					"hasil_verifikasi": "Tidak Sesuai",
					"nilai_terverifikasi": "90",
					"bukti_dilihat": "Register",
				}

		fill_blanko(cls.people[ROLE_PELAKSANA], monitoring.name, verify)
		cls.monitoring = run_quarter(cls.people, heads, monitoring.name, realisasi, until=ARCHIVED)
		cls.laporan = frappe.get_doc("Laporan Hasil Monitoring", laporan_of(monitoring.name))
		frappe.db.commit()  # the verification page is read over HTTP on its own connection

	def test_report_numbers_are_computed_from_the_verified_value(self):
		rows = {row.unit_kerja: row for row in self.laporan.rincian}
		self.assertEqual(
			(rows[self.unit_a].realisasi, rows[self.unit_a].sumber_nilai), ("90", "Terverifikasi")
		)
		# unit A: the verified 90 of 100 → 90 % (the reported 80 would give 80 %); "Tinggi" since
		# 76 ≤ 90 < 91. Unit B: 100 of 100 → 100 %, "Sangat Tinggi"
		self.assertAlmostEqual(rows[self.unit_a].capaian_tw, 90)
		self.assertEqual(rows[self.unit_a].predikat, "Tinggi")
		self.assertAlmostEqual(rows[self.unit_b].capaian_tw, 100)
		self.assertEqual(rows[self.unit_b].predikat, "Sangat Tinggi")
		# (90 + 100) / 2 = 95 %; "Sangat Tinggi" since 95 ≥ 91
		self.assertAlmostEqual(self.laporan.rata_rata_capaian, 95)
		self.assertEqual(self.laporan.predikat, "Sangat Tinggi")
		# only unit A's 90 % is below 100 %
		self.assertEqual(self.laporan.jumlah_di_bawah_target, 1)
		counts = {row.predikat: row.jumlah for row in self.laporan.rekap_predikat}
		self.assertEqual(
			counts, {"Sangat Tinggi": 1, "Tinggi": 1, "Sedang": 0, "Rendah": 0, "Sangat Rendah": 0}
		)
		# one indicator per unit: each unit's average is its indicator's capaian
		units = {row.unit_kerja: (row.rata_rata_capaian, row.predikat) for row in self.laporan.capaian_unit}
		self.assertEqual(units, {self.unit_a: (90, "Tinggi"), self.unit_b: (100, "Sangat Tinggi")})
		blanko = frappe.get_doc(
			"Blanko Monitoring Kinerja", {"monitoring": self.monitoring.name, "unit_kerja": self.unit_a}
		)
		self.assertEqual(blanko.indikator[0].selisih, "10")

	def test_signature_block_comes_from_pejabat_and_is_fingerprinted(self):
		camat = frappe.get_doc(
			"Pejabat", frappe.db.get_value("Kecamatan", self.monitoring.kecamatan, "camat")
		)
		self.assertEqual(
			(
				self.laporan.nama_penandatangan,
				self.laporan.nip_penandatangan,
				self.laporan.jabatan_penandatangan,
			),
			(camat.nama, camat.nip, camat.jabatan),
		)
		self.assertEqual(self.laporan.pangkat_penandatangan, camat.pangkat_golongan)
		self.assertTrue(self.laporan.tempat_tanggal.endswith(tanggal_indonesia(nowdate())))
		self.assertEqual(self.laporan.ditandatangani_oleh, self.people[ROLE_CAMAT])
		self.assertEqual(len(self.laporan.hash_tanda_tangan), 64)
		self.assertEqual(self.laporan.docstatus, 1)

	def test_archived_pdf_holds_title_period_and_signer(self):
		self.assertEqual((self.monitoring.docstatus, self.monitoring.langkah), (1, ARCHIVED))
		self.assertTrue(self.laporan.nomor_arsip)
		records = frappe.get_all(
			"File",
			{"file_url": self.laporan.file_arsip},
			["attached_to_doctype", "attached_to_name", "is_private"],
			order_by="attached_to_doctype",
		)
		# the file the Camat signed (on the report), archived on the report and on the cycle: one
		# file on disk that outlives any of its records
		self.assertEqual(self.laporan.file_arsip, self.laporan.berkas_ttd)
		self.assertEqual(
			[(f.attached_to_doctype, f.attached_to_name, f.is_private) for f in records],
			[
				(self.laporan.doctype, self.laporan.name, 1),
				(self.laporan.doctype, self.laporan.name, 1),
				(self.monitoring.doctype, self.monitoring.name, 1),
			],
		)
		archive = frappe.get_doc("File", {"file_url": self.laporan.file_arsip})
		text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.get_content())).pages)
		text = " ".join(text.split())
		for expected in (
			"LAPORAN HASIL MONITORING",
			"Triwulan I Tahun 2024",
			self.laporan.nama_penandatangan,
			spaced(self.laporan.nip_penandatangan),
		):
			self.assertIn(expected, text)

	def test_verification_page_accepts_the_signed_report_and_rejects_a_changed_one(self):
		def page(kode):
			return rest(
				"GET", f"/verifikasi?laporan={quote(self.laporan.name)}&kode={kode}", None, as_json=False
			)

		status, html = page(self.laporan.hash_tanda_tangan)
		self.assertEqual(status, 200)
		self.assertIn('data-sah="1"', html)
		self.assertIn(f"NIP {spaced(self.laporan.nip_penandatangan)}", html)
		status, html = page("0" * 64)
		self.assertIn('data-sah="0"', html)
		# the content changed behind the system's back: no longer what was signed
		frappe.db.set_value(
			"Laporan Hasil Monitoring", self.laporan.name, "kesimpulan", "diubah", update_modified=False
		)
		frappe.db.commit()
		try:
			status, html = page(self.laporan.hash_tanda_tangan)
			self.assertIn('data-sah="0"', html)
		finally:
			frappe.db.set_value(
				"Laporan Hasil Monitoring",
				self.laporan.name,
				"kesimpulan",
				self.laporan.kesimpulan,
				update_modified=False,
			)
			frappe.db.commit()

	def test_the_demo_names_the_archive_or_says_it_is_missing(self):
		from kinerja_kecamatan.demo.run import archived_pdf_path

		path = archived_pdf_path(self.laporan)
		self.assertTrue(path.endswith(self.laporan.file_arsip))
		missing = frappe._dict(file_arsip="/private/files/ARSIP-tidak-ada.pdf")
		self.assertIsNone(archived_pdf_path(missing))
		self.assertIsNone(archived_pdf_path(frappe._dict(file_arsip=None)))

	def test_printing_again_gives_the_archived_content(self):
		def text_of(pdf):
			return " ".join(
				" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
			)

		archived = frappe.get_doc("File", {"file_url": self.laporan.file_arsip}).get_content()
		again = frappe.get_print(
			self.laporan.doctype, self.laporan.name, print_format="Laporan Hasil Monitoring", as_pdf=True
		)
		self.assertEqual(text_of(again), text_of(archived))

	def test_nobody_can_change_the_archived_report(self):
		laporan = frappe.get_doc("Laporan Hasil Monitoring", self.laporan.name)
		laporan.temuan = "ditulis ulang"
		with self.assertRaises(frappe.ValidationError):
			laporan.save()
		status, _ = rest(
			"PUT",
			f"/api/resource/Laporan Hasil Monitoring/{quote(self.laporan.name)}",
			self.people[ROLE_CAMAT],
			{"temuan": "x"},
		)
		self.assertGreaterEqual(status, 400)
		self.assertEqual(
			frappe.db.get_value("Laporan Hasil Monitoring", self.laporan.name, "temuan"), self.laporan.temuan
		)


class TestPrintFormats(FrappeTestCase):
	def test_each_print_format_can_be_copied_in_the_desk_with_its_template(self):
		for name in (
			"Laporan Hasil Monitoring",
			"Blanko Monitoring Kinerja",
			"Jadwal Monitoring",
			"Format Isian Data Kinerja",
			"Disposisi Monitoring",
		):
			with self.subTest(name=name):
				original = frappe.get_doc("Print Format", name)
				self.assertEqual((original.standard, original.module), ("Yes", "Kinerja Kecamatan"))
				copy = frappe.copy_doc(original)
				copy.update({"name": f"{name} Salinan", "standard": "No"})
				copy.insert()
				self.assertIn("kinerja_kecamatan/templates/print/", copy.html)


class TestDraftReport(FrappeTestCase):
	def test_html_typed_into_narrative_is_escaped_in_print(self):
		people = make_cycle_people()
		monitoring, heads = make_cycle(people)
		run_quarter(people, heads, monitoring.name, lambda row: ("100", {}), until=10)
		laporan = frappe.get_doc("Laporan Hasil Monitoring", laporan_of(monitoring.name))
		laporan.temuan = '<script>alert("x")</script><b>tebal</b>'
		laporan.save()
		html = frappe.get_print(laporan.doctype, laporan.name, print_format="Laporan Hasil Monitoring")
		self.assertNotIn('<script>alert("x")', html)
		self.assertNotIn("<b>tebal</b>", html)
		self.assertIn("tebal", html)
		self.assertIn("draft, belum ditandatangani", html)

	def test_report_cannot_be_submitted_except_by_signing(self):
		people = make_cycle_people()
		monitoring, heads = make_cycle(people)
		run_quarter(people, heads, monitoring.name, lambda row: ("100", {}), until=10)
		laporan = frappe.get_doc("Laporan Hasil Monitoring", laporan_of(monitoring.name))
		with self.assertRaisesRegex(frappe.ValidationError, "tanda tangan Camat"):
			laporan.submit()


# What the Camat signs, fixed: a change to what goes into the fingerprint would make every
# archived report fail its verification, so the digest of this report under a known key is a literal.
KNOWN_KEY = "kunci-uji-tanda-tangan"
GOLDEN_DIGEST = "fd85f8fa85d2c41520c26fee87e8e5e795b3072a9ae40ed0d8926616fbba465f"
FIXED_LAPORAN = {
	"doctype": "Laporan Hasil Monitoring",
	"name": "LHM-Uji-2024-TWI",
	"monitoring": "MON-Uji-2024-TWI",
	"kecamatan": "Uji",
	"tahun": 2024,
	"triwulan": "I",
	"nomor": "700/12/KEC.UJI/2024",
	"tanggal_laporan": "2024-04-10",
	"rata_rata_capaian": 96.6667,
	"predikat": "Sangat Tinggi",
	"jumlah_indikator": 2,
	"pendahuluan": "Pendahuluan",
	"kesimpulan": "Capaian sangat tinggi",
	"penandatangan": "PJ-0001",
	"nama_penandatangan": "Abdul Khair, S.Pd",
	"nip_penandatangan": "198904132020121001",
	"pangkat_penandatangan": "Penata (III/c)",
	"jabatan_penandatangan": "Camat Uji",
	"tempat_tanggal": "Uji, 10 April 2024",
	"rincian": [
		{
			"uraian": "Persentase layanan selesai tepat waktu",
			"satuan": "%",
			"jenis": "Positif",
			"target_tw": 100,
			"realisasi": "95",
			"capaian_tw": 95.0,
		},
		{
			"uraian": "Jumlah pengaduan",
			"satuan": "pengaduan",
			"jenis": "Negatif",
			"target_tw": 10,
			"realisasi": "8",
			"capaian_tw": 120.0,
		},
	],
}


class TestSignatureDigest(FrappeTestCase):
	def setUp(self):
		kept = frappe.conf.get(SIGNING_KEY)
		self.addCleanup(frappe.conf.__setitem__, SIGNING_KEY, kept)
		frappe.conf[SIGNING_KEY] = KNOWN_KEY

	def test_a_fixed_report_under_a_known_key_has_a_known_digest(self):
		self.assertEqual(content_hash(frappe.get_doc(FIXED_LAPORAN)), GOLDEN_DIGEST)

	def test_one_number_changed_changes_the_digest(self):
		laporan = frappe.get_doc(FIXED_LAPORAN)
		laporan.rincian[1].realisasi = "9"
		self.assertNotEqual(content_hash(laporan), GOLDEN_DIGEST)
