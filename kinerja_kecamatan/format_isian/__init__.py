"""Format Isian Data Kinerja as an .xlsx workbook: made for one unit, filled offline, read back.

Pure Python on openpyxl and the standard library (no Frappe); the Frappe side is excel.py.

``build_workbook`` writes four sheets:

* "Petunjuk": how to fill the file (Bahasa Indonesia), the file's identity and each jenis' rumus.
* "Data": title rows, a header row, one row per indicator. Grey, locked identity columns (No,
  Kode, Indikator Kinerja, Satuan, Jenis, Target TW, Target Tahunan), white unlocked input
  columns, a locked capaian preview formula and a hidden column with each row's id. The sheet is
  protected WITHOUT a password: protection only guards against slips (Excel and LibreOffice
  unprotect it with one click, and sorting may need that); every check that matters is done on
  the server by ``read_workbook``.
* "Tindak Lanjut Triwulan Lalu": last quarter's follow-ups of this unit, one row each, locked
  (Kode, Indikator, Rencana, Batas Waktu, Triwulan Asal) but for Status (a dropdown) and
  Penjelasan, which the unit reports; "Tidak ada tindak lanjut triwulan lalu." when there is none.
  The evidence (bukti) is a file attached in the desk, not a cell.
* "_meta" (veryHidden): template version, identity, row ids (the follow-ups' too), input columns
  and a checksum over the identity and every locked value.

``read_workbook`` checks a returned file and either returns every row's values (HasilBaca) or
raises FormatIsianError listing every problem found (sheet, row, column, reason). It works in stages
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
	STATUS_TINDAK_LANJUT,
	TEMPLATE_VERSION,
	TINDAK_LANJUT_SHEET,
	BarisIndikator,
	BarisTindakLanjut,
	Batas,
	FormatIsian,
	FormatIsianError,
	HasilBaca,
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
	"STATUS_TINDAK_LANJUT",
	"TEMPLATE_VERSION",
	"TINDAK_LANJUT_SHEET",
	"BarisIndikator",
	"BarisTindakLanjut",
	"Batas",
	"FormatIsian",
	"FormatIsianError",
	"HasilBaca",
	"Kesalahan",
	"Kolom",
	"build_workbook",
	"read_workbook",
]
