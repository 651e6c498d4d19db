"""Writing a unit's Format Isian: the Petunjuk, Data, Tindak Lanjut Triwulan Lalu and hidden _meta
sheets."""

import io

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja_kecamatan.doctypes import KECAMATAN, UNIT_KERJA
from kinerja_kecamatan.engine.capaian import JENIS_NEGATIF, RUMUS
from kinerja_kecamatan.format_isian.spec import (
	CAPAIAN_HEADER,
	COL_TARGET_TAHUNAN,
	COL_TARGET_TW,
	DATA_SHEET,
	FIRST_INPUT_COL,
	FIRST_ROW,
	GUIDE_SHEET,
	HEADER_ROW,
	IDENTITY_HEADERS,
	MAX_TEXT,
	META_MARKER,
	META_SHEET,
	REALISASI_FIELD,
	ROW_ID_HEADER,
	STATUS_DISEBUT,
	STATUS_PERLU_PENJELASAN,
	STATUS_TINDAK_LANJUT,
	TINDAK_LANJUT_COLUMNS,
	TINDAK_LANJUT_IDENTITY,
	TINDAK_LANJUT_SHEET,
	TINDAK_LANJUT_TITLE,
	TITLE,
	FormatIsian,
	_batas_waktu,
	_cell_number,
	_checksum,
	_clean,
	_identity,
	_layout,
	_lines,
	_locked_values,
	_summed_tindak_lanjut,
	_try_decimal,
)


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


def _guide_tindak_lanjut(fmt: FormatIsian) -> str:
	if not fmt.tindak_lanjut:
		return f'Sheet "{TINDAK_LANJUT_SHEET}": tidak ada tindak lanjut triwulan lalu yang perlu dilaporkan.'
	return (
		f'Sheet "{TINDAK_LANJUT_SHEET}" memuat {len(fmt.tindak_lanjut)} rencana tindak lanjut dari laporan '
		f"triwulan lalu. Untuk setiap baris pilih Status: {STATUS_DISEBUT}, dan isi Penjelasan (wajib "
		f"bila {' atau '.join(STATUS_PERLU_PENJELASAN)}). Status boleh kosong selama "
		"Isian masih draf, tetapi wajib diisi sebelum Isian dikirim. Bukti dukung (file) dilampirkan pada "
		"halaman Isian di aplikasi, bukan di file ini."
	)


