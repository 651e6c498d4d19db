"""Format Isian in Excel on a real site: download, fill, upload, the zip of all units, and last
quarter's follow-ups reported in the file."""

import io
import zipfile

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_field
from frappe.tests.utils import FrappeTestCase
from openpyxl import load_workbook

from kinerja_kecamatan.doctypes import ISIAN, ISIAN_TINDAK_LANJUT, TINDAK_LANJUT
from kinerja_kecamatan.format_isian import DATA_SHEET, FIRST_ROW, TINDAK_LANJUT_SHEET
from kinerja_kecamatan.format_isian.excel import build_all_formats, download_isian, format_for, upload_isian
from kinerja_kecamatan.tests.factories import (
	make_indikator,
	make_isian,
	make_kecamatan,
	make_monitoring,
	make_pk,
	make_unit_head,
)

REALISASI, PENGHAMBAT, TINDAK = 8, 10, 11
RENCANA, BATAS, ASAL, STATUS, PENJELASAN = 4, 5, 6, 7, 8  # of the follow-up sheet


def download(isian: str) -> bytes:
	download_isian(isian)
	content = frappe.response.pop("filecontent")
	frappe.response.pop("type", None)
	frappe.response.pop("filename", None)
	return content


def filled(content: bytes, cells: dict, sheet: str = DATA_SHEET) -> bytes:
	workbook = load_workbook(io.BytesIO(content))
	for (offset, column), value in cells.items():
		workbook[sheet].cell(FIRST_ROW + offset, column).value = value
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def uploaded(isian: str, content: bytes) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "isian.xlsx",
				"attached_to_doctype": "Isian Data Kinerja",
				"attached_to_name": isian,
				"is_private": 1,
				"content": content,
			}
		)
		.insert()
		.file_url
	)


class TestIsianExcel(FrappeTestCase):
	def setUp(self):
		self.kecamatan = make_kecamatan()
		self.unit, self.head = make_unit_head(self.kecamatan)
		self.other_unit, _head = make_unit_head(self.kecamatan)
		self.indikator = [
			make_indikator(self.kecamatan, self.unit, jenis) for jenis in ("Positif", "Negatif")
		]
		self.other_indikator = make_indikator(self.kecamatan, self.other_unit)
		targets = {name: (400, 100, 100, 100, 100) for name in [*self.indikator, self.other_indikator]}
		pk = make_pk(self.kecamatan, 2024, targets)
		self.monitoring = make_monitoring(pk, "I")
		self.isian = make_isian(
			self.monitoring,
			self.unit,
			{name: "" for name in self.indikator},
			faktor_penghambat="",
			tindak_lanjut="",
		)

	def test_unit_head_downloads_fills_and_uploads(self):
		frappe.set_user(self.head)
		try:
			content = filled(
				download(self.isian.name),
				{
					(0, REALISASI): "80",
					(0, PENGHAMBAT): "Hujan",
					(0, TINDAK): "Jadwal ulang",
					(1, REALISASI): 90,
				},
			)
			upload_isian(self.isian.name, uploaded(self.isian.name, content))
		finally:
			frappe.set_user("Administrator")
		isian = frappe.get_doc("Isian Data Kinerja", self.isian.name)
		rows = {row.indikator: row for row in isian.indikator}
		self.assertEqual(rows[self.indikator[0]].realisasi_tw, "80")
		self.assertAlmostEqual(rows[self.indikator[0]].capaian_tw, 80)
		self.assertAlmostEqual(rows[self.indikator[1]].capaian_tw, 110)  # Negatif: (2 − 90/100) × 100
		modified = isian.modified
		upload_isian(self.isian.name, uploaded(self.isian.name, content))
		self.assertEqual(frappe.db.get_value("Isian Data Kinerja", self.isian.name, "modified"), modified)

	def test_bad_file_lists_every_error_and_writes_nothing(self):
		content = filled(download(self.isian.name), {(0, REALISASI): "delapan", (1, REALISASI): "=1/0"})
		with self.assertRaises(frappe.ValidationError) as refused:
			upload_isian(self.isian.name, uploaded(self.isian.name, content))
		message = str(refused.exception)
		self.assertIn("bukan angka", message)
		self.assertIn("rumus", message)
		self.assertFalse(
			frappe.db.get_value("Isian Data Kinerja Indikator", {"parent": self.isian.name}, "realisasi_tw")
		)

	def test_analysis_missing_below_target_is_refused_whole(self):
		content = filled(download(self.isian.name), {(0, REALISASI): "50"})
		with self.assertRaisesRegex(frappe.ValidationError, "Faktor Penghambat"):
			upload_isian(self.isian.name, uploaded(self.isian.name, content))
		self.assertFalse(
			frappe.db.get_value(
				"Isian Data Kinerja Indikator", {"parent": self.isian.name, "idx": 1}, "realisasi_tw"
			)
		)

	def test_file_of_another_unit_is_refused(self):
		other = make_isian(self.monitoring, self.other_unit, {self.other_indikator: ""})
		with self.assertRaisesRegex(frappe.ValidationError, "File ini milik unit"):
			upload_isian(self.isian.name, uploaded(self.isian.name, download(other.name)))

	def test_customised_field_is_a_column_and_imports(self):
		create_custom_field(
			"Isian Data Kinerja Indikator",
			{
				"fieldname": "sumber_data",
				"label": "Sumber Data",
				"fieldtype": "Data",
				"insert_after": "keterangan",
			},
		)
		content = download(self.isian.name)
		header = [cell.value for cell in load_workbook(io.BytesIO(content))[DATA_SHEET][FIRST_ROW - 1]]
		column = header.index("Sumber Data") + 1
		upload_isian(
			self.isian.name, uploaded(self.isian.name, filled(content, {(0, column): "Register desa"}))
		)
		self.assertEqual(
			frappe.db.get_value(
				"Isian Data Kinerja Indikator", {"parent": self.isian.name, "idx": 1}, "sumber_data"
			),
			"Register desa",
		)

	def test_zip_of_every_unit(self):
		url = build_all_formats(self.monitoring.name)
		archive = frappe.get_doc("File", {"file_url": url})
		self.assertTrue(archive.is_private)
		with zipfile.ZipFile(io.BytesIO(archive.get_content())) as bundle:
			self.assertEqual(len(bundle.namelist()), 2)  # both units, one file each
			self.assertTrue(bundle.namelist()[0].endswith(".xlsx"))


