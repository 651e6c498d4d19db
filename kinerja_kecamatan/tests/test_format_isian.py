"""Format Isian in Excel: round trips and every hostile or clumsy file. Pure, no site."""

import copy
import io
import os
import shutil
import struct
import subprocess
import zipfile
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kinerja_kecamatan.engine.capaian import RUMUS
from kinerja_kecamatan.format_isian import (
	CAPAIAN_HEADER,
	DATA_SHEET,
	DEFAULT_COLUMNS,
	EXCEL_ERRORS,
	FIRST_ROW,
	GUIDE_SHEET,
	HEADER_ROW,
	META_SHEET,
	ROW_ID_HEADER,
	TEMPLATE_VERSION,
	BarisIndikator,
	Batas,
	FormatIsian,
	FormatIsianError,
	Kesalahan,
	Kolom,
	build_workbook,
	read_workbook,
)

NO, KODE, URAIAN, SATUAN, JENIS, TARGET_TW, TARGET_TAHUNAN = range(1, 8)
REALISASI, PENDORONG, PENGHAMBAT, TINDAK, KET, CAPAIAN, ROW_ID = range(8, 15)  # 1-based columns
ALL_EMPTY = dict.fromkeys(c.fieldname for c in DEFAULT_COLUMNS)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def make_format(
	unit="Seksi Pemerintahan - Batumandi", triwulan="I", columns=DEFAULT_COLUMNS, rows=3, **changes
):
	fmt = FormatIsian(
		isian=f"MON-2024-I/{unit}",
		monitoring="MON-2024-I",
		unit_kerja=unit,
		unit_label="Seksi Pemerintahan",
		kecamatan="Batumandi",
		tahun=2024,
		triwulan=triwulan,
		columns=columns,
		rows=tuple(
			BarisIndikator(
				row_id=f"row-{i}",
				indikator=f"IND-{i}",
				kode=f"PEM-0{i}",
				uraian=f"Persentase layanan {i} yang selesai tepat waktu",
				satuan="%",
				jenis=("Negatif", "Nilai Akhir", "Positif")[i % 3],
				target_tw="100",
				target_tahunan="1.000,5",
				values={},
			)
			for i in range(1, rows + 1)
		),
	)
	return replace(fmt, **changes)


FMT = make_format()
VALID = build_workbook(FMT)


def save(workbook) -> bytes:
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def edit(content: bytes, change) -> bytes:
	"""Open the file with openpyxl as a user's spreadsheet program would, change it, save it."""
	workbook = load_workbook(io.BytesIO(content))
	change(workbook)
	return save(workbook)


def fill(content: bytes, cells: dict) -> bytes:
	"""Write {(row offset, column): value} into the Data sheet's indicator rows."""

	def change(workbook):
		for (offset, column), value in cells.items():
			workbook[DATA_SHEET].cell(FIRST_ROW + offset, column).value = value

	return edit(content, change)


def refused(content, fmt=FMT, limits=None) -> FormatIsianError:
	with pytest.raises(FormatIsianError) as caught:
		read_workbook(content, fmt, limits or Batas())
	assert caught.value.errors and all(isinstance(e, Kesalahan) for e in caught.value.errors)
	assert str(caught.value) == "\n".join(str(e) for e in caught.value.errors)
	return caught.value


def message(content, fmt=FMT, limits=None) -> str:
	return str(refused(content, fmt, limits)).lower()


def rezip(content: bytes, parts: dict) -> bytes:
	"""The same zip with some parts replaced: {name: bytes or function(old bytes) -> bytes}."""
	buffer = io.BytesIO()
	with (
		zipfile.ZipFile(io.BytesIO(content)) as source,
		zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
	):
		for info in source.infolist():
			data = source.read(info)
			new = parts.get(info.filename, data)
			out.writestr(info.filename, new(data) if callable(new) else new)
	return buffer.getvalue()


# --- round trips ---------------------------------------------------------------------------


def test_round_trip_reads_exactly_what_the_user_typed():
	content = fill(
		VALID,
		{
			(0, REALISASI): 80,
			(1, REALISASI): "1.234,5",
			(2, REALISASI): "85%",
			(0, PENDORONG): "  Dukungan desa ",
			(0, PENGHAMBAT): "Hujan deras\nakses jalan putus",
			(1, TINDAK): "Koordinasi dengan PUPR",
			(2, KET): 12,
		},
	)
	assert read_workbook(content, FMT) == {
		"row-1": {
			**ALL_EMPTY,
			"realisasi_tw": Decimal(80),
			"faktor_pendorong": "Dukungan desa",
			"faktor_penghambat": "Hujan deras\nakses jalan putus",
		},
		"row-2": {**ALL_EMPTY, "realisasi_tw": Decimal("1234.5"), "tindak_lanjut": "Koordinasi dengan PUPR"},
		"row-3": {**ALL_EMPTY, "realisasi_tw": Decimal(85), "keterangan": "12"},
	}


