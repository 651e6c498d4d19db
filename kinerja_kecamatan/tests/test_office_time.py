"""Office time: what a step's duration and deadline count. Pure unit tests, no site."""

import doctest
from datetime import datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_kecamatan.engine import office_time
from kinerja_kecamatan.engine.office_time import (
	DEFAULT_CALENDAR,
	HARI,
	OfficeCalendar,
	add_office_minutes,
	is_office_time,
	office_minutes_between,
)

# 2026-11-16 is a Monday
MON, TUE, WED, THU, FRI, SAT, SUN = (datetime(2026, 11, 16) + timedelta(days=d) for d in range(7))
WEEK = timedelta(days=7)


def at(day: datetime, hhmm: str, second: int = 0, microsecond: int = 0) -> datetime:
	h, m = map(int, hhmm.split(":"))
	return day.replace(hour=h, minute=m, second=second, microsecond=microsecond)


def with_holidays(*days: datetime) -> OfficeCalendar:
	return OfficeCalendar(DEFAULT_CALENDAR.hours, frozenset(day.date() for day in days))


# --- the calendar ---------------------------------------------------------------------------


def test_day_names_and_default_calendar():
	assert HARI == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
	assert DEFAULT_CALENDAR.hours == {
		0: (time(7, 30), time(16, 0)),
		1: (time(7, 30), time(16, 0)),
		2: (time(7, 30), time(16, 0)),
		3: (time(7, 30), time(16, 0)),
		4: (time(7, 30), time(11, 0)),
	}
	assert DEFAULT_CALENDAR.holidays == frozenset()
	assert MON.weekday() == 0 and SUN.weekday() == 6


def test_window():
	assert DEFAULT_CALENDAR.window(FRI.date()) == (at(FRI, "07:30"), at(FRI, "11:00"))
	assert DEFAULT_CALENDAR.window(SAT.date()) is None
	assert with_holidays(WED).window(WED.date()) is None


@pytest.mark.parametrize(
	("hours", "message"),
	[
		({4: (time(11, 0), time(7, 30))}, r"Jam selesai harus setelah jam mulai \(Jumat\)"),
		({0: (time(8, 0), time(8, 0))}, r"Jam selesai harus setelah jam mulai \(Senin\)"),
		({7: (time(8, 0), time(9, 0))}, "Hari harus berupa angka 0 \\(Senin\\) sampai 6 \\(Minggu\\)"),
		({-1: (time(8, 0), time(9, 0))}, "Hari harus berupa angka"),
		({"Senin": (time(8, 0), time(9, 0))}, "Hari harus berupa angka"),
		({True: (time(8, 0), time(9, 0))}, "Hari harus berupa angka"),
		({2: (time(8, 0),)}, "Jam kerja Rabu harus berupa pasangan"),
		({3: ("08:00", "16:00")}, "Jam mulai dan jam selesai Kamis harus berupa jam"),
		({5: (time(8, 0, tzinfo=timezone.utc), time(9, 0))}, "Sabtu harus dalam waktu setempat"),
	],
)
def test_calendar_is_validated(hours, message):
	with pytest.raises(ValueError, match=message):
		OfficeCalendar(hours)


def test_holidays_are_validated_and_normalised():
	with pytest.raises(ValueError, match="Hari libur harus berupa tanggal"):
		OfficeCalendar(DEFAULT_CALENDAR.hours, frozenset({"2026-11-18"}))
	# a datetime given as a holiday still closes that day
	calendar = OfficeCalendar(DEFAULT_CALENDAR.hours, frozenset({at(WED, "00:00")}))
	assert calendar.holidays == frozenset({WED.date()})
	assert not is_office_time(at(WED, "09:00"), calendar)
	# any iterable of dates will do
	assert OfficeCalendar(DEFAULT_CALENDAR.hours, [WED.date()]).holidays == frozenset({WED.date()})


def test_calendar_keeps_its_own_copy_and_is_hashable():
	hours = {0: (time(8, 0), time(12, 0))}
	calendar = OfficeCalendar(hours)
	hours[0] = (time(12, 0), time(8, 0))  # would be invalid; must not leak into the calendar
	hours[1] = (time(8, 0), time(12, 0))
	assert calendar.hours == {0: (time(8, 0), time(12, 0))}
	assert calendar == OfficeCalendar({0: (time(8, 0), time(12, 0))})
	assert hash(calendar) == hash(OfficeCalendar({0: (time(8, 0), time(12, 0))}))
	assert calendar != OfficeCalendar({0: (time(8, 0), time(12, 0))}, frozenset({MON.date()}))


