"""Office time: durations and deadlines counted only in office hours (jam kerja).

Pure Python. Times are naive datetimes in the office's time zone (WITA).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MAX_DAYS = 3660  # ten years: a guard against a calendar with no office hours


@dataclass(frozen=True)
class OfficeCalendar:
	hours: dict[int, tuple[time, time]]  # weekday (0 = Monday) → (opening, closing)
	holidays: frozenset[date] = field(default_factory=frozenset)

	def __post_init__(self):
		for weekday, (opening, closing) in self.hours.items():
			if not 0 <= weekday <= 6:
				raise ValueError(f"Hari tidak dikenal: {weekday}")
			if closing <= opening:
				raise ValueError(f"Jam selesai harus setelah jam mulai ({HARI[weekday]})")

	def window(self, day: date) -> tuple[datetime, datetime] | None:
		"""Office hours of `day`, or None when the office is closed."""
		if day in self.holidays or day.weekday() not in self.hours:
			return None
		opening, closing = self.hours[day.weekday()]
		return datetime.combine(day, opening), datetime.combine(day, closing)


DEFAULT_CALENDAR = OfficeCalendar(
	{
		0: (time(7, 30), time(16, 0)),
		1: (time(7, 30), time(16, 0)),
		2: (time(7, 30), time(16, 0)),
		3: (time(7, 30), time(16, 0)),
		4: (time(7, 30), time(11, 0)),
	}
)


def is_office_time(moment: datetime, calendar: OfficeCalendar = DEFAULT_CALENDAR) -> bool:
	window = calendar.window(moment.date())
	return bool(window) and window[0] <= moment < window[1]


def office_minutes_between(
	start: datetime, end: datetime, calendar: OfficeCalendar = DEFAULT_CALENDAR
) -> int:
	"""Whole office minutes from `start` to `end`.

	Friday 10:00 → Monday 08:30 with the default calendar: 60 (Friday until 11:00) + 60 = 120.
	"""
	if end <= start:
		return 0
	seconds = 0.0
	day = start.date()
	while day <= end.date():
		window = calendar.window(day)
		if window:
			overlap = min(window[1], end) - max(window[0], start)
			seconds += max(overlap.total_seconds(), 0)
		day += timedelta(days=1)
	return int(seconds // 60)


def add_office_minutes(
	start: datetime, minutes: int, calendar: OfficeCalendar = DEFAULT_CALENDAR
) -> datetime:
	"""The moment `minutes` office minutes after `start`.

	Two office days (2 × 480) from Thursday 15:00: Thursday gives 60, Friday 210, Monday 510,
	Tuesday the last 180 → Tuesday 10:30.
	"""
	if minutes <= 0:
		return start
	if not calendar.hours:
		raise ValueError("Kalender kantor tidak memiliki jam kerja")
	remaining = timedelta(minutes=minutes)
	day = start.date()
	for _ in range(MAX_DAYS):
		window = calendar.window(day)
		if window:
			begin = max(window[0], start)
			available = window[1] - begin
			if available > timedelta(0):
				if remaining <= available:
					return begin + remaining
				remaining -= available
		day += timedelta(days=1)
	raise ValueError("Kalender kantor tidak memiliki jam kerja dalam sepuluh tahun")
