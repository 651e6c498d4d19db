"""Cycles made before the SOP became a record run under its first revision (the seed's SOP)."""

import frappe

from kinerja_kecamatan.workflow.sop_record import active_revision, ensure_default_sop


def execute():
	ensure_default_sop()
	revision = active_revision()
	if revision:
		frappe.db.sql(
			"update `tabMonitoring Kinerja Triwulan` set revisi_sop=%s where ifnull(revisi_sop, '')=''",
			revision,
		)