def test_numbers_as_excel_stores_them():
	content = fill(VALID, {(0, REALISASI): 0.1, (1, REALISASI): " 12 ", (2, REALISASI): 1234.5})
	values = read_workbook(content, FMT)
	assert [values[f"row-{i}"]["realisasi_tw"] for i in (1, 2, 3)] == [
		Decimal("0.1"),
		Decimal(12),
		Decimal("1234.5"),
	]
	assert str(values["row-1"]["realisasi_tw"]) == "0.1"  # via str, not binary noise


def test_percentage_typed_in_excel_reads_as_shown():
	"""Excel turns a typed "85%" into 0.85 with a percent format; the user means 85."""

	def change(workbook):
		cell = workbook[DATA_SHEET].cell(FIRST_ROW, REALISASI)
		cell.value, cell.number_format = 0.85, "0%"
		cell = workbook[DATA_SHEET].cell(FIRST_ROW + 1, REALISASI)
		cell.value, cell.number_format = 85, '0" %"'  # a literal "%" in quotes is not a percentage

	values = read_workbook(edit(VALID, change), FMT)
	assert values["row-1"]["realisasi_tw"] == Decimal(85)
	assert values["row-2"]["realisasi_tw"] == Decimal(85)


def test_unchanged_download_returns_the_prefilled_values():
	prefilled = {"realisasi_tw": "6,5", "faktor_penghambat": "Anggaran terlambat", "keterangan": None}
	fmt = replace(FMT, rows=tuple(replace(row, values=prefilled) for row in FMT.rows))
	values = read_workbook(build_workbook(fmt), fmt)
	assert values == {
		row.row_id: {**ALL_EMPTY, "realisasi_tw": Decimal("6.5"), "faktor_penghambat": "Anggaran terlambat"}
		for row in fmt.rows
	}
	assert read_workbook(VALID, FMT) == {row.row_id: ALL_EMPTY for row in FMT.rows}


def test_same_file_twice_gives_the_same_result_and_changes_nothing():
	content = fill(VALID, {(0, REALISASI): 7, (1, KET): "ok"})
	before_content, before_fmt = bytes(content), copy.deepcopy(FMT)
	first, second = read_workbook(content, FMT), read_workbook(content, FMT)
	assert first == second
	assert content == before_content and FMT == before_fmt
	bad = fill(VALID, {(0, REALISASI): "x", (1, REALISASI): -1})
	assert str(refused(bad)) == str(refused(bad))


def test_sorted_rows_still_import():
	def reverse_rows(workbook):
		sheet = workbook[DATA_SHEET]
		rows = [[cell.value for cell in sheet[FIRST_ROW + i]] for i in range(3)]
		for i, values in enumerate(reversed(rows)):
			for column, value in enumerate(values, start=1):
				sheet.cell(FIRST_ROW + i, column).value = value
		sheet.cell(FIRST_ROW, REALISASI).value = 7  # now the row of row-3

	values = read_workbook(edit(VALID, reverse_rows), FMT)
	assert values["row-3"]["realisasi_tw"] == Decimal(7)
	assert values["row-1"]["realisasi_tw"] is None
	assert list(values) == ["row-1", "row-2", "row-3"]  # in the Isian's order


def test_custom_column_appears_and_is_read_back():
	fmt = make_format(
		columns=(*DEFAULT_COLUMNS, Kolom("sumber_data", "Sumber Data"), Kolom("jumlah", "Jumlah", True))
	)
	content = build_workbook(fmt)
	header = [cell.value for cell in load_workbook(io.BytesIO(content))[DATA_SHEET][HEADER_ROW]]
	assert header[KET:] == ["Sumber Data", "Jumlah", CAPAIAN_HEADER, ROW_ID_HEADER]
	values = read_workbook(fill(content, {(0, 13): "Register desa", (0, 14): "2.500"}), fmt)
	assert values["row-1"]["sumber_data"] == "Register desa"
	assert values["row-1"]["jumlah"] == Decimal(2500)
	assert values["row-2"]["sumber_data"] is None
	# the file of the old column set is refused once a column is added
	assert "kolom isian" in message(VALID, fmt)


