"""The year's chapter (Capaian Kinerja Tahunan) of a small kecamatan, compiled from its four
signed and archived quarters, each driven through the SOP's steps by its roles (demo.quarter):

- Seksi Pelayanan Umum: A.1 (Positif, 400 a year, 100 a quarter) and A.2 (Negatif: complaints,
  at most 8);
- Seksi Tata Pemerintahan: B.1 (Positif, 200 a year, 50 a quarter; no data in TW II) and B.2
  (Nilai Akhir: an index, 80).

Hand-computed (the oracle below): A.1 395 of 400 = 98,75 %; A.2 latest 6 against 8 = (2 − 6/8) ×
100 = 125 %; B.1 40 + 55 + 45 = 140 of 200 = 70 %; B.2 latest 82 of 80 = 102,5 %. Average
(98,75 + 125 + 70 + 102,5) / 4 = 99,0625 %.
"""

import doctest
import hashlib
import io
import json

import frappe
import requests
from frappe.tests.utils import FrappeTestCase
from openpyxl import load_workbook

from kinerja_kecamatan.demo.pki import DEMO_PASSPHRASE
from kinerja_kecamatan.demo.quarter import as_user, run_quarter
from kinerja_kecamatan.kinerja_kecamatan.doctype.capaian_kinerja_tahunan.capaian_kinerja_tahunan import (
	susun_capaian_tahunan,
	tandatangani,
)
from kinerja_kecamatan.laporan.signature import verify, verify_pdf
from kinerja_kecamatan.prints import bar_chart
from kinerja_kecamatan.prints.jinja import grafik_unit
from kinerja_kecamatan.tests.factories import (
	make_cycle_people,
	make_indikator,
	make_kecamatan,
	make_officer,
	make_officers,
	make_pk,
	make_unit,
	make_user,
	open_cycle,
)
from kinerja_kecamatan.tests.prints import keep_first_page, layout_text, squeezed
from kinerja_kecamatan.tests.rest import api_token, http, rest, served_url
from kinerja_kecamatan.workflow.behaviours import TANDA_TANGAN
from kinerja_kecamatan.workflow.sop import (
	ROLE_CAMAT,
	ROLE_KABUPATEN,
	ROLE_KASUBBAG_PK,
	ROLE_KEPALA_UNIT,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
)
from kinerja_kecamatan.workflow.sop_record import sop_of

CKT = "Capaian Kinerja Tahunan"
API = (
	"/api/method/kinerja_kecamatan.kinerja_kecamatan.doctype.capaian_kinerja_tahunan.capaian_kinerja_tahunan"
)
TAHUN = 2024
# kode → (unit index, jenis, uraian, satuan, annual target, quarterly target)
INDICATORS = {
	"A.1": (0, "Positif", "Jumlah dokumen kependudukan yang diterbitkan", "dokumen", 400, 100),
	"A.2": (0, "Negatif", "Jumlah pengaduan layanan yang masuk", "kasus", 8, 8),
	"B.1": (1, "Positif", "Jumlah desa yang dibina administrasinya", "desa", 200, 50),
	"B.2": (1, "Nilai Akhir", "Indeks kepuasan masyarakat", "indeks", 80, 80),
}
# the realisasi each quarter reports ("": no data)
REALISASI = {
	"I": {"A.1": "100", "A.2": "10", "B.1": "40", "B.2": "70"},
	"II": {"A.1": "110", "A.2": "9", "B.1": "", "B.2": "75"},
	"III": {"A.1": "95", "A.2": "7", "B.1": "55", "B.2": "78"},
	"IV": {"A.1": "90", "A.2": "6", "B.1": "45", "B.2": "82"},
}
PLANS = {
	"A.1": "Jemput bola perekaman KTP-el di desa terjauh",
	"A.2": "Membuka layanan pengaduan daring dan menindaklanjuti dalam 3 hari",
	"B.1": "Menambah jadwal pembinaan administrasi desa",
	"B.2": "Memperbaiki alur antrean dan ruang tunggu",
}
# the oracle: kode, target, realisasi, capaian (%), predikat, capaian TW I–IV (None: no data), tren
EXPECTED_ROWS = [
	("A.1", "400", "395", 98.75, "Sangat Tinggi", 100.0, 110.0, 95.0, 90.0, "Turun"),
	("A.2", "8", "6", 125.0, "Sangat Tinggi", 75.0, 87.5, 112.5, 125.0, "Naik"),
	("B.1", "200", "140", 70.0, "Sedang", 80.0, None, 110.0, 90.0, "Naik"),
	("B.2", "80", "82", 102.5, "Sangat Tinggi", 87.5, 93.75, 97.5, 102.5, "Naik"),
]
# (quarter, kode) of each indicator below target in a signed quarter: the year's follow-ups
EXPECTED_FOLLOW_UPS = [
	("I", "A.2"),
	("I", "B.1"),
	("I", "B.2"),
	("II", "A.2"),
	("II", "B.2"),
	("III", "A.1"),
	("III", "B.2"),
	("IV", "A.1"),
	("IV", "B.1"),
]
HEADERS = [
	"Kode",
	"Indikator",
	"Satuan",
	"Target",
	"Realisasi",
	"Capaian (%)",
	"Predikat",
	"Capaian TW I (%)",
	"Capaian TW II (%)",
	"Capaian TW III (%)",
	"Capaian TW IV (%)",
]


