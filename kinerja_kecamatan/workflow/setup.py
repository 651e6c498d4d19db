"""The Workflow, made from the SOP record (sop_record.py) and kept in step with it both ways.

Saving the SOP Kinerja in force regenerates the Workflow: one state per step (its "update value"
is the step number), the step's action to the next ("Ya"), and a return action where the step has
a "Tidak". An administrator who edits the Workflow itself instead (renames a state or an action,
gives a transition to another role) has that written back into the SOP as a new revision, so the
printed SOP always matches what runs (sop_record.sync_sop_from_workflow). Cycles in progress
follow a rename of their state. `SopWorkflow` reads the live Workflow by step number.
"""

import frappe
from frappe.model.workflow import get_workflow_name

from kinerja_kecamatan.doctypes import MONITORING
from kinerja_kecamatan.workflow.sop import Sop

WORKFLOW_NAME = "SOP Monitoring Kinerja Triwulan"
STEP_FIELD = "langkah"  # each state writes its step number here (Workflow "update field")


def style_of(sop: Sop, number: int) -> str:
	if number == sop.archived:
		return "Success"
	return "Warning" if sop.step(number).decision else "Primary"


def workflow_definition(sop: Sop) -> dict:
	states = [
		{
			"state": s.state,
			"doc_status": "0",
			"allow_edit": s.actor,
			"update_field": STEP_FIELD,
			"update_value": str(s.number),
			"message": f"Langkah {s.number}: {s.uraian}",
		}
		for s in sop.steps
	]
	states.append(
		{
			"state": sop.archived_state,
			"doc_status": "1",
			"allow_edit": sop.steps[-1].actor,
			"update_field": STEP_FIELD,
			"update_value": str(sop.archived),
			"message": "Laporan Hasil Monitoring telah diarsipkan",
		}
	)
	transitions = [
		{
			"state": s.state,
			"action": s.action,
			"next_state": sop.state_of(sop.next_of(s.number)),
			"allowed": s.actor,
			# decisions: whoever opened the cycle may not approve it too
			"allow_self_approval": 0 if s.approval else 1,
		}
		for s in sop.steps
	]
	transitions += [
		{
			"state": sop.state_of(r.from_step),
			"action": r.action,
			"next_state": sop.state_of(r.to_step),
			"allowed": r.actor,
			"allow_self_approval": 1,
		}
		for r in sop.returns()
	]
	return {
		"doctype": "Workflow",
		"workflow_name": WORKFLOW_NAME,
		"document_type": MONITORING,
		"workflow_state_field": "workflow_state",
		"is_active": 1,
		# next actors are told by assignment and reminders; the stock email alert would attach a PDF
		"send_email_alert": 0,
		"states": states,
		"transitions": transitions,
	}


def ensure_masters(sop: Sop) -> None:
	"""The Workflow State and Workflow Action Master records the Workflow links to."""
	for number in [s.number for s in sop.steps] + [sop.archived]:
		state = sop.state_of(number)
		if not frappe.db.exists("Workflow State", state):
			frappe.get_doc(
				{"doctype": "Workflow State", "workflow_state_name": state, "style": style_of(sop, number)}
			).insert(ignore_permissions=True)
	for action in {a for s in sop.steps for a in (s.action, s.return_action) if a}:
		if not frappe.db.exists("Workflow Action Master", action):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
				ignore_permissions=True
			)


def sync_workflow(sop: Sop) -> None:
	"""Make the Workflow say what `sop` says, and move running cycles to their step's new state."""
	ensure_masters(sop)
	definition = workflow_definition(sop)
	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		workflow = frappe.get_doc("Workflow", WORKFLOW_NAME)
		workflow.set("states", definition["states"])
		workflow.set("transitions", definition["transitions"])
		workflow.is_active = 1
	else:
		workflow = frappe.get_doc(definition)
	workflow.flags.from_sop = True
	workflow.flags.ignore_permissions = True
	workflow.save()
	follow_renamed_states(workflow)


def follow_renamed_states(workflow) -> None:
	"""A running cycle stays at its step when that step's state is renamed."""
	state_of_step = {row.update_value: row.state for row in workflow.states}
	for cycle in frappe.get_all(
		MONITORING, filters={"docstatus": ("<", 2)}, fields=["name", "langkah", "workflow_state"]
	):
		state = state_of_step.get(str(cycle.langkah))
		if state and state != cycle.workflow_state:
			frappe.db.set_value(MONITORING, cycle.name, "workflow_state", state, update_modified=False)


class SopWorkflow:
	"""The Workflow generated from the SOP (and perhaps edited in the desk), read by step number:
	each state's "update value" is the step it stands for."""

	def __init__(self, workflow):
		self.doc = workflow
		self.step_of = {s.state: int(s.update_value) for s in workflow.states if s.update_value}

	def step_of_state(self, state: str | None) -> int:
		"""The SOP step a state stands for, 1 before any state."""
		return self.step_of.get(state, 1)

	def state_of_step(self, number: int) -> str | None:
		return next((state for state, step in self.step_of.items() if step == number), None)

	def is_forward(self, transition) -> bool:
		return self.step_of_state(transition.next_state) > self.step_of_state(transition.state)

	def is_back(self, transition) -> bool:
		return self.step_of_state(transition.next_state) < self.step_of_state(transition.state)

	def leaving(self, state: str, forward: bool) -> list:
		"""The transitions out of `state` that go forward (or, forward=False, back)."""
		goes = self.is_forward if forward else self.is_back
		return [t for t in self.doc.transitions if t.state == state and goes(t)]

	def taken(self, before_state: str | None, after_state: str | None):
		"""The transition that led from one state to the other, as the desk shows it."""
		return next(
			(t for t in self.doc.transitions if t.state == before_state and t.next_state == after_state), None
		)

	def return_actions(self) -> list[str]:
		"""Every action that sends a cycle back: the desk asks for a reason first."""
		return sorted({t.action for t in self.doc.transitions if self.is_back(t)})

	def actor_of(self, number: int, sop: Sop) -> str:
		"""Who must act at a step: the role the Workflow lets complete it, else the SOP's actor."""
		state = self.state_of_step(number)
		forward = self.leaving(state, forward=True) if state else []
		return forward[0].allowed if forward else sop.step(number).actor


def live_workflow() -> SopWorkflow | None:
	name = get_workflow_name(MONITORING)
	return SopWorkflow(frappe.get_cached_doc("Workflow", name)) if name else None
