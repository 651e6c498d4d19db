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
from kinerja_kecamatan.workflow.sop import COLLECTION_STEP, RETURNS

# field → the step during which its actor writes it
STEP_FIELDS = {"disposisi": 1, "batas_waktu": 1}
# written by whoever sends the cycle back, at a step that has a return
RETURN_FIELDS = ("alasan_pengembalian",)
PERIOD_FIELDS = ("kecamatan", "tahun", "triwulan", "perjanjian_kinerja")
EXCEPTION_TABLE = "pengecualian_isian"
EXCEPTION_STEP = COLLECTION_STEP


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
		errors.append(_("Periode dan Perjanjian Kinerja monitoring ditetapkan saat dibuat dan tidak dapat diubah."))
	step_now = before.langkah or 1
	for field, number in STEP_FIELDS.items():
		if value_of(doc, field) == value_of(before, field):
			continue
		actor = _step_actor(number)
		if step_now != number or actor not in roles:
			errors.append(
				_("{0} diisi oleh {1} pada langkah {2}.").format(_(doc.meta.get_label(field)), _(actor), number)
			)
	returns = [r for r in RETURNS if r.from_step == step_now]
	for field in RETURN_FIELDS:
		if value_of(doc, field) != value_of(before, field) and not any(
			_return_actor(r) in roles for r in returns
		):
			errors.append(
				_("{0} hanya diisi oleh yang mengembalikan langkah ini.").format(_(doc.meta.get_label(field)))
			)
	if not doc.flags.via_catat_pengecualian and _rows(doc, EXCEPTION_TABLE) != _rows(before, EXCEPTION_TABLE):
		errors.append(
			_("Pengecualian Isian dicatat oleh {0} pada langkah {1} dengan tombol Catat Pengecualian.").format(
				_(_step_actor(EXCEPTION_STEP)), EXCEPTION_STEP
			)
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


def _return_actor(ret) -> str:
	workflow = _workflow()
	from kinerja_kecamatan.workflow.sop import state_of

	row = workflow and next(
		(t for t in workflow.transitions if t.state == state_of(ret.from_step) and t.next_state == state_of(ret.to_step)),
		None,
	)
	return row.allowed if row else ret.actor
