"""Capaian (achievement %) of quarterly (triwulan) performance indicators; pure Python, no frappe.

Rules
-----
* Positif (semakin tinggi semakin baik): capaian = realisasi ÷ target × 100.
* Negatif (semakin kecil semakin baik): capaian = (2 − realisasi ÷ target) × 100, floored at 0,
  following the "indikator negatif" formula of PermenPANRB No. 8 Tahun 2021.
* Nilai Akhir: like Positif, but only the latest realisasi counts (values are never summed).
* Predikat follows the five-level scale of Permendagri No. 86 Tahun 2017.
* A realisasi the monitoring team verified beats the one the unit reported (``realisasi_used``).

Missing data is never treated as zero: it yields None ("belum ada data") and is left out of sums
and averages. All arithmetic is Decimal; rounding happens only in ``bulatkan``/``format_*``.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

JENIS_POSITIF = "Positif"
JENIS_NEGATIF = "Negatif"
JENIS_NILAI_AKHIR = "Nilai Akhir"
JENIS = (JENIS_POSITIF, JENIS_NEGATIF, JENIS_NILAI_AKHIR)
RUMUS = {
	JENIS_POSITIF: "Capaian = Realisasi ÷ Target × 100% (semakin tinggi semakin baik)",
	JENIS_NEGATIF: "Capaian = (2 − Realisasi ÷ Target) × 100%, minimal 0% (semakin kecil semakin baik)",
	JENIS_NILAI_AKHIR: "Capaian = Realisasi terakhir ÷ Target × 100% (nilai akhir, tidak dijumlahkan)",
}
BELUM_ADA_DATA = "belum ada data"

# Permendagri 86/2017: (lower bound on the unrounded capaian, predikat), highest first.
DEFAULT_SKALA_PREDIKAT = (
	(Decimal(91), "Sangat Tinggi"),
	(Decimal(76), "Tinggi"),
	(Decimal(66), "Sedang"),
	(Decimal(51), "Rendah"),
	(Decimal(0), "Sangat Rendah"),
)

_SERATUS = Decimal(100)
_ANGKA = re.compile(r"[0-9]+(?:[.,][0-9]+)?")  # "12", "6,5", "6.5": at most one decimal mark
_RIBUAN = {sep: re.compile(r"[1-9][0-9]{0,2}(?:" + re.escape(sep) + r"[0-9]{3})+") for sep in ".,"}
_SPASI = " \t\r\n\u00a0\u202f"  # stripped from both ends, incl. non-breaking spaces


class NilaiTidakValid(ValueError):
	"""Raised for input that cannot be used; the message is in Bahasa Indonesia."""


def _normalise(text):
	"""Turn an unsigned Indonesian/English number string into Decimal syntax, or None."""
	if "," in text and "." in text:  # both present: the last one is the decimal mark
		mark = "," if text.rfind(",") > text.rfind(".") else "."
		whole, _, frac = text.rpartition(mark)
		other = "." if mark == "," else ","
		if _RIBUAN[other].fullmatch(whole) and re.fullmatch(r"[0-9]+", frac):
			return whole.replace(other, "") + "." + frac
		return None
	if _RIBUAN["."].fullmatch(text):  # "1.234", "1.234.567": thousands separators only
		return text.replace(".", "")
	if text.count(",") > 1 and _RIBUAN[","].fullmatch(text):  # English "1,234,567"
		return text.replace(",", "")
	if _ANGKA.fullmatch(text):  # "6,5" / "6.5" / "1,234" (Indonesian decimal comma)
		return text.replace(",", ".")
	return None


def _parse(value, allow_negative=False):
	"""Shared by to_decimal (no negatives) and the display/grading helpers (negatives allowed)."""
	if value is None:
		return None
	shown = value.strip(_SPASI) if isinstance(value, str) else value
	if isinstance(value, bool):
		raise NilaiTidakValid(f'"{shown}" bukan angka yang valid')
	if isinstance(value, Decimal | int):
		number = Decimal(value)
	elif isinstance(value, float):
		number = Decimal(str(value))  # str() avoids binary noise: 0.1 -> Decimal("0.1")
	elif isinstance(value, str):
		text = value.strip(_SPASI)
		if not text:
			return None
		body = text[:-1].rstrip(_SPASI) if text.endswith("%") else text
		negative = body[:1] in ("-", "\u2212")
		normalised = _normalise(body[1:] if negative else body)
		if normalised is None:
			raise NilaiTidakValid(f'"{shown}" bukan angka yang valid')
		number = Decimal(normalised)
		number = -number if negative else number
	else:
		raise NilaiTidakValid(f'"{shown}" bukan angka yang valid')
	if not number.is_finite():
		raise NilaiTidakValid(f'"{shown}" bukan angka yang valid')
	if number < 0 and not allow_negative:
		raise NilaiTidakValid(f"Nilai tidak boleh negatif: {shown}")
	return abs(number) if number == 0 else number  # no "-0"


def to_decimal(value):
	"""Convert user input to a non-negative Decimal; empty input gives None.

	Accepts int, float (via str), Decimal and strings in Indonesian or English notation; a
	trailing "%" is ignored. A "." followed by groups of exactly three digits is a thousands
	separator; when both "." and "," appear, the last one is the decimal mark.

	>>> to_decimal("1.234,5"), to_decimal("6,5"), to_decimal("1.234"), to_decimal("1,234.5")
	(Decimal('1234.5'), Decimal('6.5'), Decimal('1234'), Decimal('1234.5'))
	>>> to_decimal(0.1), to_decimal("  "), to_decimal("107,14 %")
	(Decimal('0.1'), None, Decimal('107.14'))
	"""
	return _parse(value)


def _rapikan(nilai):
	"""Drop trailing zeros without switching to exponent notation: 87.500 -> 87.5, 105.00 -> 105."""
	nilai = nilai.normalize()
	return _bulat(nilai, 0) if nilai.as_tuple().exponent > 0 else nilai


def _bulat(nilai, digits):
	"""ROUND_HALF_UP to ``digits`` decimals, with enough precision for large values."""
	with localcontext() as ctx:
		ctx.prec = max(ctx.prec, nilai.adjusted() + digits + 2)
		return nilai.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _cek_jenis(jenis):
	if jenis not in JENIS:
		raise NilaiTidakValid(f"Jenis indikator tidak dikenal: {jenis}")


def capaian(jenis, target, realisasi):
	"""Capaian (%) of one quarter, or None when it cannot be computed.

	Positif / Nilai Akhir: realisasi ÷ target × 100. Negatif: (2 − realisasi ÷ target) × 100,
	never below 0. Missing target or realisasi → None. Target 0 → None, except Negatif with
	realisasi 0 (nothing happened, as hoped) → 100.

	>>> capaian(JENIS_NEGATIF, 7, "6,5")  # 107,14 % after rounding
	Decimal('107.1428571428571428571428571')
	>>> capaian(JENIS_NEGATIF, 8, 9), capaian(JENIS_POSITIF, 50, 45), capaian(JENIS_NEGATIF, 8, 20)
	(Decimal('87.5'), Decimal('90'), Decimal('0'))
	"""
	_cek_jenis(jenis)
	target, realisasi = to_decimal(target), to_decimal(realisasi)
	if target is None or realisasi is None:
		return None
	if target == 0:
		return _SERATUS if jenis == JENIS_NEGATIF and realisasi == 0 else None
	if jenis == JENIS_NEGATIF:
		return _rapikan(max((2 - realisasi / target) * _SERATUS, Decimal(0)))
	return _rapikan(realisasi / target * _SERATUS)


def alasan_tanpa_capaian(jenis, target, realisasi):
	"""Short Indonesian reason why capaian() is None, or None when capaian is defined.

	>>> alasan_tanpa_capaian(JENIS_POSITIF, 50, None), alasan_tanpa_capaian(JENIS_POSITIF, 0, 4)
	('belum ada data', 'target 0: capaian tidak dapat dihitung')
	"""
	if capaian(jenis, target, realisasi) is not None:
		return None
	if to_decimal(realisasi) is None:
		return BELUM_ADA_DATA
	if to_decimal(target) is None:
		return "target belum diisi"
	return "target 0: capaian tidak dapat dihitung"


def realisasi_used(reported, verified):
	"""The realisasi a quarter's numbers rest on, and whether it is the verified one: the value the
	monitoring team verified, when it recorded one, beats the value the unit reported.

	>>> realisasi_used("80", "90"), realisasi_used("80", None), realisasi_used("80", "")
	(('90', True), ('80', False), ('80', False))
	"""
	if verified not in (None, ""):
		return verified, True
	return reported, False


def _terakhir(realisasis):
	"""Index of the latest quarter that has a realisasi, or None."""
	for index in range(len(realisasis) - 1, -1, -1):
		if to_decimal(realisasis[index]) is not None:
			return index
	return None


def capaian_kumulatif(jenis, targets, realisasis):
	"""Cumulative capaian up to the current quarter (lists in quarter order).

	Positif: Σ realisasi ÷ Σ target over the quarters that have a realisasi (quarters without
	data are left out of both sums). Negatif / Nilai Akhir: the latest quarter with a realisasi
	against that quarter's target. A quarter with realisasi but no target gives None.

	>>> capaian_kumulatif(JENIS_POSITIF, [10, 10, 10], [9, None, 12])  # 21 ÷ 20
	Decimal('105')
	>>> capaian_kumulatif(JENIS_NEGATIF, [8, 8, 8], [4, 9, None])  # triwulan II: 9 vs 8
	Decimal('87.5')
	"""
	_cek_jenis(jenis)
	targets, realisasis = list(targets), list(realisasis)
	if len(targets) != len(realisasis):
		raise NilaiTidakValid("Jumlah target dan realisasi per triwulan tidak sama")
	if jenis != JENIS_POSITIF:
		index = _terakhir(realisasis)
		return None if index is None else capaian(jenis, targets[index], realisasis[index])
	pairs = [(to_decimal(t), to_decimal(r)) for t, r in zip(targets, realisasis, strict=True)]
	pairs = [(t, r) for t, r in pairs if r is not None]
	if not pairs or any(t is None for t, _ in pairs):
		return None
	return capaian(jenis, sum(t for t, _ in pairs), sum(r for _, r in pairs))


def realisasi_tahunan(jenis, realisasis):
	"""The year's realisasi by the type's rule: Positif sums the quarters that have one, Negatif
	and Nilai Akhir take the latest; None when no quarter has data.

	>>> realisasi_tahunan(JENIS_POSITIF, [45, None, 55]), realisasi_tahunan(JENIS_NEGATIF, [10, "6", None])
	(Decimal('100'), Decimal('6'))
	"""
	_cek_jenis(jenis)
	available = [v for v in (to_decimal(r) for r in realisasis) if v is not None]
	if not available:
		return None
	return sum(available) if jenis == JENIS_POSITIF else available[-1]


def capaian_tahunan(jenis, target_tahunan, realisasis):
	"""Capaian against the annual target, by the type's rule.

	Positif: Σ available realisasi vs the annual target. Negatif / Nilai Akhir: the latest
	available realisasi vs the annual target.

	>>> capaian_tahunan(JENIS_POSITIF, 200, [45, None, 55]), capaian_tahunan(JENIS_NEGATIF, 8, [10, 6])
	(Decimal('50'), Decimal('125'))
	"""
	nilai = realisasi_tahunan(jenis, realisasis)
	return None if nilai is None else capaian(jenis, target_tahunan, nilai)


TREN_NAIK, TREN_TURUN, TREN_TETAP = "Naik", "Turun", "Tetap"


def tren(nilai):
	"""The direction of a year's quarterly capaian, from the first quarter with data to the last,
	compared as shown (two decimals): a capaian is already "higher is better" for every type, a
	Negatif indicator included. None with fewer than two quarters of data.

	>>> tren([80, None, 95.5, 90]), tren([100, Decimal("99.996")]), tren([None, 70, None, None])
	('Naik', 'Tetap', None)
	"""
	present = [bulatkan(v) for v in nilai if v is not None]
	if len(present) < 2 or present[-1] == present[0]:
		return TREN_TETAP if len(present) >= 2 else None
	return TREN_NAIK if present[-1] > present[0] else TREN_TURUN


def predikat(nilai, skala=None):
	"""Predikat for an unrounded capaian: the label of the highest lower bound ≤ nilai.

	``skala`` is any iterable of (lower_bound, label), default Permendagri 86/2017. A value
	below every bound gets the lowest bound's label; None → None.

	>>> predikat(90.5), predikat(Decimal("50.9")), predikat(91), predikat(250)
	('Tinggi', 'Sangat Rendah', 'Sangat Tinggi', 'Sangat Tinggi')
	"""
	if nilai is None:
		return None
	nilai = _parse(nilai, allow_negative=True)
	skala = DEFAULT_SKALA_PREDIKAT if skala is None else skala
	urut = [(_parse(batas, allow_negative=True), label) for batas, label in skala]
	if not urut or any(batas is None for batas, _ in urut):
		raise NilaiTidakValid("Skala predikat kosong atau batas bawahnya tidak diisi")
	urut.sort(key=lambda item: item[0], reverse=True)
	for batas, label in urut:
		if nilai >= batas:
			return label
	return urut[-1][1]


def rata_rata(values):
	"""Mean of the values that are present (None is left out, not counted as 0).

	>>> rata_rata([80, None, 90]), rata_rata([None])
	(Decimal('85'), None)
	"""
	present = [_parse(v, allow_negative=True) for v in values]
	present = [v for v in present if v is not None]
	return _rapikan(sum(present) / len(present)) if present else None


def bulatkan(nilai, digits=2):
	"""Round half up to ``digits`` decimals (display only).

	>>> bulatkan(Decimal("107.145")), bulatkan(None)
	(Decimal('107.15'), None)
	"""
	nilai = _parse(nilai, allow_negative=True)
	return None if nilai is None else _bulat(nilai, digits)


def format_angka(nilai, digits=2):
	"""Indonesian display form: "." thousands, "," decimals; None → "belum ada data".

	>>> format_angka(1234.5), format_angka(None), format_angka("1.234,50", digits=None)
	('1.234,50', 'belum ada data', '1.234,5')
	"""
	if digits is None and nilai is not None:  # as many decimals as the value has: 6.50 → "6,5"
		exponent = to_decimal(nilai).normalize().as_tuple().exponent
		digits = max(0, -exponent) if isinstance(exponent, int) else 0
	nilai = bulatkan(nilai, digits)
	if nilai is None:
		return BELUM_ADA_DATA
	return f"{nilai:,.{digits}f}".translate(str.maketrans(",.", ".,"))


def format_selisih(verified, reported):
	"""The verified value minus the reported one, as the Blanko shows it; None when they agree or
	one is missing. A lower verified value is shown with its minus sign.

	>>> format_selisih("100", "90"), format_selisih("85,5", "90"), format_selisih(90, 90)
	('10', '-4,5', None)
	"""
	verified, reported = to_decimal(verified), to_decimal(reported)
	if verified is None or reported is None or verified == reported:
		return None
	difference = verified - reported
	return ("-" if difference < 0 else "") + format_angka(abs(difference), digits=None)


def format_persen(nilai, digits=2):
	"""Percentage display: 107.142857 → "107,14%"; None → "belum ada data".

	>>> format_persen(capaian(JENIS_NEGATIF, 7, "6,5"))
	'107,14%'
	"""
	return BELUM_ADA_DATA if nilai is None else format_angka(nilai, digits) + "%"


def di_bawah_target(nilai) -> bool:
	"""Below target, judged on the unrounded capaian: 99,996 % is below even if shown as 100,00 %.

	>>> di_bawah_target(Decimal("99.996")), di_bawah_target(100), di_bawah_target(None)
	(True, False, False)
	"""
	nilai = _parse(nilai, allow_negative=True)
	return nilai is not None and nilai < 100


@dataclass(frozen=True)
class Ringkasan:
	"""The summary of a set of indicators, the same for an Isian, a Blanko, a report and a card."""

	rata_rata: Decimal | None  # mean of the indicators with data, unrounded
	predikat: str | None
	jumlah: int
	ada_data: int
	di_bawah_target: int
	per_predikat: dict  # every label of the scale, highest first → how many indicators have it

	@property
	def belum_ada_data(self) -> int:
		return self.jumlah - self.ada_data


def ringkas(nilai: list, skala=None) -> Ringkasan:
	"""Summarise unrounded capaian values (None: no data, left out of the mean, not counted as 0).

	>>> r = ringkas([Decimal("100"), Decimal("99.996"), None, Decimal("40")])
	>>> (bulatkan(r.rata_rata), r.predikat, r.ada_data, r.di_bawah_target, r.belum_ada_data)
	(Decimal('80.00'), 'Tinggi', 3, 2, 1)
	>>> r.per_predikat["Sangat Tinggi"], r.per_predikat["Sangat Rendah"]
	(2, 1)
	"""
	skala = DEFAULT_SKALA_PREDIKAT if skala is None else skala
	present = [v for v in nilai if v is not None]
	mean = rata_rata(present)
	labels = [label for _bound, label in sorted(skala, key=lambda pair: -Decimal(str(pair[0])))]
	graded = [predikat(v, skala) for v in present]
	return Ringkasan(
		rata_rata=mean,
		predikat=predikat(mean, skala),
		jumlah=len(nilai),
		ada_data=len(present),
		di_bawah_target=sum(1 for v in present if di_bawah_target(v)),
		per_predikat={label: graded.count(label) for label in labels},
	)