def make_tindak_lanjut(monitoring, unit_kerja: str, indikator: str, rencana: str) -> str:
	"""A follow-up planned in `monitoring`'s report, as signing makes it (tindak_lanjut/records.py)."""
	doc = frappe.get_doc(
		{
			"doctype": TINDAK_LANJUT,
			"kecamatan": monitoring.kecamatan,
			"tahun": monitoring.tahun,
			"triwulan": monitoring.triwulan,
			"monitoring": monitoring.name,
			"unit_kerja": unit_kerja,
			"indikator": indikator,
			"uraian": frappe.db.get_value("Indikator Kinerja", indikator, "uraian"),
			"rencana": rencana,
			"batas_waktu": "2024-06-30",
			"status": "Direncanakan",
		}
	)
	doc.flags.server_write = True
	return doc.insert(ignore_permissions=True).name


class TestTindakLanjutInTheFile(FrappeTestCase):
	"""A unit head reports last quarter's follow-ups in the second sheet of their TW II file."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		kecamatan = make_kecamatan()
		cls.unit, cls.head = make_unit_head(kecamatan)
		cls.kode = ["PEM-01", "PEM-02"]
		cls.indikator = [make_indikator(kecamatan, cls.unit, kode=kode) for kode in cls.kode]
		pk = make_pk(kecamatan, 2024, {name: (400, 100, 100, 100, 100) for name in cls.indikator})
		tw1 = make_monitoring(pk, "I")
		cls.plans = [
			make_tindak_lanjut(tw1, cls.unit, cls.indikator[0], "Koordinasi dengan Dinas PUPR"),
			make_tindak_lanjut(tw1, cls.unit, cls.indikator[1], "Pelatihan operator desa"),
		]
		# the TW II Isian lists them (isian_data_kinerja.py: tindak_lanjut.add_missing_rows)
		cls.monitoring = make_monitoring(pk, "II")
		cls.isian = make_isian(
			cls.monitoring, cls.unit, dict.fromkeys(cls.indikator, ""), faktor_penghambat=""
		).name

	def answers(self) -> list:
		return [
			tuple(row)
			for row in frappe.get_all(
				ISIAN_TINDAK_LANJUT,
				filters={"parent": self.isian, "parenttype": ISIAN},
				fields=["tindak_lanjut", "status", "penjelasan"],
				order_by="idx",
				as_list=True,
			)
		]

	def upload_as_head(self, content: bytes):
		frappe.set_user(self.head)
		try:
			upload_isian(self.isian, uploaded(self.isian, content))
		finally:
			frappe.set_user("Administrator")

	def test_head_reports_statuses_in_the_file(self):
		frappe.set_user(self.head)
		try:
			content = download(self.isian)
		finally:
			frappe.set_user("Administrator")
		sheet = load_workbook(io.BytesIO(content))[TINDAK_LANJUT_SHEET]
		self.assertEqual(
			[sheet.cell(FIRST_ROW, c).value for c in (RENCANA, BATAS, ASAL, STATUS)],
			["Koordinasi dengan Dinas PUPR", "30 Juni 2024", "TW I 2024", None],
		)
		self.upload_as_head(
			filled(
				content,
				{
					(0, STATUS): "Sebagian",
					(0, PENJELASAN): "Satu dari dua ruas jalan selesai",
					(1, STATUS): "Dilaksanakan",
				},
				TINDAK_LANJUT_SHEET,
			)
		)
		self.assertEqual(
			self.answers(),
			[
				(self.plans[0], "Sebagian", "Satu dari dua ruas jalan selesai"),
				(self.plans[1], "Dilaksanakan", None),
			],
		)
		# the records are reported when the Isian is sent (Kirim), not by a draft's upload
		self.assertEqual(frappe.db.get_value(TINDAK_LANJUT, self.plans[0], "status"), "Direncanakan")

	def test_refused_file_changes_nothing(self):
		before = self.answers()
		frappe.set_user(self.head)
		try:
			content = download(self.isian)
		finally:
			frappe.set_user("Administrator")
		# refused by the reader: a status that is not one of the three
		unknown = filled(content, {(0, STATUS): "Selesai", (1, STATUS): "Dilaksanakan"}, TINDAK_LANJUT_SHEET)
		with self.assertRaises(frappe.ValidationError) as refused:
			self.upload_as_head(unknown)
		self.assertIn(
			'Sheet Tindak Lanjut Triwulan Lalu, baris 6, kolom Status: status "Selesai" tidak dikenal',
			str(refused.exception),
		)
		# refused by the server on save: "Tidak Dilaksanakan" needs a Penjelasan
		unexplained = filled(
			filled(content, {(0, REALISASI): 100}),
			{(0, STATUS): "Tidak Dilaksanakan", (0, PENJELASAN): None, (1, STATUS): "Dilaksanakan"},
			TINDAK_LANJUT_SHEET,
		)
		with self.assertRaisesRegex(frappe.ValidationError, "isi penjelasan"):
			self.upload_as_head(unexplained)
		self.assertEqual(self.answers(), before)
		self.assertFalse(
			frappe.db.get_value(
				"Isian Data Kinerja Indikator", {"parent": self.isian, "idx": 1}, "realisasi_tw"
			)
		)

	def test_file_made_before_the_isian_lists_the_follow_ups(self):
		"""The zip of every unit's file may be made before a unit's Isian exists."""
		fmt = format_for(self.monitoring, self.unit)
		self.assertEqual(
			[
				(row.row_id, row.kode, row.rencana, str(row.batas_waktu), row.triwulan_asal)
				for row in fmt.tindak_lanjut
			],
			[
				(self.plans[0], self.kode[0], "Koordinasi dengan Dinas PUPR", "2024-06-30", "TW I 2024"),
				(self.plans[1], self.kode[1], "Pelatihan operator desa", "2024-06-30", "TW I 2024"),
			],
		)
