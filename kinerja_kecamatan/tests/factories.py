"""Small factories for test data: each makes one document the way a user would in the desk."""

import random

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.pki import DEMO_PASSPHRASE, issue_demo_certificate
from kinerja_kecamatan.laporan.signers import passphrase_given
from kinerja_kecamatan.workflow.sop import (
	ROLE_CAMAT,
	ROLE_KASUBBAG_PK,
	ROLE_KEPALA_UNIT,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
	step,
)


def unique(prefix: str) -> str:
	return f"{prefix} {frappe.generate_hash(length=6)}"


def make_user(email: str | None = None, roles=()) -> str:
	email = email or f"{frappe.generate_hash(length=8)}@example.com"
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": email.split("@")[0], "send_welcome_email": 0}
		).insert(ignore_permissions=True)
		if roles:
			user.add_roles(*roles)
	return email


def make_kecamatan(nama: str | None = None, kabupaten: str = "Balangan") -> str:
	nama = nama or unique("Kec")
	if not frappe.db.exists("Kecamatan", nama):
		frappe.get_doc(
			{
				"doctype": "Kecamatan",
				"nama_kecamatan": nama,
				"kabupaten": kabupaten,
				"alamat": "Jalan Jenderal Ahmad Yani No. 10",
			}
		).insert()
	return nama


def make_unit(kecamatan: str, nama: str | None = None, kepala_unit: str | None = None, jenis="Seksi") -> str:
	if kepala_unit and not frappe.db.exists("Pejabat", {"user": kepala_unit, "kecamatan": kecamatan}):
		make_officer(kecamatan, kepala_unit, "Kepala Seksi")
	return (
		frappe.get_doc(
			{
				"doctype": "Unit Kerja",
				"nama_unit": nama or unique("Seksi"),
				"kecamatan": kecamatan,
				"jenis_unit": jenis,
				"kepala_unit": kepala_unit,
			}
		)
		.insert()
		.name
	)


def make_unit_head(kecamatan: str) -> tuple[str, str]:
	"""A unit with a head user; returns (unit, user)."""
	user = make_user(roles=(ROLE_KEPALA_UNIT,))
	return make_unit(kecamatan, kepala_unit=user), user


def make_pejabat(kecamatan: str, nip: str = "198904132008041001", nama="Abdul Khair, S.Pd", jabatan="Camat"):
	if frappe.db.exists("Pejabat", nip):
		return nip
	return (
		frappe.get_doc(
			{
				"doctype": "Pejabat",
				"nama": nama,
				"nip": nip,
				"jabatan": jabatan,
				"pangkat_golongan": "Pembina (IV/a)",
				"kecamatan": kecamatan,
			}
		)
		.insert()
		.name
	)


def random_nip() -> str:
	"""A valid, unused NIP: birth date, appointment year and month, gender, sequence."""
	while True:
		nip = (
			f"19{random.randint(60, 99)}{random.randint(1, 12):02d}{random.randint(1, 28):02d}"
			f"20{random.randint(10, 23)}{random.randint(1, 12):02d}{random.randint(1, 2)}{random.randint(1, 999):03d}"
		)
		if not frappe.db.exists("Pejabat", nip):
			return nip


def make_officer(kecamatan: str, user: str, jabatan: str) -> str:
	"""The Pejabat record that makes `user` an officer of `kecamatan`."""
	return (
		frappe.get_doc(
			{
				"doctype": "Pejabat",
				"nama": user.split("@")[0].title(),
				"nip": random_nip(),
				"jabatan": jabatan,
				"pangkat_golongan": "Penata (III/c)",
				"kecamatan": kecamatan,
				"user": user,
			}
		)
		.insert()
		.name
	)


def make_officers(kecamatan: str, people: dict) -> None:
	"""Each role's user an officer of `kecamatan`; the Camat's Pejabat signs its reports."""
	for role, user in people.items():
		name = make_officer(kecamatan, user, role)
		if role == ROLE_CAMAT:
			frappe.db.set_value("Kecamatan", kecamatan, "camat", name)
			issue_demo_certificate(name)


