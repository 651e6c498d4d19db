"""Format Isian in Excel on a real site: download, fill, upload, and the zip of all units."""

import io
import zipfile

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_field
from frappe.tests.utils import FrappeTestCase
from openpyxl import load_workbook

from kinerja_kecamatan.format_isian import DATA_SHEET, FIRST_ROW
from kinerja_kecamatan.format_isian.excel import build_all_formats, download_isian, upload_isian
from kinerja_kecamatan.tests.factories import (
	make_indikator,
	make_isian,
	make_kecamatan,
	make_monitoring,
	make_pk,
	make_unit_head,
)

REALISASI, PENGHAMBAT, TINDAK = 8, 10, 11


def download(isian: str) -> bytes:
	download_isian(isian)
	content = frappe.response.pop("filecontent")
	frappe.response.pop("type", None)
	frappe.response.pop("filename", None)
	return content


def filled(content: bytes, cells: dict) -> bytes:
	workbook = load_workbook(io.BytesIO(content))
	for (offset, column), value in cells.items():
		workbook[DATA_SHEET].cell(FIRST_ROW + offset, column).value = value
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
