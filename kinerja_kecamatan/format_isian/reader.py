"""Reading a returned file after the container: its identity (_meta and checksum), the Data
sheet's layout, then every cell; all problems are collected into one FormatIsianError."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from openpyxl.utils import get_column_letter

from kinerja_kecamatan.engine.capaian import NilaiTidakValid, to_decimal
from kinerja_kecamatan.format_isian.container import _check_container, _load
from kinerja_kecamatan.format_isian.spec import (
	_FORMAT_LITERALS,
	CAPAIAN_HEADER,
	COL_JENIS,
	COL_KODE,
	COL_TARGET_TAHUNAN,
	COL_TARGET_TW,
	DATA_SHEET,
	DEFAULT_BATAS,
	EXCEL_ERRORS,
	FIRST_INPUT_COL,
	FIRST_ROW,
	HEADER_ROW,
	IDENTITY_HEADERS,
	MAX_ANGKA,
	MAX_TEXT,
	META_MARKER,
	META_SHEET,
	ROW_ID_HEADER,
	TEMPLATE_VERSION,
	BarisIndikator,
	Batas,
	FormatIsian,
	FormatIsianError,
	Kesalahan,
	Kolom,
	_checksum,
	_clean,
	_identity,
	_layout,
	_locked_values,
	_refuse,
	_tidy,
	_try_decimal,
)


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
