"""What a Format Isian is: its layout constants, the data it is made from, its limits and
errors, and the helpers both the writer and the reader use."""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kinerja_kecamatan.doctypes import INDIKATOR
from kinerja_kecamatan.engine.capaian import NilaiTidakValid, to_decimal
from kinerja_kecamatan.engine.tanggal import tanggal_indonesia
from kinerja_kecamatan.engine.tindak_lanjut import NEEDS_EXPLANATION, REPORTED_STATUSES

TEMPLATE_VERSION = "1"
GUIDE_SHEET = "Petunjuk"
DATA_SHEET = "Data"
META_SHEET = "_meta"
TITLE = "FORMAT ISIAN DATA KINERJA"
META_MARKER = "Format Isian Data Kinerja"  # cell B1 of _meta: tells our files from any other
HEADER_ROW = 5  # rows 1–3 hold the title, 5 the header, the indicators start at 6
FIRST_ROW = HEADER_ROW + 1
IDENTITY_HEADERS = ("No", "Kode", INDIKATOR, "Satuan", "Jenis", "Target TW", "Target Tahunan")
COL_KODE, COL_JENIS, COL_TARGET_TW, COL_TARGET_TAHUNAN = 2, 5, 6, 7
FIRST_INPUT_COL = len(IDENTITY_HEADERS) + 1
CAPAIAN_HEADER = "Capaian TW (%) (pratinjau)"
ROW_ID_HEADER = "ID Baris (jangan diubah)"
REALISASI_FIELD = "realisasi_tw"
# the second sheet: last quarter's follow-ups, whose status the unit reports in this Isian
TINDAK_LANJUT_SHEET = "Tindak Lanjut Triwulan Lalu"
TINDAK_LANJUT_TITLE = "TINDAK LANJUT TRIWULAN LALU"
TINDAK_LANJUT_IDENTITY = (
	"No",
	"Kode",
	INDIKATOR,
	"Rencana Tindak Lanjut",
	"Batas Waktu",
	"Triwulan Asal",
)
STATUS_TINDAK_LANJUT = REPORTED_STATUSES  # what a unit head may report
STATUS_PERLU_PENJELASAN = NEEDS_EXPLANATION  # the server requires a Penjelasan with these
STATUS_DISEBUT = f"{', '.join(STATUS_TINDAK_LANJUT[:-1])} atau {STATUS_TINDAK_LANJUT[-1]}"
MAX_TEXT = 1000  # characters in one text cell
MAX_ANGKA = Decimal(10) ** 15  # Excel keeps 15 significant digits; anything larger is a slip
EXCEL_ERRORS = frozenset(
	{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.')  # quoted text and escaped characters in a number format


@dataclass(frozen=True)
class Kolom:
	"""An input column the unit fills in."""

	fieldname: str
	label: str
	numeric: bool = False


@dataclass(frozen=True)
class BarisIndikator:
	"""One indicator row; targets are number strings as stored ("1.234,5") or None."""

	row_id: str
	indikator: str
	kode: str
	uraian: str
	satuan: str
	jenis: str
	target_tw: str | None
	target_tahunan: str | None
	values: dict = field(default_factory=dict)  # current input values by fieldname (prefilled)


@dataclass(frozen=True)
class BarisTindakLanjut:
	"""One follow-up of last quarter's report, to be reported in this Isian. ``row_id`` is how the
	file knows the row (the app uses the Tindak Lanjut Kinerja record, as it uses the indicator for
	an indicator row); ``batas_waktu`` a date or an ISO date string; ``status`` (one of
	STATUS_TINDAK_LANJUT or None) and ``penjelasan`` as stored, prefilled."""

	row_id: str
	tindak_lanjut: str  # the Tindak Lanjut Kinerja record
	indikator: str
	kode: str
	uraian: str
	rencana: str
	batas_waktu: date | str | None
	triwulan_asal: str
	status: str | None = None
	penjelasan: str | None = None


@dataclass(frozen=True)
class FormatIsian:
	isian: str
	monitoring: str
	unit_kerja: str
	unit_label: str
	kecamatan: str
	tahun: int
	triwulan: str
	columns: tuple[Kolom, ...]
	rows: tuple[BarisIndikator, ...]
	tindak_lanjut: tuple[BarisTindakLanjut, ...] = ()


@dataclass(frozen=True)
class HasilBaca:
	"""What a valid file holds: {row_id: {fieldname: value}} of the Data sheet's indicators, and
	{row_id: {"status": …, "penjelasan": …}} of the follow-up sheet's rows, each in the Isian's
	order."""

	indikator: dict
	tindak_lanjut: dict


DEFAULT_COLUMNS = (
	Kolom("realisasi_tw", "Realisasi TW", True),
	Kolom("faktor_pendorong", "Faktor Pendorong"),
	Kolom("faktor_penghambat", "Faktor Penghambat"),
	Kolom("tindak_lanjut", "Tindak Lanjut"),
	Kolom("keterangan", "Keterangan"),
)


# what the unit fills in on the follow-up sheet; the evidence (bukti) is attached in the desk
TINDAK_LANJUT_COLUMNS = (Kolom("status", "Status"), Kolom("penjelasan", "Penjelasan"))


@dataclass(frozen=True)
class Batas:
	"""Limits on an uploaded file (the app's settings supply them)."""

	max_bytes: int = 5 * 1024 * 1024
	max_rows: int = 1000
	max_uncompressed_bytes: int = 50 * 1024 * 1024
	max_compression_ratio: int = 100


DEFAULT_BATAS = Batas()


@dataclass(frozen=True)
class Kesalahan:
	"""One problem in an uploaded file; ``row`` is the sheet's row number, ``column`` its label."""

	sheet: str | None
	row: int | None
	column: str | None
	reason: str

	def __str__(self):
		where = []
		if self.sheet:
			where.append(f"Sheet {self.sheet}")
		if self.row is not None:
			where.append(f"baris {self.row}")
		if self.column:
			where.append(f"kolom {self.column}")
		return f"{', '.join(where)}: {self.reason}" if where else self.reason


class FormatIsianError(Exception):
	"""The file was refused; ``errors`` lists every problem found."""

	def __init__(self, errors):
		self.errors = list(errors)
		super().__init__("\n".join(str(error) for error in self.errors))


def _refuse(reason, sheet=None, row=None, column=None):
	return FormatIsianError([Kesalahan(sheet, row, column, reason)])


# ---------------------------------------------------------------------------------------------
# shared helpers


def _try_decimal(value):
	"""to_decimal, or None for anything that is not a usable number."""
	try:
		return to_decimal(value)
	except (NilaiTidakValid, ArithmeticError, ValueError, TypeError):
		return None


def _tidy(number: Decimal) -> Decimal:
	"""85.00 -> 85, 0.10 -> 0.1 (values are below MAX_ANGKA, so no exponent notation)."""
	if number == number.to_integral_value():
		return Decimal(int(number))
	return number.normalize()


def _clean(value) -> str:
	"""Text for a cell or a comparison: str, illegal XML characters removed, stripped."""
	return "" if value is None else ILLEGAL_CHARACTERS_RE.sub("", str(value)).strip()


def _canon_target(value) -> str:
	"""A stored target in a notation-independent form, for the checksum."""
	number = _try_decimal(value)
	return _clean(value) if number is None else format(_tidy(number), "f")


def _cell_number(number: Decimal):
	"""A Decimal as the int/float a cell holds, or None when Excel cannot hold it."""
	if number >= MAX_ANGKA:
		return None
	if number == number.to_integral_value():
		return int(number)
	return float(number)


def _checksum(meta: dict, locked: list, locked_tindak_lanjut: list) -> str:
	"""sha256 over the file's identity, row ids, columns and each row's locked identity values,
	the follow-ups' too."""
	payload = [
		meta["versi"],
		meta["isian"],
		meta["monitoring"],
		meta["unit_kerja"],
		meta["tahun"],
		meta["triwulan"],
		[list(row) for row in meta["baris"]],
		list(meta["kolom"]),
		list(meta["label"]),
		locked,
	]
	# a file without follow-ups sums as before they existed: such files made earlier stay valid
	if meta["tindak_lanjut"]:
		payload += [[list(row) for row in meta["tindak_lanjut"]], locked_tindak_lanjut]
	text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
	return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _locked_values(row: BarisIndikator) -> list:
	return [
		_clean(row.kode),
		_clean(row.jenis),
		_canon_target(row.target_tw),
		_canon_target(row.target_tahunan),
	]


def _batas_waktu(value) -> str:
	"""A due date as the file shows it: "2025-06-30" → "30 Juni 2025"."""
	try:
		return tanggal_indonesia(value)
	except (ValueError, TypeError, AttributeError):
		return _clean(value)


def _lines(value) -> str:
	"""Text with its line ends as a cell gives it back: an XML parser reads CR LF and CR as LF."""
	return _clean(value).replace("\r\n", "\n").replace("\r", "\n")


def _locked_tindak_lanjut(row: BarisTindakLanjut) -> list:
	"""Kode, Rencana Tindak Lanjut, Batas Waktu and Triwulan Asal as the sheet shows them."""
	return [_clean(row.kode), _lines(row.rencana), _batas_waktu(row.batas_waktu), _clean(row.triwulan_asal)]


def _summed_tindak_lanjut(row: BarisTindakLanjut) -> list:
	"""What the checksum covers of a follow-up: its record and its locked cells."""
	return [_clean(row.tindak_lanjut), *_locked_tindak_lanjut(row)]


def _identity(fmt: FormatIsian) -> dict:
	return {
		"versi": TEMPLATE_VERSION,
		"isian": _clean(fmt.isian),
		"monitoring": _clean(fmt.monitoring),
		"unit_kerja": _clean(fmt.unit_kerja),
		"tahun": _clean(fmt.tahun),
		"triwulan": _clean(fmt.triwulan),
		"kolom": [_clean(c.fieldname) for c in fmt.columns],
		"label": [_clean(c.label) for c in fmt.columns],
		"baris": [(_clean(r.row_id), _clean(r.indikator)) for r in fmt.rows],
		"tindak_lanjut": [(_clean(r.row_id), _clean(r.tindak_lanjut)) for r in fmt.tindak_lanjut],
	}


def _layout(n_columns: int):
	"""(capaian preview column, hidden row-id column) for a file with n input columns."""
	capaian_col = FIRST_INPUT_COL + n_columns
	return capaian_col, capaian_col + 1
