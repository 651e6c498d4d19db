"""Who may change a Monitoring, which field, and when: enforced on the server for every path.

Frappe checks that a role may write the DocType and may take a transition, but not a state's
"only allow edit for", nor which field belongs to which step, nor self-approval outside
`apply_workflow`. Each field a person writes belongs to the step whose behaviour declares it
(behaviours.py) and is written by that step's actor during it; the period is fixed at creation;
exceptions are recorded only through `catat_pengecualian`, during the step that collects the Isian.
"""

import frappe
from frappe import _

from kinerja_kecamatan.access.server_fields import normal, value_of
from kinerja_kecamatan.workflow.behaviours import (
	EXCEPTION_TABLE,
	EXCEPTIONS,
	FORMAT,
	RETURN_FIELDS,
	STEP_FIELDS,
)
from kinerja_kecamatan.workflow.sop import ROLE_KASUBBAG_PK, Sop
from kinerja_kecamatan.workflow.transition import Transition, actor_of

PERIOD_FIELDS = ("kecamatan", "tahun", "triwulan", "perjanjian_kinerja")


def check_edit(move: Transition) -> None:
	"""Refuse a change the user may not make now. Called from the Monitoring's validate."""
	doc, before = move.doc, move.before
	if not before or doc.flags.server_write or frappe.session.user == "Administrator":
		return
	roles = set(frappe.get_roles())
	errors = []
	changed = [f for f in PERIOD_FIELDS if value_of(doc, f) != value_of(before, f)]
	if changed:
		errors.append(
			_("Periode dan Perjanjian Kinerja monitoring ditetapkan saat dibuat dan tidak dapat diubah.")
		)
	step_now = move.previous
	for field, key in STEP_FIELDS.items():
		if value_of(doc, field) == value_of(before, field):
			continue
		number = move.sop.number_of(key)
		actor = move.actor_of(number) if number else _("(tidak ada)")
		if step_now != number or actor not in roles:
			errors.append(
				_("{0} diisi oleh {1} pada langkah {2}.").format(
					_(doc.meta.get_label(field)), _(actor), number
				)
			)
	for field in RETURN_FIELDS:
		if value_of(doc, field) != value_of(before, field) and not (move.return_actors() & roles):
			errors.append(
				_("{0} hanya diisi oleh yang mengembalikan langkah ini.").format(_(doc.meta.get_label(field)))
			)
	if not doc.flags.via_catat_pengecualian and _rows(doc, EXCEPTION_TABLE) != _rows(before, EXCEPTION_TABLE):
		errors.append(
			_(
				"Pengecualian Isian dicatat oleh {0} pada langkah {1} dengan tombol Catat Pengecualian."
			).format(_(exception_role(move.sop)), move.sop.number_of(EXCEPTIONS))
		)
	editor = state_editor(move, before.workflow_state)
	moving = doc.workflow_state != before.workflow_state
	if not moving and editor and editor not in roles and not doc.flags.via_catat_pengecualian:
		errors.append(
			_("Pada tahap {0} hanya {1} yang dapat mengubah monitoring ini.").format(
				_(before.workflow_state), _(editor)
			)
		)
	if moving:
		errors += self_approval_errors(move)
	if errors:
		frappe.throw("<br>".join(dict.fromkeys(errors)), frappe.PermissionError, title=_("Tidak diizinkan"))


def state_editor(move: Transition, state: str | None) -> str | None:
	"""The role a Workflow State lets edit the record ("Only Allow Edit For")."""
	row = move.workflow and next((s for s in move.workflow.doc.states if s.state == state), None)
	return row.allow_edit if row else None


def self_approval_errors(move: Transition) -> list[str]:
	"""Whoever opened the cycle may not take its approvals, by any path (Frappe checks this only
	in apply_workflow)."""
	doc, before = move.doc, move.before
	if not move.workflow or frappe.session.user != doc.owner:
		return []
	roles = frappe.get_roles()
	transition = next(
		(
			t
			for t in move.workflow.doc.transitions
			if t.state == before.workflow_state and t.next_state == doc.workflow_state and t.allowed in roles
		),
		None,
	)
	if transition and not transition.allow_self_approval:
		return [_("Pembuat siklus monitoring tidak dapat menyetujui langkah ini sendiri.")]
	return []


def _rows(doc, table: str) -> list:
	return normal(list(doc.get(table) or []))


def exception_role(sop: Sop) -> str:
	"""Who excuses a unit: the owner of the Format Isian (the actor of the "format" step)."""
	number = sop.number_of(FORMAT)
	return actor_of(number, sop) if number else ROLE_KASUBBAG_PK
