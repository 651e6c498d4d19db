"""Dates in Indonesian, as the report prints them. Pure Python."""

from datetime import date, datetime, time, timedelta

BULAN = (
	"Januari",
	"Februari",
	"Maret",
	"April",
	"Mei",
	"Juni",
	"Juli",
	"Agustus",
	"September",
	"Oktober",
	"November",
	"Desember",
)


def tanggal_indonesia(value: date | datetime | str | None) -> str:
	"""2024-01-02 → "2 Januari 2024"; None → ""."""
	if not value:
		return ""
	if isinstance(value, str):
		value = date.fromisoformat(value[:10])
	return f"{value.day} {BULAN[value.month - 1]} {value.year}"


# Indonesia's three time zones, as letters and schedules name them
ZONA_WAKTU = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def jam_indonesia(value: time | timedelta | str | None, timezone: str | None = None) -> str:
	"""A time as an Indonesian letter writes it: 9:00:00 in Asia/Makassar → "09.00 WITA"."""
	if value in (None, ""):
		return ""
	if isinstance(value, timedelta):
		minutes = int(value.total_seconds() // 60)
		hour, minute = divmod(minutes, 60)
	elif isinstance(value, time):
		hour, minute = value.hour, value.minute
	else:
		hour, minute = (int(part) for part in str(value).split(":")[:2])
	zone = ZONA_WAKTU.get(timezone or "")
	return f"{hour:02d}.{minute:02d}" + (f" {zone}" if zone else "")


HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def batas_waktu_indonesia(value: datetime | None, timezone: str | None = None) -> str:
	"""A deadline as a letter writes it: 2025-04-14 12:00 in Asia/Makassar →
	"Senin, 14 April 2025 pukul 12.00 WITA"; None → ""."""
	if not value:
		return ""
	return (
		f"{HARI[value.weekday()]}, {tanggal_indonesia(value)} pukul {jam_indonesia(value.time(), timezone)}"
	)
