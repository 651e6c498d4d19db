"""The demo's history: each quarter of the year on its own clock, and the quarter in progress.

A quarter is monitored in the month after it ends: TW I 2024 in April 2024. The server runs every
step now, so what a reader sees dated is set to that quarter's clock: the schedule's visit dates,
the Blanko's monitoring dates, the report's date (before the Camat signs it, so the signature
covers it) and, afterwards, the step log. Step durations vary, so some steps end late.
"""

from datetime import datetime, timedelta

import frappe

from kinerja_kecamatan.demo.quarter import (
	MONITORING,
	as_user,
	catat_pengecualian,
	fill_blanko,
	fill_units_isian,
	make_jadwal,
	run_quarter,
)
from kinerja_kecamatan.doctypes import JADWAL, JADWAL_UNIT, LAPORAN, LOG_LANGKAH
from kinerja_kecamatan.engine.capaian import capaian
from kinerja_kecamatan.engine.office_calendar import office_calendar
from kinerja_kecamatan.engine.office_time import add_office_minutes, office_minutes_between
from kinerja_kecamatan.engine.triwulan import TRIWULAN
from kinerja_kecamatan.workflow.distribution import update_progress
from kinerja_kecamatan.workflow.sop import deadline
from kinerja_kecamatan.workflow.sop_record import sop_of

# share of each step's standard time it took, step after step: above 1 is late
PACE = (0.5, 0.8, 0.6, 1.3, 0.7, 0.9, 1.6, 0.8, 0.6, 1.2, 0.4, 0.9, 0.7)
# each quarter's realisasi against its target, as a share of what TW I achieved (TW I: as given)
DRIFT = {"I": 1.0, "II": 1.04, "III": 0.93, "IV": 1.02}


def monitoring_month(tahun: int, triwulan: str) -> tuple[int, int]:
	"""The month after the quarter: (2024, "I") → (2024, 4); (2024, "IV") → (2025, 1)."""
	month = 3 * (TRIWULAN.index(triwulan) + 1) + 1
	return (tahun + 1, 1) if month > 12 else (tahun, month)


def quarter_clock(monitoring, tahun: int, triwulan: str, quarter_index: int) -> dict[int, tuple]:
	"""{step: (mulai, selesai)} of a quarter monitored in the month after it, from its first
	office morning, each step taking PACE of its SOP time."""
	sop = sop_of(monitoring)
	calendar = office_calendar()
	year, month = monitoring_month(tahun, triwulan)
	cursor = datetime(year, month, 2, 8, 0)
	while calendar.window(cursor.date()) is None:
		cursor += timedelta(days=1)
	clock = {}
	for position, current in enumerate(sop.steps):
		due = deadline(current, cursor, calendar)
		standard = office_minutes_between(cursor, due, calendar)
		pace = PACE[(position + quarter_index * 5) % len(PACE)]
		finished = add_office_minutes(cursor, max(1, int(standard * pace)), calendar)
		clock[current.number] = (cursor, finished)
		cursor = add_office_minutes(finished, 20, calendar)
	return clock


# what holds an indicator back, and the plan made for it, varying by indicator and quarter as a
# kecamatan's real reports do
HAMBATAN = (
	"Keterbatasan anggaran dan sarana pendukung",
	"Akses jalan ke desa terjauh sulit pada musim hujan",
	"Data dari desa terlambat disampaikan",
	"Jumlah petugas lapangan terbatas",
	"Pergantian operator desa yang belum terlatih",
)
RENCANA = (
	"Diusulkan tambahan anggaran pada perubahan APBD",
	"Jadwal ulang pelayanan keliling ke desa yang belum terjangkau",
	"Koordinasi dengan pemerintah desa untuk pendataan ulang sasaran",
	"Bimbingan teknis bagi operator desa pada bulan pertama triwulan berikutnya",
	"Sosialisasi melalui forum RT dan majelis taklim",
	"Percepatan verifikasi berkas bersama dinas teknis terkait",
	"Penambahan jam layanan pada hari Sabtu selama satu bulan",
	"Pemantauan mingguan oleh kepala seksi terhadap progres kegiatan",
)


def below_target_analysis(kode: str, triwulan: str) -> dict:
	"""The factor and the follow-up of an indicator below target in `triwulan`."""
	turn = sum(map(ord, kode)) + TRIWULAN.index(triwulan)
	return {
		"faktor_penghambat": HAMBATAN[turn % len(HAMBATAN)],
		"tindak_lanjut": RENCANA[turn % len(RENCANA)],
	}


