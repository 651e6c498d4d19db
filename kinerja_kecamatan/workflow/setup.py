"""The Workflow records, built from sop.py on install and migrate.

Rule for admins' edits: migrate creates what is missing (the Workflow, its Workflow States and
Workflow Action Masters) and never changes what exists. Once the Workflow exists it belongs to
the administrators: roles, labels, conditions edited in the desk survive every migrate. To go
back to the SOP's defaults: `bench --site X execute kinerja_kecamatan.workflow.setup.reset_workflow`.
"""

import frappe

from kinerja_kecamatan.workflow.sop import ARCHIVED, ARCHIVED_STATE, RETURNS, STEPS, state_of

DOCTYPE = "Monitoring Kinerja Triwulan"
WORKFLOW_NAME = "SOP Monitoring Kinerja Triwulan"
STEP_FIELD = "langkah"  # each state writes its step number here (Workflow "update field")

STYLE = {7: "Warning", 11: "Warning", ARCHIVED: "Success"}


def workflow_definition() -> dict:
	states = [
		{
			"state": s.state,
			"doc_status": "0",
			"allow_edit": s.actor,
			"update_field": STEP_FIELD,
			"update_value": str(s.number),
			"message": f"Langkah {s.number}: {s.uraian}",
		}
		for s in STEPS
	]
	states.append(
		{
			"state": ARCHIVED_STATE,
			"doc_status": "1",
			"allow_edit": STEPS[-1].actor,
			"update_field": STEP_FIELD,
			"update_value": str(ARCHIVED),
			"message": "Laporan Hasil Monitoring telah diarsipkan",
		}
	)
	transitions = [
		{
			"state": s.state,
			"action": s.action,
			"next_state": state_of(s.number + 1),
			"allowed": s.actor,
			# approvals (7, 11): whoever opened the cycle may not approve it too
			"allow_self_approval": 0 if s.approval else 1,
		}
		for s in STEPS
	]
	transitions += [
		{
			"state": state_of(r.from_step),
			"action": r.action,
			"next_state": state_of(r.to_step),
			"allowed": r.actor,
			"allow_self_approval": 1,
		}
		for r in RETURNS
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


def ensure_workflow() -> None:
	definition = workflow_definition()
	for state in {row["state"] for row in definition["states"]}:
		if not frappe.db.exists("Workflow State", state):
			number = next((s.number for s in STEPS if s.state == state), ARCHIVED)
			frappe.get_doc(
				{
					"doctype": "Workflow State",
					"workflow_state_name": state,
					"style": STYLE.get(number, "Primary"),
				}
			).insert(ignore_permissions=True)
	for action in {row["action"] for row in definition["transitions"]}:
		if not frappe.db.exists("Workflow Action Master", action):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
				ignore_permissions=True
			)
	if not frappe.db.exists("Workflow", WORKFLOW_NAME):
		frappe.get_doc(definition).insert(ignore_permissions=True)


def reset_workflow() -> None:
	"""Back to the SOP's defaults, discarding desk edits to the Workflow."""
	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		frappe.delete_doc("Workflow", WORKFLOW_NAME, ignore_permissions=True, force=True)
	ensure_workflow()


def remove_workflow() -> None:
	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		frappe.delete_doc("Workflow", WORKFLOW_NAME, ignore_permissions=True, force=True)
	definition = workflow_definition()
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
