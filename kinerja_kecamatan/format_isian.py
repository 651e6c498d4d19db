"""Format Isian Data Kinerja as an .xlsx workbook: made for a unit, filled offline, read back.

Pure Python on openpyxl (no Frappe). `build_workbook` writes the file; `read_workbook` checks a
returned file cell by cell and either returns every row's values or raises FormatIsianError
listing all problems at once. It never raises anything else, whatever the bytes.
"""

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

from kinerja_kecamatan.capaian import RUMUS, NilaiTidakValid, to_decimal

TEMPLATE_VERSION = "1"
DATA_SHEET = "Data"
META_SHEET = "_meta"
GUIDE_SHEET = "Petunjuk"
HEADER_ROW = 5  # rows 1–3 are titles, 5 the header, data from 6
FIRST_ROW = HEADER_ROW + 1
IDENTITY = ("No", "Kode", "Indikator Kinerja", "Satuan", "Jenis", "Target TW", "Target Tahunan")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # encrypted .xlsx and old .xls are OLE compound files
ZIP_MAGIC = b"PK\x03\x04"
# protects the layout against accidental edits; it is not a secret
SHEET_PASSWORD = "kinerja"
EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}


@dataclass(frozen=True)
class Kolom:
	fieldname: str
	label: str
	numeric: bool = False


@dataclass(frozen=True)
class BarisIndikator:
	row_id: str
	indikator: str
	kode: str
	uraian: str
	satuan: str
	jenis: str
	target_tw: str | None
	target_tahunan: str | None
	values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FormatIsian:
	isian: str
	monitoring: str
	unit_kerja: str
	unit_label: str
	kecamatan: str
	tahun: int
	triwulan: str
	columns: tuple
	rows: tuple


@dataclass(frozen=True)
class Batas:
	max_bytes: int = 5 * 1024 * 1024
	max_rows: int = 1000
	max_uncompressed_bytes: int = 50 * 1024 * 1024
	max_compression_ratio: int = 100


@dataclass(frozen=True)
class Kesalahan:
	sheet: str | None
	row: int | None
	column: str | None
	reason: str

	def __str__(self):
		where = ", ".join(
			part
			for part in (
				f"Sheet {self.sheet}" if self.sheet else "",
				f"baris {self.row}" if self.row else "",
				f"kolom {self.column}" if self.column else "",
			)
			if part
		)
		return f"{where}: {self.reason}" if where else self.reason


class FormatIsianError(Exception):
	def __init__(self, errors):
		self.errors = list(errors)
		super().__init__("\n".join(str(e) for e in self.errors))


DEFAULT_COLUMNS = (
	Kolom("realisasi_tw", "Realisasi TW", True),
	Kolom("faktor_pendorong", "Faktor Pendorong"),
	Kolom("faktor_penghambat", "Faktor Penghambat"),
	Kolom("tindak_lanjut", "Tindak Lanjut"),
	Kolom("keterangan", "Keterangan"),
)


def _identity(fmt: FormatIsian) -> dict:
	return {
		"versi": TEMPLATE_VERSION,
		"isian": fmt.isian,
		"monitoring": fmt.monitoring,
		"unit_kerja": fmt.unit_kerja,
		"tahun": int(fmt.tahun),
		"triwulan": fmt.triwulan,
		"kolom": [c.fieldname for c in fmt.columns],
		"baris": [[r.row_id, r.indikator] for r in fmt.rows],
	}


def _checksum(identity: dict) -> str:
	"""Detects edited metadata; the locked cells are compared with the Isian itself."""
	payload = json.dumps(identity, sort_keys=True, ensure_ascii=False)
	return hashlib.sha256(payload.encode()).hexdigest()


def _number(value):
	try:
		number = to_decimal(value)
	except NilaiTidakValid:
		return None
	return None if number is None else float(number)