# --- is_office_time -------------------------------------------------------------------------


@pytest.mark.parametrize(
	("moment", "expected"),
	[
		(at(MON, "07:30"), True),  # opening counts
		(at(MON, "07:29", 59, 999999), False),
		(at(MON, "15:59", 59, 999999), True),
		(at(MON, "16:00"), False),  # closing does not
		(at(FRI, "10:59"), True),
		(at(FRI, "11:00"), False),  # Friday's short day
		(at(FRI, "14:00"), False),
		(at(SAT, "09:00"), False),
		(at(SUN, "09:00"), False),
	],
)
def test_is_office_time(moment, expected):
	assert is_office_time(moment) is expected


# --- office_minutes_between -----------------------------------------------------------------


def test_same_day():
	assert office_minutes_between(at(MON, "08:00"), at(MON, "09:30")) == 90
	assert office_minutes_between(at(TUE, "07:30"), at(TUE, "16:00")) == 510


def test_start_or_end_outside_hours():
	assert office_minutes_between(at(MON, "06:00"), at(MON, "07:45")) == 15  # before opening
	assert office_minutes_between(at(MON, "15:30"), at(MON, "20:00")) == 30  # after closing
	assert office_minutes_between(at(MON, "05:00"), at(MON, "22:00")) == 510
	assert office_minutes_between(at(MON, "17:00"), at(TUE, "07:00")) == 0  # overnight
	assert office_minutes_between(at(MON, "17:00"), at(TUE, "08:00")) == 30
	assert office_minutes_between(at(SAT, "08:00"), at(SUN, "12:00")) == 0
	assert office_minutes_between(at(SAT, "08:00"), at(MON + WEEK, "08:00")) == 30


def test_fridays_short_day():
	assert office_minutes_between(at(FRI, "07:30"), at(FRI, "11:00")) == 210
	assert office_minutes_between(at(FRI, "10:00"), at(FRI, "15:00")) == 60
	assert office_minutes_between(at(FRI, "11:00"), at(FRI, "16:00")) == 0


def test_across_the_weekend():
	assert office_minutes_between(at(FRI, "10:00"), at(MON + WEEK, "08:30")) == 120
	assert office_minutes_between(at(THU, "15:00"), at(MON + WEEK, "07:30")) == 60 + 210


def test_holiday_is_skipped():
	calendar = with_holidays(WED)
	assert office_minutes_between(at(TUE, "15:00"), at(THU, "08:30"), calendar) == 120
	assert office_minutes_between(at(TUE, "15:00"), at(THU, "08:30")) == 60 + 510 + 60
	assert office_minutes_between(at(WED, "08:00"), at(WED, "12:00"), calendar) == 0
	# a long weekend: Friday and Monday off
	calendar = with_holidays(FRI, MON + WEEK)
	assert office_minutes_between(at(THU, "15:00"), at(TUE + WEEK, "08:00"), calendar) == 60 + 30


def test_full_week():
	assert office_minutes_between(at(MON, "07:30"), at(MON + WEEK, "07:30")) == 4 * 510 + 210 == 2250
	assert office_minutes_between(at(SUN - WEEK, "00:00"), at(SUN, "23:59")) == 2250


def test_long_spans_are_counted_by_day():
	assert office_minutes_between(at(MON, "07:30"), at(MON + 4 * WEEK, "07:30")) == 4 * 2250
	ten_years = 522 * WEEK
	assert office_minutes_between(at(MON, "00:00"), at(MON + ten_years, "00:00")) == 522 * 2250


def test_partial_minutes_are_floored():
	assert office_minutes_between(at(MON, "08:00"), at(MON, "08:00", 59, 999999)) == 0
	assert office_minutes_between(at(MON, "08:00", 30), at(MON, "08:01", 29)) == 0
	assert office_minutes_between(at(MON, "08:00", 30), at(MON, "08:01", 30)) == 1
	# 30 seconds before closing plus 30 seconds after the next opening make one minute
	assert office_minutes_between(at(MON, "15:59", 30), at(TUE, "07:30", 30)) == 1
	assert office_minutes_between(at(MON, "15:59", 30), at(TUE, "07:30", 29)) == 0


