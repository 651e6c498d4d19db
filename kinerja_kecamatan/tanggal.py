"""Dates in Indonesian, as the report prints them. Pure Python."""

from datetime import date, datetime

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
