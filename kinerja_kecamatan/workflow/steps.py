"""A Monitoring moving through the SOP: which step it is at, who acts, by when, and the step log.

The Workflow moves the state; this module reads the step from it, checks kelengkapan before a
step is left, requires a reason for a return, and logs each step against its mutu baku. What a
step leaves behind is looked up by its behaviour key, never by its number or label.
"""

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name, validate_workflow
from frappe.utils import get_datetime, now_datetime

from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow import kelengkapan
from kinerja_kecamatan.workflow.office_calendar import office_calendar
from kinerja_kecamatan.workflow.office_time import office_minutes_between
from kinerja_kecamatan.workflow.sop import deadline
from kinerja_kecamatan.workflow.sop_record import active_revision, sop_of

MONITORING = "Monitoring Kinerja Triwulan"


def _workflow():
	name = get_workflow_name(MONITORING)
	return frappe.get_cached_doc("Workflow", name) if name else None


def step_of_state(state: str | None) -> int:
	"""The SOP step a Workflow State stands for (its "update value"), 1 before any state."""
	workflow = _workflow()
	row = workflow and next((s for s in workflow.states if s.state == state), None)
	return int(row.update_value) if row and row.update_value else 1


def transition_taken(before_state: str, after_state: str):
	"""The Workflow transition that led from one state to the other, as the desk shows it."""
	workflow = _workflow()
	return workflow and next(
		(t for t in workflow.transitions if t.state == before_state and t.next_state == after_state), None
	)


def on_validate(doc) -> None:
	before = doc.get_doc_before_save()
	doc.langkah = step_of_state(doc.workflow_state)
	restore_server_fields(doc, before)
	if not before:
		doc.revisi_sop = active_revision()
		start_step(doc, now_datetime())
		return
	previous = before.langkah or 1
	if previous == doc.langkah:
		return
	# Frappe's own role check first, so no one learns of missing kelengkapan for a step not theirs
	validate_workflow(doc)
	sop = sop_of(doc)
	taken = transition_taken(before.workflow_state, doc.workflow_state)
	returned = sop.return_between(previous, doc.langkah)
	if returned:
		action = taken.action if taken else returned.action
		if not (doc.alasan_pengembalian or "").strip():
			throw_if_any(
				[_('Tuliskan alasan pengembalian (lalu simpan) sebelum memilih "{0}".').format(_(action))],
				_("Alasan pengembalian wajib diisi"),
			)
		note = doc.alasan_pengembalian.strip()
	else:
		throw_if_any(
			kelengkapan.missing_for(sop.step(previous).behaviour, doc),
			_("Kelengkapan langkah {0} belum terpenuhi").format(previous),
		)
		action, note = (taken.action if taken else sop.step(previous).action), None
	log_step(doc, previous, action, note)
	doc.alasan_pengembalian = None
	start_step(doc, now_datetime())


def after_transition(doc) -> None:
	"""What a completed step leaves behind: the documents the next step works on."""
	before = doc.get_doc_before_save()
	if not before or not before.langkah or before.langkah == doc.langkah:
		return
	sop = sop_of(doc)
	left = sop.step(before.langkah)
	forward = doc.langkah > before.langkah
	effect = ON_LEAVE.get(left.behaviour)
	if effect:
		effect(doc, forward)
	if forward and doc.langkah != sop.archived:
		effect = ON_ENTER.get(sop.step(doc.langkah).behaviour)
		if effect:
			effect(doc)


def _distribute(doc, forward):
	from kinerja_kecamatan.workflow.distribution import distribute_in_background_or_now

	if forward:
		distribute_in_background_or_now(doc)


def _close_tasks(doc, forward):
	from kinerja_kecamatan.workflow.distribution import close_isian_tasks

	if forward:
		close_isian_tasks(doc.name)


def _note_on_jadwal(doc, forward):
	note_on_jadwal(doc, approved=forward, reason=doc.log_langkah[-1].catatan)


