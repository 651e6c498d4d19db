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
	STATUS_TINDAK_LANJUT,
	TEMPLATE_VERSION,
	TINDAK_LANJUT_SHEET,
	BarisIndikator,
	BarisTindakLanjut,
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
	assert read_workbook(content, FMT).indikator == {
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
	values = read_workbook(content, FMT).indikator
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

	values = read_workbook(edit(VALID, change), FMT).indikator
	assert values["row-1"]["realisasi_tw"] == Decimal(85)
	assert values["row-2"]["realisasi_tw"] == Decimal(85)


def test_unchanged_download_returns_the_prefilled_values():
	prefilled = {"realisasi_tw": "6,5", "faktor_penghambat": "Anggaran terlambat", "keterangan": None}
	fmt = replace(FMT, rows=tuple(replace(row, values=prefilled) for row in FMT.rows))
	values = read_workbook(build_workbook(fmt), fmt).indikator
	assert values == {
		row.row_id: {**ALL_EMPTY, "realisasi_tw": Decimal("6.5"), "faktor_penghambat": "Anggaran terlambat"}
		for row in fmt.rows
	}
	assert read_workbook(VALID, FMT).indikator == {row.row_id: ALL_EMPTY for row in FMT.rows}


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

	values = read_workbook(edit(VALID, reverse_rows), FMT).indikator
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
	values = read_workbook(fill(content, {(0, 13): "Register desa", (0, 14): "2.500"}), fmt).indikator
	assert values["row-1"]["sumber_data"] == "Register desa"
	assert values["row-1"]["jumlah"] == Decimal(2500)
	assert values["row-2"]["sumber_data"] is None
	# the file of the old column set is refused once a column is added
	assert "kolom isian" in message(VALID, fmt)


def test_empty_format_and_empty_trailing_rows():
	fmt = make_format(rows=0)
	assert read_workbook(build_workbook(fmt), fmt).indikator == {}

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
	values = read_workbook(content, FMT).indikator
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
	assert read_workbook(converted, prefilled).indikator == {
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
	assert workbook.sheetnames == [GUIDE_SHEET, DATA_SHEET, TINDAK_LANJUT_SHEET, META_SHEET]
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
	assert read_workbook(build_workbook(fmt), fmt).indikator["row-1"] == ALL_EMPTY


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
	assert read_workbook(VALID, FMT, Batas(max_rows=3)).indikator  # our own file is far below the bound


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


# --- the follow-up sheet (Tindak Lanjut Triwulan Lalu) -------------------------------------------

TL_KODE, TL_URAIAN, TL_RENCANA, TL_BATAS, TL_ASAL, TL_STATUS, TL_PENJELASAN, TL_ROW_ID = range(2, 10)
FOLLOW_UPS = (
	BarisTindakLanjut(
		row_id="tl-1",
		tindak_lanjut="TL-2023-IV-0001",
		indikator="IND-1",
		kode="PEM-01",
		uraian="Persentase layanan 1 yang selesai tepat waktu",
		rencana="Koordinasi dengan Dinas PUPR\nuntuk perbaikan akses jalan",
		batas_waktu=date(2024, 3, 31),
		triwulan_asal="TW IV 2023",
	),
	BarisTindakLanjut(
		row_id="tl-2",
		tindak_lanjut="TL-2023-IV-0002",
		indikator="IND-3",
		kode="PEM-03",
		uraian="Persentase layanan 3 yang selesai tepat waktu",
		rencana="Diusulkan tambahan anggaran pada perubahan APBD",
		batas_waktu="2024-03-31",  # as the database gives it
		triwulan_asal="TW IV 2023",
	),
)
FMT_TL = replace(FMT, tindak_lanjut=FOLLOW_UPS)
VALID_TL = build_workbook(FMT_TL)
NOT_REPORTED = {"tl-1": {"status": None, "penjelasan": None}, "tl-2": {"status": None, "penjelasan": None}}


def fill_tl(content: bytes, cells: dict) -> bytes:
	"""Write {(row offset, column): value} into the follow-up sheet's rows."""

	def change(workbook):
		for (offset, column), value in cells.items():
			workbook[TINDAK_LANJUT_SHEET].cell(FIRST_ROW + offset, column).value = value

	return edit(content, change)


def as_made_before_follow_ups(content: bytes) -> bytes:
	"""The file as the Format Isian made it before the follow-up sheet existed: no such sheet,
	and _meta ending with the indicators (its checksum is the same when there is no follow-up)."""

	def change(workbook):
		del workbook[TINDAK_LANJUT_SHEET]
		meta = workbook[META_SHEET]
		assert meta.cell(15, 1).value == "tindak_lanjut"  # after 3 indicator rows
		meta.delete_rows(15, 10)

	return edit(content, change)


def test_follow_up_statuses_round_trip():
	content = fill_tl(
		fill(VALID_TL, {(0, REALISASI): 80}),
		{
			(0, TL_STATUS): "Sebagian",
			(0, TL_PENJELASAN): "  Baru satu dari dua ruas jalan\ndiperbaiki ",
			(1, TL_STATUS): " tidak  DILAKSANAKAN ",  # typed instead of picked: read as the option
		},
	)
	result = read_workbook(content, FMT_TL)
	assert result.tindak_lanjut == {
		"tl-1": {"status": "Sebagian", "penjelasan": "Baru satu dari dua ruas jalan\ndiperbaiki"},
		"tl-2": {"status": "Tidak Dilaksanakan", "penjelasan": None},
	}
	assert result.indikator["row-1"] == {**ALL_EMPTY, "realisasi_tw": Decimal(80)}


def test_follow_ups_prefilled_and_an_empty_status_stays_empty():
	"""A draft may leave a status empty: submitting (Kirim) is what requires it, on the server."""
	reported = replace(FOLLOW_UPS[0], status="Dilaksanakan", penjelasan="Jalan sudah diperbaiki")
	fmt = replace(FMT, tindak_lanjut=(reported, FOLLOW_UPS[1]))
	assert read_workbook(build_workbook(fmt), fmt).tindak_lanjut == {
		"tl-1": {"status": "Dilaksanakan", "penjelasan": "Jalan sudah diperbaiki"},
		"tl-2": {"status": None, "penjelasan": None},
	}
	assert read_workbook(VALID_TL, FMT_TL).tindak_lanjut == NOT_REPORTED


def test_follow_up_sheet_layout():
	workbook = load_workbook(io.BytesIO(VALID_TL))
	sheet = workbook[TINDAK_LANJUT_SHEET]
	assert [sheet.cell(r, 1).value for r in (1, 2)] == [
		"TINDAK LANJUT TRIWULAN LALU",
		"Seksi Pemerintahan — Kecamatan Batumandi",
	]
	assert "Bukti dukung dilampirkan pada halaman Isian" in sheet["A4"].value
	assert [c.value for c in sheet[HEADER_ROW]] == [
		"No",
		"Kode",
		"Indikator Kinerja",
		"Rencana Tindak Lanjut",
		"Batas Waktu",
		"Triwulan Asal",
		"Status",
		"Penjelasan",
		ROW_ID_HEADER,
	]
	assert [c.value for c in sheet[FIRST_ROW]] == [
		1,
		"PEM-01",
		"Persentase layanan 1 yang selesai tepat waktu",
		"Koordinasi dengan Dinas PUPR\nuntuk perbaikan akses jalan",
		"31 Maret 2024",
		"TW IV 2023",
		None,
		None,
		"tl-1",
	]
	assert sheet.cell(FIRST_ROW + 1, TL_BATAS).value == "31 Maret 2024"  # an ISO string too
	assert sheet.column_dimensions["I"].hidden
	assert sheet.protection.sheet and not sheet.protection.password
	assert all(sheet.cell(FIRST_ROW, c).protection.locked for c in range(1, TL_STATUS))
	assert not any(sheet.cell(FIRST_ROW, c).protection.locked for c in (TL_STATUS, TL_PENJELASAN))
	grey, white = (sheet.cell(FIRST_ROW, c).fill.fgColor.rgb for c in (TL_KODE, TL_STATUS))
	assert grey != white
	assert sheet.cell(FIRST_ROW, TL_RENCANA).alignment.wrap_text
	validations = {dv.type: dv for dv in sheet.data_validations.dataValidation}
	assert str(validations["list"].sqref) == "G6:G7"
	assert validations["list"].formula1 == '"Dilaksanakan,Sebagian,Tidak Dilaksanakan"'
	assert str(validations["textLength"].sqref) == "H6:H7" and validations["textLength"].formula1 == "1000"
	assert sheet.freeze_panes == "D6" and sheet.page_setup.orientation == "landscape"
	guide = "\n".join(str(c.value) for row in workbook[GUIDE_SHEET].iter_rows() for c in row if c.value)
	assert (
		'Sheet "Tindak Lanjut Triwulan Lalu" memuat 2 rencana tindak lanjut dari laporan triwulan lalu. '
		"Untuk setiap baris pilih Status: Dilaksanakan, Sebagian atau Tidak Dilaksanakan, dan isi "
		"Penjelasan (wajib bila Sebagian atau Tidak Dilaksanakan). Status boleh kosong selama Isian "
		"masih draf, tetapi wajib diisi sebelum Isian dikirim. Bukti dukung (file) dilampirkan pada "
		"halaman Isian di aplikasi, bukan di file ini."
	) in guide
	assert STATUS_TINDAK_LANJUT == ("Dilaksanakan", "Sebagian", "Tidak Dilaksanakan")


def test_no_follow_ups_the_sheet_says_so():
	workbook = load_workbook(io.BytesIO(VALID))
	sheet = workbook[TINDAK_LANJUT_SHEET]
	assert sheet["A4"].value == "Tidak ada tindak lanjut triwulan lalu."
	assert sheet.cell(HEADER_ROW, TL_STATUS).value == "Status"
	assert sheet.max_row == HEADER_ROW and not sheet.data_validations.dataValidation
	guide = "\n".join(str(c.value) for row in workbook[GUIDE_SHEET].iter_rows() for c in row if c.value)
	assert 'Sheet "Tindak Lanjut Triwulan Lalu": tidak ada tindak lanjut triwulan lalu' in guide
	assert read_workbook(VALID, FMT).tindak_lanjut == {}
	# a row typed into the empty table is refused like a row added to the Data sheet
	error = refused(fill_tl(VALID, {(0, TL_STATUS): "Dilaksanakan"}))
	assert [str(e) for e in error.errors] == [
		"Sheet Tindak Lanjut Triwulan Lalu, baris 6: baris tanpa ID (baris ditambahkan atau kolom ID "
		"diubah); hapus baris ini atau unduh ulang Format Isian."
	]


def test_bad_status_and_text_are_listed_with_the_data_sheet_errors():
	content = fill_tl(
		fill(VALID_TL, {(1, REALISASI): "sebelas"}),
		{
			(0, TL_STATUS): "Selesai",
			(0, TL_PENJELASAN): "x" * 1001,
			(1, TL_STATUS): "=A1",
			(1, TL_PENJELASAN): "#N/A",
		},
	)
	error = refused(content, FMT_TL)
	assert [(e.sheet, e.row, e.column) for e in error.errors] == [
		(DATA_SHEET, 7, "Realisasi TW"),
		(TINDAK_LANJUT_SHEET, 6, "Status"),
		(TINDAK_LANJUT_SHEET, 6, "Penjelasan"),
		(TINDAK_LANJUT_SHEET, 7, "Status"),
		(TINDAK_LANJUT_SHEET, 7, "Penjelasan"),
	]
	assert str(error.errors[1]) == (
		'Sheet Tindak Lanjut Triwulan Lalu, baris 6, kolom Status: status "Selesai" tidak dikenal; '
		"pilih Dilaksanakan, Sebagian atau Tidak Dilaksanakan dari daftar, atau kosongkan."
	)
	assert "1001 karakter" in error.errors[2].reason
	assert "sel G7 berisi rumus" in error.errors[3].reason
	assert "galat #N/A" in error.errors[4].reason


def test_follow_up_locked_cells_changed_are_named():
	content = fill_tl(
		VALID_TL,
		{
			(0, TL_RENCANA): "Rencana lain",
			(1, TL_BATAS): "30 Juni 2024",
			(1, TL_ASAL): "TW I 2024",
			(1, TL_URAIAN): "uraian boleh berbeda",  # not checked, as on the Data sheet
		},
	)
	error = refused(content, FMT_TL)
	assert [str(e) for e in error.errors] == [
		"Sheet Tindak Lanjut Triwulan Lalu, baris 6, kolom Rencana Tindak Lanjut: kolom terkunci diubah "
		'(tertulis "Rencana lain", seharusnya "Koordinasi dengan Dinas PUPR\nuntuk perba…"); kembalikan '
		"atau unduh ulang Format Isian.",
		"Sheet Tindak Lanjut Triwulan Lalu, baris 7, kolom Batas Waktu: kolom terkunci diubah (tertulis "
		'"30 Juni 2024", seharusnya "31 Maret 2024"); kembalikan atau unduh ulang Format Isian.',
		"Sheet Tindak Lanjut Triwulan Lalu, baris 7, kolom Triwulan Asal: kolom terkunci diubah (tertulis "
		'"TW I 2024", seharusnya "TW IV 2023"); kembalikan atau unduh ulang Format Isian.',
	]


def test_follow_up_rows_sorted_with_their_ids_still_import():
	def reverse_rows(workbook):
		sheet = workbook[TINDAK_LANJUT_SHEET]
		rows = [[cell.value for cell in sheet[FIRST_ROW + i]] for i in range(2)]
		for i, values in enumerate(reversed(rows)):
			for column, value in enumerate(values, start=1):
				sheet.cell(FIRST_ROW + i, column).value = value
		sheet.cell(FIRST_ROW, TL_STATUS).value = "Dilaksanakan"  # now the row of tl-2

	values = read_workbook(edit(VALID_TL, reverse_rows), FMT_TL).tindak_lanjut
	assert values == {
		"tl-1": {"status": None, "penjelasan": None},
		"tl-2": {"status": "Dilaksanakan", "penjelasan": None},
	}
	assert list(values) == ["tl-1", "tl-2"]  # in the Isian's order


def test_follow_up_rows_swapped_without_their_ids_are_refused():
	"""Sorting the visible columns but not the hidden id puts each status on another plan."""

	def swap_visible(workbook):
		sheet = workbook[TINDAK_LANJUT_SHEET]
		for column in range(1, TL_ROW_ID):
			first, second = sheet.cell(FIRST_ROW, column), sheet.cell(FIRST_ROW + 1, column)
			first.value, second.value = second.value, first.value

	error = refused(edit(VALID_TL, swap_visible), FMT_TL)
	assert [(e.row, e.column) for e in error.errors] == [
		(6, "Kode"),
		(6, "Rencana Tindak Lanjut"),
		(7, "Kode"),
		(7, "Rencana Tindak Lanjut"),
	]
	assert all(e.sheet == TINDAK_LANJUT_SHEET and "kolom terkunci diubah" in e.reason for e in error.errors)


def test_follow_up_rows_added_deleted_or_duplicated_are_refused():
	def change(workbook):
		sheet = workbook[TINDAK_LANJUT_SHEET]
		sheet.cell(FIRST_ROW + 1, TL_ROW_ID).value = "tl-1"  # duplicate; tl-2 is now missing
		sheet.cell(FIRST_ROW + 2, TL_RENCANA).value = "Rencana tambahan"  # added, no id
		sheet.cell(FIRST_ROW + 3, TL_ROW_ID).value = "tl-9"  # unknown

	error = refused(edit(VALID_TL, change), FMT_TL)
	assert [str(e) for e in error.errors] == [
		"Sheet Tindak Lanjut Triwulan Lalu, baris 7: baris ganda: tindak lanjut yang sama dengan baris 6.",
		"Sheet Tindak Lanjut Triwulan Lalu, baris 8: baris tanpa ID (baris ditambahkan atau kolom ID "
		"diubah); hapus baris ini atau unduh ulang Format Isian.",
		'Sheet Tindak Lanjut Triwulan Lalu, baris 9: baris tidak dikenal (ID "tl-9"); hapus baris ini.',
		'Sheet Tindak Lanjut Triwulan Lalu: baris tindak lanjut PEM-03 "Diusulkan tambahan anggaran pada '
		'perubahan APBD" hilang (baris dihapus atau kolom ID diubah); unduh ulang Format Isian.',
	]
	deleted = edit(VALID_TL, lambda workbook: workbook[TINDAK_LANJUT_SHEET].delete_rows(FIRST_ROW))
	assert [str(e) for e in refused(deleted, FMT_TL).errors] == [
		'Sheet Tindak Lanjut Triwulan Lalu: baris tindak lanjut PEM-01 "Koordinasi dengan Dinas PUPR untuk '
		'perbaikan…" hilang (baris dihapus atau kolom ID diubah); unduh ulang Format Isian.'
	]


def test_follow_up_sheet_renamed_merged_or_with_a_column_inserted_is_refused():
	renamed = edit(VALID_TL, lambda workbook: setattr(workbook[TINDAK_LANJUT_SHEET], "title", "TL"))
	assert 'sheet "tindak lanjut triwulan lalu" tidak ditemukan' in message(renamed, FMT_TL)
	inserted = edit(VALID_TL, lambda workbook: workbook[TINDAK_LANJUT_SHEET].insert_cols(TL_STATUS))
	error = refused(inserted, FMT_TL)
	assert (error.errors[0].sheet, error.errors[0].row, error.errors[0].column) == (
		TINDAK_LANJUT_SHEET,
		HEADER_ROW,
		"G",
	)
	assert "susunan kolom diubah" in error.errors[0].reason
	merged = edit(VALID_TL, lambda workbook: workbook[TINDAK_LANJUT_SHEET].merge_cells("G6:H6"))
	assert "sel digabung (merge) g6:h6 di area data" in message(merged, FMT_TL)
	# an Isian with nothing to report does not need the sheet
	dropped = edit(VALID, lambda workbook: workbook.remove(workbook[TINDAK_LANJUT_SHEET]))
	assert read_workbook(dropped, FMT) == read_workbook(VALID, FMT)


def test_follow_ups_changed_in_the_app_since_download_are_refused():
	added = replace(FMT_TL, tindak_lanjut=(*FOLLOW_UPS, replace(FOLLOW_UPS[1], row_id="tl-3")))
	assert [str(e) for e in refused(VALID_TL, added).errors] == [
		'Tindak lanjut PEM-03 "Diusulkan tambahan anggaran pada perubahan APBD" belum ada pada file ini '
		"(ditambahkan setelah diunduh).",
		"Daftar tindak lanjut berubah; unduh ulang Format Isian.",
	]
	removed = replace(FMT_TL, tindak_lanjut=FOLLOW_UPS[:1])
	text = message(VALID_TL, removed)
	assert "tindak lanjut tl-2023-iv-0002 pada file sudah tidak ada pada isian" in text
	# a plan or a due date changed since download is refused like a changed target
	for changed in (
		replace(FOLLOW_UPS[0], rencana="Rencana yang diperbaiki"),
		replace(FOLLOW_UPS[0], batas_waktu=date(2024, 4, 30)),
		replace(FOLLOW_UPS[0], tindak_lanjut="TL-2023-IV-0009"),
	):
		text = message(VALID_TL, replace(FMT_TL, tindak_lanjut=(changed, FOLLOW_UPS[1])))
		assert "kolom terkunci diubah, atau target atau rencana tindak lanjut pada aplikasi berubah" in text
	# the same plan with other line ends is not a change
	crlf = replace(FOLLOW_UPS[0], rencana=FOLLOW_UPS[0].rencana.replace("\n", "\r\n"))
	same = replace(FMT_TL, tindak_lanjut=(crlf, FOLLOW_UPS[1]))
	assert read_workbook(VALID_TL, same) == read_workbook(VALID_TL, FMT_TL)
	assert read_workbook(build_workbook(same), same) == read_workbook(VALID_TL, FMT_TL)


def test_forged_follow_up_ids_fail_the_checksum():
	def swap_ids(workbook):
		meta = workbook[META_SHEET]
		assert (meta["A16"].value, meta["A17"].value) == ("tl-1", "tl-2")
		meta["B16"], meta["B17"] = meta["B17"].value, meta["B16"].value

	assert "kolom terkunci diubah" in message(edit(VALID_TL, swap_ids), FMT_TL)


def test_file_made_before_the_follow_up_sheet():
	old = as_made_before_follow_ups(VALID)
	assert TINDAK_LANJUT_SHEET not in load_workbook(io.BytesIO(old)).sheetnames
	# nothing to report: the old file is as good as before
	assert read_workbook(old, FMT) == read_workbook(VALID, FMT)
	# follow-ups to report: the unit is asked for the new file
	assert [str(e) for e in refused(old, FMT_TL).errors] == [
		'File ini dibuat sebelum ada sheet "Tindak Lanjut Triwulan Lalu", sedangkan Isian ini memuat 2 '
		"tindak lanjut triwulan lalu yang harus dilaporkan; unduh Format Isian yang baru, lalu salin "
		"isiannya."
	]
	garbled = edit(VALID_TL, lambda workbook: workbook[META_SHEET].__setitem__("B15", "dua"))
	assert "bukan format isian dari aplikasi ini" in message(garbled, FMT_TL)


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice not installed")
def test_libreoffice_round_trip_of_the_follow_up_sheet(tmp_path):
	source = tmp_path / "format.xlsx"
	source.write_bytes(
		fill_tl(VALID_TL, {(0, TL_STATUS): "Sebagian", (0, TL_PENJELASAN): "Satu ruas\nbelum selesai"})
	)
	converted = libreoffice_convert(source, "xlsx", tmp_path)
	assert read_workbook(converted, FMT_TL).tindak_lanjut == {
		"tl-1": {"status": "Sebagian", "penjelasan": "Satu ruas\nbelum selesai"},
		"tl-2": {"status": None, "penjelasan": None},
	}
	sheet = load_workbook(io.BytesIO(converted))[TINDAK_LANJUT_SHEET]
	lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
	assert [dv.formula1 for dv in lists] == ['"Dilaksanakan,Sebagian,Tidak Dilaksanakan"']


# --- fuzzing -------------------------------------------------------------------------------------

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def only_refused(content, fmt=FMT):
	try:
		result = read_workbook(content, fmt)
	except FormatIsianError as error:
		assert error.errors and all(isinstance(e, Kesalahan) and e.reason for e in error.errors)
		return None
	assert list(result.tindak_lanjut) == [row.row_id for row in fmt.tindak_lanjut]
	for row in result.tindak_lanjut.values():
		assert set(row) == {"status", "penjelasan"}
		assert row["status"] in (None, *STATUS_TINDAK_LANJUT)
		text = row["penjelasan"]
		assert text is None or (isinstance(text, str) and text == text.strip() and 0 < len(text) <= 1000)
	values = result.indikator
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


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
	st.lists(
		st.tuples(
			st.integers(0, 2),
			st.sampled_from([TL_STATUS, TL_PENJELASAN]),
			st.one_of(cell_values, st.sampled_from([*STATUS_TINDAK_LANJUT, "sebagian ", "Selesai"])),
		),
		max_size=4,
	)
)
def test_fuzz_follow_up_cells(cells):
	try:
		content = fill_tl(VALID_TL, {(offset, column): value for offset, column, value in cells})
	except Exception:
		return  # openpyxl itself refuses to write some values
	only_refused(content, FMT_TL)


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
	values = read_workbook(content, FMT).indikator
	for i, (number, text) in enumerate(zip(numbers, texts, strict=True)):
		assert values[f"row-{i + 1}"]["realisasi_tw"] == Decimal(str(number))
		assert values[f"row-{i + 1}"]["keterangan"] == (text.strip() or None)
