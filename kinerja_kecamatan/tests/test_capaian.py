"""Tests for kinerja_kecamatan.engine.capaian (pure Python, runs without frappe)."""

import doctest
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_kecamatan.engine import capaian as c
from kinerja_kecamatan.engine.capaian import (
	BELUM_ADA_DATA,
	DEFAULT_SKALA_PREDIKAT,
	JENIS,
	JENIS_NEGATIF,
	JENIS_NILAI_AKHIR,
	JENIS_POSITIF,
	RUMUS,
	NilaiTidakValid,
	alasan_tanpa_capaian,
	bulatkan,
	capaian,
	capaian_kumulatif,
	capaian_tahunan,
	format_angka,
	format_persen,
	predikat,
	rata_rata,
	to_decimal,
)

D = Decimal


def test_docstring_examples_hold():
	result = doctest.testmod(c)
	assert result.failed == 0
	assert result.attempted >= 13


def test_constants():
	assert JENIS == ("Positif", "Negatif", "Nilai Akhir")
	assert set(RUMUS) == set(JENIS)
	assert RUMUS[JENIS_POSITIF] == "Capaian = Realisasi ÷ Target × 100% (semakin tinggi semakin baik)"
	assert "minimal 0%" in RUMUS[JENIS_NEGATIF]
	assert "tidak dijumlahkan" in RUMUS[JENIS_NILAI_AKHIR]
	assert BELUM_ADA_DATA == "belum ada data"
	assert [label for _, label in DEFAULT_SKALA_PREDIKAT] == [
		"Sangat Tinggi",
		"Tinggi",
		"Sedang",
		"Rendah",
		"Sangat Rendah",
	]
	assert [batas for batas, _ in DEFAULT_SKALA_PREDIKAT] == [D(91), D(76), D(66), D(51), D(0)]
	assert issubclass(NilaiTidakValid, ValueError)


# --- to_decimal -------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("text", "expected"),
	[
		("1.234,5", "1234.5"),
		("6,5", "6.5"),
		("1.234.567", "1234567"),
		("1.234", "1234"),
		("6.5", "6.5"),
		("1,234.5", "1234.5"),
		("1.234.567,89", "1234567.89"),
		("1,234,567.89", "1234567.89"),
		("0,5", "0.5"),
		("0.125", "0.125"),  # a leading 0 group is never a thousands group
		("1.5", "1.5"),
		("12.3456", "12.3456"),
		("1,234", "1.234"),  # single comma: Indonesian decimal mark
		("45", "45"),
		("0", "0"),
		("107,14%", "107.14"),
		("107,14 %", "107.14"),
		("  6,5  ", "6.5"),
		("\u00a01.234,5\u00a0", "1234.5"),
		("-0", "0"),
	],
)
def test_to_decimal_strings(text, expected):
	result = to_decimal(text)
	assert isinstance(result, Decimal)
	assert result == D(expected)


@pytest.mark.parametrize("empty", [None, "", "   ", "\u00a0", "\t\n"])
def test_to_decimal_empty_is_none(empty):
	assert to_decimal(empty) is None


@pytest.mark.parametrize(
	"bad",
	[
		"abc",
		"12a",
		"1,2,3",
		"1.23.4",
		"NaN",
		"nan",
		"inf",
		"Infinity",
		"1e5",
		".5",
		"5.",
		"+5",
		"%",
		"1..2",
		"1,234.567,8",
		"1 234",
		"Rp 5.000",
		[1],
		{},
		object(),
	],
)
def test_to_decimal_rejects_non_numbers(bad):
	with pytest.raises(NilaiTidakValid, match="bukan angka yang valid"):
		to_decimal(bad)


@pytest.mark.parametrize(
	"bad", [True, False, float("nan"), float("inf"), D("NaN"), D("sNaN"), D("-Infinity")]
)
def test_to_decimal_rejects_bool_and_non_finite(bad):
	with pytest.raises(NilaiTidakValid, match="bukan angka yang valid"):
		to_decimal(bad)


def test_to_decimal_message_quotes_the_input():
	with pytest.raises(NilaiTidakValid) as info:
		to_decimal(" abc ")
	assert str(info.value) == '"abc" bukan angka yang valid'


@pytest.mark.parametrize("negative", [-5, -0.5, D("-1"), "-5", "-1.234,5", "\u22125"])
def test_to_decimal_rejects_negative(negative):
	with pytest.raises(NilaiTidakValid, match="Nilai tidak boleh negatif"):
		to_decimal(negative)


def test_to_decimal_negative_message():
	with pytest.raises(NilaiTidakValid) as info:
		to_decimal(-5)
	assert str(info.value) == "Nilai tidak boleh negatif: -5"


