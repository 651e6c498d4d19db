"""The office calendar of Pengaturan Kinerja, as office_time wants it."""

import frappe
from frappe.utils import get_time, getdate

from kinerja_kecamatan.doctypes import PENGATURAN
from kinerja_kecamatan.engine.office_time import DEFAULT_CALENDAR, HARI, OfficeCalendar


def office_calendar() -> OfficeCalendar:
	settings = frappe.get_cached_doc(PENGATURAN)
	if not settings.get("jam_kerja"):
		return DEFAULT_CALENDAR
	return OfficeCalendar(
		hours={
			HARI.index(row.hari): (get_time(row.jam_mulai), get_time(row.jam_selesai))
			for row in settings.jam_kerja
		},
		holidays=frozenset(getdate(row.tanggal) for row in settings.get("hari_libur") or []),
	)