def _draft_laporan(doc, forward):
	from kinerja_kecamatan.laporan import draft_laporan

	if forward:
		draft_laporan(doc)


def _sign_laporan(doc, forward):
	from kinerja_kecamatan.laporan import sign_laporan

	if forward:
		sign_laporan(doc)


def _prepare_blanko(doc):
	from kinerja_kecamatan.workflow.blanko import prepare_blanko

	prepare_blanko(doc)


# behaviour key → effect when its step is left (forward: by its "Ya" action), or entered forward
ON_LEAVE = {
	"distribusi": _distribute,
	"penghimpunan": _close_tasks,
	"persetujuan jadwal": _note_on_jadwal,
	"monitoring": _draft_laporan,
	"tanda tangan": _sign_laporan,
}
ON_ENTER = {"monitoring": _prepare_blanko}


def note_on_jadwal(doc, approved: bool, reason: str | None) -> None:
	"""The schedule's history shows the Camat's approval or return with its notes."""
	jadwal = frappe.db.get_value("Jadwal Monitoring", {"monitoring": doc.name})
	if not jadwal:
		return
	text = _("Disetujui oleh Camat.") if approved else _("Dikembalikan oleh Camat: {0}").format(reason)
	frappe.get_doc("Jadwal Monitoring", jadwal).add_comment("Info", text)


def restore_server_fields(doc, before) -> None:
	"""Who recorded an exception is the server's to say (server_fields.py takes back the rest)."""
	if not before:
		return
	known = {(row.unit_kerja, row.alasan) for row in before.pengecualian_isian}
	for row in doc.pengecualian_isian:
		if (row.unit_kerja, row.alasan) not in known:
			row.dicatat_oleh = frappe.session.user


def start_step(doc, moment) -> None:
	sop = sop_of(doc)
	doc.langkah_dimulai = moment
	doc.pengingat_terkirim = doc.eskalasi_terkirim = 0
	if doc.langkah == sop.archived:
		doc.uraian_langkah = _("Selesai: Laporan Hasil Monitoring diarsipkan")
		doc.pelaksana_langkah = doc.batas_waktu_langkah = None
		return
	current = sop.step(doc.langkah)
	doc.uraian_langkah = f"{current.number}. {current.uraian}"
	doc.pelaksana_langkah = actor_of(doc.langkah, sop)
	doc.batas_waktu_langkah = deadline(current, moment, office_calendar())


def actor_of(number: int, sop=None) -> str:
	"""Who must act at a step: the role the Workflow lets complete it (its forward transition)."""
	sop = sop or sop_of(None)
	workflow = _workflow()
	state = (
		next((s.state for s in workflow.states if s.update_value == str(number)), None) if workflow else None
	)
	forward = state and next(
		(
			t.allowed
			for t in workflow.transitions
			if t.state == state and step_of_state(t.next_state) > number
		),
		None,
	)
	return forward or sop.step(number).actor


def log_step(doc, number: int, action: str, note: str | None) -> None:
	"""The step just left, against its mutu baku: late when finished after the deadline its SOP
	revision gives a step started when this one did."""
	finished = now_datetime()
	started = get_datetime(doc.langkah_dimulai) if doc.langkah_dimulai else finished
	calendar = office_calendar()
	due = deadline(sop_of(doc).step(number), started, calendar)
	doc.append(
		"log_langkah",
		{
			"langkah": number,
			"uraian": sop_of(doc).step(number).uraian,
			"aksi": _(action),
			"pengguna": frappe.session.user,
			"mulai": started,
			"selesai": finished,
			"durasi_menit": office_minutes_between(started, finished, calendar),
			"mutu_baku_menit": office_minutes_between(started, due, calendar),
			"status_waktu": "Tepat Waktu" if finished <= due else "Terlambat",
			"catatan": note,
		},
	)
