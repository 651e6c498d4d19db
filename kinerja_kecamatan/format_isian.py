"""Format Isian Data Kinerja as an .xlsx workbook: made for one unit, filled offline, read back.

Pure Python on openpyxl and the standard library (no Frappe); the Frappe side is isian_excel.py.

``build_workbook`` writes three sheets:

* "Petunjuk": how to fill the file (Bahasa Indonesia), the file's identity and each jenis' rumus.
* "Data": title rows, a header row, one row per indicator. Grey, locked identity columns (No,
  Kode, Indikator Kinerja, Satuan, Jenis, Target TW, Target Tahunan), white unlocked input
  columns, a locked capaian preview formula and a hidden column with each row's id. The sheet is
  protected WITHOUT a password: protection only guards against slips (Excel and LibreOffice
  unprotect it with one click, and sorting may need that); every check that matters is done on
  the server by ``read_workbook``.
* "_meta" (veryHidden): template version, identity, row ids, input columns and a checksum.

``read_workbook`` checks a returned file and either returns every row's values or raises
FormatIsianError listing every problem found (sheet, row, column, reason). It works in stages
(container → identity → layout → cells): a file that is not this Isian's Format Isian is refused
before its cells are looked at, and all cell errors are listed together. Whatever the bytes, it
raises nothing but FormatIsianError, changes nothing outside itself and gives the same answer for
the same input.
"""

import hashlib
import io
import json
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja_kecamatan.capaian import JENIS_NEGATIF, RUMUS, NilaiTidakValid, to_decimal

