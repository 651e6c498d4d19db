"""Drive one quarter through the SOP's 12 steps, each step by a user holding its role, through
the same server calls the desk makes (apply_workflow, document saves and submits).

Used by the demo and by the tests.
"""

from collections.abc import Callable

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, nowdate

from kinerja_kecamatan.access.editing import exception_role
from kinerja_kecamatan.demo.pki import DEMO_PASSPHRASE
from kinerja_kecamatan.doctypes import BLANKO, ISIAN, JADWAL, KECAMATAN, MONITORING, UNIT_KERJA
from kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.monitoring_kinerja_triwulan import (
	catat_pengecualian,
)
from kinerja_kecamatan.laporan.signers import passphrase_given
from kinerja_kecamatan.workflow import behaviours as b
from kinerja_kecamatan.workflow.sop_record import sop_of
from kinerja_kecamatan.workflow.transition import actor_of, live_workflow


class as_user:
	"""Run a block as `user`, then return to whoever ran before."""

	def __init__(self, user: str):
		self.user = user

	def __enter__(self):
		self.previous = frappe.session.user
		frappe.set_user(self.user)

	def __exit__(self, *exc):
		frappe.set_user(self.previous)


def act(user: str, monitoring: str, action: str, passphrase: str = DEMO_PASSPHRASE):
	"""`action` taken by `user`; at the signing step, with the passphrase of the Camat's
	demo certificate, as the desk's signing dialog sends it."""
	with as_user(user), passphrase_given(passphrase):
		return apply_workflow(frappe.get_doc(MONITORING, monitoring).as_dict(), action)


def forward_action(monitoring: str) -> str:
	"""The action that completes the cycle's current step ("Ya"), as the Workflow in force labels it."""
	state = frappe.db.get_value(MONITORING, monitoring, "workflow_state")
	return live_workflow().leaving(state, forward=True)[0].action


def actor_at(monitoring: str, number: int) -> str:
	"""The role that acts at step `number` of the cycle's own SOP revision."""
	return actor_of(number, sop_of(frappe.db.get_value(MONITORING, monitoring, ["revisi_sop"], as_dict=True)))


def complete(people: dict, monitoring: str, number: int):
	"""Step `number` (the cycle's current one) done by a user of whichever role the Workflow now
	gives it to."""
	return act(people[actor_at(monitoring, number)], monitoring, forward_action(monitoring))


def give_disposition(people: dict, monitoring: str, text: str = "Segera susun Format Isian Data Kinerja"):
	number = sop_of(frappe.db.get_value(MONITORING, monitoring, ["revisi_sop"], as_dict=True)).number_of(
		b.DISPOSISI
	)
	with as_user(people[actor_at(monitoring, number)]):
		doc = frappe.get_doc(MONITORING, monitoring)
		doc.disposisi = text
		doc.batas_waktu = add_days(nowdate(), 14)
		doc.save()


# what a head reports of last quarter's follow-ups, in turn: most done, some partly, one not
FOLLOW_UP_ANSWERS = (
	{"status": "Dilaksanakan", "penjelasan": "Telah dilaksanakan sesuai rencana."},
	{"status": "Dilaksanakan", "penjelasan": "Dilaksanakan; hasilnya tercatat pada realisasi triwulan ini."},
	{
		"status": "Sebagian",
		"penjelasan": "Baru sebagian desa yang dijangkau; sisanya dijadwalkan bulan depan.",
	},
	{"status": "Dilaksanakan", "penjelasan": "Dilaksanakan bersama perangkat desa."},
	{
		"status": "Tidak Dilaksanakan",
		"penjelasan": "Anggaran perubahan belum disahkan sehingga kegiatan ditunda.",
	},
)


def answer_follow_ups(row) -> dict:
	"""The demo's answer on one follow-up: the same indicator and quarter always get the same
	answer, on any site (a record's name depends on what the site numbered before)."""
	key = f"{row.indikator}{row.triwulan_asal}"
	return FOLLOW_UP_ANSWERS[sum(map(ord, key)) % len(FOLLOW_UP_ANSWERS)]


def fill_isian(
	user: str, isian: str, realisasi: Callable, submit: bool = True, follow_up: Callable = answer_follow_ups
):
	"""The unit head fills their Isian; `realisasi(row)` → (value, analysis dict); `follow_up(row)`
	→ the answer on one of last quarter's follow-ups (status, penjelasan)."""
	with as_user(user):
		doc = frappe.get_doc(ISIAN, isian)
		for row in doc.indikator:
			value, analysis = realisasi(row)
			row.realisasi_tw = value
			row.update(analysis or {})
		for row in doc.get("tindak_lanjut_lalu") or []:
			row.update(follow_up(row))
		doc.save()
		if submit:
			doc.submit()
		return doc