def test_empty_format_and_empty_trailing_rows():
	fmt = make_format(rows=0)
	assert read_workbook(build_workbook(fmt), fmt) == {}

	def trailing(workbook):
		sheet = workbook[DATA_SHEET]
		for r in range(FIRST_ROW + 3, FIRST_ROW + 40):
			sheet.cell(r, KET).value = "   " if r % 2 else None
			sheet.cell(r, REALISASI).number_format = "0.00"

	assert read_workbook(edit(VALID, trailing), FMT) == read_workbook(VALID, FMT)


def test_extra_sheets_and_a_title_merge_are_fine():
	def change(workbook):
		workbook.create_sheet("Catatan saya")["A1"] = "=1/0"
		workbook[DATA_SHEET].merge_cells("A1:F1")

	assert read_workbook(edit(VALID, change), FMT) == read_workbook(VALID, FMT)


def test_non_numeric_values_in_text_columns_become_text():
	content = fill(
		VALID, {(0, KET): 12.5, (1, KET): datetime(2024, 3, 1), (2, KET): date(2024, 3, 2), (0, TINDAK): 3.0}
	)
	values = read_workbook(content, FMT)
	assert values["row-1"]["keterangan"] == "12.5"
	assert values["row-1"]["tindak_lanjut"] == "3"
	assert values["row-2"]["keterangan"] == "2024-03-01"
	assert values["row-3"]["keterangan"] == "2024-03-02"


def libreoffice_convert(source, kind: str, tmp_path) -> bytes:
	"""The file as LibreOffice saves it (``soffice --headless --convert-to``)."""
	out = tmp_path / f"out-{kind}"
	subprocess.run(
		[
			SOFFICE,
			f"-env:UserInstallation=file://{tmp_path}/profile",
			"--headless",
			"--convert-to",
			kind,
			"--outdir",
			str(out),
			str(source),
		],
		check=True,
		capture_output=True,
		timeout=180,
	)
	return (out / f"{source.stem}.{kind}").read_bytes()


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice not installed")
def test_libreoffice_round_trip(tmp_path):
	prefilled = replace(
		FMT, rows=(replace(FMT.rows[0], values={"realisasi_tw": "6,5", "keterangan": "awal"}), *FMT.rows[1:])
	)
	source = tmp_path / "format.xlsx"
	source.write_bytes(
		fill(
			build_workbook(prefilled),
			{(1, REALISASI): 42, (2, REALISASI): "1.234,5", (1, PENGHAMBAT): "Cuaca"},
		)
	)
	converted = libreoffice_convert(source, "xlsx", tmp_path)
	assert converted != source.read_bytes()
	assert read_workbook(converted, prefilled) == {
		"row-1": {**ALL_EMPTY, "realisasi_tw": Decimal("6.5"), "keterangan": "awal"},
		"row-2": {**ALL_EMPTY, "realisasi_tw": Decimal(42), "faktor_penghambat": "Cuaca"},
		"row-3": {**ALL_EMPTY, "realisasi_tw": Decimal("1234.5")},
	}
	# the same file saved in LibreOffice's other formats is refused with what to do
	assert ".xls lama" in message(libreoffice_convert(source, "xls", tmp_path), prefilled)
	assert ".ods" in message(libreoffice_convert(source, "ods", tmp_path), prefilled)


# --- the workbook itself -----------------------------------------------------------------------