def realisasi_for(triwulan: str, data):
	"""The reported value of a row in `triwulan`: the TW I value of the kecamatan's data module
	(demo/batumandi.py, demo/paringin.py), drifting by quarter."""

	def realisasi(row):
		for *_, indicators in data.UNITS:
			for kode, _uraian, _satuan, jenis, _tahunan, tw, value, faktor in indicators:
				if not row.indikator.startswith(f"{kode}-"):
					continue
				if value and triwulan != "I":
					number = float(value.replace(",", "."))
					if tw[0]:  # as far from this quarter's target as TW I was from its own
						number *= tw[TRIWULAN.index(triwulan)] / tw[0]
					number *= DRIFT[triwulan] if jenis != "Negatif" else 2 - DRIFT[triwulan]
					value = f"{number:.1f}".replace(".", ",").removesuffix(",0")
				nilai = capaian(jenis, tw[TRIWULAN.index(triwulan)], value) if value else None
				if nilai is not None and nilai < 100:
					faktor = {**data.PENDORONG, **below_target_analysis(kode, triwulan)}
				return value, faktor
		return None, None

	return realisasi


def archive_quarter(people: dict, heads: dict, monitoring: str, triwulan: str, verify, team: dict, data):
	"""Every step of one quarter, dated on its own clock; ends archived."""
	doc = frappe.get_doc(MONITORING, monitoring)
	clock = quarter_clock(doc, doc.tahun, triwulan, TRIWULAN.index(triwulan))
	realisasi = realisasi_for(triwulan, data)
	run_quarter(people, heads, monitoring, realisasi, until=6)
	jadwal = (
		frappe.db.get_value(JADWAL, {"monitoring": monitoring})
		or make_jadwal(team["penyusun"], monitoring, tim=team["tim"]).name
	)
	visit = clock[8][0]
	for row in frappe.get_all(JADWAL_UNIT, {"parent": jadwal}, ["name", "idx"], order_by="idx"):
		frappe.db.set_value(JADWAL_UNIT, row.name, "tanggal", visit.date(), update_modified=False)
	run_quarter(people, heads, monitoring, realisasi, until=8)
	fill_blanko(team["pelaksana"], monitoring, verify, ketua_tim=team["ketua"], tanggal=visit.date())
	run_quarter(people, heads, monitoring, realisasi, until=11)
	laporan = frappe.db.get_value(LAPORAN, {"monitoring": monitoring, "docstatus": 0})
	frappe.db.set_value(LAPORAN, laporan, "tanggal_laporan", clock[11][1].date())
	run_quarter(people, heads, monitoring, realisasi)
	retime_log(monitoring, clock)


def retime_log(monitoring: str, clock: dict) -> None:
	"""The step log as the quarter's clock has it, judged against the SOP's times."""
	doc = frappe.get_doc(MONITORING, monitoring)
	sop, calendar = sop_of(doc), office_calendar()
	for row in doc.log_langkah:
		started, finished = clock[row.langkah]
		due = deadline(sop.step(row.langkah), started, calendar)
		frappe.db.set_value(
			LOG_LANGKAH,
			row.name,
			{
				"mulai": started,
				"selesai": finished,
				"durasi_menit": office_minutes_between(started, finished, calendar),
				"mutu_baku_menit": office_minutes_between(started, due, calendar),
				"status_waktu": "Tepat Waktu" if finished <= due else "Terlambat",
			},
			update_modified=False,
		)


def open_current_quarter(
	people: dict, heads: dict, monitoring: str, excused: dict, late: set, team: dict, data
):
	"""The quarter in progress: at step 4, its collection past due, the units in `excused` excused
	and those in `late` not yet submitted."""
	doc = frappe.get_doc(MONITORING, monitoring)
	clock = quarter_clock(doc, doc.tahun, doc.triwulan, 0)
	realisasi = realisasi_for(doc.triwulan, data)
	if doc.langkah < 4:
		run_quarter(people, heads, monitoring, realisasi, until=4)
	doc.reload()
	fill_units_isian(monitoring, heads, realisasi, skip=set(excused) | set(late))
	for unit, reason in excused.items():
		if unit not in {row.unit_kerja for row in doc.pengecualian_isian}:
			with as_user(team["penyusun"]):
				catat_pengecualian(monitoring, unit, reason)
	started = clock[4][0]
	due = deadline(sop_of(doc).step(4), started, office_calendar())
	frappe.db.set_value(
		MONITORING,
		monitoring,
		{"langkah_dimulai": started, "batas_waktu_langkah": due},
		update_modified=False,
	)
	retime_log(monitoring, clock)
	update_progress(monitoring)
