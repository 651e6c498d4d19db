"""Reading a returned file after the container: its identity (_meta and checksum), the layout of
the Data and Tindak Lanjut Triwulan Lalu sheets, then every cell of both; all problems of a stage
are collected into one FormatIsianError."""

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
	STATUS_DISEBUT,
	STATUS_TINDAK_LANJUT,
	TEMPLATE_VERSION,
	TINDAK_LANJUT_COLUMNS,
	TINDAK_LANJUT_IDENTITY,
	TINDAK_LANJUT_SHEET,
	BarisIndikator,
	BarisTindakLanjut,
	Batas,
	FormatIsian,
	FormatIsianError,
	HasilBaca,
	Kesalahan,
	Kolom,
	_checksum,
	_clean,
	_identity,
	_layout,
	_lines,
	_locked_tindak_lanjut,
	_locked_values,
	_refuse,
	_summed_tindak_lanjut,
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
		meta["baris"] = _meta_rows(sheet, 12, int(count))
		meta["tindak_lanjut"] = _meta_tindak_lanjut(sheet, 12 + int(count))
	except _Garbled:
		raise not_ours
	return meta


def _meta_rows(sheet, first: int, count: int) -> list:
	"""(row id, record) in rows first … first + count - 1; ids present and unique."""
	rows = []
	for r in range(first, first + count):
		row_id, name = (_meta_text(sheet.cell(r, c).value) for c in (1, 2))
		if not row_id:
			raise _Garbled
		rows.append((row_id, name))
	if len({row_id for row_id, _ in rows}) != len(rows):
		raise _Garbled
	return rows


def _meta_tindak_lanjut(sheet, r: int) -> list | None:
	"""The follow-ups' (row id, Tindak Lanjut record), or None for a file made before they existed
	(its _meta ends with the indicators)."""
	if all(_meta_text(sheet.cell(r, c).value) == "" for c in range(1, sheet.max_column + 1)):
		return None
	count = _one(_meta_row(sheet, r, "tindak_lanjut"))
	if not count.isdigit():
		raise _Garbled
	return _meta_rows(sheet, r + 1, int(count))


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
	_check_tindak_lanjut_list(meta, expected, limits)
	locked = [_locked_values(in_isian[row_id]) for row_id, _ in meta["baris"]]
	by_id = {_clean(row.row_id): row for row in expected.tindak_lanjut}
	locked_tindak_lanjut = [_summed_tindak_lanjut(by_id[row_id]) for row_id, _ in meta["tindak_lanjut"] or []]
	if meta["checksum"] != _checksum(meta, locked, locked_tindak_lanjut):
		raise _refuse(
			"Kolom terkunci diubah, atau target atau rencana tindak lanjut pada aplikasi berubah sejak "
			"file diunduh; unduh ulang Format Isian lalu salin isiannya."
		)


def _check_tindak_lanjut_list(meta: dict, expected: FormatIsian, limits: Batas) -> None:
	"""The file's follow-ups are the Isian's; a file made before they existed stands for none."""
	if meta["tindak_lanjut"] is None:
		if expected.tindak_lanjut:
			raise _refuse(
				f'File ini dibuat sebelum ada sheet "{TINDAK_LANJUT_SHEET}", sedangkan Isian ini memuat '
				f"{len(expected.tindak_lanjut)} tindak lanjut triwulan lalu yang harus dilaporkan; unduh "
				"Format Isian yang baru, lalu salin isiannya."
			)
		return
	if len(meta["tindak_lanjut"]) > limits.max_rows:
		raise _refuse(
			f"Terlalu banyak baris tindak lanjut ({len(meta['tindak_lanjut'])}); paling banyak "
			f"{limits.max_rows}."
		)
	in_file = {row_id for row_id, _ in meta["tindak_lanjut"]}
	in_isian = {_clean(row.row_id): row for row in expected.tindak_lanjut}
	errors = [
		Kesalahan(
			None,
			None,
			None,
			f"Tindak lanjut {_name_tindak_lanjut(row)} belum ada pada file ini (ditambahkan setelah diunduh).",
		)
		for row_id, row in in_isian.items()
		if row_id not in in_file
	]
	errors += [
		Kesalahan(None, None, None, f"Tindak lanjut {record or row_id} pada file sudah tidak ada pada Isian.")
		for row_id, record in meta["tindak_lanjut"]
		if row_id not in in_isian
	]
	if errors:
		errors.append(Kesalahan(None, None, None, "Daftar tindak lanjut berubah; unduh ulang Format Isian."))
		raise FormatIsianError(errors)


