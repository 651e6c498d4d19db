"""Who sees what, derived from the data on every request, for every path.

- An officer (Camat, Sekretaris, Kasubbag PK, Pelaksana) belongs to the kecamatan of their active
  Pejabat record (`Pejabat.user`), and sees that kecamatan's records only.
- A unit head sees their kecamatan's cycle and report, and the data of the units they head
  (`Unit Kerja.kepala_unit`) only. Taking a unit from its head takes the access with it.
- The Pemantau Kabupaten reads every kecamatan; System Managers are not confined.

Frappe applies these through the `permission_query_conditions` and `has_permission` hooks to
lists, link searches, reports, REST and child-table listings (a child row is seen through its
parent). No User Permissions: they would hide the kecamatan's own report from its unit heads
(its rows name every unit) and outlive a change of head.
"""

from dataclasses import dataclass

import frappe
from frappe import _
from frappe.utils.caching import request_cache

from kinerja_kecamatan.doctypes import (
	BLANKO,
	BLANKO_INDIKATOR,
	BLANKO_TINDAK_LANJUT,
	CAPAIAN_TAHUNAN,
	INDIKATOR,
	ISIAN,
	ISIAN_INDIKATOR,
	ISIAN_TINDAK_LANJUT,
	JADWAL,
	JADWAL_UNIT,
	KECAMATAN,
	LAPORAN,
	LAPORAN_INDIKATOR,
	LAPORAN_TINDAK_LANJUT,
	LOG_LANGKAH,
	MONITORING,
	PEJABAT,
	PERJANJIAN_KINERJA,
	SERTIFIKAT,
	SOP_KINERJA,
	TINDAK_LANJUT,
	UNIT_KERJA,
)
from kinerja_kecamatan.workflow.sop import (
	ROLE_ADMIN_KABUPATEN,
	ROLE_CAMAT,
	ROLE_KABUPATEN,
	ROLE_KASUBBAG_PK,
	ROLE_KEPALA_UNIT,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
)

# roles whose work spans every unit of their kecamatan: a unit head holding one (the Sekretaris
# heading the Sekretariat, the Kasubbag PK heading their Subbag) is not confined to their unit
CYCLE_ROLES = {ROLE_CAMAT, ROLE_SEKRETARIS, ROLE_KASUBBAG_PK, ROLE_PELAKSANA}
UNCONFINED_ROLES = {"System Manager", ROLE_KABUPATEN, ROLE_ADMIN_KABUPATEN}
# every role the app brings (its first screen and sidebar are for users holding one)
APP_ROLES = frozenset(CYCLE_ROLES | {ROLE_KEPALA_UNIT, ROLE_KABUPATEN, ROLE_ADMIN_KABUPATEN})

# How each DocType reaches its kecamatan, and its unit where the data is a unit's own.
SCOPE_FIELDS = {
	KECAMATAN: ("name", None),
	UNIT_KERJA: ("kecamatan", "name"),
	PEJABAT: ("kecamatan", None),
	INDIKATOR: ("kecamatan", "unit_kerja"),
	PERJANJIAN_KINERJA: ("kecamatan", None),
	MONITORING: ("kecamatan", None),
	JADWAL: ("kecamatan", None),
	ISIAN: ("kecamatan", "unit_kerja"),
	BLANKO: ("kecamatan", "unit_kerja"),
	LAPORAN: ("kecamatan", None),
	# a kecamatan's own SOP; the kabupaten's procedure has none (KABUPATEN_RECORDS)
	SOP_KINERJA: ("kecamatan", None),
	SERTIFIKAT: ("kecamatan", None),
	# a unit's follow-ups are its head's, as its Isian is
	TINDAK_LANJUT: ("kecamatan", "unit_kerja"),
	# the year's chapter, compiled from the kecamatan's signed quarters
	CAPAIAN_TAHUNAN: ("kecamatan", None),
}
# Confined DocTypes whose records without a kecamatan are the kabupaten's: every kecamatan reads
# them (a kecamatan without an SOP of its own runs its cycles under the kabupaten's procedure),
# only the unconfined roles change them.
KABUPATEN_RECORDS = (SOP_KINERJA,)
READ_PTYPES = (None, "read", "select", "print", "export", "report", "email")
# Their child tables, seen only through a parent the user may see (query_conditions); hooks.py
# registers both lists, and tests/test_access_lists.py holds this one equal to the DocTypes' tables.
CONFINED_CHILDREN = (
	"Target Perjanjian Kinerja",
	LOG_LANGKAH,
	"Pengecualian Isian Kinerja",
	JADWAL_UNIT,
	ISIAN_INDIKATOR,
	BLANKO_INDIKATOR,
	LAPORAN_INDIKATOR,
	ISIAN_TINDAK_LANJUT,
	BLANKO_TINDAK_LANJUT,
	LAPORAN_TINDAK_LANJUT,
	"Laporan Rekap Predikat",
	"Laporan Capaian Unit",
	"Langkah SOP Kinerja",
	"Capaian Kinerja Tahunan Indikator",
	"Capaian Kinerja Tahunan Unit",
	"Capaian Kinerja Tahunan Predikat",
	"Capaian Kinerja Tahunan Tindak Lanjut",
)


@dataclass(frozen=True)
class Scope:
	kecamatan: frozenset
	units: frozenset | None  # None: every unit of those kecamatan