def refusal_of(call) -> str:
	try:
		call()
	except frappe.ValidationError as error:
		return str(error)
	raise AssertionError("not refused")


class TestCapaianTahunan(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		cls.kecamatan = make_kecamatan()
		make_officers(cls.kecamatan, cls.people)
		heads = [make_user(roles=(ROLE_KEPALA_UNIT,)) for _ in range(2)]
		units = [
			make_unit(cls.kecamatan, nama, kepala_unit=head)
			for nama, head in zip(("Seksi Pelayanan Umum", "Seksi Tata Pemerintahan"), heads, strict=True)
		]
		cls.heads = dict(zip(units, heads, strict=True))
		cls.kode = {}
		targets = {}
		for kode, (unit, jenis, uraian, satuan, tahunan, triwulan) in INDICATORS.items():
			name = make_indikator(cls.kecamatan, units[unit], jenis, kode=kode, uraian=uraian, satuan=satuan)
			cls.kode[name] = kode
			targets[name] = (tahunan, triwulan, triwulan, triwulan, triwulan)
		pk = make_pk(cls.kecamatan, TAHUN, targets)
		kasubbag, camat = cls.people[ROLE_KASUBBAG_PK], cls.people[ROLE_CAMAT]
		for triwulan in ("I", "II", "III", "IV"):
			cycle = open_cycle(kasubbag, cls.kecamatan, pk.name, TAHUN, triwulan)

			def realisasi(row, triwulan=triwulan):
				kode = cls.kode[row.indikator]
				return REALISASI[triwulan][kode], {"faktor_penghambat": "Cuaca", "tindak_lanjut": PLANS[kode]}

			signing = sop_of(cycle).number_of(TANDA_TANGAN)
			run_quarter(
				cls.people, cls.heads, cycle.name, realisasi, until=signing if triwulan == "IV" else None
			)
		# TW IV waits for the Camat's signature: nothing is compiled
		with as_user(kasubbag):
			cls.refused_while_unsigned = refusal_of(lambda: susun_capaian_tahunan(cls.kecamatan, TAHUN))
		cls.compiled_while_unsigned = frappe.db.count(CKT, {"kecamatan": cls.kecamatan})
		run_quarter(cls.people, cls.heads, cycle.name, realisasi)

		with as_user(kasubbag):
			cls.name = susun_capaian_tahunan(cls.kecamatan, TAHUN)
		frappe.db.commit()
		# the desk's save of the draft sends back every number it shows: taken; a number of its own: refused
		draft = frappe.get_doc(CKT, cls.name).as_dict(convert_dates_to_str=True)
		resource = f"/api/resource/{CKT}/{cls.name}"
		cls.desk_save = http("PUT", resource, kasubbag, {**draft, "nomor": "050/12/KEC/2025"})[0]
		draft = frappe.get_doc(CKT, cls.name).as_dict(convert_dates_to_str=True)
		cls.forged_save = http("PUT", resource, kasubbag, {**draft, "rata_rata_capaian": 100})
		with as_user(camat):
			cls.wrong_passphrase = refusal_of(lambda: tandatangani(cls.name, "bukan-passphrase"))
		frappe.db.rollback()
		cls.after_wrong_passphrase = frappe.db.get_value(CKT, cls.name, ["docstatus", "berkas_ttd"])
		with as_user(camat):
			tandatangani(cls.name, DEMO_PASSPHRASE)
		cls.doc = frappe.get_doc(CKT, cls.name)
		cls.pdf = frappe.get_doc("File", {"file_url": cls.doc.file_arsip}).get_content()

		# the users the permissions are tried with
		cls.other_kecamatan = make_kecamatan()
		cls.camat_b = make_user(roles=(ROLE_CAMAT,))
		cls.kasubbag_b = make_user(roles=(ROLE_KASUBBAG_PK,))
		make_officer(cls.other_kecamatan, cls.camat_b, "Camat")
		make_officer(cls.other_kecamatan, cls.kasubbag_b, "Kasubbag Perencanaan dan Keuangan")
		cls.pemantau = make_user(roles=(ROLE_KABUPATEN,))
		cls.outsider = make_user()
		frappe.db.commit()

	def test_the_annual_figures_are_the_hand_computed_table(self):
		rows = [
			(
				row.kode,
				row.target_tahunan,
				row.realisasi_tahunan,
				row.capaian_tahunan,
				row.predikat,
				*(row.get(f"capaian_tw{n}") if row.get(f"ada_data_tw{n}") else None for n in range(1, 5)),
				row.tren,
			)
			for row in self.doc.rincian
		]
		self.assertEqual(rows, EXPECTED_ROWS)
		self.assertEqual(
			[(r.uraian, r.satuan, r.jenis) for r in self.doc.rincian],
			[(v[2], v[3], v[1]) for v in INDICATORS.values()],
		)
		self.assertEqual(
			(
				self.doc.rata_rata_capaian,
				self.doc.predikat,
				self.doc.jumlah_indikator,
				self.doc.jumlah_di_bawah_target,
				self.doc.jumlah_belum_ada_data,
			),
			(99.0625, "Sangat Tinggi", 4, 2, 0),
		)
		self.assertEqual(
			[(r.predikat, r.jumlah) for r in self.doc.rekap_predikat],
			[("Sangat Tinggi", 3), ("Tinggi", 0), ("Sedang", 1), ("Rendah", 0), ("Sangat Rendah", 0)],
		)
		units = list(self.heads)
		self.assertEqual(
			[
				(r.unit_kerja, r.jumlah_indikator, r.rata_rata_capaian, r.predikat)
				for r in self.doc.capaian_unit
			],
			[(units[0], 2, 111.875, "Sangat Tinggi"), (units[1], 2, 86.25, "Tinggi")],
		)
		self.assertEqual(
			[(r.unit_kerja, r.predikat, r.jumlah) for r in self.doc.rekap_predikat_unit if r.jumlah],
			[(units[0], "Sangat Tinggi", 2), (units[1], "Sangat Tinggi", 1), (units[1], "Sedang", 1)],
		)
		# the sources: the four signed reports and the PK the year ran under
		self.assertEqual(
			[self.doc.get(f"laporan_tw{n}") for n in range(1, 5)],
			[
				frappe.db.get_value(
					"Laporan Hasil Monitoring",
					{"kecamatan": self.kecamatan, "tahun": TAHUN, "triwulan": tw, "docstatus": 1},
				)
				for tw in ("I", "II", "III", "IV")
			],
		)

	def test_the_follow_ups_of_the_year_with_their_status(self):
		self.assertEqual(
			[(row.triwulan, row.indikator) for row in self.doc.tindak_lanjut],
			[(tw, next(n for n in self.kode if self.kode[n] == k)) for tw, k in EXPECTED_FOLLOW_UPS],
		)
		statuses = {
			r.name: r.status
			for r in frappe.get_all(
				"Tindak Lanjut Kinerja", {"kecamatan": self.kecamatan}, ["name", "status"]
			)
		}
		self.assertEqual({row.tindak_lanjut: row.status for row in self.doc.tindak_lanjut}, statuses)
		# TW IV's plans wait for next year's first quarter; the rest were reported on
		self.assertEqual(
			[row.status for row in self.doc.tindak_lanjut if row.triwulan == "IV"], ["Direncanakan"] * 2
		)
		self.assertNotIn(
			"Direncanakan", [row.status for row in self.doc.tindak_lanjut if row.triwulan != "IV"]
		)
		self.assertEqual([row.rencana for row in self.doc.tindak_lanjut[:2]], [PLANS["A.2"], PLANS["B.1"]])

	def test_a_quarter_not_signed_is_named_and_nothing_is_compiled(self):
		self.assertIn("Triwulan IV 2024 belum ditandatangani dan diarsipkan", self.refused_while_unsigned)
		self.assertEqual(self.compiled_while_unsigned, 0)
		with as_user(self.people[ROLE_KASUBBAG_PK]):
			refused = refusal_of(lambda: susun_capaian_tahunan(self.kecamatan, 2025))
		self.assertIn("Triwulan I, II, III dan IV 2025 belum ditandatangani dan diarsipkan", refused)
		self.assertFalse(frappe.db.exists(CKT, {"kecamatan": self.kecamatan, "tahun": 2025}))

	def test_the_draft_takes_the_desk_save_and_refuses_a_forged_number(self):
		self.assertEqual(self.desk_save, 200)
		self.assertEqual(self.doc.nomor, "050/12/KEC/2025")
		status, body = self.forged_save
		self.assertEqual(status, 403)
		self.assertIn("ditetapkan oleh sistem", json.dumps(body))
		self.assertEqual(self.doc.rata_rata_capaian, 99.0625)

	def test_signed_with_the_passphrase_archived_and_verified(self):
		self.assertIn("Passphrase salah", self.wrong_passphrase)
		self.assertEqual(self.after_wrong_passphrase, (0, None))
		doc = self.doc
		self.assertEqual((doc.docstatus, doc.jenis_tanda_tangan), (1, "PAdES"))
		self.assertEqual(
			doc.nama_penandatangan, frappe.db.get_value("Pejabat", {"user": self.people[ROLE_CAMAT]}, "nama")
		)
		self.assertTrue(doc.nomor_arsip.startswith("ARSIP/MONEV/"))
		self.assertEqual(doc.sidik_arsip, hashlib.sha256(self.pdf).hexdigest())
		self.assertTrue(verify(doc.name, doc.hash_tanda_tangan).sah)
		checked = verify_pdf(self.pdf)
		self.assertEqual((checked.sah, checked.jenis, checked.laporan.name), (True, "PAdES", doc.name))
		# the QR's page and the upload, as a guest
		status, page = rest(
			"GET", f"/verifikasi?laporan={doc.name}&kode={doc.hash_tanda_tangan}", None, as_json=False
		)
		self.assertEqual(status, 200)
		self.assertIn('data-sah="1"', page)
		self.assertIn("Tahun 2024", page)
		status, body = http(
			"POST",
			"/api/method/kinerja_kecamatan.laporan.verifikasi_berkas",
			None,
			files={"file": ("ckt.pdf", self.pdf, "application/pdf")},
		)
		self.assertEqual(status, 200, body)
		self.assertEqual(
			{k: body["message"][k] for k in ("sah", "jenis", "arsip_situs")},
			{"sah": True, "jenis": "PAdES", "arsip_situs": True},
		)
		self.assertEqual(body["message"]["laporan"]["periode"], "Tahun 2024")
		# a number changed in the database after signing breaks the fingerprint
		row = doc.rincian[0]
		frappe.db.set_value(row.doctype, row.name, "capaian_tahunan", 100)
		self.assertIn("tidak sama", verify(doc.name, doc.hash_tanda_tangan).alasan)
		frappe.db.rollback()
		# the archived PDF is kept as archived
		with self.assertRaisesRegex(
			frappe.PermissionError,
			"adalah arsip Capaian Kinerja Tahunan yang ditandatangani dan tidak dapat dihapus",
		):
			frappe.get_doc("File", {"file_url": doc.file_arsip}).delete()
		frappe.db.rollback()

	def test_the_print_is_the_chapter(self):
		keep_first_page(self.pdf, "capaian_kinerja_tahunan")
		text = layout_text(self.pdf)
		flat = squeezed(text)
		for phrase in (
			"BAB III",
			"AKUNTABILITAS KINERJA",
			"A. Capaian Kinerja",
			"Nomor: 050/12/KEC/2025",
			f"KECAMATAN {self.kecamatan.upper()}",
			"Rata-rata capaian kinerja tahunan 99,06%",
			"Predikat Sangat Tinggi",
			# "Grafik": pdftotext reads its "fi" as one ligature
			"Capaian Tahunan Seksi Pelayanan Umum A.1 98,75% A.2 125,00% 100%",
			"Capaian Tahunan Seksi Tata Pemerintahan B.1 70,00% B.2 102,50% 100%",
			"4. Tindak Lanjut Hasil Monitoring Tahun 2024",
			"Ditandatangani secara elektronik",
			self.doc.nama_penandatangan,
		):
			self.assertIn(phrase, flat)
		lines = [squeezed(line) for line in text.splitlines()]
		for kode, numbers in (
			("A.1", "400 395 98,75% Sangat Tinggi 100,00% 110,00% 95,00% 90,00% Turun"),
			("A.2", "8 6 125,00% Sangat Tinggi 75,00% 87,50% 112,50% 125,00% Naik"),
			("B.1", "200 140 70,00% Sedang 80,00% – 110,00% 90,00% Naik"),
			("B.2", "80 82 102,50% Sangat Tinggi 87,50% 93,75% 97,50% 102,50% Naik"),
		):
			with self.subTest(kode=kode):
				line = next(line for line in lines if f" {kode} " in f" {line} " and "%" in line)
				self.assertTrue(line.endswith(numbers), line)
		unit_a = next(line for line in lines if line.startswith("Seksi Pelayanan Umum 2 "))
		self.assertEqual(unit_a, "Seksi Pelayanan Umum 2 111,88% Sangat Tinggi 2 0 0 0 0")

	def test_the_excel_has_the_esakip_columns(self):
		response = requests.get(
			f"{served_url()}{API}.unduh_excel?name={self.name}",
			headers={"Authorization": api_token(self.pemantau)},
			timeout=60,
		)
		self.assertEqual(response.status_code, 200)
		sheet = load_workbook(io.BytesIO(response.content)).active
		values = [list(row) for row in sheet.iter_rows(values_only=True)]
		self.assertEqual(values[0], HEADERS)
		self.assertEqual(
			values[1:],
			[
				["A.1", INDICATORS["A.1"][2], "dokumen", 400, 395, 98.75, "Sangat Tinggi", 100, 110, 95, 90],
				["A.2", INDICATORS["A.2"][2], "kasus", 8, 6, 125, "Sangat Tinggi", 75, 87.5, 112.5, 125],
				["B.1", INDICATORS["B.1"][2], "desa", 200, 140, 70, "Sedang", 80, None, 110, 90],
				[
					"B.2",
					INDICATORS["B.2"][2],
					"indeks",
					80,
					82,
					102.5,
					"Sangat Tinggi",
					87.5,
					93.75,
					97.5,
					102.5,
				],
			],
		)

	def test_another_kecamatan_is_refused_over_rest(self):
		resource = f"/api/resource/{CKT}"
		for user in (None, self.camat_b, self.kasubbag_b, self.outsider):
			with self.subTest(user=user):
				status, _body = http("GET", f"{resource}/{self.name}", user)
				self.assertEqual(status, 403)
				status, body = http("GET", f'{resource}?filters=[["name","=","{self.name}"]]', user)
				self.assertEqual(body.get("data", []), [])
				status, _body = http("GET", f"{API}.unduh_excel?name={self.name}", user)
				self.assertEqual(status, 403)
		status, _body = http(
			"POST",
			f"{API}.susun_capaian_tahunan",
			self.kasubbag_b,
			{"kecamatan": self.kecamatan, "tahun": 2025},
		)
		self.assertEqual(status, 403)
		status, _body = http(
			"POST", f"{API}.tandatangani", self.camat_b, {"name": self.name, "passphrase": DEMO_PASSPHRASE}
		)
		self.assertEqual(status, 403)
		# the kecamatan's own unit heads and the kabupaten read it
		for user in (
			*self.heads.values(),
			self.people[ROLE_SEKRETARIS],
			self.people[ROLE_PELAKSANA],
			self.pemantau,
		):
			with self.subTest(user=user):
				status, body = http("GET", f"{resource}/{self.name}", user)
				self.assertEqual((status, body.get("data", {}).get("rata_rata_capaian")), (200, 99.0625))
		# nobody writes a signed year, nor forges a number of it
		status, _body = http(
			"PUT", f"{resource}/{self.name}", self.people[ROLE_KASUBBAG_PK], {"rata_rata_capaian": 100}
		)
		self.assertTrue(400 <= status < 500, status)
		self.assertEqual(frappe.db.get_value(CKT, self.name, "rata_rata_capaian"), 99.0625)

	def test_a_chart_per_unit_drawn_from_the_numbers(self):
		self.assertEqual(doctest.testmod(bar_chart).failed, 0)
		charts = grafik_unit(self.doc)
		self.assertEqual(
			[chart["unit"] for chart in charts], ["Seksi Pelayanan Umum", "Seksi Tata Pemerintahan"]
		)
		# a bar per indicator with data: blue at or above target, red below
		self.assertEqual(
			[
				(chart["svg"].count('fill="#4a7bb7"'), chart["svg"].count('fill="#c0504d"'))
				for chart in charts
			],
			[(1, 1), (1, 1)],
		)
