"""The Workflow, made from the SOP record (sop_record.py) and kept in step with it both ways.

Saving the SOP Kinerja in force regenerates the Workflow: one state per step (its "update value"
is the step number), the step's action to the next ("Ya"), and a return action where the step has
a "Tidak". An administrator who edits the Workflow itself instead (renames a state or an action,
gives a transition to another role) has that written back into the SOP as a new revision, so the
printed SOP always matches what runs. Cycles in progress follow a rename of their state.
"""

import frappe

from kinerja_kecamatan.workflow.sop import Sop

DOCTYPE = "Monitoring Kinerja Triwulan"
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
		"document_type": DOCTYPE,
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
		DOCTYPE, filters={"docstatus": ("<", 2)}, fields=["name", "langkah", "workflow_state"]
	):
		state = state_of_step.get(str(cycle.langkah))
		if state and state != cycle.workflow_state:
			frappe.db.set_value(DOCTYPE, cycle.name, "workflow_state", state, update_modified=False)


def sync_sop_from_workflow(workflow, method=None) -> None:
	"""Workflow on_update: an edit made in the Workflow desk becomes a revision of the SOP in force."""
	from kinerja_kecamatan.workflow.sop_record import SOP_DOCTYPE

	if workflow.name != WORKFLOW_NAME or workflow.flags.from_sop:
		return
	sop_name = frappe.db.get_single_value("Pengaturan Kinerja", "sop")
	if not sop_name:
		return
	doc = frappe.get_doc(SOP_DOCTYPE, sop_name)
	number_of = {row.state: int(row.update_value) for row in workflow.states if row.update_value}
	for row in doc.langkah:
		state = next((s.state for s in workflow.states if s.update_value == str(row.nomor)), None)
		if state:
			row.nama_status = state
		for t in workflow.transitions:
			if t.state != row.nama_status or t.next_state not in number_of:
				continue
			if number_of[t.next_state] > row.nomor:
				row.aksi, row.pelaksana = t.action, t.allowed
				row.persetujuan = 0 if t.allow_self_approval else 1
			else:
				row.aksi_kembali, row.kembali_ke = t.action, number_of[t.next_state]
	archived = next((s.state for s in workflow.states if str(s.doc_status) == "1"), None)
	if archived:
		doc.nama_status_selesai = archived
	doc.flags.from_workflow = True
	doc.flags.ignore_permissions = True
	doc.save()
	follow_renamed_states(workflow)


def ensure_workflow() -> None:
	"""Install and migrate: the Workflow of the SOP in force, made if missing."""
	from kinerja_kecamatan.workflow.sop_record import active_sop

	if not frappe.db.exists("Workflow", WORKFLOW_NAME):
		sync_workflow(active_sop())


def reset_workflow() -> None:
	"""Back to what the SOP in force says, discarding anything else in the Workflow."""
	from kinerja_kecamatan.workflow.sop_record import active_sop

	sync_workflow(active_sop())


def remove_workflow() -> None:
	from kinerja_kecamatan.workflow.sop_record import active_sop

	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		frappe.delete_doc("Workflow", WORKFLOW_NAME, ignore_permissions=True, force=True)
	definition = workflow_definition(active_sop())
	used_elsewhere = set(frappe.get_all("Workflow Transition", pluck="action")) | set(
		frappe.get_all("Workflow Document State", pluck="state")
	)
	# force: the app's own records still point at them, and go with the app's DocTypes
	for action in {row["action"] for row in definition["transitions"]} - used_elsewhere:
		if frappe.db.exists("Workflow Action Master", action):
			frappe.delete_doc("Workflow Action Master", action, ignore_permissions=True, force=True)
	for state in {row["state"] for row in definition["states"]} - used_elsewhere:
		if frappe.db.exists("Workflow State", state):
			frappe.delete_doc("Workflow State", state, ignore_permissions=True, force=True)
