"""Plain Frappe twins of the app's documents, the anchors of the desk benchmark.

- TWIN: a custom DocType with the fields of `Isian Data Kinerja` (and TWIN_ROW, those of its
  indicator table), the same DocPerm rows and DocType settings, submittable like the Isian, and no
  app code: no controller (a custom DocType has none), no hooks, no workflow.
- FLOW: the same fields with the permissions of `Monitoring Kinerja Triwulan` and a two-state
  Workflow made of the app's step 7 ↔ 6 transition (same actions' roles, same self-approval rule).

Both are made idempotently (brought back in line with the app's DocTypes when those change) and
seeded from the app's own documents, so the twin of a head's Isian holds the same values and rows,
has the same owner and is assigned to the same head.
"""

import frappe
from frappe.desk.form.assign_to import add as assign

ISIAN = "Isian Data Kinerja"
MONITORING = "Monitoring Kinerja Triwulan"
MODULE = "Kinerja Kecamatan"
TWIN = "Bench Twin Isian"
TWIN_ROW = "Bench Twin Isian Indikator"
FLOW = "Bench Twin Alur"
FLOW_WORKFLOW = "Bench Twin Alur"
STATE_FIELD = "workflow_state"
# the app's transition this one mirrors: step 7 (the Camat returns) ↔ step 6 (the Kasubbag submits)
APP_RETURN, APP_SUBMIT = "Kembalikan Jadwal", "Ajukan Jadwal Monitoring"
STATE_RETURNED, STATE_SUBMITTED = "Bench Twin Dikembalikan", "Bench Twin Diajukan"
ACTION_RETURN, ACTION_SUBMIT = "Bench Twin Kembalikan", "Bench Twin Ajukan"

FIELD_PROPERTIES = (
	"fieldname",
	"label",
	"fieldtype",
	"options",
	"reqd",
	"read_only",
	"hidden",
	"default",
	"in_list_view",
	"in_standard_filter",
	"allow_on_submit",
	"precision",
	"columns",
	"no_copy",
	"print_hide",
	"search_index",
	"fetch_from",
	"fetch_if_empty",
	"depends_on",
	"mandatory_depends_on",
	"read_only_depends_on",
	"permlevel",
	"length",
	"unique",
	"set_only_once",
	"non_negative",
	"bold",
	"collapsible",
)
DOCTYPE_PROPERTIES = (
	"is_submittable",
	"track_changes",
	"track_seen",
	"track_views",
	"title_field",
	"show_title_field_in_link",
	"sort_field",
	"sort_order",
	"editable_grid",
	"max_attachments",
	"search_fields",
)
PERM_PROPERTIES = (
	"role",
	"permlevel",
	"if_owner",
	"select",
	"read",
	"write",
	"create",
	"delete",
	"submit",
	"cancel",
	"amend",
	"report",
	"export",
	"import",
	"share",
	"print",
	"email",
)


def field_spec(doctype: str, renamed: dict) -> list[dict]:
	"""The fields of `doctype` as Frappe sees them (custom fields included), with links to the app
	DocTypes in `renamed` pointed at their twins."""
	fields = []
	for df in frappe.get_meta(doctype).fields:
		spec = {p: df.get(p) for p in FIELD_PROPERTIES if df.get(p) not in (None, "", 0)}
		if spec.get("options") in renamed:
			spec["options"] = renamed[spec["options"]]
		fields.append(spec)
	return fields


def perm_spec(doctype: str) -> list[dict]:
	"""The role permissions in force for `doctype`: its Custom DocPerm rows if it has any, as
	Frappe reads them, else its DocPerm rows."""
	table = "Custom DocPerm" if frappe.db.exists("Custom DocPerm", {"parent": doctype}) else "DocPerm"
	rows = frappe.get_all(table, {"parent": doctype}, ["*"], order_by="idx")
	if not rows:
		raise SystemExit(f"{doctype} has no role permissions to copy")
	return [{p: row.get(p) or 0 for p in PERM_PROPERTIES} for row in rows]


def ensure_doctype(name: str, like: str, fields: list[dict], perms: list[dict], **settings) -> None:
	"""A custom DocType `name` with these fields and perms and `like`'s settings; made or updated."""
	meta = frappe.get_meta(like)
	wanted = {p: meta.get(p) for p in DOCTYPE_PROPERTIES if meta.get(p) is not None}
	wanted.update(settings)
	if frappe.db.exists("DocType", name):
		doc = frappe.get_doc("DocType", name)
		same = (
			[(f.fieldname, f.fieldtype, f.options or None) for f in doc.fields]
			== [(f["fieldname"], f["fieldtype"], f.get("options")) for f in fields]
			and [{p: d.get(p) or 0 for p in PERM_PROPERTIES} for d in doc.permissions] == perms
			and all(doc.get(p) == v for p, v in wanted.items())
		)
		if same:
			return
		doc.set("fields", fields)
		doc.set("permissions", perms)
		doc.update(wanted)
		doc.save(ignore_permissions=True)
	else:
		doc = frappe.get_doc({"doctype": "DocType", "name": name, "module": MODULE, "custom": 1})
		doc.update({"fields": fields, "permissions": perms, **wanted})
		doc.insert(ignore_permissions=True)


def app_transition_roles() -> dict:
	"""The app's step 7 ↔ 6 transition: who returns, who submits, who may edit each state."""
	from frappe.model.workflow import get_workflow_name

	workflow = frappe.get_doc("Workflow", get_workflow_name(MONITORING))
	back = next(t for t in workflow.transitions if t.action == APP_RETURN)
	forth = next(t for t in workflow.transitions if t.action == APP_SUBMIT and t.state == back.next_state)
	edit = {s.state: s.allow_edit for s in workflow.states}
	return {
		"return": back.allowed,
		"submit": forth.allowed,
		"return_self": back.allow_self_approval,
		"submit_self": forth.allow_self_approval,
		"edit_submitted": edit[back.state],
		"edit_returned": edit[forth.state],
	}


