"""The SOP Kinerja record ↔ the pure `Sop`, its revisions, and which revision a cycle runs under.

Saving a changed SOP makes a new Revisi SOP Kinerja (an immutable JSON snapshot) and regenerates
the Workflow from it. A cycle links the revision it was created under, so its deadlines, reminders
and compliance figures keep that revision's times while a later revision governs new cycles.
"""

import frappe
from frappe import _
from frappe.utils import cint, getdate, now_datetime

from kinerja_kecamatan.doctypes import MONITORING, PENGATURAN, REVISI_SOP, SOP_KINERJA
from kinerja_kecamatan.workflow.setup import (
	WORKFLOW_NAME,
	SopWorkflow,
	follow_renamed_states,
	sync_workflow,
	workflow_definition,
)
from kinerja_kecamatan.workflow.sop import DEFAULT_SOP, Header, Sop, Step

HEADER_FIELDS = tuple(Header.__dataclass_fields__)


def sop_from_record(doc) -> Sop:
	return Sop(
		steps=tuple(
			Step(
				number=cint(row.nomor),
				uraian=(row.uraian or "").strip(),
				actor=row.pelaksana or "",
				kelengkapan=row.kelengkapan or "",
				waktu=cint(row.waktu),
				satuan=row.satuan_waktu or "",
				output=row.output or "",
				state=(row.nama_status or "").strip(),
				action=(row.aksi or "").strip(),
				behaviour=row.perilaku or "",
				keterangan=row.keterangan or "",
				decision=(row.keputusan or "").strip(),
				next_step=cint(row.lanjut_ke) or None,
				return_to=cint(row.kembali_ke) or None,
				return_action=(row.aksi_kembali or "").strip(),
				approval=bool(cint(row.persetujuan)),
			)
			for row in sorted(doc.langkah, key=lambda row: cint(row.nomor))
		),
		archived_state=(doc.nama_status_selesai or "").strip() or DEFAULT_SOP.archived_state,
		header=Header(
			**{
				key: (getdate(doc.get(key)) if doc.get(key) else None)
				if key.startswith("tanggal")
				else (doc.get(key) or "")
				for key in HEADER_FIELDS
			}
		),
	)


def record_of(sop: Sop) -> dict:
	"""A new SOP Kinerja document's fields for `sop`."""
	return {
		"doctype": SOP_KINERJA,
		**{key: getattr(sop.header, key) for key in HEADER_FIELDS},
		"nama_status_selesai": sop.archived_state,
		"langkah": [
			{
				"nomor": s.number,
				"uraian": s.uraian,
				"pelaksana": s.actor,
				"kelengkapan": s.kelengkapan,
				"waktu": s.waktu,
				"satuan_waktu": s.satuan,
				"output": s.output,
				"keterangan": s.keterangan,
				"perilaku": s.behaviour,
				"nama_status": s.state,
				"aksi": s.action,
				"lanjut_ke": s.next_step,
				"keputusan": s.decision,
				"kembali_ke": s.return_to,
				"aksi_kembali": s.return_action,
				"persetujuan": int(s.approval),
			}
			for s in sop.steps
		],
	}


def ensure_default_sop() -> None:
	"""Install and migrate: the seed's SOP becomes the first record and the one in force. An SOP an
	administrator already has is never overwritten."""
	settings_sop = frappe.db.get_single_value(PENGATURAN, "sop")
	if settings_sop and frappe.db.exists(SOP_KINERJA, settings_sop):
		if not latest_revision(settings_sop):
			publish(frappe.get_doc(SOP_KINERJA, settings_sop))
		return
	name = frappe.db.get_value(SOP_KINERJA, {"nomor_sop": DEFAULT_SOP.header.nomor_sop})
	if not name:
		doc = frappe.get_doc(record_of(DEFAULT_SOP))
		doc.flags.ignore_permissions = True
		doc.flags.initial = True
		doc.insert()
		name = doc.name
	frappe.db.set_single_value(PENGATURAN, "sop", name)
	publish(frappe.get_doc(SOP_KINERJA, name))


def latest_revision(sop_name: str) -> str | None:
	names = frappe.get_all(
		REVISI_SOP, filters={"sop": sop_name}, order_by="revisi desc", limit=1, pluck="name"
	)
	return names[0] if names else None


# revisions never change once made; cleared whenever one is made (a rolled-back test may reuse a name)
_REVISIONS: dict[tuple[str, str], Sop] = {}


def sop_of_revision(name: str) -> Sop:
	"""A revision never changes once made, so each process keeps what it has read."""
	key = (frappe.local.site, name)
	if key not in _REVISIONS:
		_REVISIONS[key] = Sop.from_json(frappe.db.get_value(REVISI_SOP, name, "isi"))
	return _REVISIONS[key]


def active_revision() -> str | None:
	sop_name = frappe.db.get_single_value(PENGATURAN, "sop")
	return latest_revision(sop_name) if sop_name else None


def active_sop() -> Sop:
	"""The SOP new cycles follow: the latest revision of the SOP in force."""
	revision = active_revision()
	return sop_of_revision(revision) if revision else DEFAULT_SOP


def sop_of(monitoring) -> Sop:
	"""The SOP a cycle runs under: the revision it started with."""
	revision = monitoring.get("revisi_sop") if monitoring else None
	return sop_of_revision(revision) if revision else active_sop()


