"""Office time: what a step's duration and deadline count. Pure unit tests, no site."""

from datetime import datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_kecamatan.workflow.office_time import (
	DEFAULT_CALENDAR,
	OfficeCalendar,
	add_office_minutes,
	is_office_time,
	office_minutes_between,
)

# 2026-11-16 is a Monday
MON, TUE, WED, THU, FRI, SAT, SUN = (datetime(2026, 11, 16) + timedelta(days=d) for d in range(7))


def at(day: datetime, hhmm: str) -> datetime:
	h, m = map(int, hhmm.split(":"))
	return day.replace(hour=h, minute=m)


def test_same_day():
	assert office_minutes_between(at(MON, "08:00"), at(MON, "09:30")) == 90


def test_outside_hours_does_not_count():
	assert office_minutes_between(at(MON, "06:00"), at(MON, "07:45")) == 15
	assert office_minutes_between(at(MON, "15:30"), at(MON, "20:00")) == 30
	assert office_minutes_between(at(SAT, "08:00"), at(SUN, "12:00")) == 0


def test_across_the_weekend_with_fridays_short_day():
	assert office_minutes_between(at(FRI, "10:00"), at(MON + timedelta(days=7), "08:30")) == 120


def test_full_week():
	assert office_minutes_between(at(MON, "07:30"), at(MON + timedelta(days=7), "07:30")) == 4 * 510 + 210


def test_holiday_is_skipped():
	calendar = OfficeCalendar(DEFAULT_CALENDAR.hours, frozenset({WED.date()}))
	assert office_minutes_between(at(TUE, "15:00"), at(THU, "08:30"), calendar) == 120
	assert not is_office_time(at(WED, "09:00"), calendar)
	assert is_office_time(at(WED, "09:00"))


def test_end_before_start_is_zero():
	assert office_minutes_between(at(TUE, "10:00"), at(MON, "10:00")) == 0


def test_deadline_across_weekend():
	# two office days (960 min) from Thursday 15:00: Thu 60, Fri 210, Mon 510, Tue 180
	assert add_office_minutes(at(THU, "15:00"), 960) == at(TUE + timedelta(days=7), "10:30")


def test_deadline_skips_holiday_and_starts_at_opening():
	calendar = OfficeCalendar(DEFAULT_CALENDAR.hours, frozenset({MON.date()}))
	assert add_office_minutes(at(SUN - timedelta(days=7), "20:00"), 10, calendar) == at(TUE, "07:40")
	assert add_office_minutes(at(MON, "09:00"), 0, calendar) == at(MON, "09:00")


def test_calendar_is_validated():
	with pytest.raises(ValueError, match="Jam selesai harus setelah jam mulai"):
		OfficeCalendar({4: (time(11, 0), time(7, 30))})
	with pytest.raises(ValueError):
		add_office_minutes(at(MON, "08:00"), 10, OfficeCalendar({}))


office_moments = st.datetimes(min_value=MON, max_value=MON + timedelta(days=21)).filter(is_office_time)


@settings(max_examples=200, deadline=None)
@given(start=office_moments, minutes=st.integers(min_value=0, max_value=5000))
def test_deadline_is_the_inverse_of_duration(start, minutes):
	start = start.replace(second=0, microsecond=0)
	assert office_minutes_between(start, add_office_minutes(start, minutes)) == minutes


@settings(max_examples=200, deadline=None)
@given(
	start=st.datetimes(min_value=MON, max_value=MON + timedelta(days=21)),
	a=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)),
	b=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)),
)
def test_more_time_never_counts_fewer_minutes(start, a, b):
	shorter, longer = sorted((a, b))
	assert office_minutes_between(start, start + shorter) <= office_minutes_between(start, start + longer)
