"""The README's main job: a kabupaten of two kecamatan. Kecamatan Batumandi's 2024, every quarter
driven through all 12 steps on its own clock, and TW I 2025 in progress; Kecamatan Paringin, under
its own SOP, with TW I 2024 archived and TW II in progress (demo/history.py); the kabupaten's
administrator and reader. Each kecamatan's data is a module of its own (demo/batumandi.py,
demo/paringin.py) that the same functions here take.

`bench --site kinerja.localhost execute kinerja_kecamatan.demo.run.run_demo` — idempotent: what
exists is kept, and a quarter already archived is not run again.
"""

import os

import frappe
from frappe.utils import add_days, cint

from kinerja_kecamatan.demo import batumandi, paringin
from kinerja_kecamatan.demo.history import archive_quarter, open_current_quarter
from kinerja_kecamatan.demo.pki import DEMO_PASSPHRASE, issue_demo_certificate
from kinerja_kecamatan.demo.quarter import as_user
from kinerja_kecamatan.doctypes import (
	CAPAIAN_TAHUNAN,
	INDIKATOR,
	KECAMATAN,
	LAPORAN,
	MONITORING,
	PEJABAT,
	PERJANJIAN_KINERJA,
	SOP_KINERJA,
	UNIT_KERJA,
)
from kinerja_kecamatan.engine.triwulan import TRIWULAN
from kinerja_kecamatan.kinerja_kecamatan.doctype.capaian_kinerja_tahunan.capaian_kinerja_tahunan import (
	susun_capaian_tahunan,
	tandatangani,
)
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.site_setup import ensure_system_manager
from kinerja_kecamatan.workflow.sop import (
	ROLE_ADMIN_KABUPATEN,
	ROLE_CAMAT,
	ROLE_KABUPATEN,
	ROLE_KASUBBAG_PK,
	ROLE_KEPALA_UNIT,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
)
from kinerja_kecamatan.workflow.sop_record import new_kecamatan_sop

# the kabupaten's demo, kecamatan by kecamatan: each a data module of the same shape
KECAMATAN_DATA = (batumandi, paringin)
PASSWORD = batumandi.PASSWORD
# the kabupaten's own logins: its administrator (its settings, the procedure, a new kecamatan and
# its SOP) and its reader (every kecamatan, read only)
KABUPATEN_USERS = {
	ROLE_ADMIN_KABUPATEN: ("admin.kabupaten@balangan.test", "Gusti Muhammad Irfan, S.STP"),
	ROLE_KABUPATEN: ("pemantau@balangan.test", "Dewi Kartika Sari, S.E"),
}


def email(local: str, data=batumandi) -> str:
	return f"{local}@{data.DOMAIN}"


def ensure_user(user: str, full_name: str, roles: tuple) -> str:
	if not frappe.db.exists("User", user):
		doc = frappe.get_doc(
			{
				"doctype": "User",
				"email": user,
				"first_name": full_name,
				"send_welcome_email": 0,
				"language": "id",
				"new_password": PASSWORD,
			}
		).insert(ignore_permissions=True)
		doc.add_roles(*roles)
	# a site made before ensure_system_manager gave its first desk user System Manager
	if "System Manager" in frappe.get_roles(user) and "System Manager" not in roles:
		frappe.get_doc("User", user).remove_roles("System Manager")
	return user


def ensure_pejabat(kecamatan: str, person: tuple, user: str | None = None, unit: str | None = None) -> str:
	nama, nip, pangkat, jabatan = person
	if not frappe.db.exists(PEJABAT, nip):
		frappe.get_doc(
			{
				"doctype": PEJABAT,
				"nama": nama,
				"nip": nip,
				"pangkat_golongan": pangkat,
				"jabatan": jabatan,
				"kecamatan": kecamatan,
				"unit_kerja": unit,
				"user": user,
			}
		).insert()
	return nip


def head_with_login(data, login: str) -> tuple:
	"""The Pejabat heading the unit whose head logs in as `login` (the Kasubbag PK's Subbag)."""
	return next(head for _nama, _jenis, head, unit_login, _indicators in data.UNITS if unit_login == login)


