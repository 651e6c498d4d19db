"""A Monitoring moving through the SOP: which step it is at, who acts, by when, and the step log.

The Workflow moves the state; `on_validate` reads the step from it (through the save's
`Transition`), checks kelengkapan before a step is left, requires a reason for a return, and logs
each step against its mutu baku. `after_transition` runs what the behaviour table says leaving or
entering a step leaves behind. Nothing here looks at a step's number or label.
"""

import frappe
from frappe import _
from frappe.model.workflow import validate_workflow
from frappe.utils import get_datetime, now_datetime

from kinerja_kecamatan.engine.office_calendar import office_calendar
from kinerja_kecamatan.engine.office_time import office_minutes_between
from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow import effects, kelengkapan
from kinerja_kecamatan.workflow.behaviours import behaviour
from kinerja_kecamatan.workflow.sop import deadline
from kinerja_kecamatan.workflow.sop_record import active_revision
from kinerja_kecamatan.workflow.transition import Transition


def on_validate(move: Transition) -> None:
	doc, before = move.doc, move.before
	doc.langkah = move.current
	restore_server_fields(doc, before)
	if not before:
		doc.revisi_sop = active_revision(doc.kecamatan)
		start_step(move, now_datetime())
		return
	if not move.moving:
		return
	# Frappe's own role check first, so no one learns of missing kelengkapan for a step not theirs
	validate_workflow(doc)
	if move.returned:
		if not (doc.alasan_pengembalian or "").strip():
			throw_if_any(
				[
					_('Tuliskan alasan pengembalian (lalu simpan) sebelum memilih "{0}".').format(
						_(move.action)
					)
				],
				_("Alasan pengembalian wajib diisi"),
			)
		note = doc.alasan_pengembalian.strip()
	else:
		throw_if_any(
			kelengkapan.missing_for(move.sop.step(move.previous).behaviour, doc),
			_("Kelengkapan langkah {0} belum terpenuhi").format(move.previous),
		)
		note = None
	log_step(move, note)
	doc.alasan_pengembalian = None
	start_step(move, now_datetime())


def after_transition(move: Transition | None) -> None:
	"""What a completed step leaves behind: the documents the next step works on."""
	if not move or not move.moving:
		return
	left = behaviour(move.sop.step(move.previous).behaviour)
	if left and left.on_leave:
		getattr(effects, left.on_leave)(move.doc, move.forward)
	if move.forward and move.current != move.sop.archived:
		entered = behaviour(move.sop.step(move.current).behaviour)
		if entered and entered.on_enter:
			getattr(effects, entered.on_enter)(move.doc)


def restore_server_fields(doc, before) -> None:
	"""Who recorded an exception is the server's to say (server_fields.py takes back the rest)."""
	if not before:
		return
	known = {(row.unit_kerja, row.alasan) for row in before.pengecualian_isian}
	for row in doc.pengecualian_isian:
		if (row.unit_kerja, row.alasan) not in known:
			row.dicatat_oleh = frappe.session.user


def start_step(move: Transition, moment) -> None:
	doc, sop = move.doc, move.sop
	doc.langkah_dimulai = moment
	doc.pengingat_terkirim = doc.eskalasi_terkirim = 0
	if doc.langkah == sop.archived:
		doc.uraian_langkah = _("Selesai: Laporan Hasil Monitoring diarsipkan")
		doc.pelaksana_langkah = doc.batas_waktu_langkah = None
		return
	current = sop.step(doc.langkah)
	doc.uraian_langkah = f"{current.number}. {current.uraian}"
	doc.pelaksana_langkah = move.actor_of(doc.langkah)
	doc.batas_waktu_langkah = deadline(current, moment, office_calendar())


def log_step(move: Transition, note: str | None) -> None:
	"""The step just left, against its mutu baku: late when finished after the deadline its SOP
	revision gives a step started when this one did."""
	doc, left = move.doc, move.sop.step(move.previous)
	finished = now_datetime()
	started = get_datetime(doc.langkah_dimulai) if doc.langkah_dimulai else finished
	calendar = office_calendar()
	due = deadline(left, started, calendar)
	doc.append(
		"log_langkah",
		{
			"langkah": left.number,
			"uraian": left.uraian,
			"aksi": _(move.action),
			"pengguna": frappe.session.user,
			"mulai": started,
			"selesai": finished,
			"durasi_menit": office_minutes_between(started, finished, calendar),
			"mutu_baku_menit": office_minutes_between(started, due, calendar),
			"status_waktu": "Tepat Waktu" if finished <= due else "Terlambat",
			"catatan": note,
		},
	)