def test_workbook_layout():
	workbook = load_workbook(io.BytesIO(VALID))
	assert workbook.sheetnames == [GUIDE_SHEET, DATA_SHEET, META_SHEET]
	guide = "\n".join(str(c.value) for row in workbook[GUIDE_SHEET].iter_rows() for c in row if c.value)
	for words in (
		"kosong bukan nol",
		"1.234,5",
		"pratinjau",
		"menghitung ulang",
		"Jangan menambah, menghapus",
		"Faktor Penghambat dan Tindak Lanjut",
		"unggah kembali",
		"Batumandi",
		"Seksi Pemerintahan",
		"2024",
		*RUMUS.values(),
	):
		assert words in guide

	sheet = workbook[DATA_SHEET]
	assert [sheet.cell(r, 1).value for r in (1, 3)] == ["FORMAT ISIAN DATA KINERJA", "Triwulan I Tahun 2024"]
	assert [c.value for c in sheet[HEADER_ROW]] == [
		"No",
		"Kode",
		"Indikator Kinerja",
		"Satuan",
		"Jenis",
		"Target TW",
		"Target Tahunan",
		*(c.label for c in DEFAULT_COLUMNS),
		CAPAIAN_HEADER,
		ROW_ID_HEADER,
	]
	first = [c.value for c in sheet[FIRST_ROW]]
	assert first[:7] == [
		1,
		"PEM-01",
		FMT.rows[0].uraian,
		"%",
		"Nilai Akhir",
		100,
		1000.5,
	]  # targets as numbers
	assert first[ROW_ID - 1] == "row-1" and sheet.column_dimensions["N"].hidden
	assert sheet.protection.sheet and not sheet.protection.password
	assert all(sheet.cell(FIRST_ROW, c).protection.locked for c in (*range(1, 8), CAPAIAN))
	assert not any(sheet.cell(FIRST_ROW, c).protection.locked for c in range(REALISASI, CAPAIAN))
	assert sheet.cell(FIRST_ROW, KODE).fill.fgColor.rgb != sheet.cell(FIRST_ROW, REALISASI).fill.fgColor.rgb
	assert sheet.freeze_panes == "D6"
	assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
	assert sheet.print_title_rows == "$5:$5"
	validations = {dv.type: dv for dv in sheet.data_validations.dataValidation}
	assert str(validations["decimal"].sqref) == "H6:H8" and validations["decimal"].formula1 == "0"
	assert "kosongkan" in validations["decimal"].error
	assert validations["textLength"].formula1 == "1000"
	assert sorted(str(validations["textLength"].sqref).split()) == ["I6:I8", "J6:J8", "K6:K8", "L6:L8"]
	meta = workbook[META_SHEET]
	assert meta.sheet_state == "veryHidden" and meta["B2"].value == TEMPLATE_VERSION


def test_capaian_preview_formula_by_jenis():
	sheet = load_workbook(io.BytesIO(VALID))[DATA_SHEET]
	formulas = {
		sheet.cell(r, JENIS).value: sheet.cell(r, CAPAIAN).value for r in range(FIRST_ROW, FIRST_ROW + 3)
	}
	assert formulas["Positif"] == '=IF(OR(H7="",F7="",F7=0),"",H7/F7*100)'
	assert formulas["Nilai Akhir"] == '=IF(OR(H6="",F6="",F6=0),"",H6/F6*100)'
	assert formulas["Negatif"] == '=IF(OR(H8="",F8=""),"",IF(F8=0,IF(H8=0,100,""),MAX(0,(2-H8/F8)*100)))'
	no_realisasi = make_format(columns=DEFAULT_COLUMNS[1:])
	sheet = load_workbook(io.BytesIO(build_workbook(no_realisasi)))[DATA_SHEET]
	assert sheet.cell(HEADER_ROW, CAPAIAN - 1).value == CAPAIAN_HEADER
	assert sheet.cell(FIRST_ROW, CAPAIAN - 1).value is None


def test_text_that_looks_like_a_formula_is_written_as_text():
	row = replace(FMT.rows[0], uraian="=SUM(A1)", kode="#N/A", target_tw="tidak ada")
	fmt = replace(FMT, rows=(row,))
	sheet = load_workbook(io.BytesIO(build_workbook(fmt)))[DATA_SHEET]
	assert [sheet.cell(FIRST_ROW, c).data_type for c in (KODE, URAIAN, TARGET_TW)] == ["s", "s", "s"]
	assert read_workbook(build_workbook(fmt), fmt)["row-1"] == ALL_EMPTY


def test_kesalahan_text():
	assert (
		str(Kesalahan("Data", 7, "Realisasi TW", "bukan angka"))
		== "Sheet Data, baris 7, kolom Realisasi TW: bukan angka"
	)
	assert str(Kesalahan("Data", None, None, "x")) == "Sheet Data: x"
	assert str(Kesalahan(None, None, None, "File kosong.")) == "File kosong."
	error = FormatIsianError([Kesalahan(None, None, None, "a"), Kesalahan("Data", 6, None, "b")])
	assert str(error) == "a\nSheet Data, baris 6: b"


# --- hostile and clumsy containers -------------------------------------------------------------


def _zip(parts: dict, method=zipfile.ZIP_DEFLATED) -> bytes:
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", method) as archive:
		for name, data in parts.items():
			archive.writestr(name, data)
	return buffer.getvalue()