def test_to_decimal_numeric_types():
	assert to_decimal(0.1) == D("0.1")  # not Decimal(0.1) with binary noise
	assert to_decimal(0.1) != D(0.1)
	assert to_decimal(7) == D(7)
	assert to_decimal(D("6.5")) == D("6.5")
	assert to_decimal(2.675) == D("2.675")


@pytest.mark.parametrize("value", [D("6.5"), 6.5, "6,5", "6.5"])
def test_input_types_give_equal_capaian(value):
	assert capaian(JENIS_NEGATIF, 7, value) == capaian(JENIS_NEGATIF, D("7"), D("6.5"))
	assert capaian(JENIS_NEGATIF, 7, value) == D("107.1428571428571428571428571")


def test_float_inputs_behave_like_decimal_strings():
	assert capaian(JENIS_POSITIF, 0.3, 0.1) == capaian(JENIS_POSITIF, "0,3", "0,1")
	assert capaian(JENIS_POSITIF, 0.2, 0.1) == D(50)


# --- capaian per triwulan ------------------------------------------------------------------


def test_worked_examples():
	negatif = capaian(JENIS_NEGATIF, 7, "6,5")
	assert negatif == D("107.1428571428571428571428571")
	assert bulatkan(negatif) == D("107.14")
	assert capaian(JENIS_NEGATIF, 8, 9) == D("87.5")
	assert capaian(JENIS_POSITIF, 50, 45) == D(90)
	assert capaian(JENIS_NEGATIF, 8, 20) == D(0)


def test_nilai_akhir_uses_positive_ratio():
	assert capaian(JENIS_NILAI_AKHIR, 80, 60) == D(75)
	assert capaian(JENIS_NILAI_AKHIR, 80, 100) == D(125)


def test_positif_can_exceed_100_and_realisasi_zero_is_zero():
	assert capaian(JENIS_POSITIF, 50, 60) == D(120)
	assert capaian(JENIS_POSITIF, 50, 0) == D(0)


def test_negatif_floor_and_edges():
	assert capaian(JENIS_NEGATIF, 8, 16) == D(0)  # exactly twice the target
	assert capaian(JENIS_NEGATIF, 8, 100) == D(0)  # far overshoot stays 0, never negative
	assert capaian(JENIS_NEGATIF, 8, 0) == D(200)
	assert capaian(JENIS_NEGATIF, 8, 8) == D(100)


def test_target_zero():
	assert capaian(JENIS_POSITIF, 0, 5) is None
	assert capaian(JENIS_POSITIF, 0, 0) is None
	assert capaian(JENIS_NILAI_AKHIR, 0, 5) is None
	assert capaian(JENIS_NEGATIF, 0, 0) == D(100)
	assert capaian(JENIS_NEGATIF, "0,0", "0") == D(100)
	assert capaian(JENIS_NEGATIF, 0, 5) is None


@pytest.mark.parametrize("jenis", JENIS)
def test_missing_data_is_none_not_zero(jenis):
	assert capaian(jenis, 50, None) is None
	assert capaian(jenis, 50, "") is None
	assert capaian(jenis, None, 45) is None
	assert capaian(jenis, None, None) is None


def test_unknown_jenis():
	with pytest.raises(NilaiTidakValid, match="Jenis indikator tidak dikenal: Netral"):
		capaian("Netral", 10, 5)
	with pytest.raises(NilaiTidakValid):
		capaian("positif", 10, 5)  # case-sensitive, like the Select options


def test_invalid_input_propagates():
	with pytest.raises(NilaiTidakValid):
		capaian(JENIS_POSITIF, 10, "sepuluh")
	with pytest.raises(NilaiTidakValid):
		capaian(JENIS_POSITIF, -10, 5)


# --- alasan_tanpa_capaian -----------------------------------------------------------------


def test_alasan_tanpa_capaian():
	assert alasan_tanpa_capaian(JENIS_POSITIF, 50, None) == "belum ada data"
	assert alasan_tanpa_capaian(JENIS_POSITIF, None, None) == "belum ada data"
	assert alasan_tanpa_capaian(JENIS_POSITIF, None, 45) == "target belum diisi"
	assert alasan_tanpa_capaian(JENIS_POSITIF, 0, 45) == "target 0: capaian tidak dapat dihitung"
	assert alasan_tanpa_capaian(JENIS_NEGATIF, 0, 5) == "target 0: capaian tidak dapat dihitung"
	assert alasan_tanpa_capaian(JENIS_NEGATIF, 0, 0) is None
	assert alasan_tanpa_capaian(JENIS_POSITIF, 50, 45) is None
	assert alasan_tanpa_capaian(JENIS_NEGATIF, 8, 20) is None  # 0 % is a real value


