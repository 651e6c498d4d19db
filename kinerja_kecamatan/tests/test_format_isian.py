"""Format Isian in Excel: round trips and every hostile or clumsy file. Pure, no site."""

import io
import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from kinerja_kecamatan.format_isian import (
	DATA_SHEET,
	DEFAULT_COLUMNS,
	FIRST_ROW,
	BarisIndikator,
	Batas,
	FormatIsian,
	FormatIsianError,
	Kolom,
	build_workbook,
	read_workbook,
)

REALISASI, PENDORONG, PENGHAMBAT, TINDAK, KET = range(8, 13)  # input columns, 1-based


def make_format(unit="Seksi Pemerintahan - Batumandi", triwulan="I", columns=DEFAULT_COLUMNS, rows=3):
	return FormatIsian(
		isian=f"MON-1/{unit}",
		monitoring="MON-1",
		unit_kerja=unit,
		unit_label="Seksi Pemerintahan",
		kecamatan="Batumandi",
		tahun=2024,
		triwulan=triwulan,
		columns=columns,
		rows=tuple(
			BarisIndikator(
				row_id=f"IND-{i}",
				indikator=f"IND-{i}",
				kode=f"PEM-0{i}",
				uraian=f"Indikator {i}",
				satuan="%",
				jenis=("Positif", "Negatif", "Nilai Akhir")[i % 3],
				target_tw="100",
				target_tahunan="1.000,5",
				values={},
			)
			for i in range(1, rows + 1)
		),
	)


def fill(content: bytes, cells: dict, sheet=DATA_SHEET) -> bytes:
	"""Write {(row offset, column): value} into the data rows, as a user would."""
	workbook = load_workbook(io.BytesIO(content))
	for (offset, column), value in cells.items():
		workbook[sheet].cell(FIRST_ROW + offset, column).value = value
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def refused(content, fmt=None, limits=None):
	with pytest.raises(FormatIsianError) as error:
		read_workbook(content, fmt or make_format(), limits or Batas())
	return str(error.value)


def test_round_trip_reads_what_the_user_typed():
	content = fill(
		build_workbook(make_format()),
		{
			(0, REALISASI): 80,
			(1, REALISASI): "1.234,5",
			(2, REALISASI): "85%",
			(0, PENGHAMBAT): " Hujan deras ",
		},
	)
	values = read_workbook(content, make_format())
	assert values["IND-1"]["realisasi_tw"] == Decimal("80")
	assert values["IND-2"]["realisasi_tw"] == Decimal("1234.5")
	assert values["IND-3"]["realisasi_tw"] == Decimal("85")
	assert values["IND-1"]["faktor_penghambat"] == "Hujan deras"
	assert values["IND-2"]["faktor_penghambat"] is None
	assert read_workbook(content, make_format()) == values  # the same file twice, the same result


def test_float_from_excel_is_exact_decimal():
	values = read_workbook(fill(build_workbook(make_format()), {(0, REALISASI): 0.1}), make_format())
	assert values["IND-1"]["realisasi_tw"] == Decimal("0.1")


def test_prefilled_values_come_back_unchanged():
	fmt = make_format()
	rows = tuple(
		BarisIndikator(**{**r.__dict__, "values": {"realisasi_tw": "6,5", "keterangan": "ok"}})
		for r in fmt.rows
	)
	fmt = FormatIsian(**{**fmt.__dict__, "rows": rows})
	values = read_workbook(build_workbook(fmt), fmt)
	assert {v["realisasi_tw"] for v in values.values()} == {Decimal("6.5")}


def test_sorted_rows_still_import():
	content = build_workbook(make_format())
	workbook = load_workbook(io.BytesIO(content))
	sheet = workbook[DATA_SHEET]
	first = [c.value for c in sheet[FIRST_ROW]]
	last = [c.value for c in sheet[FIRST_ROW + 2]]
	for index, value in enumerate(last, start=1):
		sheet.cell(FIRST_ROW, index).value = value
	for index, value in enumerate(first, start=1):
		sheet.cell(FIRST_ROW + 2, index).value = value
	sheet.cell(FIRST_ROW, REALISASI).value = 7
	buffer = io.BytesIO()
	workbook.save(buffer)
	assert read_workbook(buffer.getvalue(), make_format())["IND-3"]["realisasi_tw"] == Decimal(7)


def test_custom_column_appears_and_is_read_back():
	columns = (*DEFAULT_COLUMNS, Kolom("sumber_data", "Sumber Data"))
	fmt = make_format(columns=columns)
	content = build_workbook(fmt)
	header = [c.value for c in load_workbook(io.BytesIO(content))[DATA_SHEET][FIRST_ROW - 1]]
	assert "Sumber Data" in header
	values = read_workbook(fill(content, {(0, 13): "Register desa"}), fmt)
	assert values["IND-1"]["sumber_data"] == "Register desa"


def test_all_bad_cells_are_listed_at_once():
	content = fill(
		build_workbook(make_format()),
		{(0, REALISASI): "sebelas", (1, REALISASI): "-4", (2, REALISASI): date(2024, 3, 1)},
	)
	message = refused(content)
	assert "baris 6, kolom Realisasi TW" in message and "bukan angka" in message
	assert "baris 7" in message and "negatif" in message
	assert "baris 8" in message and "tanggal" in message