def same_rows(existing, wanted: list[dict]) -> bool:
	return len(existing) == len(wanted) and all(
		str(row.get(k)) == str(v)
		for row, spec in zip(existing, wanted, strict=False)
		for k, v in spec.items()
	)


def ensure_flow_workflow() -> None:
	roles = app_transition_roles()
	for state, style in ((STATE_RETURNED, "Warning"), (STATE_SUBMITTED, "Primary")):
		if not frappe.db.exists("Workflow State", state):
			frappe.get_doc(
				{"doctype": "Workflow State", "workflow_state_name": state, "style": style}
			).insert(ignore_permissions=True)
	for action in (ACTION_RETURN, ACTION_SUBMIT):
		if not frappe.db.exists("Workflow Action Master", action):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
				ignore_permissions=True
			)
	definition = {
		"document_type": FLOW,
		"workflow_state_field": STATE_FIELD,
		"is_active": 1,
		"send_email_alert": 0,
		"states": [
			{"state": STATE_SUBMITTED, "doc_status": "0", "allow_edit": roles["edit_submitted"]},
			{"state": STATE_RETURNED, "doc_status": "0", "allow_edit": roles["edit_returned"]},
		],
		"transitions": [
			{
				"state": STATE_SUBMITTED,
				"action": ACTION_RETURN,
				"next_state": STATE_RETURNED,
				"allowed": roles["return"],
				"allow_self_approval": roles["return_self"],
			},
			{
				"state": STATE_RETURNED,
				"action": ACTION_SUBMIT,
				"next_state": STATE_SUBMITTED,
				"allowed": roles["submit"],
				"allow_self_approval": roles["submit_self"],
			},
		],
	}
	if frappe.db.exists("Workflow", FLOW_WORKFLOW):
		workflow = frappe.get_doc("Workflow", FLOW_WORKFLOW)
		if all(same_rows(workflow.get(table), definition[table]) for table in ("states", "transitions")):
			return
		workflow.update(definition)
	else:
		workflow = frappe.get_doc({"doctype": "Workflow", "workflow_name": FLOW_WORKFLOW, **definition})
	workflow.save(ignore_permissions=True)


def ensure_twins() -> None:
	renamed = {ISIAN: TWIN, frappe.get_meta(ISIAN).get_field("indikator").options: TWIN_ROW}
	row_doctype = frappe.get_meta(ISIAN).get_field("indikator").options
	ensure_doctype(TWIN_ROW, row_doctype, field_spec(row_doctype, renamed), [], istable=1)
	twin_fields = field_spec(ISIAN, renamed)
	ensure_doctype(TWIN, ISIAN, twin_fields, perm_spec(ISIAN), autoname="hash", naming_rule="Random")
	state_field = {
		"fieldname": STATE_FIELD,
		"label": "Workflow State",
		"fieldtype": "Link",
		"options": "Workflow State",
		"hidden": 1,
		"allow_on_submit": 1,
		"no_copy": 1,
	}
	flow_fields = [
		f if f["fieldname"] != "amended_from" else {**f, "options": FLOW}
		for f in twin_fields
		if f["fieldname"] != STATE_FIELD
	] + [state_field]
	ensure_doctype(
		FLOW, MONITORING, flow_fields, perm_spec(MONITORING), autoname="hash", naming_rule="Random"
	)
	ensure_flow_workflow()
	frappe.db.commit()


def twin_values(isian_name: str) -> dict:
	"""An Isian's values and rows, as a new document of the twin."""
	isian = frappe.get_doc(ISIAN, isian_name)
	values = {
		f.fieldname: isian.get(f.fieldname)
		for f in frappe.get_meta(TWIN).fields
		if f.fieldtype not in frappe.model.no_value_fields
		and f.fieldtype not in frappe.model.table_fields
		and f.fieldname != "amended_from"
		and isian.get(f.fieldname) is not None
	}
	row_fields = [
		f.fieldname
		for f in frappe.get_meta(TWIN_ROW).fields
		if f.fieldtype not in frappe.model.no_value_fields
	]
	values["indikator"] = [{f: row.get(f) for f in row_fields} for row in isian.indikator]
	return values


def make_twin(isian_name: str, head: str | None) -> str:
	"""A twin of the Isian: same values and rows, same owner, assigned to the same head."""
	owner = frappe.db.get_value(ISIAN, isian_name, "owner")
	doc = frappe.get_doc({"doctype": TWIN, **twin_values(isian_name)})
	doc.flags.ignore_permissions = True
	doc.insert()
	frappe.db.set_value(TWIN, doc.name, "owner", owner, update_modified=False)
	if head:
		assign(
			{"assign_to": [head], "doctype": TWIN, "name": doc.name, "description": doc.title, "notify": 0},
			ignore_permissions=True,
		)
	return doc.name


def make_flow(isian_name: str, monitoring: str) -> str:
	"""A FLOW document at the state of step 7, owned like the app's cycle `monitoring`."""
	doc = frappe.get_doc({"doctype": FLOW, **twin_values(isian_name), STATE_FIELD: STATE_SUBMITTED})
	doc.flags.ignore_permissions = True
	doc.insert()
	owner = frappe.db.get_value(MONITORING, monitoring, "owner")
	frappe.db.set_value(FLOW, doc.name, "owner", owner, update_modified=False)
	return doc.name