def test_end_not_after_start_is_zero():
	assert office_minutes_between(at(TUE, "10:00"), at(MON, "10:00")) == 0
	assert office_minutes_between(at(TUE, "10:00"), at(TUE, "10:00")) == 0


def test_custom_calendar_with_saturday():
	calendar = OfficeCalendar({**DEFAULT_CALENDAR.hours, 5: (time(8, 0), time(12, 0))})
	assert office_minutes_between(at(FRI, "10:00"), at(MON + WEEK, "08:30"), calendar) == 60 + 240 + 60
	assert is_office_time(at(SAT, "09:00"), calendar)


# --- add_office_minutes ---------------------------------------------------------------------


def test_deadline_same_day():
	assert add_office_minutes(at(MON, "08:00"), 90) == at(MON, "09:30")
	# running out exactly at closing gives the closing moment, not the next opening
	assert add_office_minutes(at(MON, "07:30"), 510) == at(MON, "16:00")
	assert add_office_minutes(at(MON, "07:30"), 511) == at(TUE, "07:31")


def test_deadline_across_weekend():
	# 960 minutes from Thursday 15:00: Thu 60, Fri 210, Mon 510, Tue 180
	assert add_office_minutes(at(THU, "15:00"), 960) == at(TUE + WEEK, "10:30")
	assert add_office_minutes(at(FRI, "10:00"), 120) == at(MON + WEEK, "08:30")
	assert add_office_minutes(at(FRI, "10:00"), 60) == at(FRI, "11:00")


def test_deadline_skips_holidays():
	calendar = with_holidays(WED)
	assert add_office_minutes(at(TUE, "15:00"), 120, calendar) == at(THU, "08:30")
	assert add_office_minutes(at(TUE, "15:00"), 120) == at(WED, "08:30")
	calendar = with_holidays(MON)
	assert add_office_minutes(at(SUN - WEEK, "20:00"), 10, calendar) == at(TUE, "07:40")


def test_deadline_starts_counting_at_the_next_opening():
	assert add_office_minutes(at(MON, "06:00"), 30) == at(MON, "08:00")
	assert add_office_minutes(at(MON, "17:00"), 30) == at(TUE, "08:00")
	assert add_office_minutes(at(FRI, "12:00"), 1) == at(MON + WEEK, "07:31")
	assert add_office_minutes(at(SAT, "09:00"), 1) == at(MON + WEEK, "07:31")


def test_zero_minutes_returns_start_unchanged():
	assert add_office_minutes(at(MON, "09:00"), 0) == at(MON, "09:00")
	assert add_office_minutes(at(SAT, "09:00"), 0) == at(SAT, "09:00")
	assert add_office_minutes(at(SAT, "09:00"), 0, OfficeCalendar({})) == at(SAT, "09:00")


def test_deadline_keeps_seconds():
	assert add_office_minutes(at(MON, "15:59", 30, 5), 1) == at(TUE, "07:30", 30, 5)


def test_deadline_errors():
	with pytest.raises(ValueError, match="tidak memiliki jam kerja"):
		add_office_minutes(at(MON, "08:00"), 10, OfficeCalendar({}))
	with pytest.raises(ValueError, match="tidak boleh negatif"):
		add_office_minutes(at(MON, "08:00"), -1)
	# open only on Mondays, but every Monday for eleven years is a holiday: must stop, not loop
	mondays = frozenset((MON + k * WEEK).date() for k in range(11 * 53))
	with pytest.raises(ValueError, match="sepuluh tahun"):
		add_office_minutes(at(MON, "08:00"), 10, OfficeCalendar({0: (time(8, 0), time(9, 0))}, mondays))


def test_deadline_far_in_the_future():
	assert add_office_minutes(at(MON, "07:30"), 500 * 2250) == at(
		MON + 500 * WEEK - timedelta(days=3), "11:00"
	)
	assert add_office_minutes(at(MON, "07:30"), 500 * 2250 + 1) == at(MON + 500 * WEEK, "07:31")


def test_docstring_examples():
	failures, tried = doctest.testmod(office_time)
	assert tried >= 8
	assert failures == 0


# --- properties -----------------------------------------------------------------------------