def make_indikator(
	kecamatan: str, unit_kerja: str, jenis: str = "Positif", kode: str | None = None, **fields
):
	return (
		frappe.get_doc(
			{
				"doctype": "Indikator Kinerja",
				"kode": kode or frappe.generate_hash(length=6).upper(),
				"uraian": fields.pop("uraian", "Persentase layanan administrasi selesai tepat waktu"),
				"satuan": fields.pop("satuan", "%"),
				"jenis": jenis,
				"kecamatan": kecamatan,
				"unit_kerja": unit_kerja,
				**fields,
			}
		)
		.insert()
		.name
	)


def make_pk(kecamatan: str, tahun: int, targets: dict, kumulatif: bool = False, submit: bool = True):
	"""targets: {indikator: (tahunan, tw1, tw2, tw3, tw4)}."""
	pihak_pertama = make_pejabat(kecamatan)
	pk = frappe.get_doc(
		{
			"doctype": "Perjanjian Kinerja",
			"kecamatan": kecamatan,
			"tahun": tahun,
			"pihak_pertama": pihak_pertama,
			"target_triwulan_kumulatif": int(kumulatif),
			"targets": [
				{
					"indikator": indikator,
					"target_tahunan": values[0],
					"target_tw1": values[1],
					"target_tw2": values[2],
					"target_tw3": values[3],
					"target_tw4": values[4],
				}
				for indikator, values in targets.items()
			],
		}
	).insert()
	if submit:
		pk.submit()
	return pk


def make_monitoring(pk, triwulan: str = "I"):
	return frappe.get_doc(
		{
			"doctype": "Monitoring Kinerja Triwulan",
			"kecamatan": pk.kecamatan,
			"tahun": pk.tahun,
			"triwulan": triwulan,
			"perjanjian_kinerja": pk.name,
		}
	).insert()


def make_isian(monitoring, unit_kerja: str, realisasi: dict, submit: bool = False, **row_fields):
	"""realisasi: {indikator: value}; rows below target get a default analysis unless given."""
	analysis = {"faktor_penghambat": "Keterbatasan anggaran", "tindak_lanjut": "Koordinasi dengan desa"}
	analysis.update(row_fields)
	isian = frappe.get_doc(
		{
			"doctype": "Isian Data Kinerja",
			"monitoring": monitoring.name,
			"unit_kerja": unit_kerja,
			"indikator": [
				{"indikator": indikator, "realisasi_tw": value, **analysis}
				for indikator, value in realisasi.items()
			],
		}
	).insert()
	if submit:
		isian.submit()
	return isian


def make_reported_kecamatan(realisasi_tw1: dict, realisasi_tw2: dict | None = None, kabupaten="Balangan"):
	"""A kecamatan with two units (A with a head user), three indicators each unit's, a submitted
	PK, and Isian for TW I (and TW II when given). Realisasi maps (unit index, indicator index)
	→ value. Returns a dict with the names."""
	kecamatan = make_kecamatan(kabupaten=kabupaten)
	unit_a, head_a = make_unit_head(kecamatan)
	unit_b = make_unit(kecamatan)
	units = (unit_a, unit_b)
	indicators = {
		(u, i): make_indikator(kecamatan, unit, jenis)
		for u, unit in enumerate(units)
		for i, jenis in enumerate(("Positif", "Negatif", "Nilai Akhir"))
	}
	pk = make_pk(kecamatan, 2024, {name: (400, 100, 100, 100, 100) for name in indicators.values()})
	isian = {}
	for triwulan, realisasi in (("I", realisasi_tw1), ("II", realisasi_tw2)):
		if realisasi is None:
			continue
		monitoring = make_monitoring(pk, triwulan)
		for u, unit in enumerate(units):
			values = {indicators[key]: value for key, value in realisasi.items() if key[0] == u}
			isian[(triwulan, u)] = make_isian(monitoring, unit, values, submit=True).name
	return {
		"kecamatan": kecamatan,
		"units": units,
		"head_a": head_a,
		"indicators": indicators,
		"pk": pk.name,
		"isian": isian,
	}