@pytest.mark.parametrize(
	("content", "words"),
	[
		(b"", "kosong"),
		(os.urandom(3000).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"xx"), "bukan excel .xlsx"),
		(b"%PDF-1.4\n1 0 obj << >> endobj\n", "pdf"),
		(b"No;Kode;Realisasi\n1;PEM-01;1.234,5\n", "csv"),
		(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "kata sandi/terenkripsi"),  # encrypted or .xls
		(VALID[: len(VALID) // 2], "rusak"),
		(b"PK\x03\x04" + bytes(100), "rusak"),
		(_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}), ".ods"),
		(_zip({"xl/workbook.bin": b"\0" * 10}), ".xlsb"),
		(_zip({"readme.txt": "hello"}), "bukan excel .xlsx"),
		(_zip({"xl/workbook.xml": "<workbook/>"}), "tidak dapat dibaca"),
	],
)
def test_not_an_xlsx(content, words):
	error = refused(content)
	assert words in str(error).lower()
	assert len(error.errors) == 1 and error.errors[0].sheet is None


def test_encrypted_message_says_what_to_do():
	text = message(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
	assert ".xls lama" in text and "simpan ulang sebagai .xlsx" in text and "tanpa kata sandi" in text


def test_non_bytes_input_is_refused():
	for content in (None, "PK", 12, [1, 2]):
		refused(content)
	assert read_workbook(bytearray(VALID), FMT) == read_workbook(memoryview(VALID), FMT)


def test_oversized_file_is_refused_before_opening():
	assert "terlalu besar" in message(VALID, limits=Batas(max_bytes=len(VALID) - 1))
	assert "terlalu besar" in message(os.urandom(2048), limits=Batas(max_bytes=1024))  # not even opened


def test_zip_bomb_total_size_is_refused():
	bomb = _zip({"xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": bytes(51 * 1024 * 1024)})
	assert len(bomb) < 5 * 1024 * 1024
	text = message(bomb)
	assert "zip bomb" in text and "terlalu besar" in text


def test_zip_bomb_compression_ratio_is_refused():
	bomb = _zip({"xl/workbook.xml": "<workbook/>", "xl/sharedStrings.xml": bytes(3 * 1024 * 1024)})
	text = message(bomb)
	assert "zip bomb" in text and "rasio kompresi" in text


def test_understated_zip_sizes_are_caught():
	"""A part that claims to be small but inflates to much more is not read past its claim."""
	content = bytearray(VALID)
	info = zipfile.ZipFile(io.BytesIO(VALID)).getinfo("xl/worksheets/sheet2.xml")
	struct.pack_into("<I", content, info.header_offset + 22, 10)
	start = 0
	while (start := content.find(b"PK\x01\x02", start + 1)) != -1:
		name_length = struct.unpack_from("<H", content, start + 28)[0]
		if content[start + 46 : start + 46 + name_length] == b"xl/worksheets/sheet2.xml":
			struct.pack_into("<I", content, start + 24, 10)
	assert "rusak" in message(bytes(content))


def test_too_many_cells_are_refused_before_loading():
	cells = b"".join(b'<row r="%d"><c r="A%d"/><c r="B%d"/></row>' % (r, r, r) for r in range(1, 60_001))
	sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
	content = rezip(VALID, {"xl/worksheets/sheet1.xml": sheet + cells + b"</sheetData></worksheet>"})
	assert len(content) < 5 * 1024 * 1024
	text = message(content)
	assert "lebih dari 110000 sel" in text
	assert read_workbook(VALID, FMT, Batas(max_rows=3))  # our own file is far below the bound


@pytest.mark.parametrize(
	"cell, namespace",
	[
		(b"<c/>", b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
		(b'<x:c r="A1"/>', b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
		(b"<x:c/>", b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
	],
)
def test_cells_in_every_spelling_are_counted(cell, namespace):
	prefix = b"x:" if b"xmlns:x" in namespace else b""
	# rows numbered (and a varied attribute), so the file is not refused as a zip bomb first
	rows = b"".join(
		b'<%srow r="%d" x14ac:dyDescent="%d">%s%s</%srow>' % (prefix, r, (r * 7919) % 100_003, cell, cell, prefix)
		for r in range(1, 60_002)
	)
	sheet = b"<%sworksheet %s><%ssheetData>" % (prefix, namespace, prefix)
	end = b"</%ssheetData></%sworksheet>" % (prefix, prefix)
	content = rezip(VALID, {"xl/worksheets/sheet1.xml": sheet + rows + end})
	assert "lebih dari 110000 sel" in message(content)


def test_xml_entities_are_refused_before_parsing():
	laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
	content = rezip(VALID, {"xl/styles.xml": lambda old: laughs + old})
	assert "dtd/entity" in message(content)
	utf16 = rezip(
		VALID, {"docProps/app.xml": '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x>'.encode("utf-16-le")}
	)
	assert "dtd/entity" in message(utf16)


def test_strict_open_xml_is_named():
	content = rezip(
		VALID,
		{
			"xl/workbook.xml": lambda old: old.replace(
				b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
				b"http://purl.oclc.org/ooxml/spreadsheetml/main",
			)
		},
	)
	assert "strict open xml" in message(content)


def test_garbage_inside_a_valid_zip_is_refused():
	content = rezip(VALID, {"xl/worksheets/sheet2.xml": b"<worksheet><sheetData><row><c r='ZZZZ0'"})
	assert "tidak dapat dibaca" in message(content)


# --- identity ------------------------------------------------------------------------------------


def test_meta_missing_or_garbled_means_not_our_file():
	def drop_meta(workbook):
		del workbook[META_SHEET]

	assert "bukan format isian dari aplikasi ini" in message(edit(VALID, drop_meta))
	for cell, value in (("B1", "Format lain"), ("A3", "nama"), ("B11", "banyak"), ("A12", None)):
		garbled = edit(
			VALID, lambda workbook, cell=cell, value=value: workbook[META_SHEET].__setitem__(cell, value)
		)
		assert "bukan format isian dari aplikasi ini" in message(garbled), cell


def test_other_template_version_is_refused():
	older = edit(VALID, lambda workbook: workbook[META_SHEET].__setitem__("B2", "0"))
	text = message(older)
	assert "versi format berbeda" in text and "unduh ulang" in text


@pytest.mark.parametrize(
	("expected", "words"),
	[
		(
			make_format(unit="Seksi Lain - Batumandi"),
			"file ini milik unit seksi pemerintahan - batumandi, bukan unit seksi lain",
		),
		(make_format(triwulan="II"), "file ini milik triwulan i, bukan triwulan ii"),
		(make_format(tahun=2025), "file ini milik tahun 2024, bukan tahun 2025"),
		(
			make_format(monitoring="MON-2024-II"),
			"file ini milik monitoring mon-2024-i, bukan monitoring mon-2024-ii",
		),
		(make_format(isian="ISIAN-LAIN"), "bukan isian isian-lain"),
	],
)
def test_file_of_another_isian_is_refused(expected, words):
	assert words in message(VALID, expected)


def test_tampered_locked_cells_are_refused_with_their_place():
	content = fill(
		VALID, {(0, TARGET_TW): 50, (1, KODE): "PEM-99", (2, JENIS): "Positif", (2, URAIAN): "diubah"}
	)
	error = refused(content)
	places = [(e.sheet, e.row, e.column) for e in error.errors]
	assert places == [(DATA_SHEET, 6, "Target TW"), (DATA_SHEET, 7, "Kode"), (DATA_SHEET, 8, "Jenis")]
	assert all("kolom terkunci diubah" in e.reason for e in error.errors)


def test_target_changed_in_the_app_since_download_is_refused():
	changed = replace(FMT, rows=(replace(FMT.rows[0], target_tw="90"), *FMT.rows[1:]))
	assert "kolom terkunci diubah" in message(VALID, changed)
	# the same number in another notation is not a change
	same = replace(FMT, rows=(replace(FMT.rows[0], target_tahunan="1000.50"), *FMT.rows[1:]))
	assert read_workbook(VALID, same) == read_workbook(VALID, FMT)


def test_tampered_meta_fails_the_checksum():
	other = make_format(triwulan="II")
	forged = edit(VALID, lambda workbook: workbook[META_SHEET].__setitem__("B7", "II"))
	assert "kolom terkunci diubah" in message(forged, other)


def test_changed_indicator_list_is_refused():
	text = message(build_workbook(make_format(rows=2)), make_format(rows=3))
	assert "pem-03" in text and "belum ada pada file" in text and "unduh ulang" in text
	text = message(build_workbook(make_format(rows=3)), make_format(rows=2))
	assert "ind-3" in text and "sudah tidak ada" in text


def test_missing_duplicated_unknown_and_added_rows():
	def change(workbook):
		sheet = workbook[DATA_SHEET]
		sheet.cell(FIRST_ROW + 1, ROW_ID).value = "row-1"  # duplicate; row-2 is now missing
		sheet.cell(FIRST_ROW + 2, ROW_ID).value = "row-x"  # unknown; row-3 is now missing
		sheet.cell(FIRST_ROW + 3, URAIAN).value = "Indikator tambahan"  # added, no id
		sheet.cell(FIRST_ROW + 3, REALISASI).value = 5

	error = refused(edit(VALID, change))
	by_row = {e.row: e.reason.lower() for e in error.errors if e.row}
	assert "ganda" in by_row[7] and "baris 6" in by_row[7]
	assert "tidak dikenal" in by_row[8]
	assert "tanpa id" in by_row[9]
	missing = [e.reason for e in error.errors if e.row is None]
	assert len(missing) == 2 and "PEM-02" in missing[0] and "PEM-03" in missing[1] and "hilang" in missing[0]


def test_deleted_row_is_named():
	error = refused(edit(VALID, lambda workbook: workbook[DATA_SHEET].delete_rows(FIRST_ROW + 1)))
	assert [e.reason for e in error.errors] == [
		"baris indikator PEM-02 Persentase layanan 2 yang selesai tepat waktu hilang (baris dihapus atau "
		"kolom ID diubah); unduh ulang Format Isian."
	]


def test_inserted_column_is_refused():
	text = message(edit(VALID, lambda workbook: workbook[DATA_SHEET].insert_cols(REALISASI)))
	assert "susunan kolom diubah" in text


def test_data_sheet_missing_is_refused():
	renamed = edit(VALID, lambda workbook: setattr(workbook[DATA_SHEET], "title", "Data (2)"))
	assert 'sheet "data" tidak ditemukan' in message(renamed)


# --- cells ---------------------------------------------------------------------------------------


def test_every_bad_cell_is_listed_at_once():
	content = fill(
		VALID,
		{
			(0, REALISASI): "sebelas",
			(1, REALISASI): -4,
			(2, REALISASI): "-4",
			(0, KET): "x" * 1001,
		},
	)
	error = refused(content)
	assert [(e.sheet, e.row, e.column) for e in error.errors] == [
		(DATA_SHEET, 6, "Realisasi TW"),
		(DATA_SHEET, 6, "Keterangan"),
		(DATA_SHEET, 7, "Realisasi TW"),
		(DATA_SHEET, 8, "Realisasi TW"),
	]
	reasons = [e.reason for e in error.errors]
	assert "bukan angka yang valid" in reasons[0]
	assert "1001 karakter" in reasons[1]
	assert "negatif" in reasons[2] and "negatif" in reasons[3]
	assert str(error).startswith("Sheet Data, baris 6, kolom Realisasi TW: ")


@pytest.mark.parametrize(
	"value", [date(2024, 3, 1), datetime(2024, 5, 1, 0, 0), time(1, 30), timedelta(hours=36)]
)
def test_dates_and_times_are_not_numbers(value):
	error = refused(fill(VALID, {(1, REALISASI): value}))
	assert len(error.errors) == 1
	assert (error.errors[0].row, error.errors[0].column) == (7, "Realisasi TW")
	assert "tanggal bukan angka" in error.errors[0].reason and "1,5" in error.errors[0].reason


def test_booleans_are_not_numbers():
	assert "bukan angka" in message(fill(VALID, {(0, REALISASI): True}))


def test_formulas_and_error_values_are_refused_with_the_cell():
	def change(workbook):
		sheet = workbook[DATA_SHEET]
		sheet.cell(FIRST_ROW, REALISASI).value = "=1+1"
		sheet.cell(FIRST_ROW, KET).value = '=HYPERLINK("http://x")'
		sheet.cell(FIRST_ROW + 1, REALISASI).value = "#DIV/0!"
		sheet.cell(FIRST_ROW + 2, REALISASI).value = "#N/A"
		text = sheet.cell(FIRST_ROW + 2, PENDORONG)
		text.value = "=tulisan"
		text.data_type = "s"  # typed as text ('=tulisan), not a formula

	error = refused(edit(VALID, change))
	reasons = {(e.row, e.column): e.reason for e in error.errors}
	assert len(reasons) == 5
	assert "sel H6 berisi rumus" in reasons[(6, "Realisasi TW")]
	assert "sel L6 berisi rumus" in reasons[(6, "Keterangan")]
	assert "#DIV/0!" in reasons[(7, "Realisasi TW")] and "galat" in reasons[(7, "Realisasi TW")]
	assert "#N/A" in reasons[(8, "Realisasi TW")]
	assert "dianggap rumus" in reasons[(8, "Faktor Pendorong")]


def test_merged_cells_in_the_data_area_are_refused():
	def change(workbook):
		workbook[DATA_SHEET].merge_cells(
			start_row=FIRST_ROW, start_column=PENDORONG, end_row=FIRST_ROW, end_column=PENGHAMBAT
		)
		workbook[DATA_SHEET].merge_cells("C7:C8")

	error = refused(edit(VALID, change))
	assert [(e.row, e.reason.split(";")[0]) for e in error.errors] == [
		(6, "sel digabung (merge) I6:J6 di area data"),
		(7, "sel digabung (merge) C7:C8 di area data"),
	]
	# a merged header is named as a merge too, not only as a changed header
	assert "sel digabung (merge) a5:b5" in message(
		edit(VALID, lambda workbook: workbook[DATA_SHEET].merge_cells("A5:B5"))
	)


def test_too_many_rows_are_refused():
	assert "terlalu banyak baris indikator" in message(VALID, limits=Batas(max_rows=2))

	def add_rows(workbook):
		for r in range(FIRST_ROW + 3, FIRST_ROW + 6):
			workbook[DATA_SHEET].cell(r, URAIAN).value = f"baris {r}"

	text = message(edit(VALID, add_rows), limits=Batas(max_rows=4))
	assert "terlalu banyak baris data (6)" in text

	far = edit(VALID, lambda workbook: workbook[DATA_SHEET].__setitem__("A200000", "x"))
	text = message(far)
	assert "200000 baris" in text and "jauh melebihi" in text


def test_huge_numbers_are_refused():
	assert "terlalu besar" in message(fill(VALID, {(0, REALISASI): "1" + "0" * 20}))


# --- fuzzing -------------------------------------------------------------------------------------

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def only_refused(content, fmt=FMT):
	try:
		values = read_workbook(content, fmt)
	except FormatIsianError as error:
		assert error.errors and all(isinstance(e, Kesalahan) and e.reason for e in error.errors)
		return None
	assert list(values) == [row.row_id for row in fmt.rows]
	for row in values.values():
		assert set(row) == {c.fieldname for c in fmt.columns}
		for column in fmt.columns:
			value = row[column.fieldname]
			if column.numeric:
				assert value is None or (isinstance(value, Decimal) and value.is_finite() and value >= 0)
			else:
				assert value is None or (
					isinstance(value, str) and value == value.strip() and 0 < len(value) <= 1000
				)
	return values


@FUZZ
@given(st.binary(max_size=4000))
def test_fuzz_random_bytes(content):
	only_refused(content)
	only_refused(b"PK\x03\x04" + content)


@FUZZ
@given(st.data())
def test_fuzz_mutated_workbook(data):
	content = bytearray(VALID)
	for _ in range(data.draw(st.integers(1, 6), label="mutations")):
		kind = data.draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
		position = data.draw(st.integers(0, len(content) - 1))
		if kind == "flip":
			content[position] ^= 1 << data.draw(st.integers(0, 7))
		elif kind == "insert":
			content[position:position] = data.draw(st.binary(min_size=1, max_size=16))
		elif kind == "delete":
			del content[position : position + data.draw(st.integers(1, 16))]
		else:
			del content[position:]
		if not content:
			break
	only_refused(bytes(content))


def _legal(text):
	return ILLEGAL_CHARACTERS_RE.sub("", text)


cell_values = st.one_of(
	st.none(),
	st.text(max_size=30).map(_legal),
	st.sampled_from(["1.234,5", "85%", " 12 ", "-3", "0", "1e5", "#N/A", "=1", "", "  ", "6,5 %"]),
	st.integers(-10, 10**16),
	st.floats(allow_nan=True, allow_infinity=True),
	st.dates(),
	st.datetimes(),
	st.times(),
	st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
	st.lists(
		st.tuples(st.integers(0, 3), st.sampled_from([REALISASI, PENDORONG, KET]), cell_values), max_size=6
	)
)
def test_fuzz_cell_contents(cells):
	try:
		content = fill(VALID, {(offset, column): value for offset, column, value in cells})
	except Exception:
		return  # openpyxl itself refuses to write some values
	only_refused(content)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(
	st.lists(
		st.one_of(st.integers(0, 10**12), st.decimals(0, 10**9, places=4).map(float)), min_size=3, max_size=3
	),
	# XML turns a lone \r into \n, as Excel does
	st.lists(
		st.text(min_size=1, max_size=50).map(lambda t: _legal(t).replace("\r", "")), min_size=3, max_size=3
	),
)
def test_fuzz_valid_values_round_trip(numbers, texts):
	texts = ["x" + t if t.strip()[:1] == "=" or t.strip().upper() in EXCEL_ERRORS else t for t in texts]
	cells = {(i, REALISASI): n for i, n in enumerate(numbers)} | {(i, KET): t for i, t in enumerate(texts)}
	content = fill(VALID, cells)
	values = read_workbook(content, FMT)
	for i, (number, text) in enumerate(zip(numbers, texts, strict=True)):
		assert values[f"row-{i + 1}"]["realisasi_tw"] == Decimal(str(number))
		assert values[f"row-{i + 1}"]["keterangan"] == (text.strip() or None)
