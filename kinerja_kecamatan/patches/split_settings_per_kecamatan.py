"""Each kecamatan its own SOP and archive numbers; the kabupaten keeps its settings and procedure.

Before, one SOP (Pengaturan Kinerja.sop) and one archive number pattern served every kecamatan.
The SOP in force becomes the SOP of the kecamatan it names (or of the site's only kecamatan),
and a copy of it without kecamatan becomes the kabupaten's procedure that drives the Workflow.
The archive pattern is copied to every kecamatan that has none. Nothing is lost: running cycles
keep the revision they started with.
"""

import frappe

from kinerja_kecamatan.doctypes import KECAMATAN, PENGATURAN, SOP_KINERJA
from kinerja_kecamatan.workflow.sop_record import latest_revision, record_of, sop_of_revision


def execute():
	copy_archive_pattern()
	split_sop()


def copy_archive_pattern():
	# the field left Pengaturan Kinerja; its value is still in tabSingles
	pattern = frappe.db.get_value(
		"Singles", {"doctype": PENGATURAN, "field": "pola_nomor_arsip"}, "value", order_by=None
	)
	if pattern:
		for name in frappe.get_all(KECAMATAN, filters={"pola_nomor_arsip": ("is", "not set")}, pluck="name"):
			frappe.db.set_value(KECAMATAN, name, "pola_nomor_arsip", pattern, update_modified=False)
	frappe.db.delete("Singles", {"doctype": PENGATURAN, "field": "pola_nomor_arsip"})


def split_sop():
	in_force = frappe.db.get_single_value(PENGATURAN, "sop")
	if not in_force or not frappe.db.exists(SOP_KINERJA, in_force):
		return
	kecamatan = frappe.db.get_value(SOP_KINERJA, in_force, "kecamatan")
	if not kecamatan:
		every = frappe.get_all(KECAMATAN, pluck="name")
		if len(every) != 1:
			return  # the SOP in force stays the kabupaten's procedure, every kecamatan follows it
		kecamatan = every[0]
		frappe.db.set_value(SOP_KINERJA, in_force, "kecamatan", kecamatan, update_modified=False)
	if not frappe.db.get_value(KECAMATAN, kecamatan, "sop"):
		frappe.db.set_value(KECAMATAN, kecamatan, "sop", in_force, update_modified=False)
	revision = latest_revision(in_force)
	if not revision:
		return
	procedure = frappe.get_doc(record_of(sop_of_revision(revision)))
	procedure.flags.ignore_permissions = True
	procedure.insert()
	frappe.db.set_single_value(PENGATURAN, "sop", procedure.name)
