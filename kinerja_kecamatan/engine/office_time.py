"""Office time: durations and deadlines counted only in office hours (jam kerja).

A step of the SOP is measured in office minutes against its standard time (mutu baku): time
outside office hours, on closed weekdays and on holidays does not count.

Pure Python, stdlib only (no frappe). Times are naive datetimes in the office's local time zone
(WITA); office hours are half-open intervals [opening, closing).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MAX_DAYS = 3660  # about ten years: a guard against a calendar that never opens
MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class OfficeCalendar:
	"""Office hours per weekday plus holidays.

	`hours` maps a weekday (0 = Monday … 6 = Sunday) to (opening, closing); a weekday that is
	absent is a closed day. `holidays` are dates on which the office is closed all day.

	>>> calendar = OfficeCalendar({0: (time(8, 0), time(12, 0))}, frozenset({date(2026, 11, 23)}))
	>>> calendar.window(date(2026, 11, 16))  # a Monday
	(datetime.datetime(2026, 11, 16, 8, 0), datetime.datetime(2026, 11, 16, 12, 0))
	>>> calendar.window(date(2026, 11, 23)) is None  # a Monday, but a holiday
	True
	"""

	hours: dict[int, tuple[time, time]]
	holidays: frozenset[date] = frozenset()

	def __post_init__(self):
		hours = {}
		for weekday, span in dict(self.hours).items():
			if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
				raise ValueError(f"Hari harus berupa angka 0 (Senin) sampai 6 (Minggu), bukan {weekday!r}")
			name = HARI[weekday]
			if not isinstance(span, tuple | list) or len(span) != 2:
				raise ValueError(f"Jam kerja {name} harus berupa pasangan (jam mulai, jam selesai)")
			opening, closing = span
			if not isinstance(opening, time) or not isinstance(closing, time):
				raise ValueError(f"Jam mulai dan jam selesai {name} harus berupa jam")
			if opening.tzinfo is not None or closing.tzinfo is not None:
				raise ValueError(f"Jam kerja {name} harus dalam waktu setempat (WITA) tanpa zona waktu")
			if closing <= opening:
				raise ValueError(f"Jam selesai harus setelah jam mulai ({name})")
			hours[weekday] = (opening, closing)

		holidays = set()
		for holiday in self.holidays:
			if isinstance(holiday, datetime):
				# a datetime never equals a date: keep only its day, or the holiday would be ignored
				holiday = holiday.date()
			elif not isinstance(holiday, date):
				raise ValueError(f"Hari libur harus berupa tanggal, bukan {holiday!r}")
			holidays.add(holiday)

		# private copies: changing the caller's dict afterwards must not bypass the checks above
		object.__setattr__(self, "hours", hours)
		object.__setattr__(self, "holidays", frozenset(holidays))

	def __hash__(self):
		return hash((tuple(sorted(self.hours.items())), self.holidays))

	def window(self, day: date) -> tuple[datetime, datetime] | None:
		"""Office hours of `day` as (opening, closing) datetimes, or None when the office is closed.

		>>> DEFAULT_CALENDAR.window(date(2026, 11, 20))  # a Friday
		(datetime.datetime(2026, 11, 20, 7, 30), datetime.datetime(2026, 11, 20, 11, 0))
		"""
		if day in self.holidays:
			return None
		span = self.hours.get(day.weekday())
		if span is None:
			return None
		return datetime.combine(day, span[0]), datetime.combine(day, span[1])


_MON_THU = (time(7, 30), time(16, 0))
DEFAULT_CALENDAR = OfficeCalendar(
	{0: _MON_THU, 1: _MON_THU, 2: _MON_THU, 3: _MON_THU, 4: (time(7, 30), time(11, 0))}
)
"""Monday–Thursday 07:30–16:00 (510 minutes), Friday 07:30–11:00 (210 minutes): 2250 a week."""


def is_office_time(moment: datetime, calendar: OfficeCalendar = DEFAULT_CALENDAR) -> bool:
	"""Whether `moment` falls within office hours: opening counts, closing does not.

	>>> is_office_time(datetime(2026, 11, 20, 10, 59))  # Friday
	True
	>>> is_office_time(datetime(2026, 11, 20, 11, 0))  # Friday, closing time
	False
	>>> is_office_time(datetime(2026, 11, 21, 9, 0))  # Saturday
	False
	"""
	window = calendar.window(moment.date())
	return window is not None and window[0] <= moment < window[1]


def office_minutes_between(
	start: datetime, end: datetime, calendar: OfficeCalendar = DEFAULT_CALENDAR
) -> int:
	"""Whole office minutes from `start` to `end`: the office seconds between them // 60.

	0 when `end` is not after `start`. Iterates over days, so a span of months is cheap.

	Friday 10:00 → Monday 08:30 with the default calendar: 60 (Friday until 11:00) + 60
	(Monday from 07:30) = 120.

	>>> office_minutes_between(datetime(2026, 11, 20, 10, 0), datetime(2026, 11, 23, 8, 30))
	120
	"""
	if end <= start:
		return 0
	total = timedelta(0)
	for ordinal in range(start.toordinal(), end.toordinal() + 1):
		window = calendar.window(date.fromordinal(ordinal))
		if window is None:
			continue
		overlap = min(window[1], end) - max(window[0], start)
		if overlap > timedelta(0):
			total += overlap
	return total // MINUTE


def add_office_minutes(
	start: datetime, minutes: int, calendar: OfficeCalendar = DEFAULT_CALENDAR
) -> datetime:
	"""The moment at which `minutes` office minutes have elapsed after `start` (a deadline).

	Outside office hours counting begins at the next opening; `minutes == 0` returns `start`
	unchanged. When the minutes run out exactly at closing time, that closing moment is returned.
	Raises ValueError for negative minutes, for a calendar without office hours, or when the
	minutes are not used up within about ten years.

	960 minutes (two 8-hour working days) from Thursday 15:00 with the default calendar:
	Thursday gives 60, Friday 210, Monday 510, and the last 180 fall on Tuesday → Tuesday 10:30.

	>>> add_office_minutes(datetime(2026, 11, 19, 15, 0), 960)
	datetime.datetime(2026, 11, 24, 10, 30)
	"""
	if minutes < 0:
		raise ValueError("Jumlah menit tidak boleh negatif")
	if minutes == 0:
		return start
	if not calendar.hours:
		raise ValueError("Kalender kantor tidak memiliki jam kerja")
	remaining = timedelta(minutes=minutes)
	first = start.toordinal()
	last = min(first + MAX_DAYS, date.max.toordinal() + 1)
	for ordinal in range(first, last):
		window = calendar.window(date.fromordinal(ordinal))
		if window is None:
			continue
		begin = max(window[0], start)
		available = window[1] - begin
		if available <= timedelta(0):
			continue
		if remaining <= available:
			return begin + remaining
		remaining -= available
	raise ValueError("Jam kerja kantor tidak mencukupi dalam sepuluh tahun ke depan")


def add_office_days(start: datetime, days: int, calendar: OfficeCalendar = DEFAULT_CALENDAR) -> datetime:
	"""The deadline of a time given in office days ("2 Hari"): the same point of the office day,
	`days` office days later; clamped to closing on a shorter day (a Friday).

	Outside office hours counting begins at the next opening. Monday 10:00 + 2 days is Wednesday
	10:00; Thursday 15:00 + 1 day is Friday 11:00 (Friday closes at 11:00).

	>>> add_office_days(datetime(2026, 11, 16, 10, 0), 2)
	datetime.datetime(2026, 11, 18, 10, 0)
	>>> add_office_days(datetime(2026, 11, 19, 15, 0), 1)
	datetime.datetime(2026, 11, 20, 11, 0)
	>>> add_office_days(datetime(2026, 11, 21, 9, 0), 2)  # Saturday: from Monday's opening
	datetime.datetime(2026, 11, 25, 7, 30)
	"""
	if days < 0:
		raise ValueError("Jumlah hari tidak boleh negatif")
	if days == 0:
		return start
	if not calendar.hours:
		raise ValueError("Kalender kantor tidak memiliki jam kerja")
	ordinal, offset = start.toordinal(), None
	window = calendar.window(start.date())
	if window and window[0] <= start < window[1]:
		offset = start - window[0]
	elif window and start < window[0]:
		offset = timedelta(0)
	for ordinal in range(start.toordinal() + (0 if offset is not None else 1), start.toordinal() + MAX_DAYS):
		window = calendar.window(date.fromordinal(ordinal))
		if window is not None:
			break
	else:
		raise ValueError("Jam kerja kantor tidak mencukupi dalam sepuluh tahun ke depan")
	offset = offset or timedelta(0)
	counted = 0
	for later in range(ordinal + 1, ordinal + MAX_DAYS):
		window = calendar.window(date.fromordinal(later))
		if window is None:
			continue
		counted += 1
		if counted == days:
			return min(window[0] + offset, window[1])
	raise ValueError("Jam kerja kantor tidak mencukupi dalam sepuluh tahun ke depan")
