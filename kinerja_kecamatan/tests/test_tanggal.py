"""Dates and times as Indonesian letters write them (pure, no site)."""

from datetime import date, datetime, time, timedelta

from kinerja_kecamatan.engine.tanggal import batas_waktu_indonesia, jam_indonesia, tanggal_indonesia


def test_a_date_in_indonesian():
	assert tanggal_indonesia(date(2024, 4, 5)) == "5 April 2024"
	assert tanggal_indonesia("2024-12-31") == "31 Desember 2024"
	assert tanggal_indonesia(None) == ""


def test_a_time_with_its_zone():
	assert jam_indonesia(timedelta(hours=9), "Asia/Makassar") == "09.00 WITA"
	assert jam_indonesia("13:30:00", "Asia/Jakarta") == "13.30 WIB"
	assert jam_indonesia(time(7, 5), "Asia/Jayapura") == "07.05 WIT"
	assert jam_indonesia("9:00:00", "Europe/London") == "09.00"
	assert jam_indonesia(None, "Asia/Makassar") == ""


def test_a_deadline_with_its_day():
	assert (
		batas_waktu_indonesia(datetime(2025, 4, 14, 12, 0), "Asia/Makassar")
		== "Senin, 14 April 2025 pukul 12.00 WITA"
	)
	assert (
		batas_waktu_indonesia(datetime(2025, 4, 18, 7, 30), "Asia/Jakarta")
		== "Jumat, 18 April 2025 pukul 07.30 WIB"
	)
	assert batas_waktu_indonesia(None) == ""