def ensure_master_data(data=batumandi) -> tuple[dict, dict, str, dict]:
	"""Users (one per role), the kecamatan of `data` (demo/batumandi.py, demo/paringin.py), its
	SOP, units, pejabat, indicators and the PK."""
	people = {
		ROLE_CAMAT: ensure_user(email("camat", data), data.CAMAT[0], (ROLE_CAMAT,)),
		ROLE_SEKRETARIS: ensure_user(email("sekretaris", data), data.SEKRETARIS[0], (ROLE_SEKRETARIS,)),
		ROLE_PELAKSANA: ensure_user(email("pelaksana", data), data.PELAKSANA[0], (ROLE_PELAKSANA,)),
	}
	kasubbag = head_with_login(data, "kasubbag.pk")
	people[ROLE_KASUBBAG_PK] = ensure_user(email("kasubbag.pk", data), kasubbag[0], (ROLE_KASUBBAG_PK,))
	kecamatan = data.KECAMATAN["nama_kecamatan"]
	if not frappe.db.exists(KECAMATAN, kecamatan):
		frappe.get_doc({"doctype": KECAMATAN, **data.KECAMATAN}).insert()
	camat = ensure_pejabat(kecamatan, data.CAMAT, people[ROLE_CAMAT])
	frappe.db.set_value(KECAMATAN, kecamatan, "camat", camat)
	issue_demo_certificate(camat)
	ensure_pejabat(kecamatan, data.PELAKSANA, people[ROLE_PELAKSANA])
	sign_sop(data, kecamatan)

	heads, targets = {}, {}
	for nama_unit, jenis_unit, head, login, indicators in data.UNITS:
		user = people.get(ROLE_SEKRETARIS) if login == "sekretaris" else None
		user = user or (people[ROLE_KASUBBAG_PK] if login == "kasubbag.pk" else None)
		user = user or ensure_user(email(login, data), head[0], (ROLE_KEPALA_UNIT,))
		unit = frappe.db.get_value(UNIT_KERJA, {"nama_unit": nama_unit, "kecamatan": kecamatan})
		if not unit:
			unit = (
				frappe.get_doc(
					{
						"doctype": UNIT_KERJA,
						"nama_unit": nama_unit,
						"singkatan": data.SINGKATAN[nama_unit],
						"jenis_unit": jenis_unit,
						"kecamatan": kecamatan,
					}
				)
				.insert()
				.name
			)
			pejabat = ensure_pejabat(kecamatan, head, user, unit)
			frappe.get_doc(UNIT_KERJA, unit).update({"kepala_unit": user, "pejabat": pejabat}).save()
		elif frappe.db.get_value(UNIT_KERJA, unit, "singkatan") != data.SINGKATAN[nama_unit]:
			# a demo made before units had a singkatan got one made from the name
			frappe.db.set_value(UNIT_KERJA, unit, "singkatan", data.SINGKATAN[nama_unit])
		heads[unit] = user
		for kode, uraian, satuan, jenis, tahunan, tw, *_ in indicators:
			name = frappe.db.get_value(INDIKATOR, {"kode": kode, "kecamatan": kecamatan})
			if not name:
				name = (
					frappe.get_doc(
						{
							"doctype": INDIKATOR,
							"kode": kode,
							"uraian": uraian,
							"satuan": satuan,
							"jenis": jenis,
							"kecamatan": kecamatan,
							"unit_kerja": unit,
							"sumber": PERJANJIAN_KINERJA,
						}
					)
					.insert()
					.name
				)
			targets[name] = (tahunan, *tw)

	revise_sop(data, kecamatan, people)
	pk = ensure_pk(people, kecamatan, camat, data.TAHUN, targets)
	return people, heads, pk, targets


def ensure_pk(people: dict, kecamatan: str, camat: str, tahun: int, targets: dict) -> str:
	"""The year's Perjanjian Kinerja with `targets` (indikator → (tahunan, tw1, tw2, tw3, tw4))."""
	pk = frappe.db.get_value(PERJANJIAN_KINERJA, {"kecamatan": kecamatan, "tahun": tahun, "docstatus": 1})
	if pk:
		return pk
	with as_user(people[ROLE_KASUBBAG_PK]):
		doc = frappe.get_doc(
			{
				"doctype": PERJANJIAN_KINERJA,
				"kecamatan": kecamatan,
				"tahun": tahun,
				"tanggal": f"{tahun}-01-02",
				"pihak_pertama": camat,
				"targets": [
					{
						"indikator": indikator,
						"target_tahunan": tahunan,
						"target_tw1": tw1,
						"target_tw2": tw2,
						"target_tw3": tw3,
						"target_tw4": tw4,
					}
					for indikator, (tahunan, tw1, tw2, tw3, tw4) in targets.items()
				],
			}
		).insert()
		doc.submit()
		return doc.name


def verifier(data):
	"""What the monitoring team records for each row: every value as reported but the one it finds
	off (`data.CORRECTION`: the indicator's kode and what the team found)."""
	kode, found = data.CORRECTION

	def verify_row(row):
		if row.indikator.startswith(f"{kode}-"):
			return dict(found)
		return {"hasil_verifikasi": "Sesuai", "bukti_dilihat": "Dokumen pendukung dan foto kegiatan"}

	return verify_row


