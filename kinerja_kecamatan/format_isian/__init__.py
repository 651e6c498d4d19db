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

The package: ``spec`` (layout, data, limits, errors), ``writer``, ``container`` (the first,
byte-level stage of reading) and ``reader``.
"""

from kinerja_kecamatan.format_isian.reader import read_workbook
from kinerja_kecamatan.format_isian.spec import (
	CAPAIAN_HEADER,
	DATA_SHEET,
	DEFAULT_BATAS,
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
)
from kinerja_kecamatan.format_isian.writer import build_workbook

__all__ = [
	"CAPAIAN_HEADER",
	"DATA_SHEET",
	"DEFAULT_BATAS",
	"DEFAULT_COLUMNS",
	"EXCEL_ERRORS",
	"FIRST_ROW",
	"GUIDE_SHEET",
	"HEADER_ROW",
	"META_SHEET",
	"ROW_ID_HEADER",
	"TEMPLATE_VERSION",
	"BarisIndikator",
	"Batas",
	"FormatIsian",
	"FormatIsianError",
	"Kesalahan",
	"Kolom",
	"build_workbook",
	"read_workbook",
]
