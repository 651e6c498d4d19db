"""The year's capaian as the Excel sheet a kabupaten's e-SAKIP upload takes: one header row, then
one row per indicator (kode, indikator, satuan, target, realisasi, capaian, predikat, and each
quarter's capaian), numbers as numbers and an empty cell where there is no data.
"""

import io

from frappe import _
from openpyxl import Workbook
from openpyxl.styles import Font

from kinerja_kecamatan.engine.capaian import bulatkan, to_decimal
from kinerja_kecamatan.engine.triwulan import TRIWULAN
from kinerja_kecamatan.laporan.tahunan import QUARTER_FIELDS

PERCENT_FORMAT = "0.00"
WIDTHS = (12, 60, 12, 12, 12, 12, 16, 12, 12, 12, 12)
# the upload's own column names: a file format, the same whatever the user's language (Frappe's
# Indonesian would turn "Target" into "Sasaran")
HEADERS = (
	"Kode",
	"Indikator",
	"Satuan",
	"Target",
	"Realisasi",
	"Capaian (%)",
	"Predikat",
	*(f"Capaian TW {triwulan} (%)" for triwulan in TRIWULAN),
)


def number(value):
	"""A stored number ("1.234,5") as the number it is; no value → an empty cell."""
	parsed = to_decimal(value)
	return None if parsed is None else float(parsed)


def percent(value, ada_data) -> float | None:
	return float(bulatkan(value, 2)) if ada_data else None


def esakip_rows(doc) -> list[list]:
	return [
		[
			row.kode,
			row.uraian,
			row.satuan,
			number(row.target_tahunan),
			number(row.realisasi_tahunan),
			percent(row.capaian_tahunan, row.ada_data),
			row.predikat or None,
			*(percent(row.get(capaian), row.get(ada)) for capaian, ada in QUARTER_FIELDS),
		]
		for row in doc.rincian
	]


def build_workbook(doc) -> bytes:
	workbook = Workbook()
	sheet = workbook.active
	sheet.title = _("Capaian {0}").format(doc.tahun)
	sheet.append(HEADERS)
	for cell in sheet[1]:
		cell.font = Font(bold=True)
	for values in esakip_rows(doc):
		sheet.append(values)
	for column in (6, *range(8, 12)):
		for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
			cell.number_format = PERCENT_FORMAT
	for index, width in enumerate(WIDTHS):
		sheet.column_dimensions[chr(ord("A") + index)].width = width
	sheet.freeze_panes = "A2"
	out = io.BytesIO()
	workbook.save(out)
	return out.getvalue()


def file_name(doc) -> str:
	return f"e-SAKIP-{doc.name}.xlsx"