SPAN = 21  # days of moments drawn from, starting at MON
moments = st.datetimes(min_value=MON - timedelta(days=2), max_value=MON + timedelta(days=SPAN))


@st.composite
def office_moments(draw, calendar: OfficeCalendar = DEFAULT_CALENDAR):
	"""A moment within office hours (to the microsecond), built directly rather than filtered."""
	open_days = [window for d in range(SPAN) if (window := calendar.window((MON + timedelta(days=d)).date()))]
	opening, closing = draw(st.sampled_from(open_days))
	length = (closing - opening) // timedelta(microseconds=1)
	return opening + timedelta(microseconds=draw(st.integers(min_value=0, max_value=length - 1)))


@st.composite
def calendars(draw):
	"""Any valid calendar with at least one open weekday and some holidays around MON."""
	hours = {}
	for weekday in range(7):
		if draw(st.booleans()):
			opening = draw(st.integers(min_value=0, max_value=1438))
			closing = draw(st.integers(min_value=opening + 1, max_value=1439))
			hours[weekday] = (time(*divmod(opening, 60)), time(*divmod(closing, 60)))
	if not hours:
		hours[draw(st.integers(min_value=0, max_value=6))] = (time(8, 0), time(12, 0))
	holidays = draw(st.frozensets(st.dates(min_value=MON.date(), max_value=(MON + WEEK * 3).date())))
	return OfficeCalendar(hours, holidays)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), minutes=st.integers(min_value=0, max_value=5000))
def test_deadline_is_the_inverse_of_duration(data, minutes):
	start = data.draw(office_moments())
	assert is_office_time(start)
	deadline = add_office_minutes(start, minutes)
	assert office_minutes_between(start, deadline) == minutes
	if minutes:
		# and it is the earliest such moment: just before it, one minute is still missing
		assert office_minutes_between(start, deadline - timedelta(microseconds=1)) == minutes - 1


@settings(max_examples=200, deadline=None)
@given(calendar=calendars(), start=moments, minutes=st.integers(min_value=1, max_value=5000))
def test_deadline_is_the_inverse_for_any_calendar_and_start(calendar, start, minutes):
	# stay well inside the ten-year guard, even for a calendar open one minute a week
	weekly = sum(
		(datetime.combine(MON, closing) - datetime.combine(MON, opening)) // timedelta(minutes=1)
		for opening, closing in calendar.hours.values()
	)
	minutes = min(minutes, 100 * weekly)
	deadline = add_office_minutes(start, minutes, calendar)
	assert deadline > start
	assert office_minutes_between(start, deadline, calendar) == minutes
	assert office_minutes_between(start, deadline - timedelta(microseconds=1), calendar) == minutes - 1


@settings(max_examples=200, deadline=None)
@given(
	start=moments,
	a=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)),
	b=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)),
)
def test_more_time_never_counts_fewer_minutes(start, a, b):
	shorter, longer = sorted((a, b))
	assert office_minutes_between(start, start + shorter) <= office_minutes_between(start, start + longer)
	# and starting later never counts more
	end = start + longer
	assert office_minutes_between(start + shorter, end) <= office_minutes_between(start, end)


@settings(max_examples=200, deadline=None)
@given(calendar=calendars(), a=moments, b=moments, c=moments)
def test_durations_add_up(calendar, a, b, c):
	a, b, c = sorted((a, b, c))
	parts = office_minutes_between(a, b, calendar) + office_minutes_between(b, c, calendar)
	# each part floors away less than a minute
	assert parts <= office_minutes_between(a, c, calendar) <= parts + 1
	whole = [moment.replace(second=0, microsecond=0) for moment in (a, b, c)]
	assert office_minutes_between(whole[0], whole[2], calendar) == office_minutes_between(
		whole[0], whole[1], calendar
	) + office_minutes_between(whole[1], whole[2], calendar)


@settings(max_examples=60, deadline=None)
@given(
	calendar=calendars(),
	start=st.integers(min_value=0, max_value=7 * 1440),
	length=st.integers(min_value=0, max_value=4 * 1440),
)
def test_matches_counting_minute_by_minute(calendar, start, length):
	first = MON - timedelta(days=2) + start * timedelta(minutes=1)
	by_minute = sum(is_office_time(first + k * timedelta(minutes=1), calendar) for k in range(length))
	assert office_minutes_between(first, first + length * timedelta(minutes=1), calendar) == by_minute
