"""The SOP Kinerja record ↔ the pure `Sop`, its revisions, and which revision a cycle runs under.

Saving a changed SOP makes a new Revisi SOP Kinerja (an immutable JSON snapshot) and regenerates
the Workflow from it. A cycle links the revision it was created under, so its deadlines, reminders
and compliance figures keep that revision's times while a later revision governs new cycles.
"""

from dataclasses import replace

import frappe
from frappe import _
from frappe.utils import cint, getdate, now_datetime

from kinerja_kecamatan.doctypes import KECAMATAN, MONITORING, PEJABAT, PENGATURAN, REVISI_SOP, SOP_KINERJA
from kinerja_kecamatan.workflow.setup import (
	WORKFLOW_NAME,
	SopWorkflow,
	follow_renamed_states,
	sync_workflow,
	workflow_definition,
)
from kinerja_kecamatan.workflow.sop import DEFAULT_SOP, ROLE_ADMIN_KABUPATEN, Header, Sop, Step

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
	settings_sop = procedure_name()
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


def procedure_name() -> str | None:
	"""The kabupaten's procedure: the SOP Kinerja the kabupaten's settings name. It has no
	kecamatan, drives the one Workflow, and fixes every kecamatan SOP's structure."""
	return frappe.db.get_single_value(PENGATURAN, "sop")


def sop_name_of(kecamatan: str | None) -> str | None:
	"""The SOP in force for a kecamatan: its own (Kecamatan.sop), else the kabupaten's procedure."""
	own = frappe.db.get_value(KECAMATAN, kecamatan, "sop") if kecamatan else None
	return own or procedure_name()


def active_revision(kecamatan: str | None = None) -> str | None:
	sop_name = sop_name_of(kecamatan)
	return latest_revision(sop_name) if sop_name else None


def active_sop(kecamatan: str | None = None) -> Sop:
	"""The SOP a kecamatan's new cycles follow: the latest revision of its SOP in force."""
	revision = active_revision(kecamatan)
	return sop_of_revision(revision) if revision else DEFAULT_SOP


def procedure_sop() -> Sop:
	return active_sop(None)


def sop_of(monitoring) -> Sop:
	"""The SOP a cycle runs under: the revision it started with."""
	revision = monitoring.get("revisi_sop") if monitoring else None
	if revision:
		return sop_of_revision(revision)
	return active_sop(monitoring.get("kecamatan") if monitoring else None)


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
	if doc.kecamatan:
		check_adopts_procedure(doc, sop)
		return
	if doc.is_new() or not is_procedure(doc.name):
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


def is_procedure(sop_name: str) -> bool:
	procedure = procedure_name()
	return not procedure or procedure == sop_name


def check_adopts_procedure(doc, sop: Sop) -> None:
	"""A kecamatan's SOP words and times its steps; their order, branches, behaviours, states,
	actions and actors are the kabupaten's procedure's, because one Workflow runs every kecamatan."""
	if is_procedure(doc.name) and procedure_name():
		frappe.throw(_("Prosedur kabupaten tidak memiliki kecamatan; kosongkan Kecamatan."))
	signer = doc.disahkan_oleh and frappe.db.get_value(PEJABAT, doc.disahkan_oleh, "kecamatan")
	if signer and signer != doc.kecamatan:
		frappe.throw(
			_("SOP Kecamatan {0} disahkan oleh pejabatnya sendiri; {1} adalah pejabat Kecamatan {2}.").format(
				doc.kecamatan, doc.disahkan_oleh, signer
			)
		)
	if sop.structure() == procedure_sop().structure():
		return
	message = _(
		"Urutan, perilaku, percabangan, nama status, aksi dan pelaksana langkah ditetapkan oleh prosedur "
		"kabupaten ({0}). SOP kecamatan hanya mengubah identitas, uraian dan waktu langkah."
	).format(procedure_name())
	if ROLE_ADMIN_KABUPATEN in frappe.get_roles() or "System Manager" in frappe.get_roles():
		frappe.throw(message + " " + _("Ubah prosedur kabupaten; setiap SOP kecamatan mengikutinya."))
	frappe.throw(message, frappe.PermissionError, title=_("Tidak diizinkan"))


def adopt_procedure(procedure: Sop) -> None:
	"""After the procedure's structure changes: each kecamatan's SOP follows it, keeping its own
	identity, wording and times, as a new revision of its own (running cycles keep theirs)."""
	for name in frappe.get_all(SOP_KINERJA, filters={"kecamatan": ("is", "set")}, pluck="name"):
		doc = frappe.get_doc(SOP_KINERJA, name)
		own = sop_from_record(doc)
		if own.structure() == procedure.structure():
			continue
		set_steps(doc, own.adopting(procedure))
		doc.flags.ignore_permissions = True
		doc.save()


def set_steps(doc, sop: Sop) -> None:
	doc.set("langkah", record_of(sop)["langkah"])
	doc.nama_status_selesai = sop.archived_state


def new_kecamatan_sop(kecamatan: str, nomor_sop: str | None = None) -> str:
	"""The kecamatan's own SOP, made from the kabupaten's procedure: its structure, wording and
	times, with the kecamatan's number and its Camat as the one who approves it; it is put in force
	for the kecamatan's new cycles."""
	procedure = procedure_sop()
	camat = frappe.db.get_value(KECAMATAN, kecamatan, "camat")
	header = replace(procedure.header, nomor_sop=nomor_sop or procedure.header.nomor_sop)
	doc = frappe.get_doc({**record_of(replace(procedure, header=header)), "kecamatan": kecamatan})
	doc.disahkan_oleh = camat
	doc.flags.ignore_permissions = True
	doc.insert()
	frappe.db.set_value(KECAMATAN, kecamatan, "sop", doc.name)
	return doc.name


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
	if is_procedure(doc.name) and not doc.kecamatan:
		if not doc.flags.from_workflow:
			sync_workflow(sop)
		adopt_procedure(sop)
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
	"""Workflow on_update: an edit made in the Workflow desk becomes a revision of the kabupaten's
	procedure (and so of every kecamatan's SOP)."""
	if workflow.name != WORKFLOW_NAME or workflow.flags.from_sop:
		return
	sop_name = procedure_name()
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
	"""Install and migrate: the Workflow of the kabupaten's procedure, made if missing."""
	if not frappe.db.exists("Workflow", WORKFLOW_NAME):
		sync_workflow(procedure_sop())


def remove_workflow() -> None:
	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		frappe.delete_doc("Workflow", WORKFLOW_NAME, ignore_permissions=True, force=True)
	definition = workflow_definition(procedure_sop())
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