def fill_units_isian(monitoring: str, heads: dict, realisasi: Callable, skip: set = frozenset()):
	"""Each head (unit → user) fills and submits their unit's draft Isian, except the units in `skip`."""
	for unit, user in heads.items():
		if unit in skip:
			continue
		isian = frappe.db.get_value(ISIAN, {"monitoring": monitoring, "unit_kerja": unit, "docstatus": 0})
		if isian:
			fill_isian(user, isian, realisasi)


def make_jadwal(user: str, monitoring: str, tim: str = "Tim Monev Kecamatan"):
	units = [row.unit_kerja for row in frappe.get_all(ISIAN, {"monitoring": monitoring}, ["unit_kerja"])]
	kecamatan = frappe.db.get_value(MONITORING, monitoring, "kecamatan")
	units += frappe.get_all(
		UNIT_KERJA, {"kecamatan": kecamatan, "aktif": 1, "name": ("not in", units or [""])}, pluck="name"
	)
	with as_user(user):
		return frappe.get_doc(
			{
				"doctype": JADWAL,
				"monitoring": monitoring,
				"jadwal": [
					{
						"unit_kerja": unit,
						"tanggal": add_days(nowdate(), i + 1),
						"waktu": "09:00:00",
						"tempat": "Aula Kantor Camat",
						"tim": tim,
					}
					for i, unit in enumerate(units)
				],
			}
		).insert()


def fill_blanko(
	user: str,
	monitoring: str,
	verify: Callable | None = None,
	ketua_tim: str | None = None,
	tanggal: str | None = None,
):
	"""The team records each row (default: Sesuai), temuan and rekomendasi, signs and submits."""
	kecamatan = frappe.db.get_value(MONITORING, monitoring, "kecamatan")
	ketua_tim = ketua_tim or frappe.db.get_value(KECAMATAN, kecamatan, "camat")
	with as_user(user):
		for name in frappe.get_all(BLANKO, {"monitoring": monitoring, "docstatus": 0}, pluck="name"):
			blanko = frappe.get_doc(BLANKO, name)
			for row in blanko.indikator:
				row.update(
					(verify(row) if verify else None)
					or {"hasil_verifikasi": "Sesuai", "bukti_dilihat": "Dokumen pendukung"}
				)
			for row in blanko.get("tindak_lanjut_lalu") or []:
				row.hasil_verifikasi = row.hasil_verifikasi or "Sesuai"
			blanko.temuan = blanko.temuan or "Data dukung tersedia dan sesuai."
			blanko.rekomendasi = blanko.rekomendasi or "Pertahankan ketertiban pencatatan data kinerja."
			blanko.penandatangan_tim = ketua_tim
			blanko.tanggal_monitoring = tanggal or blanko.tanggal_monitoring
			blanko.penandatangan_unit = (
				frappe.db.get_value(UNIT_KERJA, blanko.unit_kerja, "pejabat") or ketua_tim
			)
			blanko.save()
			blanko.submit()


def run_quarter(
	people: dict,
	heads: dict,
	monitoring: str,
	realisasi: Callable,
	until: int | None = None,
	excused: dict | None = None,
):
	"""Take `monitoring` from step 1 up to step `until` (default: archived), each step by what its
	behaviour in the cycle's SOP asks. `heads` maps unit → user; `excused` maps unit → reason for
	units excused while the Isian are collected. `people` maps role → user."""
	excused = excused or {}
	doc = frappe.get_doc(MONITORING, monitoring)
	sop = sop_of(doc)
	until = until or sop.archived
	number = doc.langkah
	while number < until:
		behaviour = sop.step(number).behaviour
		if behaviour == b.DISPOSISI:
			give_disposition(people, monitoring)
		elif behaviour == b.PENGHIMPUNAN:
			fill_units_isian(monitoring, heads, realisasi, skip=set(excused))
			for unit, reason in excused.items():
				with as_user(people[exception_role(sop)]):
					catat_pengecualian(monitoring, unit, reason)
		elif behaviour == b.JADWAL_MONITORING and not frappe.db.exists(JADWAL, {"monitoring": monitoring}):
			make_jadwal(people[actor_of(number, sop)], monitoring)
		elif behaviour == b.PELAKSANAAN_MONITORING:
			fill_blanko(people[actor_of(number, sop)], monitoring)
		complete(people, monitoring, number)
		number = frappe.db.get_value(MONITORING, monitoring, "langkah")
	return frappe.get_doc(MONITORING, monitoring)