def archived_pdf_path(laporan) -> str | None:
	"""The archived PDF on disk, or None when its File record or the file itself is gone."""
	file_name = laporan.file_arsip and frappe.db.get_value("File", {"file_url": laporan.file_arsip})
	if not file_name:
		return None
	path = os.path.abspath(frappe.get_doc("File", file_name).get_full_path())
	return path if os.path.exists(path) else None


def run_demo() -> str | None:
	"""The kabupaten's demo: each kecamatan's year as its data module has it (Batumandi's 2024 all
	archived and TW I 2025 at step 4, two units late and one excused; Paringin's TW I 2024 archived
	and TW II at step 4), then the kabupaten's own logins. Returns the path of Batumandi's last
	archived report's PDF."""
	frappe.set_user("Administrator")
	ensure_system_manager()
	pdfs = [run_kecamatan(data) for data in KECAMATAN_DATA]
	print("Kabupaten Balangan")
	for role, (user, full_name) in KABUPATEN_USERS.items():
		print(f"  {role:<36} {ensure_user(user, full_name, (role,))}")
	frappe.db.commit()
	print(f"Kata sandi untuk semua login: {PASSWORD}")
	print(f"Passphrase sertifikat tanda tangan elektronik (demo) setiap Camat: {DEMO_PASSPHRASE}")
	return pdfs[0]


def run_kecamatan(data) -> str | None:
	"""One kecamatan's master data, archived quarters and quarter in progress; prints what it has
	and its logins, and returns the path of its last archived report's PDF."""
	people, heads, pk, targets = ensure_master_data(data)
	frappe.db.commit()
	kecamatan = data.KECAMATAN["nama_kecamatan"]
	team = monitoring_team(people, data)
	monitoring = archive_year(people, heads, pk, commit=True, data=data)[data.ARCHIVED[-1]]
	chapter = sign_year(people, monitoring, data)
	frappe.db.commit()
	camat = frappe.db.get_value(KECAMATAN, kecamatan, "camat")
	tahun, triwulan = data.CURRENT
	current_pk = ensure_pk(people, kecamatan, camat, tahun, targets)
	current = ensure_cycle(people, kecamatan, tahun, triwulan, current_pk)
	if frappe.db.get_value(MONITORING, current, "docstatus") == 0:
		excused = {unit_named(kecamatan, nama): reason for nama, reason in data.EXCUSED.items()}
		late = {unit_named(kecamatan, nama) for nama in data.LATE}
		open_current_quarter(people, heads, current, excused, late, team, data)
		frappe.db.commit()

	sop = frappe.db.get_value(KECAMATAN, kecamatan, "sop")
	print(f"Kecamatan {kecamatan} (SOP {frappe.db.get_value(SOP_KINERJA, sop, 'nomor_sop') or sop})")
	laporan = frappe.get_doc(LAPORAN, laporan_of(monitoring))
	print(f"Laporan Hasil Monitoring ditandatangani: {laporan.name} ({laporan.nomor_arsip})")
	pdf = archived_pdf_path(laporan)
	if pdf:
		print(f"PDF: {pdf}")
	else:
		print(
			f"PERINGATAN: PDF arsip {laporan.file_arsip or '(tidak tercatat)'} dari {laporan.name} tidak ada "
			"lagi di situs; laporan tetap tersimpan, tetapi arsip PDF-nya perlu dipulihkan dari cadangan."
		)
	if chapter:
		nomor_arsip = frappe.db.get_value(CAPAIAN_TAHUNAN, chapter, "nomor_arsip")
		print(f"Capaian Kinerja Tahunan {data.TAHUN} ditandatangani: {chapter} ({nomor_arsip})")
	progress = frappe.db.get_value(
		MONITORING,
		current,
		["langkah", "jumlah_isian_diajukan", "jumlah_unit"],
		as_dict=True,
	)
	print(
		f"Siklus berjalan: {current}, langkah {progress.langkah}, "
		f"{progress.jumlah_isian_diajukan} dari {progress.jumlah_unit} unit sudah mengajukan Isian"
	)
	waiting = frappe.db.get_value(MONITORING, current, "tindak_lanjut_belum_dilaporkan")
	if waiting:
		print("Tindak lanjut triwulan lalu yang belum dilaporkan unit: " + "; ".join(waiting.splitlines()))
	print("Login:")
	for role, user in people.items():
		print(f"  {role:<36} {user}")
	for unit, user in heads.items():
		if user not in people.values():
			print(
				f"  {'Kepala Unit Kerja':<36} {user}  ({frappe.db.get_value('Unit Kerja', unit, 'nama_unit')})"
			)
	return pdf