def _name(row: BarisIndikator) -> str:
	return " ".join(part for part in (_clean(row.kode), _clean(row.uraian)) if part) or row.row_id


def _name_tindak_lanjut(row: BarisTindakLanjut) -> str:
	"""The indicator's code and the plan, on one line and cut at a word:
	'PEM-01 "Koordinasi dengan Dinas PUPR untuk perbaikan…"'."""
	plan = " ".join(_clean(row.rencana).split())
	if len(plan) > 50:
		plan = plan[:50].rsplit(" ", 1)[0] + "…"
	return " ".join(part for part in (_clean(row.kode), f'"{plan}"' if plan else "") if part) or row.row_id


# ---------------------------------------------------------------------------------------------
# reading: the Data sheet


def _is_blank(value) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def _shown(value) -> str:
	text = _clean(value)
	return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


def _check_layout(sheet, name: str, headers: list, limits: Batas) -> None:
	"""A table sheet as written: not stretched, no merged cells in the table, the same headers."""
	id_col = len(headers)
	# every row up to max_row is looked at, so a sheet stretched far beyond its data is refused first
	if sheet.max_row - HEADER_ROW > 2 * limits.max_rows + 100:
		raise _refuse(
			f"terdapat {sheet.max_row} baris, jauh melebihi batas {limits.max_rows} baris data; "
			"hapus baris di bawah tabel atau unduh ulang Format Isian.",
			sheet=name,
		)
	errors = []
	for merged in sorted(
		sheet.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col, m.max_row, m.max_col)
	):
		if merged.max_row >= HEADER_ROW and merged.min_col <= id_col:
			errors.append(
				Kesalahan(
					name,
					merged.min_row,
					None,
					f"sel digabung (merge) {merged.coord} di area data; pisahkan kembali (unmerge).",
				)
			)
	if errors:
		raise FormatIsianError(errors)
	errors = []
	for index, label in enumerate(headers, start=1):
		value = sheet.cell(HEADER_ROW, index).value
		if not isinstance(value, str) or value.strip() != label:
			errors.append(
				Kesalahan(
					name,
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


def _table_rows(sheet, name: str, id_col: int, limits: Batas) -> list:
	"""The non-blank rows below the header, each as its cells up to the id column."""
	rows = []
	for cells in sheet.iter_rows(min_row=FIRST_ROW, max_row=max(sheet.max_row, FIRST_ROW), max_col=id_col):
		if not all(_is_blank(cell.value) for cell in cells):
			rows.append(cells)
	if len(rows) > limits.max_rows:
		raise _refuse(
			f"terlalu banyak baris data ({len(rows)}); paling banyak {limits.max_rows} baris.", sheet=name
		)
	return rows


def _match_rows(rows: list, name: str, id_col: int, known: dict, noun: str, errors: list) -> list:
	"""[(row id, cells)] of the rows whose hidden id is one of ``known``, once each; every other
	row (no id, unknown id, a second copy) is an error."""
	matched, seen = [], {}
	for cells in rows:
		r = cells[0].row
		raw_id = cells[id_col - 1].value
		row_id = raw_id.strip() if isinstance(raw_id, str) else None
		if not row_id:
			errors.append(
				Kesalahan(
					name,
					r,
					None,
					"baris tanpa ID (baris ditambahkan atau kolom ID diubah); hapus baris ini atau unduh "
					"ulang Format Isian.",
				)
			)
		elif row_id not in known:
			errors.append(
				Kesalahan(name, r, None, f"baris tidak dikenal (ID {_shown(row_id)}); hapus baris ini.")
			)
		elif row_id in seen:
			errors.append(
				Kesalahan(name, r, None, f"baris ganda: {noun} yang sama dengan baris {seen[row_id]}.")
			)
		else:
			seen[row_id] = r
			matched.append((row_id, cells))
	return matched


def _missing(name: str, noun: str, label: str) -> Kesalahan:
	return Kesalahan(
		name,
		None,
		None,
		f"baris {noun} {label} hilang (baris dihapus atau kolom ID diubah); unduh ulang Format Isian.",
	)


def _locked_changed(name: str, r: int, column: str, got, want: str) -> Kesalahan:
	return Kesalahan(
		name,
		r,
		column,
		f"kolom terkunci diubah (tertulis {_shown(got)}, seharusnya {_shown(want)}); kembalikan atau "
		"unduh ulang Format Isian.",
	)


def _read_rows(sheet, meta: dict, expected: FormatIsian, limits: Batas, errors: list) -> dict:
	"""{row id: {fieldname: value}} of the Data sheet, in the Isian's order; problems go to errors."""
	columns = tuple(expected.columns)
	_, id_col = _layout(len(columns))
	in_file = {row_id for row_id, _ in meta["baris"]}
	# ids as written into the file
	known = {_clean(row.row_id): row for row in expected.rows if _clean(row.row_id) in in_file}
	rows = _table_rows(sheet, DATA_SHEET, id_col, limits)
	locked = (
		(COL_KODE, "kode", False),
		(COL_JENIS, "jenis", False),
		(COL_TARGET_TW, "target_tw", True),
		(COL_TARGET_TAHUNAN, "target_tahunan", True),
	)
	values = {}
	for row_id, cells in _match_rows(rows, DATA_SHEET, id_col, known, "indikator", errors):
		r, want = cells[0].row, known[row_id]
		for col, attribute, numeric in locked:
			got = cells[col - 1].value
			if _locked_differs(got, getattr(want, attribute), numeric):
				errors.append(
					_locked_changed(DATA_SHEET, r, IDENTITY_HEADERS[col - 1], got, getattr(want, attribute))
				)
		row_values = {}
		for offset, column in enumerate(columns):
			value, reason = _read_input(cells[FIRST_INPUT_COL - 1 + offset], column)
			if reason:
				errors.append(Kesalahan(DATA_SHEET, r, column.label, reason))
			row_values[column.fieldname] = value
		values[row_id] = row_values
	errors += [
		_missing(DATA_SHEET, "indikator", _name(row))
		for row in expected.rows
		if _clean(row.row_id) not in values
	]
	return {row.row_id: values.get(_clean(row.row_id)) for row in expected.rows}


_STATUS = {status.lower(): status for status in STATUS_TINDAK_LANJUT}


def _read_status(cell, column: Kolom):
	"""(one of STATUS_TINDAK_LANJUT or None, None) or (None, reason); "tidak  dilaksanakan" is
	read as "Tidak Dilaksanakan"."""
	value, reason = _read_input(cell, column)
	if reason or value is None:
		return value, reason
	status = _STATUS.get(" ".join(value.lower().split()))
	if status is None:
		return (
			None,
			f"status {_shown(value)} tidak dikenal; pilih {STATUS_DISEBUT} dari daftar, atau kosongkan.",
		)
	return status, None


def _read_tindak_lanjut(sheet, meta: dict, expected: FormatIsian, limits: Batas, errors: list) -> dict:
	"""{row id: {"status": …, "penjelasan": …}} of the follow-up sheet, in the Isian's order."""
	status_col = len(TINDAK_LANJUT_IDENTITY) + 1
	id_col = status_col + len(TINDAK_LANJUT_COLUMNS)
	in_file = {row_id for row_id, _ in meta["tindak_lanjut"]}
	known = {_clean(row.row_id): row for row in expected.tindak_lanjut if _clean(row.row_id) in in_file}
	rows = _table_rows(sheet, TINDAK_LANJUT_SHEET, id_col, limits)
	values = {}
	for row_id, cells in _match_rows(rows, TINDAK_LANJUT_SHEET, id_col, known, "tindak lanjut", errors):
		r, want = cells[0].row, known[row_id]
		# Kode, Rencana Tindak Lanjut, Batas Waktu, Triwulan Asal: as _locked_tindak_lanjut gives them
		for col, shown in zip((2, 4, 5, 6), _locked_tindak_lanjut(want), strict=True):
			got = cells[col - 1].value
			if _lines(got) != shown:
				errors.append(
					_locked_changed(TINDAK_LANJUT_SHEET, r, TINDAK_LANJUT_IDENTITY[col - 1], got, shown)
				)
		row_values = {}
		for offset, column in enumerate(TINDAK_LANJUT_COLUMNS):
			read = _read_status if column.fieldname == "status" else _read_input
			value, reason = read(cells[status_col - 1 + offset], column)
			if reason:
				errors.append(Kesalahan(TINDAK_LANJUT_SHEET, r, column.label, reason))
			row_values[column.fieldname] = value
		values[row_id] = row_values
	errors += [
		_missing(TINDAK_LANJUT_SHEET, "tindak lanjut", _name_tindak_lanjut(row))
		for row in expected.tindak_lanjut
		if _clean(row.row_id) not in values
	]
	return {row.row_id: values.get(_clean(row.row_id)) for row in expected.tindak_lanjut}


def _sheet(workbook, name: str):
	if name not in workbook.sheetnames:
		raise _refuse(
			f'Sheet "{name}" tidak ditemukan; jangan mengganti nama atau menghapus sheet. Unduh ulang '
			"Format Isian."
		)
	return workbook[name]


def _read(content, expected: FormatIsian, limits: Batas) -> HasilBaca:
	if not isinstance(content, bytes | bytearray | memoryview):
		raise _refuse("File tidak dapat dibaca; unggah Format Isian .xlsx.")
	content = bytes(content)
	_check_container(content, limits)
	workbook = _load(content)
	meta = _read_meta(workbook, limits)
	_check_identity(meta, expected, limits)
	data = _sheet(workbook, DATA_SHEET)
	_check_layout(
		data, DATA_SHEET, [*IDENTITY_HEADERS, *meta["label"], CAPAIAN_HEADER, ROW_ID_HEADER], limits
	)
	# an Isian with no follow-up to report needs no follow-up sheet: a file made before the sheet
	# existed is read without it (_check_identity refused it when there are follow-ups)
	follow_ups = None
	made_with_sheet = meta["tindak_lanjut"] is not None
	if made_with_sheet and (expected.tindak_lanjut or TINDAK_LANJUT_SHEET in workbook.sheetnames):
		follow_ups = _sheet(workbook, TINDAK_LANJUT_SHEET)
		headers = [*TINDAK_LANJUT_IDENTITY, *(c.label for c in TINDAK_LANJUT_COLUMNS), ROW_ID_HEADER]
		_check_layout(follow_ups, TINDAK_LANJUT_SHEET, headers, limits)
	errors = []
	indikator = _read_rows(data, meta, expected, limits, errors)
	tindak_lanjut = (
		{} if follow_ups is None else _read_tindak_lanjut(follow_ups, meta, expected, limits, errors)
	)
	if errors:
		raise FormatIsianError(errors)
	return HasilBaca(indikator=indikator, tindak_lanjut=tindak_lanjut)


def read_workbook(content: bytes, expected: FormatIsian, limits: Batas = DEFAULT_BATAS) -> HasilBaca:
	"""Every row of ``expected`` as the file fills it, or FormatIsianError.

	``.indikator`` is {row_id: {fieldname: value}}: numeric columns give a Decimal (None when
	empty), text columns a stripped str (None when empty). ``.tindak_lanjut`` is {row_id:
	{"status": one of STATUS_TINDAK_LANJUT or None, "penjelasan": str or None}}. Nothing but
	FormatIsianError is raised, whatever ``content`` holds.
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