TEMPLATE_VERSION = "1"
GUIDE_SHEET = "Petunjuk"
DATA_SHEET = "Data"
META_SHEET = "_meta"
TITLE = "FORMAT ISIAN DATA KINERJA"
META_MARKER = "Format Isian Data Kinerja"  # cell B1 of _meta: tells our files from any other
HEADER_ROW = 5  # rows 1–3 hold the title, 5 the header, the indicators start at 6
FIRST_ROW = HEADER_ROW + 1
IDENTITY_HEADERS = ("No", "Kode", "Indikator Kinerja", "Satuan", "Jenis", "Target TW", "Target Tahunan")
COL_KODE, COL_JENIS, COL_TARGET_TW, COL_TARGET_TAHUNAN = 2, 5, 6, 7
FIRST_INPUT_COL = len(IDENTITY_HEADERS) + 1
CAPAIAN_HEADER = "Capaian TW (%) (pratinjau)"
ROW_ID_HEADER = "ID Baris (jangan diubah)"
REALISASI_FIELD = "realisasi_tw"
SHEET_PASSWORD = None  # see the module docstring: protection against slips only, no password
MAX_TEXT = 1000  # characters in one text cell
MAX_ANGKA = Decimal(10) ** 15  # Excel keeps 15 significant digits; anything larger is a slip
MAX_ZIP_ENTRIES = 1000
CELLS_PER_ROW = 100  # a file may hold this many cells per allowed row (all sheets together)
# The compression-ratio check applies to parts larger than this: a small part with a high ratio
# (a sheet of repeated empty cells) cannot exhaust memory, and the total size is checked anyway.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # encrypted .xlsx and old .xls are OLE compound files
ZIP_MAGIC = b"PK\x03\x04"
EXCEL_ERRORS = frozenset(
	{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)
# An xlsx never has a DTD; entities in one would let the XML parser expand data without bound.
_DTD_PATTERNS = tuple(
	marker.encode(encoding)
	for marker in ("<!DOCTYPE", "<!ENTITY")
	for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_STRICT_OOXML = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.')  # quoted text and escaped characters in a number format


@dataclass(frozen=True)
class Kolom:
	"""An input column the unit fills in."""

	fieldname: str
	label: str
	numeric: bool = False


@dataclass(frozen=True)
class BarisIndikator:
	"""One indicator row; targets are number strings as stored ("1.234,5") or None."""

	row_id: str
	indikator: str
	kode: str
	uraian: str
	satuan: str
	jenis: str
	target_tw: str | None
	target_tahunan: str | None
	values: dict = field(default_factory=dict)  # current input values by fieldname (prefilled)


@dataclass(frozen=True)
class FormatIsian:
	isian: str
	monitoring: str
	unit_kerja: str
	unit_label: str
	kecamatan: str
	tahun: int
	triwulan: str
	columns: tuple[Kolom, ...]
	rows: tuple[BarisIndikator, ...]


DEFAULT_COLUMNS = (
	Kolom("realisasi_tw", "Realisasi TW", True),
	Kolom("faktor_pendorong", "Faktor Pendorong"),
	Kolom("faktor_penghambat", "Faktor Penghambat"),
	Kolom("tindak_lanjut", "Tindak Lanjut"),
	Kolom("keterangan", "Keterangan"),
)


@dataclass(frozen=True)
class Batas:
	"""Limits on an uploaded file (the app's settings supply them)."""

	max_bytes: int = 5 * 1024 * 1024
	max_rows: int = 1000
	max_uncompressed_bytes: int = 50 * 1024 * 1024
	max_compression_ratio: int = 100


DEFAULT_BATAS = Batas()


@dataclass(frozen=True)
class Kesalahan:
	"""One problem in an uploaded file; ``row`` is the sheet's row number, ``column`` its label."""

	sheet: str | None
	row: int | None
	column: str | None
	reason: str

	def __str__(self):
		where = []
		if self.sheet:
			where.append(f"Sheet {self.sheet}")
		if self.row is not None:
			where.append(f"baris {self.row}")
		if self.column:
			where.append(f"kolom {self.column}")
		return f"{', '.join(where)}: {self.reason}" if where else self.reason


class FormatIsianError(Exception):
	"""The file was refused; ``errors`` lists every problem found."""

	def __init__(self, errors):
		self.errors = list(errors)
		super().__init__("\n".join(str(error) for error in self.errors))


def _refuse(reason, sheet=None, row=None, column=None):
	return FormatIsianError([Kesalahan(sheet, row, column, reason)])


# ---------------------------------------------------------------------------------------------
# shared helpers


def _try_decimal(value):
	"""to_decimal, or None for anything that is not a usable number."""
	try:
		return to_decimal(value)
	except (NilaiTidakValid, ArithmeticError, ValueError, TypeError):
		return None


def _tidy(number: Decimal) -> Decimal:
	"""85.00 -> 85, 0.10 -> 0.1 (values are below MAX_ANGKA, so no exponent notation)."""
	if number == number.to_integral_value():
		return Decimal(int(number))
	return number.normalize()


def _clean(value) -> str:
	"""Text for a cell or a comparison: str, illegal XML characters removed, stripped."""
	return "" if value is None else ILLEGAL_CHARACTERS_RE.sub("", str(value)).strip()


def _canon_target(value) -> str:
	"""A stored target in a notation-independent form, for the checksum."""
	number = _try_decimal(value)
	return _clean(value) if number is None else format(_tidy(number), "f")


def _cell_number(number: Decimal):
	"""A Decimal as the int/float a cell holds, or None when Excel cannot hold it."""
	if number >= MAX_ANGKA:
		return None
	if number == number.to_integral_value():
		return int(number)
	return float(number)


def _checksum(meta: dict, locked: list) -> str:
	"""sha256 over the file's identity, row ids, columns and each row's locked identity values."""
	payload = [
		meta["versi"],
		meta["isian"],
		meta["monitoring"],
		meta["unit_kerja"],
		meta["tahun"],
		meta["triwulan"],
		[list(row) for row in meta["baris"]],
		list(meta["kolom"]),
		list(meta["label"]),
		locked,
	]
	text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
	return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _locked_values(row: BarisIndikator) -> list:
	return [
		_clean(row.kode),
		_clean(row.jenis),
		_canon_target(row.target_tw),
		_canon_target(row.target_tahunan),
	]


def _identity(fmt: FormatIsian) -> dict:
	return {
		"versi": TEMPLATE_VERSION,
		"isian": _clean(fmt.isian),
		"monitoring": _clean(fmt.monitoring),
		"unit_kerja": _clean(fmt.unit_kerja),
		"tahun": _clean(fmt.tahun),
		"triwulan": _clean(fmt.triwulan),
		"kolom": [_clean(c.fieldname) for c in fmt.columns],
		"label": [_clean(c.label) for c in fmt.columns],
		"baris": [(_clean(r.row_id), _clean(r.indikator)) for r in fmt.rows],
	}


def _layout(n_columns: int):
	"""(capaian preview column, hidden row-id column) for a file with n input columns."""
	capaian_col = FIRST_INPUT_COL + n_columns
	return capaian_col, capaian_col + 1


# ---------------------------------------------------------------------------------------------
# building


def _put_text(cell, value):
	"""Write text that stays text: "=…" is not a formula, "#N/A" not an error value."""
	text = _clean(value)
	cell.value = text or None
	if text:
		cell.data_type = "s"


def _put_number(cell, value):
	"""Write a stored number as a number; anything unparseable is shown as it is."""
	number = _try_decimal(value)
	shown = None if number is None else _cell_number(number)
	if shown is None:
		_put_text(cell, value)
	else:
		cell.value = shown


def _height(texts) -> float:
	"""Row height (points) fitting each (text, characters per line) when wrapped: openpyxl cannot
	measure text, and LibreOffice does not fit rows whose height the file leaves open."""
	lines = 1
	for text, width in texts:
		wrapped = sum(max(1, -(-len(paragraph) // width)) for paragraph in _clean(text).split("\n"))
		lines = max(lines, wrapped)
	return 15.0 * min(lines, 20)


def _write_guide(sheet, fmt: FormatIsian):
	inputs = ", ".join(c.label for c in fmt.columns) or "-"
	numeric = ", ".join(c.label for c in fmt.columns if c.numeric)
	lines = [
		("PETUNJUK PENGISIAN FORMAT ISIAN DATA KINERJA", None),
		(None, None),
		("Kecamatan", fmt.kecamatan),
		("Unit Kerja", fmt.unit_label),
		("Tahun", str(fmt.tahun)),
		("Triwulan", fmt.triwulan),
		("Isian", fmt.isian),
		(None, None),
		("Cara mengisi", None),
		("1.", f'Isi hanya sel putih pada sheet "{DATA_SHEET}": kolom {inputs}.'),
		(
			"2.",
			(f"{numeric}: isi angka 0 atau lebih. " if numeric else "")
			+ "Kosongkan bila belum ada data — kosong bukan nol (isi 0 hanya bila nilainya memang nol). "
			"Angka cara Indonesia diterima, mis. 1.234,5 atau 85%.",
		),
		("3.", "Tulis nilai langsung, bukan rumus (=…). Jangan menggabungkan sel (merge)."),
		(
			"4.",
			f'Kolom "{CAPAIAN_HEADER}" hanya pratinjau: aplikasi menghitung ulang capaian dan predikat '
			"saat file diunggah.",
		),
		("5.", "Indikator dengan capaian di bawah 100% wajib diisi Faktor Penghambat dan Tindak Lanjut."),
		(
			"6.",
			"Jangan menambah, menghapus atau memindahkan baris dan kolom, dan jangan mengubah kolom "
			"abu-abu (No, Kode, Indikator Kinerja, Satuan, Jenis, Target, Capaian). Mengurutkan baris boleh.",
		),
		("7.", f"Teks paling banyak {MAX_TEXT} karakter per sel."),
		(
			"8.",
			"Simpan sebagai .xlsx (Excel Workbook) tanpa kata sandi, lalu unggah kembali file ini pada "
			"halaman Isian Data Kinerja unit Anda di aplikasi. File ini hanya berlaku untuk unit, tahun "
			"dan triwulan di atas.",
		),
		(
			"9.",
			"Sheet dikunci tanpa kata sandi hanya untuk mencegah salah ketik; aplikasi tetap memeriksa "
			"setiap sel dan menolak file bila ada yang salah, dengan daftar semua kesalahannya.",
		),
		(None, None),
		("Rumus capaian menurut jenis indikator", None),
		*((jenis, rumus) for jenis, rumus in RUMUS.items()),
	]
	for label, text in lines:
		sheet.append([None, None])
		row = sheet.max_row
		_put_text(sheet.cell(row, 1), label)
		_put_text(sheet.cell(row, 2), text)
		sheet.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
		sheet.cell(row, 1).alignment = Alignment(vertical="top")
		if label and text is None:
			sheet.cell(row, 1).font = Font(bold=True, size=13 if row == 1 else 11)
		sheet.row_dimensions[row].height = _height(((text, 95),))
	sheet.column_dimensions["A"].width = 16
	sheet.column_dimensions["B"].width = 100
	sheet.protection.sheet = True
	sheet.page_setup.orientation = "portrait"
	sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
	sheet.page_setup.fitToWidth = 1
	sheet.page_setup.fitToHeight = 0
	sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _capaian_formula(jenis: str, real: str, target: str) -> str:
	if jenis == JENIS_NEGATIF:
		return (
			f'=IF(OR({real}="",{target}=""),"",IF({target}=0,IF({real}=0,100,""),'
			f"MAX(0,(2-{real}/{target})*100)))"
		)
	return f'=IF(OR({real}="",{target}="",{target}=0),"",{real}/{target}*100)'


def _write_data(sheet, fmt: FormatIsian):
	columns = tuple(fmt.columns)
	capaian_col, id_col = _layout(len(columns))
	last_row = HEADER_ROW + len(fmt.rows)
	grey = PatternFill("solid", fgColor="D9D9D9")
	header_fill = PatternFill("solid", fgColor="BFBFBF")
	thin = Side(style="thin", color="808080")
	border = Border(left=thin, right=thin, top=thin, bottom=thin)
	top_wrap = Alignment(wrap_text=True, vertical="top")

	_put_text(sheet.cell(1, 1), TITLE)
	sheet.cell(1, 1).font = Font(bold=True, size=14)
	_put_text(sheet.cell(2, 1), f"{fmt.unit_label} — Kecamatan {fmt.kecamatan}")
	sheet.cell(2, 1).font = Font(bold=True)
	_put_text(sheet.cell(3, 1), f"Triwulan {fmt.triwulan} Tahun {fmt.tahun}")

	headers = [*IDENTITY_HEADERS, *(c.label for c in columns), CAPAIAN_HEADER, ROW_ID_HEADER]
	for index, label in enumerate(headers, start=1):
		cell = sheet.cell(HEADER_ROW, index)
		_put_text(cell, label)
		cell.font = Font(bold=True)
		cell.fill = header_fill
		cell.border = border
		cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
	sheet.row_dimensions[HEADER_ROW].height = 45

	realisasi = next((i for i, c in enumerate(columns) if c.fieldname == REALISASI_FIELD and c.numeric), None)
	for number, row in enumerate(fmt.rows, start=1):
		r = HEADER_ROW + number
		sheet.cell(r, 1).value = number
		_put_text(sheet.cell(r, 2), row.kode)
		_put_text(sheet.cell(r, 3), row.uraian)
		_put_text(sheet.cell(r, 4), row.satuan)
		_put_text(sheet.cell(r, 5), row.jenis)
		_put_number(sheet.cell(r, COL_TARGET_TW), row.target_tw)
		_put_number(sheet.cell(r, COL_TARGET_TAHUNAN), row.target_tahunan)
		for offset, column in enumerate(columns):
			cell = sheet.cell(r, FIRST_INPUT_COL + offset)
			value = (row.values or {}).get(column.fieldname)
			if column.numeric:
				_put_number(cell, value)
			else:
				_put_text(cell, value)
				cell.number_format = "@"  # typed "1.234" stays text in a text column
			cell.protection = Protection(locked=False)
			cell.alignment = top_wrap
			cell.border = border
		if realisasi is not None:
			real = f"{get_column_letter(FIRST_INPUT_COL + realisasi)}{r}"
			target = f"{get_column_letter(COL_TARGET_TW)}{r}"
			sheet.cell(r, capaian_col).value = _capaian_formula(row.jenis, real, target)
		sheet.cell(r, capaian_col).number_format = "0.00"
		_put_text(sheet.cell(r, id_col), row.row_id)
		texts = [(row.uraian, 42)]
		texts += [((row.values or {}).get(c.fieldname), 30) for c in columns if not c.numeric]
		sheet.row_dimensions[r].height = _height(texts)
		for c in (*range(1, FIRST_INPUT_COL), capaian_col):
			sheet.cell(r, c).fill = grey
			sheet.cell(r, c).border = border
			sheet.cell(r, c).alignment = top_wrap

	if fmt.rows:
		number_check = DataValidation(
			type="decimal",
			operator="greaterThanOrEqual",
			formula1="0",
			allow_blank=True,
			showErrorMessage=True,
			# a warning, not a stop: "1.234,5" typed in an English-locale Excel is text the server
			# accepts, and the server checks every value anyway
			errorStyle="warning",
			errorTitle="Bukan angka",
			error="Isi angka 0 atau lebih (mis. 1.234,5), atau kosongkan bila belum ada data. Kosong bukan nol.",
			showInputMessage=True,
			promptTitle="Angka",
			prompt="Angka 0 atau lebih; kosongkan bila belum ada data.",
		)
		text_check = DataValidation(
			type="textLength",
			operator="lessThanOrEqual",
			formula1=str(MAX_TEXT),
			allow_blank=True,
			showErrorMessage=True,
			errorTitle="Teks terlalu panjang",
			error=f"Teks paling banyak {MAX_TEXT} karakter.",
		)
		for offset, column in enumerate(columns):
			letter = get_column_letter(FIRST_INPUT_COL + offset)
			(number_check if column.numeric else text_check).add(f"{letter}{FIRST_ROW}:{letter}{last_row}")
		for check in (number_check, text_check):
			if check.sqref.ranges:
				sheet.add_data_validation(check)
		capaian_ref = f"{get_column_letter(capaian_col)}{FIRST_ROW}"
		sheet.conditional_formatting.add(
			f"{get_column_letter(capaian_col)}{FIRST_ROW}:{get_column_letter(capaian_col)}{last_row}",
			FormulaRule(
				formula=[f"AND(ISNUMBER({capaian_ref}),{capaian_ref}<100)"],
				font=Font(color="C00000", bold=True),
			),
		)

	widths = {1: 5, 2: 12, 3: 45, 4: 10, 5: 12, 6: 12, 7: 12, capaian_col: 14, id_col: 12}
	for offset, column in enumerate(columns):
		widths[FIRST_INPUT_COL + offset] = 14 if column.numeric else 32
	for index, width in widths.items():
		sheet.column_dimensions[get_column_letter(index)].width = width
	sheet.column_dimensions[get_column_letter(id_col)].hidden = True

	sheet.freeze_panes = sheet.cell(FIRST_ROW, 4)  # header and No/Kode/Indikator stay in view
	protection = sheet.protection
	protection.sheet = True
	protection.formatColumns = False  # False = allowed: widen columns, heighten rows
	protection.formatRows = False
	protection.sort = False
	protection.autoFilter = False
	sheet.page_setup.orientation = "landscape"
	sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
	sheet.page_setup.fitToWidth = 1
	sheet.page_setup.fitToHeight = 0
	sheet.sheet_properties.pageSetUpPr.fitToPage = True
	sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
	sheet.print_area = f"A1:{get_column_letter(capaian_col)}{max(last_row, HEADER_ROW)}"
	sheet.page_margins.left = sheet.page_margins.right = 0.4


def _write_meta(sheet, fmt: FormatIsian):
	meta = _identity(fmt)
	rows = [
		("format", META_MARKER),
		("versi", meta["versi"]),
		("isian", meta["isian"]),
		("monitoring", meta["monitoring"]),
		("unit_kerja", meta["unit_kerja"]),
		("tahun", meta["tahun"]),
		("triwulan", meta["triwulan"]),
		("checksum", _checksum(meta, [_locked_values(r) for r in fmt.rows])),
		("kolom", *meta["kolom"]),
		("label", *meta["label"]),
		("baris", str(len(meta["baris"]))),
		*meta["baris"],
	]
	for r, values in enumerate(rows, start=1):
		for c, value in enumerate(values, start=1):
			_put_text(sheet.cell(r, c), value)
	sheet.sheet_state = "veryHidden"
	sheet.protection.sheet = True


def build_workbook(fmt: FormatIsian) -> bytes:
	"""The .xlsx file of one unit's Format Isian."""
	workbook = Workbook()
	guide = workbook.active
	guide.title = GUIDE_SHEET
	_write_guide(guide, fmt)
	_write_data(workbook.create_sheet(DATA_SHEET), fmt)
	_write_meta(workbook.create_sheet(META_SHEET), fmt)
	workbook.properties.title = f"Format Isian {fmt.unit_label} TW {fmt.triwulan} {fmt.tahun}"
	workbook.properties.creator = "Kinerja Kecamatan"
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# reading: the container


def _size(n: int) -> str:
	if n >= 1024 * 1024:
		return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")
	return f"{max(1, round(n / 1024))} KB"


def _kind(content: bytes) -> str:
	if content.startswith(b"%PDF"):
		return "file PDF"
	if content.startswith(ZIP_MAGIC[:2]):
		return "arsip zip yang bukan .xlsx"
	try:
		content[:4096].decode("utf-8")
	except UnicodeDecodeError:
		return "format tidak dikenal"
	return "file teks/CSV"


def _check_container(content: bytes, limits: Batas) -> None:
	"""Refuse, before any XML is parsed, what is not a sane .xlsx."""
	if not content:
		raise _refuse("File kosong; unggah Format Isian .xlsx yang sudah diisi.")
	if len(content) > limits.max_bytes:
		raise _refuse(
			f"File terlalu besar ({_size(len(content))}); batasnya {_size(limits.max_bytes)}. "
			"Unggah Format Isian .xlsx dari aplikasi."
		)
	if content.startswith(OLE_MAGIC):
		raise _refuse(
			"File dilindungi kata sandi/terenkripsi atau berformat .xls lama; simpan ulang sebagai "
			".xlsx (Excel Workbook) tanpa kata sandi, lalu unggah lagi."
		)
	if not content.startswith(ZIP_MAGIC):
		raise _refuse(
			f"File bukan Excel .xlsx ({_kind(content)}); unduh Format Isian dari aplikasi, isi, lalu "
			"simpan sebagai .xlsx."
		)
	corrupt = (
		"File .xlsx rusak atau tidak utuh (zip tidak dapat dibuka); simpan ulang dari Excel/LibreOffice "
		"atau unduh ulang Format Isian."
	)
	try:
		with zipfile.ZipFile(io.BytesIO(content)) as archive:
			_check_zip(archive, limits)
	except FormatIsianError:
		raise
	except Exception:  # BadZipFile, bad CRC, zip-level encryption, unknown compression, …
		raise _refuse(corrupt)


def _check_zip(archive: zipfile.ZipFile, limits: Batas) -> None:
	entries = archive.infolist()
	if len(entries) > MAX_ZIP_ENTRIES:
		raise _refuse(f"File ditolak: berisi {len(entries)} bagian, tidak wajar untuk Format Isian.")
	total = sum(entry.file_size for entry in entries)
	if total > limits.max_uncompressed_bytes:
		raise _refuse(
			f"File ditolak: isinya setelah dibuka terlalu besar ({_size(total)}, batas "
			f"{_size(limits.max_uncompressed_bytes)}), kemungkinan zip bomb."
		)
	for entry in entries:
		if entry.file_size <= RATIO_CHECK_MIN_BYTES:
			continue
		ratio = entry.file_size / max(entry.compress_size, 1)
		if ratio > limits.max_compression_ratio:
			raise _refuse(
				f"File ditolak: rasio kompresi tidak wajar ({int(ratio)}:1, batas "
				f"{limits.max_compression_ratio}:1), kemungkinan zip bomb."
			)
	names = set(archive.namelist())
	if "xl/workbook.xml" not in names:
		if "mimetype" in names and "content.xml" in names:
			raise _refuse("File berformat OpenDocument (.ods); simpan sebagai Excel .xlsx lalu unggah lagi.")
		if "xl/workbook.bin" in names:
			raise _refuse("File berformat Excel Binary (.xlsb); simpan sebagai Excel Workbook (.xlsx).")
		raise _refuse("File bukan Excel .xlsx (arsip zip tanpa workbook); unduh ulang Format Isian.")
	# Reading every part checks its CRC and its real size (zipfile never inflates beyond the
	# declared size), finds DTDs before any XML parser sees them, and counts the cells: a full
	# openpyxl load keeps every cell in memory, so millions of tiny cells are refused up front.
	cells, max_cells = 0, CELLS_PER_ROW * (limits.max_rows + 100)
	for entry in entries:
		tail = b""
		sheet_part = entry.filename.startswith("xl/worksheets/")
		with archive.open(entry) as part:
			while chunk := part.read(64 * 1024):
				window = tail + chunk
				if any(pattern in window for pattern in _DTD_PATTERNS):
					raise _refuse("File ditolak: berisi struktur XML yang tidak diizinkan (DTD/ENTITY).")
				if entry.filename == "xl/workbook.xml" and _STRICT_OOXML in window:
					raise _refuse(
						"File disimpan sebagai Strict Open XML; simpan sebagai Excel Workbook (.xlsx) biasa."
					)
				tail = window[-64:]
				if sheet_part:
					cells += (
						window.count(b"<c ") + window.count(b"<c>") - tail.count(b"<c ") - tail.count(b"<c>")
					)
					if cells > max_cells:
						raise _refuse(
							f"File ditolak: berisi lebih dari {max_cells} sel, tidak wajar untuk Format Isian "
							f"(paling banyak {limits.max_rows} baris data)."
						)


def _load(content: bytes):
	try:
		with warnings.catch_warnings():
			warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
			# Full mode, not read_only: read-only worksheets do not expose merged cells, which must
			# be refused. The zip checks above bound the memory a full load can take.
			return load_workbook(io.BytesIO(content), read_only=False, data_only=False, keep_links=False)
	except Exception as error:  # openpyxl raises many kinds for broken files
		raise _refuse(
			f"File .xlsx tidak dapat dibaca ({type(error).__name__}); simpan ulang dari Excel/LibreOffice "
			"atau unduh ulang Format Isian."
		)


# ---------------------------------------------------------------------------------------------
# reading: identity


class _Garbled(Exception):
	pass


def _meta_text(value) -> str:
	if value is None:
		return ""
	if isinstance(value, str):
		return value.strip()
	if isinstance(value, int) and not isinstance(value, bool):
		return str(value)
	if isinstance(value, float) and value.is_integer():
		return str(int(value))
	raise _Garbled


def _meta_row(sheet, r: int, key: str) -> list:
	"""Values after the key in row r of _meta; the key itself must be in column A."""
	row = [_meta_text(sheet.cell(r, c).value) for c in range(1, sheet.max_column + 1)]
	if row[0] != key:
		raise _Garbled
	while len(row) > 1 and row[-1] == "":
		row.pop()
	return row[1:]


def _one(values: list) -> str:
	if len(values) != 1:
		raise _Garbled
	return values[0]


def _read_meta(workbook, limits: Batas) -> dict:
	not_ours = _refuse(
		"File ini bukan Format Isian dari aplikasi ini (data pengenal file tidak ada atau rusak); "
		"unduh Format Isian dari halaman Isian, isi, lalu unggah."
	)
	if META_SHEET not in workbook.sheetnames:
		raise not_ours
	sheet = workbook[META_SHEET]
	try:
		if sheet.max_row > 2 * limits.max_rows + 100 or sheet.max_column > 1000:
			raise _Garbled
		if _meta_row(sheet, 1, "format") != [META_MARKER]:
			raise _Garbled
		meta = {"versi": _one(_meta_row(sheet, 2, "versi"))}
		if meta["versi"] != TEMPLATE_VERSION:
			return meta  # the rest may be laid out differently; the caller refuses the version
		for r, key in enumerate(
			("isian", "monitoring", "unit_kerja", "tahun", "triwulan", "checksum"), start=3
		):
			meta[key] = _one(_meta_row(sheet, r, key) or [""])
		meta["kolom"] = _meta_row(sheet, 9, "kolom")
		meta["label"] = _meta_row(sheet, 10, "label")
		count = _one(_meta_row(sheet, 11, "baris"))
		if not count.isdigit() or len(meta["label"]) > len(meta["kolom"]):
			raise _Garbled
		meta["label"] += [""] * (len(meta["kolom"]) - len(meta["label"]))
		rows = []
		for r in range(12, 12 + int(count)):
			row_id, indikator = (_meta_text(sheet.cell(r, c).value) for c in (1, 2))
			if not row_id:
				raise _Garbled
			rows.append((row_id, indikator))
		if len({row_id for row_id, _ in rows}) != len(rows):
			raise _Garbled
		meta["baris"] = rows
	except _Garbled:
		raise not_ours
	return meta


def _check_identity(meta: dict, expected: FormatIsian, limits: Batas) -> None:
	if meta["versi"] != TEMPLATE_VERSION:
		raise _refuse(
			f"Versi format berbeda (file versi {meta['versi'] or '?'}, aplikasi versi {TEMPLATE_VERSION}); "
			"unduh ulang Format Isian dari aplikasi."
		)
	want = _identity(expected)
	errors = [
		Kesalahan(None, None, None, f"File ini milik {label} {meta[key]}, bukan {label} {want[key]}.")
		for key, label in (
			("isian", "Isian"),
			("monitoring", "monitoring"),
			("unit_kerja", "unit"),
			("tahun", "tahun"),
			("triwulan", "triwulan"),
		)
		if meta[key] != want[key]
	]
	if errors:
		errors.append(Kesalahan(None, None, None, "Unggah file Format Isian milik Isian ini."))
		raise FormatIsianError(errors)
	if meta["kolom"] != want["kolom"]:
		raise _refuse(
			f"Kolom isian pada file ({', '.join(meta['kolom']) or '-'}) berbeda dengan aplikasi "
			f"({', '.join(want['kolom']) or '-'}); unduh ulang Format Isian."
		)
	if len(meta["baris"]) > limits.max_rows:
		raise _refuse(
			f"Terlalu banyak baris indikator ({len(meta['baris'])}); paling banyak {limits.max_rows}."
		)
	in_file = {row_id for row_id, _ in meta["baris"]}
	in_isian = {_clean(row.row_id): row for row in expected.rows}
	errors = [
		Kesalahan(
			None, None, None, f"Indikator {_name(row)} belum ada pada file ini (ditambahkan setelah diunduh)."
		)
		for row_id, row in in_isian.items()
		if row_id not in in_file
	]
	errors += [
		Kesalahan(None, None, None, f"Indikator {indikator or row_id} pada file sudah tidak ada pada Isian.")
		for row_id, indikator in meta["baris"]
		if row_id not in in_isian
	]
	if errors:
		errors.append(Kesalahan(None, None, None, "Daftar indikator berubah; unduh ulang Format Isian."))
		raise FormatIsianError(errors)
	locked = [_locked_values(in_isian[row_id]) for row_id, _ in meta["baris"]]
	if meta["checksum"] != _checksum(meta, locked):
		raise _refuse(
			"Kolom terkunci diubah, atau target pada aplikasi berubah sejak file diunduh; unduh ulang "
			"Format Isian lalu salin isiannya."
		)


def _name(row: BarisIndikator) -> str:
	return " ".join(part for part in (_clean(row.kode), _clean(row.uraian)) if part) or row.row_id


# ---------------------------------------------------------------------------------------------
# reading: the Data sheet


def _is_blank(value) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def _shown(value) -> str:
	text = _clean(value)
	return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


def _check_layout(sheet, meta: dict, limits: Batas) -> None:
	_, id_col = _layout(len(meta["kolom"]))
	# every row up to max_row is looked at, so a sheet stretched far beyond its data is refused first
	if sheet.max_row - HEADER_ROW > 2 * limits.max_rows + 100:
		raise _refuse(
			f"terdapat {sheet.max_row} baris, jauh melebihi batas {limits.max_rows} baris data; "
			"hapus baris di bawah tabel atau unduh ulang Format Isian.",
			sheet=DATA_SHEET,
		)
	errors = []
	for merged in sorted(
		sheet.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col, m.max_row, m.max_col)
	):
		if merged.max_row >= HEADER_ROW and merged.min_col <= id_col:
			errors.append(
				Kesalahan(
					DATA_SHEET,
					merged.min_row,
					None,
					f"sel digabung (merge) {merged.coord} di area data; pisahkan kembali (unmerge).",
				)
			)
	if errors:
		raise FormatIsianError(errors)
	headers = [*IDENTITY_HEADERS, *meta["label"], CAPAIAN_HEADER, ROW_ID_HEADER]
	errors = []
	for index, label in enumerate(headers, start=1):
		value = sheet.cell(HEADER_ROW, index).value
		if not isinstance(value, str) or value.strip() != label:
			errors.append(
				Kesalahan(
					DATA_SHEET,
					HEADER_ROW,
					get_column_letter(index),
					f'judul kolom seharusnya "{label}", tertulis {_shown(value)}: susunan kolom diubah '
					"(kolom ditambah, dihapus atau dipindah); unduh ulang Format Isian.",
				)
			)
	if errors:
		raise FormatIsianError(errors)


def _percent_format(number_format) -> bool:
	"""True when a cell shows its value as a percentage: 0.85 displayed as "85%"."""
	return isinstance(number_format, str) and "%" in _FORMAT_LITERALS.sub("", number_format)


def _read_number(cell):
	"""(Decimal, None) or (None, reason) for a non-empty numeric input cell."""
	value = cell.value
	if isinstance(value, bool):
		return (
			None,
			f"sel {cell.coordinate} berisi nilai logika {'BENAR' if value else 'SALAH'}, bukan angka.",
		)
	if isinstance(value, datetime | date | time | timedelta):
		return None, (
			f"sel {cell.coordinate} berisi tanggal/waktu ({value}); tanggal bukan angka. Bila maksudnya "
			"angka desimal, tulis dengan koma (mis. 1,5) atau ubah format sel menjadi Umum/Angka."
		)
	if not isinstance(value, int | float | Decimal | str):
		return None, f"sel {cell.coordinate} bukan angka yang valid."
	try:
		number = to_decimal(value)
	except NilaiTidakValid as error:
		return None, str(error)
	except (ArithmeticError, ValueError):
		return None, f"{_shown(value)} bukan angka yang valid."
	if number is None:
		return None, None
	if not isinstance(value, str) and _percent_format(cell.number_format):
		number *= 100  # typed "85%" in Excel: stored as 0.85, shown as 85%
	if number >= MAX_ANGKA:
		return None, f"{_shown(value)}: angka terlalu besar."
	return _tidy(number), None


def _read_text(cell):
	"""(str or None, None) or (None, reason) for a non-empty text input cell."""
	value = cell.value
	if isinstance(value, bool):
		text = "BENAR" if value else "SALAH"
	elif isinstance(value, datetime):
		text = value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
	elif isinstance(value, date | time):
		text = value.isoformat()
	elif isinstance(value, float) and value.is_integer():
		text = str(int(value))
	elif isinstance(value, str | int | float | Decimal | timedelta):
		text = str(value)
	else:
		return None, f"sel {cell.coordinate} tidak berisi teks yang valid."
	text = text.strip()
	if len(text) > MAX_TEXT:
		return None, f"teks terlalu panjang ({len(text)} karakter); paling banyak {MAX_TEXT} karakter."
	return text or None, None


def _read_input(cell, column: Kolom):
	"""(value, None) or (None, reason) for one input cell."""
	value = cell.value
	if cell.data_type == "f":  # also ArrayFormula and DataTableFormula values
		return None, f"sel {cell.coordinate} berisi rumus; tulis nilainya langsung, bukan rumus."
	if cell.data_type == "e":
		return None, f"sel {cell.coordinate} berisi nilai galat {value}; hapus atau ganti dengan nilai."
	if _is_blank(value):
		return None, None
	if isinstance(value, str):
		text = value.strip()
		if text.startswith("="):
			return None, (
				f"sel {cell.coordinate} diawali tanda = sehingga dianggap rumus; tulis nilainya langsung "
				"atau hapus tanda = di awal."
			)
		if text.upper() in EXCEL_ERRORS:
			return None, f"sel {cell.coordinate} berisi nilai galat {text}; hapus atau ganti dengan nilai."
	return _read_number(cell) if column.numeric else _read_text(cell)


def _locked_differs(value, want, numeric: bool) -> bool:
	if not numeric:
		return _clean(value) != _clean(want)
	number = _try_decimal(want)
	if number is None:  # empty or not a number: written as text
		return _clean(value) != _clean(want)
	if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
		return True
	got = _try_decimal(value)
	return got is None or float(got) != float(number)


def _read_rows(sheet, meta: dict, expected: FormatIsian, limits: Batas) -> dict:
	columns = tuple(expected.columns)
	_, id_col = _layout(len(columns))
	by_id = {_clean(row.row_id): row for row in expected.rows}  # as written into the file
	in_file = {row_id for row_id, _ in meta["baris"]}

	rows = []
	for cells in sheet.iter_rows(min_row=FIRST_ROW, max_row=max(sheet.max_row, FIRST_ROW), max_col=id_col):
		if not all(_is_blank(cell.value) for cell in cells):
			rows.append(cells)
	if len(rows) > limits.max_rows:
		raise _refuse(
			f"terlalu banyak baris data ({len(rows)}); paling banyak {limits.max_rows} baris.",
			sheet=DATA_SHEET,
		)

	errors, values, seen = [], {}, {}
	locked = (
		(COL_KODE, "kode", False),
		(COL_JENIS, "jenis", False),
		(COL_TARGET_TW, "target_tw", True),
		(COL_TARGET_TAHUNAN, "target_tahunan", True),
	)
	for cells in rows:
		r = cells[0].row
		raw_id = cells[id_col - 1].value
		row_id = raw_id.strip() if isinstance(raw_id, str) else None
		if not row_id:
			errors.append(
				Kesalahan(
					DATA_SHEET,
					r,
					None,
					"baris tanpa ID (baris ditambahkan atau kolom ID diubah); hapus baris ini atau unduh "
					"ulang Format Isian.",
				)
			)
			continue
		if row_id not in by_id or row_id not in in_file:
			errors.append(
				Kesalahan(DATA_SHEET, r, None, f"baris tidak dikenal (ID {_shown(row_id)}); hapus baris ini.")
			)
			continue
		if row_id in seen:
			errors.append(
				Kesalahan(
					DATA_SHEET, r, None, f"baris ganda: indikator yang sama dengan baris {seen[row_id]}."
				)
			)
			continue
		seen[row_id] = r
		want = by_id[row_id]
		for col, attribute, numeric in locked:
			got = cells[col - 1].value
			if _locked_differs(got, getattr(want, attribute), numeric):
				errors.append(
					Kesalahan(
						DATA_SHEET,
						r,
						IDENTITY_HEADERS[col - 1],
						f"kolom terkunci diubah (tertulis {_shown(got)}, seharusnya "
						f"{_shown(getattr(want, attribute))}); kembalikan atau unduh ulang Format Isian.",
					)
				)
		row_values = {}
		for offset, column in enumerate(columns):
			value, reason = _read_input(cells[FIRST_INPUT_COL - 1 + offset], column)
			if reason:
				errors.append(Kesalahan(DATA_SHEET, r, column.label, reason))
			row_values[column.fieldname] = value
		values[row_id] = row_values
	for row in expected.rows:
		if _clean(row.row_id) not in seen:
			errors.append(
				Kesalahan(
					DATA_SHEET,
					None,
					None,
					f"baris indikator {_name(row)} hilang (baris dihapus atau kolom ID diubah); unduh ulang "
					"Format Isian.",
				)
			)
	if errors:
		raise FormatIsianError(errors)
	return {row.row_id: values[_clean(row.row_id)] for row in expected.rows}


def _read(content, expected: FormatIsian, limits: Batas) -> dict:
	if not isinstance(content, bytes | bytearray | memoryview):
		raise _refuse("File tidak dapat dibaca; unggah Format Isian .xlsx.")
	content = bytes(content)
	_check_container(content, limits)
	workbook = _load(content)
	meta = _read_meta(workbook, limits)
	_check_identity(meta, expected, limits)
	if DATA_SHEET not in workbook.sheetnames:
		raise _refuse(
			f'Sheet "{DATA_SHEET}" tidak ditemukan; jangan mengganti nama atau menghapus sheet. Unduh ulang '
			"Format Isian."
		)
	sheet = workbook[DATA_SHEET]
	_check_layout(sheet, meta, limits)
	return _read_rows(sheet, meta, expected, limits)


def read_workbook(
	content: bytes, expected: FormatIsian, limits: Batas = DEFAULT_BATAS
) -> dict[str, dict[str, object]]:
	"""{row_id: {fieldname: value}} for every row of ``expected``, or FormatIsianError.

	Numeric columns give a Decimal (None when empty), text columns a stripped str (None when
	empty). Nothing but FormatIsianError is raised, whatever ``content`` holds.
	"""
	try:
		return _read(content, expected, limits)
	except FormatIsianError:
		raise
	except Exception as error:  # a file no check foresaw: refuse it, never crash
		raise _refuse(
			f"File tidak dapat diproses sebagai Format Isian ({type(error).__name__}); unduh ulang "
			"Format Isian dari aplikasi."
		)