def test_formulas_and_error_values_in_input_cells():
	message = refused(
		fill(build_workbook(make_format()), {(0, REALISASI): "=1+1", (1, REALISASI): "#DIV/0!"})
	)
	assert "rumus" in message and "#DIV/0!" in message


def test_merged_cells_are_refused():
	workbook = load_workbook(io.BytesIO(build_workbook(make_format())))
	workbook[DATA_SHEET].merge_cells(
		start_row=FIRST_ROW, start_column=PENDORONG, end_row=FIRST_ROW, end_column=PENGHAMBAT
	)
	buffer = io.BytesIO()
	workbook.save(buffer)
	assert "digabung" in refused(buffer.getvalue())


def test_file_of_another_unit_or_quarter_is_refused():
	content = build_workbook(make_format())
	assert "unit" in refused(content, make_format(unit="Seksi Lain - Batumandi"))
	assert "triwulan" in refused(content, make_format(triwulan="II"))


def test_changed_locked_target_and_tampered_meta():
	content = fill(build_workbook(make_format()), {(0, 6): 50})
	assert "kolom terkunci" in refused(content)
	workbook = load_workbook(io.BytesIO(build_workbook(make_format())))
	workbook["_meta"]["B1"].value = workbook["_meta"]["B1"].value.replace('"versi": "1"', '"versi": "0"')
	buffer = io.BytesIO()
	workbook.save(buffer)
	assert "Versi format berbeda" in refused(buffer.getvalue())


def test_added_row_and_stale_indicator_list():
	assert "tidak dikenal" in refused(fill(build_workbook(make_format()), {(3, 3): "baris tambahan"}))
	# the Isian gained an indicator since the file was downloaded
	assert "berbeda dengan Isian" in refused(build_workbook(make_format(rows=2)), make_format(rows=3))


def test_deleted_row_is_named():
	workbook = load_workbook(io.BytesIO(build_workbook(make_format())))
	workbook[DATA_SHEET].delete_rows(FIRST_ROW + 1)
	buffer = io.BytesIO()
	workbook.save(buffer)
	assert "PEM-02 hilang" in refused(buffer.getvalue())


@pytest.mark.parametrize(
	("content", "words"),
	[
		(b"", "kosong"),
		(b"%PDF-1.4 not a sheet", "bukan Excel"),
		(b"No,Kode\n1,A\n", "bukan Excel"),
		(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "kata sandi"),
		(b"PK\x03\x04 broken zip", "rusak"),
	],
)
def test_not_an_xlsx(content, words):
	assert words in refused(content)


def test_oversized_file_and_too_many_rows():
	content = build_workbook(make_format(rows=30))
	assert "lebih besar" in refused(content, make_format(rows=30), Batas(max_bytes=1000))
	assert "Lebih dari 10 baris" in refused(content, make_format(rows=30), Batas(max_rows=10))


def test_zip_bomb_is_refused_before_opening():
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		archive.writestr("xl/workbook.xml", "<workbook/>")
		archive.writestr("xl/worksheets/sheet1.xml", "0" * (60 * 1024 * 1024))
	assert "zip bomb" in refused(buffer.getvalue(), limits=Batas(max_bytes=10 * 1024 * 1024))


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_round_trip(tmp_path):
	source = tmp_path / "format.xlsx"
	source.write_bytes(fill(build_workbook(make_format()), {(0, REALISASI): 42}))
	out = tmp_path / "out"
	subprocess.run(
		["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(source)],
		check=True,
		timeout=120,
	)
	values = read_workbook((out / "format.xlsx").read_bytes(), make_format())
	assert values["IND-1"]["realisasi_tw"] == Decimal(42)


VALID = build_workbook(make_format())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_random_bytes(content):
	try:
		read_workbook(content, make_format())
	except FormatIsianError:
		pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_mutated_workbook(data):
	content = bytearray(VALID)
	for _ in range(data.draw(st.integers(1, 8))):
		position = data.draw(st.integers(0, len(content) - 1))
		content[position] = data.draw(st.integers(0, 255))
	if data.draw(st.booleans()):
		content = content[: data.draw(st.integers(0, len(content)))]
	try:
		read_workbook(bytes(content), make_format())
	except FormatIsianError:
		pass


cell_values = st.one_of(
	st.none(),
	st.text(max_size=30),
	st.integers(-10, 10**6),
	st.floats(allow_nan=True, allow_infinity=True),
	st.dates(),
	st.booleans(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cell_values, min_size=3, max_size=3), st.lists(cell_values, min_size=3, max_size=3))
def test_fuzz_cell_contents(realisasi, teks):
	cells = {(i, REALISASI): value for i, value in enumerate(realisasi)}
	cells |= {(i, KET): value for i, value in enumerate(teks)}
	try:
		content = fill(VALID, cells)
	except Exception:
		return  # openpyxl itself refuses to write some values
	try:
		values = read_workbook(content, make_format())
	except FormatIsianError:
		return
	for row in values.values():
		assert row["realisasi_tw"] is None or (
			isinstance(row["realisasi_tw"], Decimal) and row["realisasi_tw"] >= 0
		)