def sign_year(people: dict, last_cycle: str, data=batumandi) -> str | None:
	"""A year whose four quarters are archived: its chapter (Capaian Kinerja Tahunan) compiled by
	the Kasubbag PK from the signed reports and signed by the Camat a week after the last quarter's
	report, before the next year's first cycle starts; kept when it exists."""
	if len(data.ARCHIVED) < len(TRIWULAN):
		return None
	kecamatan = data.KECAMATAN["nama_kecamatan"]
	signed = frappe.db.get_value(
		CAPAIAN_TAHUNAN, {"kecamatan": kecamatan, "tahun": data.TAHUN, "docstatus": 1}
	)
	if signed:
		return signed
	with as_user(people[ROLE_KASUBBAG_PK]):
		name = susun_capaian_tahunan(kecamatan, data.TAHUN)
	last_report = frappe.db.get_value(LAPORAN, laporan_of(last_cycle), "tanggal_laporan")
	frappe.db.set_value(CAPAIAN_TAHUNAN, name, "tanggal_laporan", add_days(last_report, 7))
	with as_user(people[ROLE_CAMAT]):
		tandatangani(name, DEMO_PASSPHRASE)
	return name


def unit_named(kecamatan: str, nama_unit: str) -> str:
	return frappe.db.get_value(UNIT_KERJA, {"nama_unit": nama_unit, "kecamatan": kecamatan})


def archive_year(people: dict, heads: dict, pk: str, commit: bool = False, data=batumandi) -> dict[str, str]:
	"""The quarters of the demo year its data archives (`data.ARCHIVED`), each on its own clock (a
	quarter already archived is kept); returns triwulan → its monitoring."""
	kecamatan = data.KECAMATAN["nama_kecamatan"]
	team = monitoring_team(people, data)
	verify = verifier(data)
	cycles = {}
	for triwulan in data.ARCHIVED:
		cycles[triwulan] = ensure_cycle(people, kecamatan, data.TAHUN, triwulan, pk)
		if frappe.db.get_value(MONITORING, cycles[triwulan], "docstatus") == 0:
			archive_quarter(people, heads, cycles[triwulan], triwulan, verify, team, data)
			if commit:
				frappe.db.commit()
	return cycles


def ensure_cycle(people: dict, kecamatan: str, tahun: int, triwulan: str, pk: str) -> str:
	monitoring = frappe.db.get_value(
		MONITORING,
		{"kecamatan": kecamatan, "tahun": tahun, "triwulan": triwulan, "docstatus": ("<", 2)},
	)
	if monitoring:
		return monitoring
	with as_user(people[ROLE_KASUBBAG_PK]):
		return (
			frappe.get_doc(
				{
					"doctype": MONITORING,
					"kecamatan": kecamatan,
					"tahun": tahun,
					"triwulan": triwulan,
					"perjanjian_kinerja": pk,
				}
			)
			.insert()
			.name
		)


def monitoring_team(people: dict, data=batumandi) -> dict:
	"""The team the Camat names: led by the Kasubbag PK, with the Pelaksana and the Sekretaris."""
	ketua = frappe.db.get_value(PEJABAT, {"user": people[ROLE_KASUBBAG_PK]})
	members = [head_with_login(data, "kasubbag.pk")[0], data.PELAKSANA[0], data.SEKRETARIS[0]]
	return {
		"ketua": ketua,
		"penyusun": people[ROLE_KASUBBAG_PK],
		"pelaksana": people[ROLE_PELAKSANA],
		"tim": f"Ketua: {members[0]}; Anggota: {members[1]}, {members[2]}",
	}


def sign_sop(data, kecamatan: str) -> None:
	"""The kecamatan's own SOP, made from the kabupaten's procedure with its number
	(`data.NOMOR_SOP`), approved by its Camat and in force for its cycles."""
	if not frappe.db.get_value(KECAMATAN, kecamatan, "sop"):
		new_kecamatan_sop(kecamatan, data.NOMOR_SOP)


def revise_sop(data, kecamatan: str, people: dict) -> None:
	"""The kecamatan's Kasubbag PK gives steps of its SOP times of its own (`data.SOP_TIMES`: step →
	waktu, in the step's unit) and saves it as the SOP Kinerja form does, which makes a new
	revision; the kecamatan's cycles created afterwards run under it."""
	doc = frappe.get_doc(SOP_KINERJA, frappe.db.get_value(KECAMATAN, kecamatan, "sop"))
	changed = [
		row for row in doc.langkah if data.SOP_TIMES.get(cint(row.nomor), cint(row.waktu)) != cint(row.waktu)
	]
	if not changed:
		return
	for row in changed:
		row.waktu = data.SOP_TIMES[cint(row.nomor)]
	doc.tanggal_revisi = data.SOP_REVISED
	with as_user(people[ROLE_KASUBBAG_PK]):
		doc.save()
