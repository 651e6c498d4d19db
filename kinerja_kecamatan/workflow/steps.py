"""A Monitoring moving through the SOP: which step it is at, who acts, by when, and the step log.

The Workflow moves the state; this module reads the step from it, checks kelengkapan before a
step is left, requires a reason for a return, and logs each step against its mutu baku.
"""

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name, validate_workflow
from frappe.utils import get_datetime, now_datetime

from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow import kelengkapan
from kinerja_kecamatan.workflow.office_calendar import office_calendar
from kinerja_kecamatan.workflow.office_time import add_office_minutes, office_minutes_between
from kinerja_kecamatan.workflow.sop import ARCHIVED, RETURNS, step


def step_of_state(state: str | None) -> int:
	"""The SOP step a Workflow State stands for (its "update value"), 1 before any state."""
	workflow = get_workflow_name("Monitoring Kinerja Triwulan")
	if not state or not workflow:
		return 1
	value = frappe.db.get_value(
		"Workflow Document State", {"parent": workflow, "state": state}, "update_value"
	)
	return int(value) if value else 1


def on_validate(doc) -> None:
	before = doc.get_doc_before_save()
	doc.langkah = step_of_state(doc.workflow_state)
	restore_server_fields(doc, before)
	if not before:
		start_step(doc, now_datetime())
		return
	previous = before.langkah or 1
	if previous == doc.langkah:
		return
	# Frappe's own role check first, so no one learns of missing kelengkapan for a step not theirs
	validate_workflow(doc)
	returned = next((r for r in RETURNS if (r.from_step, r.to_step) == (previous, doc.langkah)), None)
	if returned:
		if not (doc.alasan_pengembalian or "").strip():
			throw_if_any(
				[
					_('Tuliskan alasan pengembalian (lalu simpan) sebelum memilih "{0}".').format(
						_(returned.action)
					)
				],
				_("Alasan pengembalian wajib diisi"),
			)
		action, note = returned.action, doc.alasan_pengembalian.strip()
	else:
		throw_if_any(
			kelengkapan.missing_for(previous, doc),
			_("Kelengkapan langkah {0} belum terpenuhi").format(previous),
		)
		action, note = step(previous).action, None
	log_step(doc, previous, action, note)
	doc.alasan_pengembalian = None
	start_step(doc, now_datetime())


def after_transition(doc) -> None:
	"""What a completed step leaves behind: the documents the next step works on."""
	from kinerja_kecamatan.laporan import draft_laporan, sign_laporan
	from kinerja_kecamatan.workflow.blanko import prepare_blanko
	from kinerja_kecamatan.workflow.distribution import close_isian_tasks, distribute_formats

	before = doc.get_doc_before_save()
	if not before or before.langkah == doc.langkah:
		return
	move = (before.langkah, doc.langkah)
	if move == (3, 4):
		distribute_formats(doc)
	elif move == (4, 5):
		close_isian_tasks(doc.name)
	elif move in ((7, 8), (7, 6)):
		note_on_jadwal(doc, approved=move == (7, 8), reason=doc.log_langkah[-1].catatan)
		if move == (7, 8):
			prepare_blanko(doc)
	elif move == (8, 9):
		draft_laporan(doc)
	elif move == (11, 12):
		sign_laporan(doc)


def note_on_jadwal(doc, approved: bool, reason: str | None) -> None:
	"""The schedule's history shows the Camat's approval or return with its notes."""
	jadwal = frappe.db.get_value("Jadwal Monitoring", {"monitoring": doc.name})
	if not jadwal:
		return
	text = _("Disetujui oleh Camat.") if approved else _("Dikembalikan oleh Camat: {0}").format(reason)
	frappe.get_doc("Jadwal Monitoring", jadwal).add_comment("Info", text)


def restore_server_fields(doc, before) -> None:
	"""The log and step timing are the server's: whatever a client sent for them is discarded."""
	if not before:
		doc.set("log_langkah", [])
		return
	doc.set("log_langkah", [row.as_dict() for row in before.log_langkah])
	for field in ("langkah_dimulai", "batas_waktu_langkah", "pengingat_terkirim", "eskalasi_terkirim"):
		doc.set(field, before.get(field))
	known = {(row.unit_kerja, row.alasan) for row in before.pengecualian_isian}
	for row in doc.pengecualian_isian:
		if (row.unit_kerja, row.alasan) not in known:
			row.dicatat_oleh = frappe.session.user


def start_step(doc, moment) -> None:
	doc.langkah_dimulai = moment
	doc.pengingat_terkirim = doc.eskalasi_terkirim = 0
	if doc.langkah == ARCHIVED:
		doc.uraian_langkah = _("Selesai: Laporan Hasil Monitoring diarsipkan")
		doc.pelaksana_langkah = doc.batas_waktu_langkah = None
		return
	current = step(doc.langkah)
	doc.uraian_langkah = f"{current.number}. {current.uraian}"
	doc.pelaksana_langkah = actor_of(doc.langkah)
	doc.batas_waktu_langkah = add_office_minutes(moment, current.mutu_baku_minutes, office_calendar())


def actor_of(number: int) -> str:
	"""Who must act at a step: the role the (possibly admin-edited) Workflow allows to complete it."""
	workflow = get_workflow_name("Monitoring Kinerja Triwulan")
	allowed = frappe.db.get_value(
		"Workflow Transition",
		{"parent": workflow, "state": step(number).state, "action": step(number).action},
		"allowed",
	)
	return allowed or step(number).actor


def log_step(doc, number: int, action: str, note: str | None) -> None:
	finished = now_datetime()
	started = get_datetime(doc.langkah_dimulai) if doc.langkah_dimulai else finished
	duration = office_minutes_between(started, finished, office_calendar())
	standard = step(number).mutu_baku_minutes
	doc.append(
		"log_langkah",
		{
			"langkah": number,
			"uraian": step(number).uraian,
			"aksi": _(action),
			"pengguna": frappe.session.user,
			"mulai": started,
			"selesai": finished,
			"durasi_menit": duration,
			"mutu_baku_menit": standard,
			"status_waktu": "Tepat Waktu" if duration <= standard else "Terlambat",
			"catatan": note,
		},
	)