def build_workbook(fmt: FormatIsian) -> bytes:
	from openpyxl import Workbook
	from openpyxl.styles import Alignment, Font, PatternFill, Protection
	from openpyxl.utils import get_column_letter
	from openpyxl.worksheet.datavalidation import DataValidation

	workbook = Workbook()
	guide = workbook.active
	guide.title = GUIDE_SHEET
	lines = [
		"PETUNJUK PENGISIAN FORMAT ISIAN DATA KINERJA",
		f"Kecamatan {fmt.kecamatan} · {fmt.unit_label} · Triwulan {fmt.triwulan} Tahun {fmt.tahun}",
		"",
		"1. Isi hanya sel putih pada sheet Data: Realisasi TW dan kolom analisis di sebelahnya.",
		"2. Kosongkan Realisasi bila belum ada data. Kosong bukan nol.",
		"3. Angka boleh ditulis cara Indonesia, mis. 1.234,5 atau 85%.",
		"4. Capaian di sheet Data hanya pratinjau; aplikasi menghitung ulang capaian dan predikat.",
		"5. Jangan menambah, menghapus atau mengubah baris dan kolom abu-abu.",
		"6. Indikator dengan capaian di bawah 100% wajib diisi Faktor Penghambat dan Tindak Lanjut.",
		"7. Simpan sebagai .xlsx lalu unggah kembali pada halaman Isian Data Kinerja (Excel → Unggah).",
		"",
		"Rumus capaian:",
		*[f"- {jenis}: {rumus}" for jenis, rumus in RUMUS.items()],
	]
	for line in lines:
		guide.append([line])
	guide["A1"].font = Font(bold=True, size=13)
	guide.column_dimensions["A"].width = 110

	sheet = workbook.create_sheet(DATA_SHEET)
	sheet.append(["FORMAT ISIAN DATA KINERJA"])
	sheet.append([f"{fmt.unit_label} — Kecamatan {fmt.kecamatan}"])
	sheet.append([f"Triwulan {fmt.triwulan} Tahun {fmt.tahun}"])
	sheet.append([])
	headers = [*IDENTITY, *(c.label for c in fmt.columns), "Capaian TW (%) (pratinjau)", "id"]
	sheet.append(headers)
	sheet["A1"].font = Font(bold=True, size=13)
	grey = PatternFill("solid", fgColor="DDDDDD")
	bold = Font(bold=True)
	for cell in sheet[HEADER_ROW]:
		cell.font, cell.fill = bold, grey
		cell.alignment = Alignment(wrap_text=True, vertical="center")

	first_input = len(IDENTITY) + 1
	realisasi_index = next(
		(i for i, c in enumerate(fmt.columns) if c.fieldname == "realisasi_tw" and c.numeric), None
	)
	preview_col = first_input + len(fmt.columns)
	id_col = preview_col + 1
	number_check = DataValidation(
		type="decimal",
		operator="greaterThanOrEqual",
		formula1="0",
		allow_blank=True,
		errorTitle="Bukan angka",
		error="Isi angka 0 atau lebih, atau kosongkan bila belum ada data.",
	)
	text_check = DataValidation(
		type="textLength",
		operator="lessThanOrEqual",
		formula1="1000",
		allow_blank=True,
		errorTitle="Terlalu panjang",
		error="Paling banyak 1000 karakter.",
	)
	sheet.add_data_validation(number_check)
	sheet.add_data_validation(text_check)

	for number, row in enumerate(fmt.rows, start=1):
		r = HEADER_ROW + number
		values = [
			number,
			row.kode,
			row.uraian,
			row.satuan,
			row.jenis,
			_number(row.target_tw),
			_number(row.target_tahunan),
		]
		for column in fmt.columns:
			value = row.values.get(column.fieldname)
			values.append(_number(value) if column.numeric and value not in (None, "") else value)
		sheet.append([*values, None, row.row_id])
		for c in range(1, first_input):
			sheet.cell(r, c).fill = grey
		for offset, column in enumerate(fmt.columns):
			cell = sheet.cell(r, first_input + offset)
			cell.protection = Protection(locked=False)
			cell.alignment = Alignment(wrap_text=True, vertical="top")
			(number_check if column.numeric else text_check).add(cell.coordinate)
		if realisasi_index is not None:
			real = f"{get_column_letter(first_input + realisasi_index)}{r}"
			target = f"F{r}"
			if row.jenis == "Negatif":
				formula = (
					f'=IF(OR({real}="",{target}=""),"",IF({target}=0,IF({real}=0,100,""),'
					f"MAX(0,(2-{real}/{target})*100)))"
				)
			else:
				formula = f'=IF(OR({real}="",{target}="",{target}=0),"",{real}/{target}*100)'
			sheet.cell(r, preview_col, formula).fill = grey
			sheet.cell(r, preview_col).number_format = "0.00"
		sheet.cell(r, 3).alignment = Alignment(wrap_text=True, vertical="top")

	widths = [5, 10, 50, 10, 11, 11, 11, *(14 if c.numeric else 30 for c in fmt.columns), 14]
	for index, width in enumerate(widths, start=1):
		sheet.column_dimensions[get_column_letter(index)].width = width
	sheet.column_dimensions[get_column_letter(id_col)].hidden = True
	sheet.freeze_panes = sheet.cell(FIRST_ROW, 4)
	sheet.protection.sheet = True
	sheet.protection.password = SHEET_PASSWORD
	sheet.page_setup.orientation = "landscape"
	sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
	sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

	meta = workbook.create_sheet(META_SHEET)
	identity = _identity(fmt)
	meta["A1"], meta["B1"] = "identitas", json.dumps(identity, ensure_ascii=False)
	meta["A2"], meta["B2"] = "checksum", _checksum(identity)
	meta.sheet_state = "veryHidden"
	meta.protection.sheet = True

	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def _check_container(content: bytes, limits: Batas) -> None:
	if not content:
		raise FormatIsianError([Kesalahan(None, None, None, "File kosong.")])
	if len(content) > limits.max_bytes:
		raise FormatIsianError(
			[Kesalahan(None, None, None, f"File lebih besar dari {limits.max_bytes // (1024 * 1024)} MB.")]
		)
	if content.startswith(OLE_MAGIC):
		raise FormatIsianError(
			[
				Kesalahan(
					None,
					None,
					None,
					"File dilindungi kata sandi/terenkripsi atau berformat .xls lama; simpan ulang sebagai .xlsx tanpa kata sandi.",
				)
			]
		)
	if not content.startswith(ZIP_MAGIC):
		raise FormatIsianError(
			[Kesalahan(None, None, None, "File bukan Excel .xlsx (unduh Format Isian dari aplikasi).")]
		)
	try:
		with zipfile.ZipFile(io.BytesIO(content)) as archive:
			entries = archive.infolist()
			total = sum(entry.file_size for entry in entries)
			for entry in entries:
				if (
					entry.compress_size
					and entry.file_size / entry.compress_size > limits.max_compression_ratio
				):
					raise FormatIsianError(
						[Kesalahan(None, None, None, "File ditolak: isi terkompresi tidak wajar (zip bomb).")]
					)
			if total > limits.max_uncompressed_bytes:
				raise FormatIsianError(
					[Kesalahan(None, None, None, "File ditolak: isi setelah dibuka terlalu besar.")]
				)
			if "xl/workbook.xml" not in archive.namelist():
				raise FormatIsianError([Kesalahan(None, None, None, "File bukan Excel .xlsx yang utuh.")])
	except zipfile.BadZipFile:
		raise FormatIsianError([Kesalahan(None, None, None, "File .xlsx rusak (zip tidak dapat dibuka).")])


