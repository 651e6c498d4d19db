"""Beranda Kinerja: what the app's users see first when they open the desk (desk/boot.py makes it their
home page; no User, Workspace or System Settings record is changed).

- A unit head (`Unit Kerja.kepala_unit`) sees the current Isian of each unit they head, first:
  its period, deadline, status, a button to open it and its Excel file.
- An officer is taken to the cycle awaiting them: a running Monitoring whose current step's actor
  (`pelaksana_langkah`) is a role they hold. An officer who also heads a unit (the Sekretaris
  heads the Sekretariat, the Kasubbag PK their Subbag) is taken there too; with no cycle awaiting
  them, they see their own Isian while it is open.
- Everyone else (the Pemantau Kabupaten, officers with nothing awaiting) is taken to their own
  default workspace if they chose one, else the workspace Kinerja Kecamatan, which the page
  always offers with a button.

Everything is read with frappe.get_list as the session user, so the app's permission hooks
(access/scope.py) decide what is shown.
"""

import frappe
from frappe import _
from frappe.utils import get_datetime, get_system_timezone, now_datetime

from kinerja_kecamatan.access.scope import CYCLE_ROLES
from kinerja_kecamatan.doctypes import ISIAN, MONITORING, UNIT_KERJA
from kinerja_kecamatan.engine.tanggal import batas_waktu_indonesia
from kinerja_kecamatan.reports.report_data import quarter_key
from kinerja_kecamatan.workflow.behaviours import PENGHIMPUNAN
from kinerja_kecamatan.workflow.sop_record import sop_of

PAGE = "beranda-kinerja"
WORKSPACE = "Kinerja Kecamatan"


def landing() -> dict:
	"""The session user's first screen: `route` to go to, or None to stay on this page and show
	`isian` (the units they head) and `siklus` (cycles awaiting them)."""
	units = headed_units()
	isian = current_isian(units)
	siklus = awaiting_cycles()
	if siklus:
		route = ["Form", MONITORING, siklus[0]["name"]]
	elif any(row["terbuka"] for row in isian):
		route = None
	elif units and not CYCLE_ROLES & set(frappe.get_roles()):
		route = None  # a head with nothing open sees what became of their Isian
	else:
		route = workspace_route()
	return {"route": route, "isian": isian, "siklus": siklus}


def headed_units() -> list[dict]:
	return frappe.get_list(
		UNIT_KERJA,
		filters={"kepala_unit": frappe.session.user, "aktif": 1},
		fields=["name", "nama_unit", "kecamatan"],
		order_by="nama_unit",
	)


def current_isian(units: list[dict]) -> list[dict]:
	"""Each headed unit's Isian of its latest quarter, with what the head must know about it."""
	if not units:
		return []
	rows = frappe.get_list(
		ISIAN,
		filters={"unit_kerja": ("in", [unit.name for unit in units]), "docstatus": ("<", 2)},
		fields=[
			"name",
			"unit_kerja",
			"tahun",
			"triwulan",
			"docstatus",
			"monitoring",
			"jumlah_indikator",
			"jumlah_terisi",
		],
		order_by="tahun desc",
	)
	latest = {}
	for row in rows:
		if row.unit_kerja not in latest or quarter_key(row) > quarter_key(latest[row.unit_kerja]):
			latest[row.unit_kerja] = row
	cycles = {
		cycle.name: cycle
		for cycle in frappe.get_list(
			MONITORING,
			filters={"name": ("in", [row.monitoring for row in latest.values()] or [""])},
			fields=["name", "langkah", "batas_waktu_langkah", "revisi_sop"],
		)
	}
	excused = {
		(row.parent, row.unit_kerja): row.alasan
		for row in frappe.get_list(
			"Pengecualian Isian Kinerja",
			filters={"parent": ("in", list(cycles) or [""]), "parenttype": MONITORING},
			fields=["parent", "unit_kerja", "alasan"],
			parent_doctype=MONITORING,
		)
	}
	return [
		describe_isian(unit, latest[unit.name], cycles.get(latest[unit.name].monitoring), excused)
		for unit in units
		if unit.name in latest
	] + [no_isian_yet(unit) for unit in units if unit.name not in latest]


def describe_isian(unit, isian, cycle, excused: dict) -> dict:
	periode = _("TW {0} {1}").format(isian.triwulan, isian.tahun)
	deadline = None
	if isian.docstatus == 1:
		status, colour, terbuka = _("Sudah diajukan"), "green", False
	elif cycle and (cycle.name, unit.name) in excused:
		status, colour, terbuka = (
			_("Dikecualikan: {0}").format(excused[(cycle.name, unit.name)]),
			"gray",
			False,
		)
	elif cycle and cycle.langkah > (sop_of(cycle).number_of(PENGHIMPUNAN) or 0):
		status, colour, terbuka = _("Tidak diajukan: penghimpunan sudah ditutup"), "gray", False
	else:
		deadline = get_datetime(cycle.batas_waktu_langkah) if cycle and cycle.batas_waktu_langkah else None
		late = bool(deadline and now_datetime() > deadline)
		status, colour, terbuka = (
			(_("Terlambat"), "red", True) if late else (_("Belum diajukan"), "orange", True)
		)
	return {
		"name": isian.name,
		"unit_kerja": unit.name,
		"nama_unit": unit.nama_unit,
		"kecamatan": unit.kecamatan,
		"periode": periode,
		"judul": _("Isi Isian {0}").format(periode) if terbuka else _("Isian {0}").format(periode),
		"status": status,
		"warna": colour,
		"terbuka": terbuka,
		"batas_waktu": str(deadline) if deadline else None,
		"batas_waktu_teks": batas_waktu_indonesia(deadline, get_system_timezone()),
		"jumlah_indikator": isian.jumlah_indikator or 0,
		"jumlah_terisi": isian.jumlah_terisi or 0,
	}


def no_isian_yet(unit) -> dict:
	return {
		"name": None,
		"unit_kerja": unit.name,
		"nama_unit": unit.nama_unit,
		"kecamatan": unit.kecamatan,
		"judul": _("Belum ada Isian"),
		"status": _("Format Isian belum disampaikan kepada unit ini"),
		"warna": "gray",
		"terbuka": False,
	}


def awaiting_cycles() -> list[dict]:
	"""Running cycles whose current step's actor is a role the user holds, earliest deadline first."""
	cycles = frappe.get_list(
		MONITORING,
		filters={"docstatus": 0, "pelaksana_langkah": ("in", frappe.get_roles())},
		fields=["name", "title", "kecamatan", "tahun", "triwulan", "uraian_langkah", "batas_waktu_langkah"],
		order_by="batas_waktu_langkah asc, name asc",
	)
	timezone = get_system_timezone()
	return [
		{
			"name": cycle.name,
			"judul": cycle.title or cycle.name,
			"periode": _("TW {0} {1}").format(cycle.triwulan, cycle.tahun),
			"uraian_langkah": cycle.uraian_langkah,
			"batas_waktu_teks": batas_waktu_indonesia(
				get_datetime(cycle.batas_waktu_langkah) if cycle.batas_waktu_langkah else None, timezone
			),
		}
		for cycle in cycles
	]


def workspace_route() -> list[str]:
	"""The workspace the user chose as their default, else the app's."""
	chosen = frappe.db.get_value("User", frappe.session.user, "default_workspace")
	workspace = chosen and frappe.db.get_value("Workspace", chosen, ["title", "public"], as_dict=True)
	if workspace:
		slug = workspace.title.lower().replace(" ", "-")
		return [slug] if workspace.public else ["private", slug]
	return [WORKSPACE.lower().replace(" ", "-")]
