"""Steps 3–4: deliver each unit its Format Isian (an Isian Data Kinerja) and follow collection."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.desk.form.assign_to import close_all_assignments
from frappe.utils import get_datetime, now_datetime

from kinerja_kecamatan import jobs
from kinerja_kecamatan.doctypes import ISIAN, MONITORING
from kinerja_kecamatan.engine.units import (
	active_units,
	unit_indicators,
	units_pending_isian,
	units_with_isian,
)
from kinerja_kecamatan.tindak_lanjut.records import unreported_by_unit
from kinerja_kecamatan.workflow.behaviours import PENGHIMPUNAN
from kinerja_kecamatan.workflow.sop_record import sop_of


def distribute_in_background_or_now(monitoring) -> None:
	"""Up to jobs.SHORT_QUEUE_UNITS units the Isian are made while the officer waits (about a
	second); a bigger kecamatan gets them from a job on the long queue, with a progress bar."""
	units = len(active_units(monitoring))
	if units <= jobs.SHORT_QUEUE_UNITS:
		distribute_formats(monitoring)
		return
	jobs.enqueue(
		"kinerja_kecamatan.workflow.distribution.distribute_formats_of",
		queue="long",
		title=_("Menyampaikan Format Isian {0} ({1} unit)").format(monitoring.name, units),
		reference=(monitoring.doctype, monitoring.name),
		monitoring_name=monitoring.name,
	)
	frappe.msgprint(
		_("Format Isian untuk {0} unit disiapkan di latar belakang; kemajuannya tampil di layar.").format(
			units
		),
		alert=True,
	)


def distribute_formats_of(monitoring_name: str) -> list[str]:
	"""The job. It is queued before the transition that asks for it commits (jobs.enqueue), so it
	first waits on the cycle's row for that commit, and holds the row: a retried or resumed run
	never crosses another. A transition refused after queueing it leaves nothing to do."""
	frappe.db.rollback()  # read the cycle as committed once the lock is ours, not as the job began
	if not frappe.db.get_value(MONITORING, monitoring_name, "name", for_update=True):
		return []
	monitoring = frappe.get_doc(MONITORING, monitoring_name)
	if monitoring.langkah != sop_of(monitoring).number_of(PENGHIMPUNAN):
		return []
	created = distribute_formats(monitoring)
	# whoever has the cycle open sees the units' count without reloading (monitoring_kinerja_triwulan.js)
	frappe.publish_realtime(
		"kinerja_isian_disampaikan",
		{"monitoring": monitoring_name},
		doctype=MONITORING,
		docname=monitoring_name,
		after_commit=True,
	)
	return created


def distribute_formats(monitoring) -> list[str]:
	"""One Isian per active unit, prefilled with its indicators and targets, assigned to its head.

	Units that already have one are left alone, so delivering twice creates nothing new.
	Returns the names of the Isian created.
	"""
	indicators = unit_indicators(monitoring)
	existing = units_with_isian(monitoring)
	created = []
	units = active_units(monitoring)
	for count, unit in enumerate(units, start=1):
		frappe.publish_progress(
			count * 100 / len(units), title=_("Menyampaikan Format Isian"), description=unit.nama_unit
		)
		if unit.name in existing or not indicators.get(unit.name):
			continue
		isian = frappe.get_doc(
			{
				"doctype": ISIAN,
				"monitoring": monitoring.name,
				"unit_kerja": unit.name,
				"indikator": [{"indikator": indikator} for indikator in indicators[unit.name]],
			}
		)
		isian.flags.ignore_permissions = True
		# fields an administrator made mandatory are the unit head's to fill before submitting
		isian.flags.ignore_mandatory = True
		isian.insert()
		created.append(isian.name)
		if unit.kepala_unit:
			# ToDo + system notification + queued email, Frappe's own assignment machinery
			assign(
				{
					"assign_to": [unit.kepala_unit],
					"doctype": ISIAN,
					"name": isian.name,
					"description": _("Isi Data Kinerja {0} triwulan {1} tahun {2}").format(
						unit.nama_unit, monitoring.triwulan, monitoring.tahun
					),
					"date": get_datetime(monitoring.batas_waktu_langkah).date()
					if monitoring.batas_waktu_langkah
					else None,
					"notify": 1,
				},
				ignore_permissions=True,
			)
	update_progress(monitoring.name)
	return created


def update_progress(monitoring_name: str) -> None:
	"""n of m units submitted, and which have not, marked late once the collecting step's time is
	past. An excused unit is neither pending nor late."""
	monitoring = frappe.get_doc(MONITORING, monitoring_name)
	units = active_units(monitoring)
	isian = units_with_isian(monitoring)
	submitted = sum(1 for unit in units if unit.name in isian and isian[unit.name].docstatus == 1)
	pending = [unit.nama_unit for unit in units_pending_isian(monitoring)]
	late = (
		monitoring.langkah == sop_of(monitoring).number_of(PENGHIMPUNAN)
		and monitoring.batas_waktu_langkah
		and now_datetime() > get_datetime(monitoring.batas_waktu_langkah)
	)
	text = "\n".join(f"{name} ({_('terlambat')})" if late else name for name in pending)
	unreported = unreported_by_unit(monitoring)
	follow_ups = "\n".join(
		_("{0}: {1} tindak lanjut").format(unit.nama_unit, unreported[unit.name])
		for unit in units
		if unreported.get(unit.name)
	)
	frappe.db.set_value(
		MONITORING,
		monitoring_name,
		{
			"jumlah_unit": len(units),
			"jumlah_isian_diajukan": submitted,
			"unit_terlambat": text,
			"tindak_lanjut_belum_dilaporkan": follow_ups,
		},
		update_modified=False,
	)


def close_isian_tasks(monitoring_name: str, unit_kerja: str | None = None) -> None:
	"""The "Isi Data Kinerja" tasks end with the work: when the Isian is submitted, when its unit is
	excused, and for every unit once the collecting step is closed."""
	filters = {"monitoring": monitoring_name}
	if unit_kerja:
		filters["unit_kerja"] = unit_kerja
	for name in frappe.get_all(ISIAN, filters=filters, pluck="name"):
		close_all_assignments(ISIAN, name, ignore_permissions=True)
