"""Who may change a Monitoring, which field, and when: enforced on the server for every path.

Frappe checks that a role may write the DocType and may take a transition, but not a state's
"only allow edit for", nor which field belongs to which step, nor self-approval outside
`apply_workflow`. Each field a person writes belongs to one step and is written by that step's
actor during it; the period is fixed at creation; exceptions are recorded only through
`catat_pengecualian` (step 4).
"""

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name

from kinerja_kecamatan.server_fields import normal, value_of
from kinerja_kecamatan.workflow.sop_record import sop_of

# field → the behaviour of the step during which its actor writes it
STEP_FIELDS = {"disposisi": "disposisi", "batas_waktu": "disposisi"}
# written by whoever sends the cycle back, at a step that has a return
RETURN_FIELDS = ("alasan_pengembalian",)
PERIOD_FIELDS = ("kecamatan", "tahun", "triwulan", "perjanjian_kinerja")
EXCEPTION_TABLE = "pengecualian_isian"
# exceptions are recorded while the Isian are collected
EXCEPTION_BEHAVIOUR = "penghimpunan"


def _workflow():
	name = get_workflow_name("Monitoring Kinerja Triwulan")
	return frappe.get_cached_doc("Workflow", name) if name else None


def state_editor(state: str | None) -> str | None:
	"""The role a Workflow State lets edit the record ("Only Allow Edit For")."""
	workflow = _workflow()
	row = workflow and next((s for s in workflow.states if s.state == state), None)
	return row.allow_edit if row else None


def check_edit(doc, before) -> None:
	"""Refuse a change the user may not make now. Called from the Monitoring's validate."""
	if not before or doc.flags.server_write or frappe.session.user == "Administrator":
		return
	roles = set(frappe.get_roles())
	errors = []
	changed = [f for f in PERIOD_FIELDS if value_of(doc, f) != value_of(before, f)]
	if changed:
		errors.append(
			_("Periode dan Perjanjian Kinerja monitoring ditetapkan saat dibuat dan tidak dapat diubah.")
		)
	step_now = before.langkah or 1
	sop = sop_of(before)
	for field, behaviour in STEP_FIELDS.items():
		if value_of(doc, field) == value_of(before, field):
			continue
		number = sop.number_of(behaviour)
		actor = _step_actor(number) if number else _("(tidak ada)")
		if step_now != number or actor not in roles:
			errors.append(
				_("{0} diisi oleh {1} pada langkah {2}.").format(
					_(doc.meta.get_label(field)), _(actor), number
				)
			)
	for field in RETURN_FIELDS:
		if value_of(doc, field) != value_of(before, field) and not (return_actors(before) & roles):
			errors.append(
				_("{0} hanya diisi oleh yang mengembalikan langkah ini.").format(_(doc.meta.get_label(field)))
			)
	if not doc.flags.via_catat_pengecualian and _rows(doc, EXCEPTION_TABLE) != _rows(before, EXCEPTION_TABLE):
		errors.append(
			_(
				"Pengecualian Isian dicatat oleh {0} pada langkah {1} dengan tombol Catat Pengecualian."
			).format(_(exception_role(before)), sop.number_of(EXCEPTION_BEHAVIOUR))
		)
	editor = state_editor(before.workflow_state)
	moving = doc.workflow_state != before.workflow_state
	if not moving and editor and editor not in roles and not doc.flags.via_catat_pengecualian:
		errors.append(
			_("Pada tahap {0} hanya {1} yang dapat mengubah monitoring ini.").format(
				_(before.workflow_state), _(editor)
			)
		)
	if moving:
		errors += self_approval_errors(doc, before)
	if errors:
		frappe.throw("<br>".join(dict.fromkeys(errors)), frappe.PermissionError, title=_("Tidak diizinkan"))


def self_approval_errors(doc, before) -> list[str]:
	"""Whoever opened the cycle may not take its approvals, by any path (Frappe checks this only
	in apply_workflow)."""
	workflow = _workflow()
	if not workflow or frappe.session.user != doc.owner:
		return []
	transition = next(
		(
			t
			for t in workflow.transitions
			if t.state == before.workflow_state
			and t.next_state == doc.workflow_state
			and t.allowed in frappe.get_roles()
		),
		None,
	)
	if transition and not transition.allow_self_approval:
		return [_("Pembuat siklus monitoring tidak dapat menyetujui langkah ini sendiri.")]
	return []


def _rows(doc, table: str) -> list:
	return normal(list(doc.get(table) or []))


def _step_actor(number: int) -> str:
	from kinerja_kecamatan.workflow.steps import actor_of

	return actor_of(number)


def return_actors(doc) -> set[str]:
	"""Roles that may send the cycle back from its current state (the Workflow's backward moves)."""
	from kinerja_kecamatan.workflow.steps import step_of_state

	workflow = _workflow()
	if not workflow:
		return set()
	number = step_of_state(doc.workflow_state)
	return {
		t.allowed
		for t in workflow.transitions
		if t.state == doc.workflow_state and step_of_state(t.next_state) < number
	}


def return_actions(doc=None) -> list[str]:
	"""Every action of the Workflow that sends a cycle back: the desk asks for a reason first."""
	from kinerja_kecamatan.workflow.steps import step_of_state

	workflow = _workflow()
	if not workflow:
		return []
	return sorted(
		{t.action for t in workflow.transitions if step_of_state(t.next_state) < step_of_state(t.state)}
	)


def exception_role(doc=None) -> str:
	"""Who excuses a unit: the owner of the Format Isian (the actor of the "format" step)."""
	from kinerja_kecamatan.workflow.sop import ROLE_KASUBBAG_PK

	number = sop_of(doc).number_of("format")
	return _step_actor(number) if number else ROLE_KASUBBAG_PK