def check_revisable(doc) -> None:
	"""Validate of SOP Kinerja: the SOP must be able to run, and running cycles must still find
	their step. Times, actors and labels may change at any time; the order of steps only when no
	cycle is in progress."""
	sop = sop_from_record(doc)
	problems = sop.problems()
	if problems:
		frappe.throw(
			"<br>".join(map(frappe.utils.escape_html, problems)), title=_("SOP belum dapat dijalankan")
		)
	if doc.is_new() or not is_in_force(doc.name):
		return
	revision = latest_revision(doc.name)
	previous = sop_of_revision(revision) if revision else None
	if previous is None or shape(previous) == shape(sop):
		return
	running = frappe.get_all(MONITORING, filters={"docstatus": 0}, pluck="title")
	if running:
		frappe.throw(
			_(
				"Urutan, jumlah, perilaku atau percabangan langkah tidak dapat diubah selama ada siklus "
				"berjalan ({0}). Ubah waktu, pelaksana atau nama sekarang; ubah urutan langkah setelah "
				"siklus itu diarsipkan."
			).format(", ".join(map(frappe.utils.escape_html, running))),
			title=_("Ada siklus monitoring berjalan"),
		)


def shape(sop: Sop) -> tuple:
	"""What a running cycle depends on: each step's place, behaviour and branches."""
	return tuple((s.number, s.behaviour, s.next_step, s.return_to) for s in sop.steps)


def is_in_force(sop_name: str) -> bool:
	in_force = frappe.db.get_single_value(PENGATURAN, "sop")
	return not in_force or in_force == sop_name


def publish(doc) -> str | None:
	"""After a save: a new revision when the SOP changed, and the Workflow made from it (unless the
	change came from the Workflow itself). Returns the new revision's name."""
	sop = sop_from_record(doc)
	revision = latest_revision(doc.name)
	if revision and sop.same_as(sop_of_revision(revision)):
		return None
	number = cint(frappe.db.get_value(REVISI_SOP, revision, "revisi")) + 1 if revision else 1
	new = frappe.get_doc(
		{
			"doctype": REVISI_SOP,
			"sop": doc.name,
			"revisi": number,
			"berlaku_sejak": now_datetime(),
			"dibuat_oleh": frappe.session.user,
			"ringkasan": changes(sop_of_revision(revision) if revision else None, sop),
			"isi": sop.to_json(),
		}
	).insert(ignore_permissions=True)
	_REVISIONS.clear()
	doc.db_set("revisi", number, update_modified=False)
	if is_in_force(doc.name) and not doc.flags.from_workflow:
		sync_workflow(sop)
	return new.name


def changes(old: Sop | None, new: Sop) -> str:
	"""A short list of what a revision changed, for the revision record."""
	if old is None:
		return _("Revisi pertama")
	lines = []
	for before, after in zip(old.steps, new.steps, strict=False):
		for label, attr in (
			(_("pelaksana"), "actor"),
			(_("waktu"), "waktu_label"),
			(_("nama status"), "state"),
			(_("aksi"), "action"),
			(_("aksi kembali"), "return_action"),
			(_("uraian"), "uraian"),
		):
			if getattr(before, attr) != getattr(after, attr):
				lines.append(
					_("Langkah {0}: {1} {2} → {3}").format(
						after.number, label, getattr(before, attr) or "-", getattr(after, attr) or "-"
					)
				)
	if len(old.steps) != len(new.steps) or shape(old) != shape(new):
		lines.append(_("Urutan atau percabangan langkah berubah"))
	if old.header != new.header or old.archived_state != new.archived_state:
		lines.append(_("Identitas SOP berubah"))
	return "\n".join(lines) or _("Perubahan lain")


def step_passed(monitoring_name: str | None, behaviour: str, for_update: bool = False):
	"""(True, number) once a cycle has left the step with `behaviour`; for the documents that step
	works on, which then no longer change."""
	if not monitoring_name:
		return False, None
	cycle = frappe.db.get_value(
		MONITORING,
		monitoring_name,
		["name", "langkah", "revisi_sop"],
		as_dict=True,
		for_update=for_update,
	)
	number = sop_of(cycle).number_of(behaviour) if cycle else None
	return bool(cycle and number and (cycle.langkah or 0) > number), number


def sync_sop_from_workflow(workflow, method=None) -> None:
	"""Workflow on_update: an edit made in the Workflow desk becomes a revision of the SOP in force."""
	if workflow.name != WORKFLOW_NAME or workflow.flags.from_sop:
		return
	sop_name = frappe.db.get_single_value(PENGATURAN, "sop")
	if not sop_name:
		return
	doc = frappe.get_doc(SOP_KINERJA, sop_name)
	moves = SopWorkflow(workflow)
	for row in doc.langkah:
		state = moves.state_of_step(row.nomor)
		if state:
			row.nama_status = state
		for t in workflow.transitions:
			if t.state != row.nama_status or t.next_state not in moves.step_of:
				continue
			if moves.is_forward(t):
				row.aksi, row.pelaksana = t.action, t.allowed
				row.persetujuan = 0 if t.allow_self_approval else 1
			else:
				row.aksi_kembali, row.kembali_ke = t.action, moves.step_of[t.next_state]
	archived = next((s.state for s in workflow.states if str(s.doc_status) == "1"), None)
	if archived:
		doc.nama_status_selesai = archived
	doc.flags.from_workflow = True
	doc.flags.ignore_permissions = True
	doc.save()
	follow_renamed_states(workflow)


def ensure_workflow() -> None:
	"""Install and migrate: the Workflow of the SOP in force, made if missing."""
	if not frappe.db.exists("Workflow", WORKFLOW_NAME):
		sync_workflow(active_sop())


def remove_workflow() -> None:
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