# --- capaian_kumulatif ----------------------------------------------------------------------


def test_kumulatif_positif_sums():
	assert capaian_kumulatif(JENIS_POSITIF, [10, 20, 30], [8, 22, 27]) == D(95)  # 57 / 60


def test_kumulatif_positif_missing_middle_quarter_left_out_of_both_sums():
	# (8 + 33) / (10 + 30) = 102.5 %; counting TW II as 0 would give 41 / 60 = 68.33 %
	assert capaian_kumulatif(JENIS_POSITIF, [10, 20, 30], [8, None, 33]) == D("102.5")


def test_kumulatif_positif_missing_latest_quarter():
	assert capaian_kumulatif(JENIS_POSITIF, [10, 20, 30], ["8", "12", None]) == D(200) / D(3)


def test_kumulatif_positif_quarter_without_target_is_none():
	assert capaian_kumulatif(JENIS_POSITIF, [10, None], [8, 5]) is None


def test_kumulatif_negatif_uses_latest_available_quarter():
	assert capaian_kumulatif(JENIS_NEGATIF, [8, 8, 6], [10, 6, None]) == D(125)  # TW II: 6 vs 8
	assert capaian_kumulatif(JENIS_NEGATIF, [8, 8, 6], [10, 6, 9]) == D(50)  # TW III: 9 vs 6


def test_kumulatif_nilai_akhir_is_not_summed():
	assert capaian_kumulatif(JENIS_NILAI_AKHIR, [100] * 4, [20, 50, None, None]) == D(50)
	assert capaian_kumulatif(JENIS_NILAI_AKHIR, [40, 60, 80, 100], [30, 70, 80, 90]) == D(90)


@pytest.mark.parametrize("jenis", JENIS)
def test_kumulatif_no_data(jenis):
	assert capaian_kumulatif(jenis, [10, 10], [None, ""]) is None
	assert capaian_kumulatif(jenis, [], []) is None


def test_kumulatif_length_mismatch():
	with pytest.raises(NilaiTidakValid, match="tidak sama"):
		capaian_kumulatif(JENIS_POSITIF, [10, 10], [5])
	with pytest.raises(NilaiTidakValid):
		capaian_kumulatif(JENIS_NEGATIF, [10], [5, 6])


def test_kumulatif_unknown_jenis():
	with pytest.raises(NilaiTidakValid, match="Jenis indikator tidak dikenal"):
		capaian_kumulatif("Lain", [10], [5])


# --- capaian_tahunan ------------------------------------------------------------------------


def test_tahunan():
	assert capaian_tahunan(JENIS_POSITIF, 200, [45, None, 55]) == D(50)
	assert capaian_tahunan(JENIS_POSITIF, "1.000", ["250", "300,5", None, None]) == D("55.05")
	assert capaian_tahunan(JENIS_NEGATIF, 8, [10, 6]) == D(125)
	assert capaian_tahunan(JENIS_NEGATIF, 8, [6, 20, None]) == D(0)
	assert capaian_tahunan(JENIS_NILAI_AKHIR, 80, [20, 60, None, None]) == D(75)


@pytest.mark.parametrize("jenis", JENIS)
def test_tahunan_no_data(jenis):
	assert capaian_tahunan(jenis, 100, [None, None, None, None]) is None
	assert capaian_tahunan(jenis, 100, []) is None


def test_tahunan_target_zero_and_missing():
	assert capaian_tahunan(JENIS_POSITIF, 0, [5]) is None
	assert capaian_tahunan(JENIS_NEGATIF, 0, [0, None]) == D(100)
	assert capaian_tahunan(JENIS_POSITIF, None, [5]) is None


# --- predikat -------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("nilai", "expected"),
	[
		(91, "Sangat Tinggi"),
		("90,99", "Tinggi"),
		(D("90.99"), "Tinggi"),
		(90.5, "Tinggi"),
		(76, "Tinggi"),
		(75.5, "Sedang"),
		(66, "Sedang"),
		(D("65.999"), "Rendah"),
		(51, "Rendah"),
		(50.9, "Sangat Rendah"),
		(0, "Sangat Rendah"),
		(250, "Sangat Tinggi"),
	],
)
def test_predikat_default_scale(nilai, expected):
	assert predikat(nilai) == expected


def test_predikat_uses_unrounded_value():
	nilai = capaian(JENIS_POSITIF, 100, "90,999")
	assert format_persen(nilai) == "91,00%"
	assert predikat(nilai) == "Tinggi"


def test_predikat_none():
	assert predikat(None) is None


