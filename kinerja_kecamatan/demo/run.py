"""The README's main job: Kecamatan Batumandi's 2024, every quarter driven through all 12 steps on
its own clock, and TW I 2025 in progress (demo/history.py).

`bench --site kinerja.localhost execute kinerja_kecamatan.demo.run.run_demo` — idempotent: what
exists is kept, and a quarter already archived is not run again.
"""

import os

import frappe

from kinerja_kecamatan.demo import batumandi as data
from kinerja_kecamatan.demo.history import archive_quarter, open_current_quarter
from kinerja_kecamatan.demo.quarter import as_user
from kinerja_kecamatan.doctypes import (
	INDIKATOR,
	KECAMATAN,
	LAPORAN,
	MONITORING,
	PEJABAT,
	PERJANJIAN_KINERJA,
	UNIT_KERJA,
)
from kinerja_kecamatan.engine.triwulan import TRIWULAN
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.site_setup import ensure_system_manager
from kinerja_kecamatan.workflow.sop import (
	DEFAULT_SOP,
	ROLE_CAMAT,
	ROLE_KASUBBAG_PK,
	ROLE_KEPALA_UNIT,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
)
from kinerja_kecamatan.workflow.sop_record import new_kecamatan_sop

DOMAIN = "batumandi.test"


def email(local: str) -> str:
	return f"{local}@{DOMAIN}"


def ensure_user(local: str, full_name: str, roles: tuple) -> str:
	user = email(local)
	if not frappe.db.exists("User", user):
		doc = frappe.get_doc(
			{
				"doctype": "User",
				"email": user,
				"first_name": full_name,
				"send_welcome_email": 0,
				"language": "id",
				"new_password": data.PASSWORD,
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


def ensure_master_data() -> tuple[dict, dict, str]:
	"""Users (one per role), the kecamatan, its units, pejabat, indicators and the PK."""
	people = {
		ROLE_CAMAT: ensure_user("camat", data.CAMAT[0], (ROLE_CAMAT,)),
		ROLE_SEKRETARIS: ensure_user("sekretaris", data.SEKRETARIS[0], (ROLE_SEKRETARIS,)),
		ROLE_PELAKSANA: ensure_user("pelaksana", data.PELAKSANA[0], (ROLE_PELAKSANA,)),
	}
	people[ROLE_KASUBBAG_PK] = ensure_user("kasubbag.pk", data.UNITS[2][2][0], (ROLE_KASUBBAG_PK,))
	kecamatan = data.KECAMATAN["nama_kecamatan"]
	if not frappe.db.exists(KECAMATAN, kecamatan):
		frappe.get_doc({"doctype": KECAMATAN, **data.KECAMATAN}).insert()
	camat = ensure_pejabat(kecamatan, data.CAMAT, people[ROLE_CAMAT])
	frappe.db.set_value(KECAMATAN, kecamatan, "camat", camat)
	ensure_pejabat(kecamatan, data.PELAKSANA, people[ROLE_PELAKSANA])
	sign_sop(kecamatan, camat)

	heads, targets = {}, {}
	for nama_unit, jenis_unit, head, login, indicators in data.UNITS:
		user = people.get(ROLE_SEKRETARIS) if login == "sekretaris" else None
		user = user or (people[ROLE_KASUBBAG_PK] if login == "kasubbag.pk" else None)
		user = user or ensure_user(login, head[0], (ROLE_KEPALA_UNIT,))
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


def verify_row(row):
	"""The monitoring team finds one reported value off: 90 % is really 95 %."""
	if row.indikator.startswith("TRA-03-"):
		return {
			"hasil_verifikasi": "Tidak Sesuai",
			"nilai_terverifikasi": "95",
			"bukti_dilihat": "Buku register pengaduan",
		}
	return {"hasil_verifikasi": "Sesuai", "bukti_dilihat": "Dokumen pendukung dan foto kegiatan"}


def archived_pdf_path(laporan) -> str | None:
	"""The archived PDF on disk, or None when its File record or the file itself is gone."""
	file_name = laporan.file_arsip and frappe.db.get_value("File", {"file_url": laporan.file_arsip})
	if not file_name:
		return None
	path = os.path.abspath(frappe.get_doc("File", file_name).get_full_path())
	return path if os.path.exists(path) else None


def run_demo() -> str | None:
	"""Batumandi's 2024, all four quarters archived on their own clocks, and TW I 2025 in progress
	at step 4 (two units late, one excused). Returns the last archived report's PDF path."""
	frappe.set_user("Administrator")
	ensure_system_manager()
	people, heads, pk, targets = ensure_master_data()
	frappe.db.commit()
	kecamatan = data.KECAMATAN["nama_kecamatan"]
	team = monitoring_team(people)
	monitoring = archive_year(people, heads, pk, commit=True)["IV"]
	camat = frappe.db.get_value(KECAMATAN, kecamatan, "camat")
	next_pk = ensure_pk(people, kecamatan, camat, data.TAHUN + 1, targets)
	current = ensure_cycle(people, kecamatan, data.TAHUN + 1, "I", next_pk)
	if frappe.db.get_value(MONITORING, current, "docstatus") == 0:
		units = list(heads)
		excused = {units[-1]: "Kepala seksi menjalani cuti sakit; data diserahkan pada triwulan berikut"}
		open_current_quarter(people, heads, current, excused, set(units[-3:-1]), team)
		frappe.db.commit()

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
	print(f"Login (kata sandi untuk semua: {data.PASSWORD}):")
	for role, user in people.items():
		print(f"  {role:<36} {user}")
	for unit, user in heads.items():
		if user not in people.values():
			print(
				f"  {'Kepala Unit Kerja':<36} {user}  ({frappe.db.get_value('Unit Kerja', unit, 'nama_unit')})"
			)
	return pdf


def archive_year(people: dict, heads: dict, pk: str, commit: bool = False) -> dict[str, str]:
	"""The demo year's four quarters, each archived on its own clock (a quarter already archived is
	kept); returns triwulan → its monitoring."""
	kecamatan = data.KECAMATAN["nama_kecamatan"]
	team = monitoring_team(people)
	cycles = {}
	for triwulan in TRIWULAN:
		cycles[triwulan] = ensure_cycle(people, kecamatan, data.TAHUN, triwulan, pk)
		if frappe.db.get_value(MONITORING, cycles[triwulan], "docstatus") == 0:
			archive_quarter(people, heads, cycles[triwulan], triwulan, verify_row, team)
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


def monitoring_team(people: dict) -> dict:
	"""The team the Camat names: led by the Kasubbag PK, with the Pelaksana and the Sekretaris."""
	ketua = frappe.db.get_value(PEJABAT, {"user": people[ROLE_KASUBBAG_PK]})
	members = [data.UNITS[2][2][0], data.PELAKSANA[0], data.SEKRETARIS[0]]
	return {
		"ketua": ketua,
		"penyusun": people[ROLE_KASUBBAG_PK],
		"pelaksana": people[ROLE_PELAKSANA],
		"tim": f"Ketua: {members[0]}; Anggota: {members[1]}, {members[2]}",
	}


def sign_sop(kecamatan: str, camat: str) -> None:
	"""Batumandi's own SOP, made from the kabupaten's procedure with the seed's number, approved by
	its Camat and in force for its cycles."""
	if not frappe.db.get_value(KECAMATAN, kecamatan, "sop"):
		new_kecamatan_sop(kecamatan, DEFAULT_SOP.header.nomor_sop)
