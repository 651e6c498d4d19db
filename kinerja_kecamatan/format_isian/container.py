"""Reading a returned file, first stage: is it a safe, ordinary .xlsx at all (size, zip
entries, compression ratio, DTDs, encryption) before openpyxl parses it."""

import io
import re
import warnings
import zipfile

from openpyxl import load_workbook

from kinerja_kecamatan.format_isian.spec import (
	Batas,
	FormatIsianError,
	_refuse,
)

MAX_ZIP_ENTRIES = 1000
# a cell element in any of its spellings: <c r="A1">, <c>, <c/>, and namespaced <x:c …>
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,30}:)?c[\s/>]")
CELLS_PER_ROW = 100  # a file may hold this many cells per allowed row (all sheets together)
# The compression-ratio check applies to parts larger than this: a small part with a high ratio
# (a sheet of repeated empty cells) cannot exhaust memory, and the total size is checked anyway.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # encrypted .xlsx and old .xls are OLE compound files
ZIP_MAGIC = b"PK\x03\x04"
# An xlsx never has a DTD; entities in one would let the XML parser expand data without bound.
_DTD_PATTERNS = tuple(
	marker.encode(encoding)
	for marker in ("<!DOCTYPE", "<!ENTITY")
	for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_STRICT_OOXML = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


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
					cells += len(_CELL.findall(window)) - len(_CELL.findall(tail))
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