def test_predikat_custom_unordered_scale():
	skala = [(50, "Cukup"), ("80", "Baik"), (0.0, "Kurang"), (D("95"), "Istimewa")]
	assert predikat(96, skala) == "Istimewa"
	assert predikat(80, skala) == "Baik"
	assert predikat("79,99", skala) == "Cukup"
	assert predikat(5, skala) == "Kurang"


def test_predikat_below_every_bound_gets_lowest_label():
	assert predikat(5, [(20, "B"), (10, "A")]) == "A"
	assert predikat(5, ((b, lbl) for b, lbl in [(20, "B"), (10, "A")])) == "A"  # any iterable


def test_predikat_empty_scale():
	with pytest.raises(NilaiTidakValid):
		predikat(50, [])
	with pytest.raises(NilaiTidakValid):
		predikat(50, [(None, "X")])


# --- rata_rata, bulatkan, format ------------------------------------------------------------


def test_rata_rata_ignores_none():
	assert rata_rata([80, None, 90]) == D(85)
	assert rata_rata([D("107.1428571428571428571428571"), None, D("87.5")]) == D(
		"97.32142857142857142857142855"
	)
	assert rata_rata([None, None]) is None
	assert rata_rata([]) is None
	assert rata_rata([0, None]) == D(0)


def test_bulatkan():
	assert bulatkan(D("107.145")) == D("107.15")
	assert bulatkan(D("107.144999")) == D("107.14")
	assert bulatkan(2.675) == D("2.68")  # float 2.675 is below 2.675 in binary; handled as Decimal
	assert bulatkan(D("2.5"), 0) == D(3)
	assert bulatkan(D("0.125"), 2) == D("0.13")
	assert str(bulatkan(90)) == "90.00"
	assert bulatkan(None) is None


def test_format_angka():
	assert format_angka(1234.5) == "1.234,50"
	assert format_angka(D("1234567.891")) == "1.234.567,89"
	assert format_angka(0) == "0,00"
	assert format_angka(D("999.995")) == "1.000,00"
	assert format_angka(D("2.5"), 0) == "3"
	assert format_angka(D("1234.5678"), 3) == "1.234,568"
	assert format_angka(None) == "belum ada data"


def test_format_persen():
	assert format_persen(capaian(JENIS_NEGATIF, 7, "6,5")) == "107,14%"
	assert format_persen(D("87.5")) == "87,50%"
	assert format_persen(D("0.005")) == "0,01%"
	assert format_persen(D(1500)) == "1.500,00%"
	assert format_persen(None) == "belum ada data"


# --- property tests -------------------------------------------------------------------------

angka = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)
target_positif = st.decimals(min_value=D("0.0001"), max_value=10**9, places=4)


@given(target=target_positif, a=angka, b=angka)
def test_positif_monotone_non_decreasing(target, a, b):
	low, high = sorted((a, b))
	assert capaian(JENIS_POSITIF, target, low) <= capaian(JENIS_POSITIF, target, high)


@given(target=target_positif, a=angka, b=angka)
def test_negatif_monotone_non_increasing_and_never_negative(target, a, b):
	low, high = sorted((a, b))
	hasil_low = capaian(JENIS_NEGATIF, target, low)
	hasil_high = capaian(JENIS_NEGATIF, target, high)
	assert hasil_low >= hasil_high >= 0
	assert hasil_low <= 200


@given(st.decimals(min_value=91, max_value=10**12, allow_nan=False, allow_infinity=False))
def test_predikat_high_is_sangat_tinggi(nilai):
	assert predikat(nilai) == "Sangat Tinggi"


@given(st.decimals(max_value=51, allow_nan=False, allow_infinity=False).filter(lambda v: v < 51))
def test_predikat_below_51_is_sangat_rendah(nilai):
	assert predikat(nilai) == "Sangat Rendah"


@given(
	nilai=st.decimals(min_value=0, max_value=10**15, allow_nan=False, allow_infinity=False),
	digits=st.integers(min_value=0, max_value=4),
)
def test_format_angka_round_trips_through_to_decimal(nilai, digits):
	assert to_decimal(format_angka(nilai, digits)) == bulatkan(nilai, digits)
	assert to_decimal(format_persen(nilai, digits)) == bulatkan(nilai, digits)


@given(whole=st.integers(min_value=0, max_value=10**12), frac=st.integers(min_value=0, max_value=99))
def test_hand_written_indonesian_string_round_trips(whole, frac):
	ribuan = f"{whole:,}".replace(",", ".")
	assert to_decimal(f"{ribuan},{frac:02d}") == D(whole) + D(frac) / 100


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_float_and_string_inputs_match_decimal(nilai):
	assert to_decimal(float(nilai)) == nilai
	assert to_decimal(str(nilai)) == nilai
	assert capaian(JENIS_POSITIF, 7, float(nilai)) == capaian(JENIS_POSITIF, 7, nilai)