def open_cycle(user: str, kecamatan: str, pk: str, tahun: int = 2024, triwulan: str = "I"):
	"""A new Monitoring opened by `user` (the Kasubbag PK), as the desk would."""
	previous = frappe.session.user
	frappe.set_user(user)
	try:
		return frappe.get_doc(
			{
				"doctype": "Monitoring Kinerja Triwulan",
				"kecamatan": kecamatan,
				"tahun": tahun,
				"triwulan": triwulan,
				"perjanjian_kinerja": pk,
			}
		).insert()
	finally:
		frappe.set_user(previous)


def make_cycle_people():
	return {
		ROLE_CAMAT: make_user(roles=(ROLE_CAMAT,)),
		ROLE_SEKRETARIS: make_user(roles=(ROLE_SEKRETARIS,)),
		ROLE_KASUBBAG_PK: make_user(roles=(ROLE_KASUBBAG_PK,)),
		ROLE_PELAKSANA: make_user(roles=(ROLE_PELAKSANA,)),
	}


def make_cycle(people, units=2, indicators=1, heads_shared: int = 0):
	"""A kecamatan with `units` units (each with a head and `indicators` indicators), its PK, and
	a new Monitoring opened by the Kasubbag PK. With `heads_shared`, that many heads head the
	units in turn (a user costs a second or more to make; a kecamatan of 60 units needs not 60)."""
	kecamatan = make_kecamatan()
	make_officers(kecamatan, people)
	shared = [make_user(roles=(ROLE_KEPALA_UNIT,)) for _ in range(heads_shared)]
	heads, targets = {}, {}
	for index in range(units):
		if shared:
			head = shared[index % heads_shared]
			unit = make_unit(kecamatan, kepala_unit=head)
		else:
			unit, head = make_unit_head(kecamatan)
		heads[unit] = head
		for _ in range(indicators):
			targets[make_indikator(kecamatan, unit)] = (400, 100, 100, 100, 100)
	pk = make_pk(kecamatan, 2024, targets)
	return open_cycle(people[ROLE_KASUBBAG_PK], kecamatan, pk.name), heads


class WorkflowTestCase(FrappeTestCase):
	"""Tests of a cycle: `self.people` holds one user per SOP role; `act` takes a workflow action as
	a role, `complete` takes a step after every other role was refused."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()

	def tearDown(self):
		frappe.set_user("Administrator")

	def act(self, role, monitoring, action):
		frappe.set_user(self.people[role])
		try:
			with passphrase_given(DEMO_PASSPHRASE):
				return apply_workflow(monitoring.as_dict(), action)
		finally:
			frappe.set_user("Administrator")

	def edit(self, role, monitoring, **values):
		frappe.set_user(self.people[role])
		try:
			doc = frappe.get_doc("Monitoring Kinerja Triwulan", monitoring.name)
			doc.update(values)
			doc.save()
			return doc
		finally:
			frappe.set_user("Administrator")

	def assert_wrong_roles_refused(self, monitoring, action, right_role):
		for role in self.people:
			if role == right_role:
				continue
			with self.subTest(action=action, role=role):
				with self.assertRaises(frappe.ValidationError):
					self.act(role, monitoring, action)
		self.assertEqual(
			frappe.db.get_value(monitoring.doctype, monitoring.name, "langkah"), monitoring.langkah
		)

	def complete(self, monitoring, number):
		"""Step `number` completed by its actor, after every other role was refused."""
		self.assertEqual(monitoring.langkah, number)
		self.assert_wrong_roles_refused(monitoring, step(number).action, step(number).actor)
		return self.act(step(number).actor, monitoring, step(number).action)