def _write_guide(sheet, fmt: FormatIsian):
	inputs = ", ".join(c.label for c in fmt.columns) or "-"
	numeric = ", ".join(c.label for c in fmt.columns if c.numeric)
	lines = [
		("PETUNJUK PENGISIAN FORMAT ISIAN DATA KINERJA", None),
		(None, None),
		(KECAMATAN, fmt.kecamatan),
		(UNIT_KERJA, fmt.unit_label),
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
		("10.", _guide_tindak_lanjut(fmt)),
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


GREY = PatternFill("solid", fgColor="D9D9D9")  # locked cells; inputs stay white
HEADER_FILL = PatternFill("solid", fgColor="BFBFBF")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TOP_WRAP = Alignment(wrap_text=True, vertical="top")


def _write_title(sheet, title: str, fmt: FormatIsian, subtitle: str):
	_put_text(sheet.cell(1, 1), title)
	sheet.cell(1, 1).font = Font(bold=True, size=14)
	_put_text(sheet.cell(2, 1), f"{fmt.unit_label} — Kecamatan {fmt.kecamatan}")
	sheet.cell(2, 1).font = Font(bold=True)
	_put_text(sheet.cell(3, 1), subtitle)


def _write_header(sheet, headers):
	for index, label in enumerate(headers, start=1):
		cell = sheet.cell(HEADER_ROW, index)
		_put_text(cell, label)
		cell.font = Font(bold=True)
		cell.fill = HEADER_FILL
		cell.border = BORDER
		cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
	sheet.row_dimensions[HEADER_ROW].height = 45


def _text_check():
	return DataValidation(
		type="textLength",
		operator="lessThanOrEqual",
		formula1=str(MAX_TEXT),
		allow_blank=True,
		showErrorMessage=True,
		errorTitle="Teks terlalu panjang",
		error=f"Teks paling banyak {MAX_TEXT} karakter.",
	)


def _write_data(sheet, fmt: FormatIsian):
	columns = tuple(fmt.columns)
	capaian_col, id_col = _layout(len(columns))
	last_row = HEADER_ROW + len(fmt.rows)
	_write_title(sheet, TITLE, fmt, f"Triwulan {fmt.triwulan} Tahun {fmt.tahun}")
	_write_header(sheet, [*IDENTITY_HEADERS, *(c.label for c in columns), CAPAIAN_HEADER, ROW_ID_HEADER])

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
			cell.alignment = TOP_WRAP
			cell.border = BORDER
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
			sheet.cell(r, c).fill = GREY
			sheet.cell(r, c).border = BORDER
			sheet.cell(r, c).alignment = TOP_WRAP

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
		text_check = _text_check()
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

	_finish_table(sheet, capaian_col, last_row)


def _finish_table(sheet, last_col: int, last_row: int):
	"""Frozen header, protection without a password, landscape A4 print of columns up to last_col."""
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
	sheet.print_area = f"A1:{get_column_letter(last_col)}{max(last_row, HEADER_ROW)}"
	sheet.page_margins.left = sheet.page_margins.right = 0.4


def _write_tindak_lanjut(sheet, fmt: FormatIsian):
	"""Last quarter's follow-ups: locked plan, white Status (a dropdown) and Penjelasan, hidden id.
	Always present, so that a unit sees there is nothing to report rather than a missing sheet."""
	status_col = len(TINDAK_LANJUT_IDENTITY) + 1
	penjelasan_col, id_col = status_col + 1, status_col + 2
	last_row = HEADER_ROW + len(fmt.tindak_lanjut)
	_write_title(
		sheet,
		TINDAK_LANJUT_TITLE,
		fmt,
		f"Pelaksanaan rencana tindak lanjut laporan triwulan lalu, dilaporkan pada Isian Triwulan "
		f"{fmt.triwulan} Tahun {fmt.tahun}",
	)
	note = sheet.cell(4, 1)
	if fmt.tindak_lanjut:
		_put_text(
			note,
			f"Pilih Status ({STATUS_DISEBUT}) dan isi Penjelasan; Penjelasan wajib bila "
			f"{' atau '.join(STATUS_PERLU_PENJELASAN)}. Bukti dukung dilampirkan pada halaman Isian di aplikasi.",
		)
	else:
		_put_text(note, "Tidak ada tindak lanjut triwulan lalu.")
		note.font = Font(bold=True)
	_write_header(sheet, [*TINDAK_LANJUT_IDENTITY, *(c.label for c in TINDAK_LANJUT_COLUMNS), ROW_ID_HEADER])

	for number, row in enumerate(fmt.tindak_lanjut, start=1):
		r = HEADER_ROW + number
		sheet.cell(r, 1).value = number
		for c, value in enumerate(
			(row.kode, row.uraian, _lines(row.rencana), _batas_waktu(row.batas_waktu), row.triwulan_asal),
			start=2,
		):
			_put_text(sheet.cell(r, c), value)
		for c in range(1, status_col):
			sheet.cell(r, c).fill = GREY
		_put_text(sheet.cell(r, status_col), row.status)
		_put_text(sheet.cell(r, penjelasan_col), row.penjelasan)
		for c in (status_col, penjelasan_col):
			sheet.cell(r, c).protection = Protection(locked=False)
			sheet.cell(r, c).number_format = "@"
		for c in range(1, id_col):
			sheet.cell(r, c).border = BORDER
			sheet.cell(r, c).alignment = TOP_WRAP
		_put_text(sheet.cell(r, id_col), row.row_id)
		sheet.row_dimensions[r].height = _height(((row.uraian, 36), (row.rencana, 40), (row.penjelasan, 40)))

	if fmt.tindak_lanjut:
		status_letter, penjelasan_letter = get_column_letter(status_col), get_column_letter(penjelasan_col)
		status_check = DataValidation(
			type="list",
			formula1='"' + ",".join(STATUS_TINDAK_LANJUT) + '"',
			allow_blank=True,
			showErrorMessage=True,
			errorTitle="Status tidak dikenal",
			error=f"Pilih {STATUS_DISEBUT}, atau kosongkan.",
			showInputMessage=True,
			promptTitle="Status",
			prompt="Pilih dari daftar. Wajib diisi sebelum Isian dikirim.",
		)
		status_check.add(f"{status_letter}{FIRST_ROW}:{status_letter}{last_row}")
		text_check = _text_check()
		text_check.add(f"{penjelasan_letter}{FIRST_ROW}:{penjelasan_letter}{last_row}")
		sheet.add_data_validation(status_check)
		sheet.add_data_validation(text_check)
		# a reminder, not a rule: the server refuses the missing Penjelasan on save
		status, penjelasan = f"{status_letter}{FIRST_ROW}", f"{penjelasan_letter}{FIRST_ROW}"
		needs = ",".join(f'{status}="{value}"' for value in STATUS_PERLU_PENJELASAN)
		sheet.conditional_formatting.add(
			f"{penjelasan_letter}{FIRST_ROW}:{penjelasan_letter}{last_row}",
			FormulaRule(
				formula=[f"AND(OR({needs}),LEN(TRIM({penjelasan}))=0)"],
				fill=PatternFill("solid", fgColor="F4CCCC"),
			),
		)

	widths = {1: 5, 2: 12, 3: 36, 4: 40, 5: 16, 6: 14, status_col: 20, penjelasan_col: 40, id_col: 12}
	for index, width in widths.items():
		sheet.column_dimensions[get_column_letter(index)].width = width
	sheet.column_dimensions[get_column_letter(id_col)].hidden = True
	_finish_table(sheet, penjelasan_col, last_row)


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
		(
			"checksum",
			_checksum(
				meta,
				[_locked_values(r) for r in fmt.rows],
				[_summed_tindak_lanjut(r) for r in fmt.tindak_lanjut],
			),
		),
		("kolom", *meta["kolom"]),
		("label", *meta["label"]),
		("baris", str(len(meta["baris"]))),
		*meta["baris"],
		# after the indicators: a file made before follow-ups existed ends there
		("tindak_lanjut", str(len(meta["tindak_lanjut"]))),
		*meta["tindak_lanjut"],
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
	_write_tindak_lanjut(workbook.create_sheet(TINDAK_LANJUT_SHEET), fmt)
	_write_meta(workbook.create_sheet(META_SHEET), fmt)
	workbook.properties.title = f"Format Isian {fmt.unit_label} TW {fmt.triwulan} {fmt.tahun}"
	workbook.properties.creator = "Kinerja Kecamatan"
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()