@request_cache
def scope_of(user: str) -> Scope | None:
	"""The kecamatan and units `user` may see; None when they are not confined."""
	if user == "Administrator":
		return None
	roles = set(frappe.get_roles(user))
	if roles & UNCONFINED_ROLES:
		return None
	if roles & CYCLE_ROLES:
		kecamatan = frappe.get_all(PEJABAT, {"user": user, "aktif": 1}, pluck="kecamatan")
		return Scope(frozenset(k for k in kecamatan if k), None)
	headed = frappe.get_all(UNIT_KERJA, {"kepala_unit": user}, ["name", "kecamatan"])
	return Scope(frozenset(u.kecamatan for u in headed), frozenset(u.name for u in headed))


def _in(column: str, values) -> str:
	if not values:
		return "1=0"
	return f"{column} in ({', '.join(frappe.db.escape(v) for v in sorted(values))})"


def _condition(doctype: str, scope: Scope) -> str:
	kecamatan_field, unit_field = SCOPE_FIELDS[doctype]
	column = f"`tab{doctype}`.`{kecamatan_field}`"
	if doctype in KABUPATEN_RECORDS:
		return f"({_in(column, scope.kecamatan)} or ifnull({column}, '') = '')"
	parts = [_in(column, scope.kecamatan)]
	if scope.units is not None and unit_field:
		parts.append(_in(f"`tab{doctype}`.`{unit_field}`", scope.units))
	return " and ".join(parts)


def child_parents(child_doctype: str) -> list[str]:
	"""The app's DocTypes that hold `child_doctype` as a table and are confined."""
	return [
		parent
		for parent in SCOPE_FIELDS
		if any(df.options == child_doctype for df in frappe.get_meta(parent).get_table_fields())
	]


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions for the app's DocTypes and their child tables."""
	scope = scope_of(user or frappe.session.user)
	if scope is None:
		return ""
	if doctype in SCOPE_FIELDS:
		return _condition(doctype, scope)
	parents = child_parents(doctype)
	if not parents:
		return ""
	# a child row is seen only through a parent the user may see
	return (
		"("
		+ " or ".join(
			f"(`tab{doctype}`.`parenttype` = {frappe.db.escape(parent)} and `tab{doctype}`.`parent` in "
			f"(select `tab{parent}`.`name` from `tab{parent}` where {_condition(parent, scope)}))"
			for parent in parents
		)
		+ ")"
	)


def file_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions for File: a file attached to one of the app's records is listed
	only for those who may see that record (Frappe lists any file of a DocType the role reads)."""
	scope = scope_of(user or frappe.session.user)
	if scope is None:
		return ""
	outside = ", ".join(frappe.db.escape(d) for d in SCOPE_FIELDS)
	attached = " or ".join(
		f"(`tabFile`.`attached_to_doctype` = {frappe.db.escape(d)} and `tabFile`.`attached_to_name` in "
		f"(select `tab{d}`.`name` from `tab{d}` where {_condition(d, scope)}))"
		for d in SCOPE_FIELDS
	)
	return f"(ifnull(`tabFile`.`attached_to_doctype`, '') not in ({outside}) or {attached})"


def has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""Deny a record outside the user's kecamatan or units; None leaves the verdict to roles."""
	scope = scope_of(user or frappe.session.user)
	if scope is None or doc.doctype not in SCOPE_FIELDS:
		return None
	kecamatan_field, unit_field = SCOPE_FIELDS[doc.doctype]
	if doc.doctype in KABUPATEN_RECORDS and not doc.get(kecamatan_field):
		return None if ptype in READ_PTYPES else False
	if doc.get(kecamatan_field) not in scope.kecamatan:
		return False
	if scope.units is not None and unit_field and doc.get(unit_field) not in scope.units:
		return False
	return None


def head_problem(user: str, kecamatan: str) -> str | None:
	"""Why `user` can't head a unit of `kecamatan`: a head is one of its officers (an active
	Pejabat record names their login), not any account, never a website user."""
	if not frappe.db.get_value("User", user, "enabled"):
		return _("Pengguna {0} tidak aktif.").format(user)
	if not frappe.db.exists(PEJABAT, {"user": user, "kecamatan": kecamatan, "aktif": 1}):
		return _(
			"{0} bukan Pejabat Kecamatan {1}: daftarkan dulu sebagai Pejabat (dengan pengguna ini) sebelum menjadi kepala unit."
		).format(user, kecamatan)
	return None


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""frappe.client.get_count through the user's permissions (Frappe's counts every row of any
	DocType for anyone logged in, so filters on any column could read values one bit at a time)."""
	rows = frappe.get_list(
		doctype, filters=filters, fields=["count(*) as count"], order_by=None, as_list=True
	)
	return rows[0][0] if rows else 0


def grant_unit_head(user: str, unit) -> None:
	"""Give `user` the Kepala Unit Kerja role; what they see follows from heading `unit`."""
	if ROLE_KEPALA_UNIT not in frappe.get_roles(user):
		user_doc = frappe.get_doc("User", user)
		user_doc.flags.ignore_permissions = True
		user_doc.add_roles(ROLE_KEPALA_UNIT)


def revoke_unit_head(user: str, unit) -> None:
	"""A user who heads no unit any more loses the role (and, by scope_of, every unit's data)."""
	other_units = frappe.get_all(
		UNIT_KERJA, filters={"kepala_unit": user, "name": ("!=", unit.name)}, limit=1
	)
	if not other_units and frappe.db.exists("Has Role", {"parent": user, "role": ROLE_KEPALA_UNIT}):
		user_doc = frappe.get_doc("User", user)
		user_doc.flags.ignore_permissions = True
		user_doc.remove_roles(ROLE_KEPALA_UNIT)