def _load(content: bytes):
	from openpyxl import load_workbook

	try:
		# not read_only: merged cells and sheet state are only visible in a full load
		return load_workbook(io.BytesIO(content), read_only=False, data_only=False, keep_links=False)
	except Exception as e:  # openpyxl raises many kinds for broken files
		raise FormatIsianError(
			[Kesalahan(None, None, None, f"File .xlsx tidak dapat dibaca ({type(e).__name__}).")]
		)


def _check_identity(workbook, expected: FormatIsian, limits: Batas):
	if META_SHEET not in workbook.sheetnames or DATA_SHEET not in workbook.sheetnames:
		raise FormatIsianError(
			[
				Kesalahan(
					None,
					None,
					None,
					"File ini bukan Format Isian dari aplikasi ini (sheet Data atau metadata hilang).",
				)
			]
		)
	meta = workbook[META_SHEET]
	try:
		identity = json.loads(str(meta["B1"].value))
		checksum = str(meta["B2"].value)
		assert isinstance(identity, dict)
	except Exception:
		raise FormatIsianError(
			[Kesalahan(META_SHEET, None, None, "Metadata rusak; unduh ulang Format Isian.")]
		)
	wanted = _identity(expected)
	if identity.get("versi") != TEMPLATE_VERSION:
		raise FormatIsianError(
			[Kesalahan(None, None, None, "Versi format berbeda; unduh ulang Format Isian dari aplikasi.")]
		)
	problems = []
	for key, label in (
		("unit_kerja", "unit"),
		("monitoring", "monitoring"),
		("tahun", "tahun"),
		("triwulan", "triwulan"),
	):
		if identity.get(key) != wanted[key]:
			problems.append(
				Kesalahan(
					None, None, None, f"File ini milik {label} {identity.get(key)}, bukan {wanted[key]}."
				)
			)
	if problems:
		raise FormatIsianError(problems)
	if checksum != _checksum(identity):
		raise FormatIsianError(
			[Kesalahan(META_SHEET, None, None, "Metadata telah diubah; unduh ulang Format Isian.")]
		)
	sheet = workbook[DATA_SHEET]
	if sheet.max_row - HEADER_ROW > limits.max_rows:
		raise FormatIsianError(
			[Kesalahan(DATA_SHEET, None, None, f"Lebih dari {limits.max_rows} baris data.")]
		)
	return identity


def _cell_value(cell, column: Kolom, errors, row_number):
	value = cell.value
	where = (DATA_SHEET, row_number, column.label)
	if cell.data_type == "e" or (isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS):
		errors.append(Kesalahan(*where, f"nilai galat {value}; isi angka atau teks biasa."))
		return None
	if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
		errors.append(Kesalahan(*where, "berisi rumus; isi nilai langsung, bukan rumus."))
		return None
	if value is None or (isinstance(value, str) and not value.strip()):
		return None
	if not column.numeric:
		text = str(value).strip()
		if len(text) > 1000:
			errors.append(Kesalahan(*where, "teks lebih dari 1000 karakter."))
			return None
		return text
	if isinstance(value, datetime | date | time):
		errors.append(Kesalahan(*where, "berisi tanggal/waktu, bukan angka."))
		return None
	if isinstance(value, bool):
		errors.append(Kesalahan(*where, "berisi nilai benar/salah, bukan angka."))
		return None
	try:
		number = to_decimal(value)
	except NilaiTidakValid as e:
		errors.append(Kesalahan(*where, str(e)))
		return None
	if number is not None and not number.is_finite():
		errors.append(Kesalahan(*where, "bukan angka yang valid."))
		return None
	return number


def read_workbook(content: bytes, expected: FormatIsian, limits: Batas = Batas()) -> dict:
	try:
		return _read(content, expected, limits)
	except FormatIsianError:
		raise
	except Exception as e:  # a file no check foresaw: refuse it, never crash
		raise FormatIsianError(
			[Kesalahan(None, None, None, f"File tidak dapat diproses ({type(e).__name__}).")]
		)


def _read(content: bytes, expected: FormatIsian, limits: Batas) -> dict:
	_check_container(content, limits)
	workbook = _load(content)
	identity = _check_identity(workbook, expected, limits)
	sheet = workbook[DATA_SHEET]
	errors = []
	columns = expected.columns
	first_input = len(IDENTITY) + 1
	id_col = first_input + len(columns) + 1

	for merged in sheet.merged_cells.ranges:
		if merged.max_row >= HEADER_ROW:
			errors.append(
				Kesalahan(
					DATA_SHEET, merged.min_row, None, f"sel digabung ({merged.coord}); pisahkan kembali."
				)
			)

	expected_ids = {r.row_id: r for r in expected.rows}
	meta_ids = [row_id for row_id, _indikator in identity.get("baris", [])]
	if set(meta_ids) != set(expected_ids):
		errors.append(
			Kesalahan(
				None, None, None, "Daftar indikator file berbeda dengan Isian; unduh ulang Format Isian."
			)
		)

	values, seen = {}, {}
	for r in range(FIRST_ROW, sheet.max_row + 1):
		row_id = sheet.cell(r, id_col).value
		cells = [sheet.cell(r, c) for c in range(1, id_col + 1)]
		if row_id in (None, "") and all(cell.value in (None, "") for cell in cells):
			continue  # an empty row
		if row_id not in expected_ids:
			errors.append(
				Kesalahan(
					DATA_SHEET, r, None, "baris tidak dikenal (kolom id diubah atau baris ditambahkan)."
				)
			)
			continue
		if row_id in seen:
			errors.append(Kesalahan(DATA_SHEET, r, None, f"baris ganda dengan baris {seen[row_id]}."))
			continue
		seen[row_id] = r
		wanted = expected_ids[row_id]
		locked = {
			2: wanted.kode,
			5: wanted.jenis,
			6: _number(wanted.target_tw),
			7: _number(wanted.target_tahunan),
		}
		for c, value in locked.items():
			actual = sheet.cell(r, c).value
			same = (
				_number(actual) == value
				if c in (6, 7) and not isinstance(actual, bool)
				else (actual or None) == (value or None)
			)
			if not same:
				errors.append(
					Kesalahan(
						DATA_SHEET,
						r,
						IDENTITY[c - 1],
						"kolom terkunci berbeda dengan Isian; unduh ulang Format Isian.",
					)
				)
		values[row_id] = {
			column.fieldname: _cell_value(sheet.cell(r, first_input + offset), column, errors, r)
			for offset, column in enumerate(columns)
		}
	for row_id in expected_ids:
		if row_id not in seen and row_id in meta_ids:
			errors.append(
				Kesalahan(DATA_SHEET, None, None, f"baris indikator {expected_ids[row_id].kode} hilang.")
			)
	if errors:
		raise FormatIsianError(errors)
	return values
