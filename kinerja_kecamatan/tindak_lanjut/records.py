"""The Tindak Lanjut Kinerja records through a quarter's cycle and the next one's.

- signing a report plans one record per indicator below target with a plan (plan_from_laporan);
- the next cycle's Isian of the unit lists the unit's open ones (rows_for_isian), and its
  submission reports them (report_from_isian);
- the next Blanko copies what was reported and the team's verification is written back
  (copy_reported_to_blanko, verify_from_blanko);
- the next report shows what was done, with counts (set_report_section).
Records are written by the server alone, in the transaction of the step or submission that causes
them, so a rolled-back step leaves none behind.
"""

import frappe
from frappe import _
from frappe.desk.form.assign_to import close_all_assignments
from frappe.utils import cstr, now_datetime

from kinerja_kecamatan.access.attachments import is_uploaded_file
from kinerja_kecamatan.doctypes import (
	ISIAN,
	ISIAN_TINDAK_LANJUT,
	TINDAK_LANJUT,
	UNIT_KERJA,
)
from kinerja_kecamatan.engine import tindak_lanjut as rules

# what the head's answer carries into the record
ANSWER_FIELDS = ("status", "penjelasan", "bukti")
# what the Isian's and the Blanko's rows show of the record, written by the server only
PLAN_FIELDS = ("tindak_lanjut", "indikator", "uraian", "triwulan_asal", "rencana", "batas_waktu")
VERIFICATION_FIELDS = ("hasil_verifikasi", "catatan_verifikasi")


def plan_from_laporan(laporan) -> list[str]:
	"""At signing: a record for each indicator below target whose row has a plan. Signing a
	correction of the same quarter updates the plans still open and drops those no longer made;
	one already reported on is history and stays."""
	planned = {
		(row.unit_kerja, row.indikator): row
		for row in laporan.rincian
		if row.di_bawah_target and cstr(row.tindak_lanjut).strip()
	}
	existing = {
		(r.unit_kerja, r.indikator): r
		for r in frappe.get_all(
			TINDAK_LANJUT,
			filters={"monitoring": laporan.monitoring},
			fields=["name", "unit_kerja", "indikator", "status"],
		)
	}
	units = {
		u.name: u
		for u in frappe.get_all(
			UNIT_KERJA,
			filters={"name": ("in", list({key[0] for key in planned}) or [""])},
			fields=["name", "nama_unit", "kepala_unit"],
		)
	}
	due = rules.end_of_next_quarter(laporan.tahun, laporan.triwulan)
	names = []
	for key, row in planned.items():
		values = {
			"laporan": laporan.name,
			"rencana": row.tindak_lanjut.strip(),
			"uraian": row.uraian,
			"capaian_tw": row.capaian_tw,
			"predikat": row.predikat,
		}
		record = existing.get(key)
		if record:
			if record.status == rules.DIRENCANAKAN:
				frappe.db.set_value(TINDAK_LANJUT, record.name, values)
			names.append(record.name)
			continue
		unit = units.get(row.unit_kerja) or frappe._dict(nama_unit=row.unit_kerja)
		doc = frappe.get_doc(
			{
				"doctype": TINDAK_LANJUT,
				"kecamatan": laporan.kecamatan,
				"tahun": laporan.tahun,
				"triwulan": laporan.triwulan,
				"monitoring": laporan.monitoring,
				"unit_kerja": row.unit_kerja,
				"indikator": row.indikator,
				"penanggung_jawab": unit.kepala_unit,
				"batas_waktu": due,
				"status": rules.DIRENCANAKAN,
				"title": _("{0} · {1}: {2}").format(
					rules.label_triwulan(laporan.tahun, laporan.triwulan),
					unit.nama_unit,
					cstr(row.uraian)[:80],
				),
				**values,
			}
		)
		doc.flags.ignore_permissions = True
		doc.flags.server_write = True
		doc.insert()
		names.append(doc.name)
	for key, record in existing.items():
		if key not in planned and record.status == rules.DIRENCANAKAN:
			frappe.delete_doc(TINDAK_LANJUT, record.name, ignore_permissions=True, force=True)
	return names


def open_follow_ups(kecamatan: str, unit_kerja: str, tahun: int, triwulan: str) -> list:
	"""The unit's follow-ups planned before this quarter and not yet reported on, oldest first."""
	now = rules.period_index(tahun, triwulan)
	records = frappe.get_all(
		TINDAK_LANJUT,
		filters={"kecamatan": kecamatan, "unit_kerja": unit_kerja, "status": rules.DIRENCANAKAN},
		fields=["name", "indikator", "uraian", "rencana", "batas_waktu", "tahun", "triwulan"],
		order_by="tahun asc, triwulan asc, creation asc",
	)
	return [r for r in records if rules.period_index(r.tahun, r.triwulan) < now]


def rows_for_isian(kecamatan: str, unit_kerja: str, tahun: int, triwulan: str) -> list[dict]:
	"""The "Tindak Lanjut Triwulan Lalu" rows of a unit's Isian for the quarter."""
	return [
		{
			"tindak_lanjut": r.name,
			"indikator": r.indikator,
			"uraian": r.uraian,
			"triwulan_asal": rules.label_triwulan(r.tahun, r.triwulan),
			"rencana": r.rencana,
			"batas_waktu": r.batas_waktu,
		}
		for r in open_follow_ups(kecamatan, unit_kerja, tahun, triwulan)
	]


def add_missing_rows(isian) -> None:
	"""A draft Isian gains the follow-ups planned since it was made (a report signed after the
	next quarter's formats went out)."""
	have = {row.tindak_lanjut for row in isian.get("tindak_lanjut_lalu") or []}
	for row in rows_for_isian(isian.kecamatan, isian.unit_kerja, isian.tahun, isian.triwulan):
		if row["tindak_lanjut"] not in have:
			isian.append("tindak_lanjut_lalu", row)


def answer_errors(isian, submitting: bool) -> list[str]:
	"""The head's answers that can't be saved (or sent), one message per row."""
	errors = []
	for row in isian.get("tindak_lanjut_lalu") or []:
		problem = rules.answer_problem(row.status, row.penjelasan, submitting)
		if problem:
			errors.append(_("Tindak lanjut baris {0} ({1}): {2}.").format(row.idx, row.indikator, _(problem)))
		if row.bukti and not is_uploaded_file(row.bukti):
			errors.append(
				_("Tindak lanjut baris {0}: bukti pelaksanaan harus berkas yang diunggah ke sistem.").format(
					row.idx
				)
			)
	return errors


def rows_changed_by_client(isian, before) -> bool:
	"""Whether the follow-ups listed differ from those the server put there: a unit head answers
	them and adds, removes or swaps none."""

	def listed(doc):
		return sorted(
			tuple(cstr(row.get(f)) for f in PLAN_FIELDS) for row in doc.get("tindak_lanjut_lalu") or []
		)

	return listed(isian) != listed(before)


def report_from_isian(isian) -> None:
	"""On the Isian's submission the head's answers become the records' status."""
	at = now_datetime()
	for row in isian.get("tindak_lanjut_lalu") or []:
		frappe.db.set_value(
			TINDAK_LANJUT,
			row.tindak_lanjut,
			{
				**{f: row.get(f) for f in ANSWER_FIELDS},
				"dilaporkan_dalam": isian.name,
				"monitoring_pelaporan": isian.monitoring,
				"dilaporkan_pada": at,
			},
		)
		# an overdue follow-up's task (overdue.py) ends with its report
		close_all_assignments(TINDAK_LANJUT, row.tindak_lanjut, ignore_permissions=True)


def withdraw_report(isian) -> None:
	"""A cancelled Isian's answers no longer stand: its follow-ups are open again."""
	for name in frappe.get_all(TINDAK_LANJUT, {"dilaporkan_dalam": isian.name}, pluck="name"):
		frappe.db.set_value(
			TINDAK_LANJUT,
			name,
			{
				"status": rules.DIRENCANAKAN,
				"penjelasan": None,
				"bukti": None,
				"dilaporkan_dalam": None,
				"monitoring_pelaporan": None,
				"dilaporkan_pada": None,
				**{f: None for f in VERIFICATION_FIELDS},
				"diverifikasi_dalam": None,
			},
		)


def copy_reported_to_blanko(blanko) -> None:
	"""The Blanko's follow-ups are what the unit's Isian reported, whatever its editor sent; the
	team's verification of each row is its own."""
	reported = (
		frappe.get_all(
			ISIAN_TINDAK_LANJUT,
			filters={"parent": blanko.isian, "parenttype": ISIAN, "parentfield": "tindak_lanjut_lalu"},
			fields=[*PLAN_FIELDS, *ANSWER_FIELDS],
			order_by="idx asc",
		)
		if blanko.isian
		else []
	)
	rows = {row.tindak_lanjut: row for row in blanko.get("tindak_lanjut_lalu") or []}
	kept = []
	for source in reported:
		row = rows.get(source.tindak_lanjut) or frappe._dict()
		row.update(source)
		kept.append(row)
	blanko.set("tindak_lanjut_lalu", kept)


def verification_errors(blanko) -> list[str]:
	return [
		_("Tindak lanjut baris {0} ({1}): pilih hasil verifikasi pelaksanaannya.").format(
			row.idx, row.indikator
		)
		for row in blanko.get("tindak_lanjut_lalu") or []
		if row.hasil_verifikasi not in (rules.SESUAI, rules.TIDAK_SESUAI)
	]


def verify_from_blanko(blanko, cancelled: bool = False) -> None:
	"""The team's verification, on the Blanko's submission, goes onto the records (and off them
	when the Blanko is cancelled)."""
	for row in blanko.get("tindak_lanjut_lalu") or []:
		frappe.db.set_value(
			TINDAK_LANJUT,
			row.tindak_lanjut,
			{
				"hasil_verifikasi": None if cancelled else row.hasil_verifikasi,
				"catatan_verifikasi": None if cancelled else row.catatan_verifikasi,
				"diverifikasi_dalam": None if cancelled else blanko.name,
			},
		)


def report_rows(monitoring) -> list[dict]:
	"""What the quarter's report looks back on: the follow-ups its units reported in this cycle,
	and those planned earlier still not reported on; by unit, then by the quarter planned."""
	now = rules.period_index(monitoring.tahun, monitoring.triwulan)
	fields = [
		"name",
		"unit_kerja",
		"indikator",
		"uraian",
		"rencana",
		"tahun",
		"triwulan",
		"status",
		"hasil_verifikasi",
		"penjelasan",
		"monitoring_pelaporan",
	]
	records = frappe.get_all(
		TINDAK_LANJUT,
		filters={"kecamatan": monitoring.kecamatan, "monitoring": ("!=", monitoring.name)},
		or_filters={"monitoring_pelaporan": monitoring.name, "status": rules.DIRENCANAKAN},
		fields=fields,
		order_by="unit_kerja asc, tahun asc, triwulan asc, creation asc",
	)
	return [
		{
			"tindak_lanjut": r.name,
			"unit_kerja": r.unit_kerja,
			"indikator": r.indikator,
			"uraian": r.uraian,
			"triwulan_asal": rules.label_triwulan(r.tahun, r.triwulan),
			"rencana": r.rencana,
			"status": r.status if r.monitoring_pelaporan == monitoring.name else rules.DIRENCANAKAN,
			"hasil_verifikasi": r.hasil_verifikasi if r.monitoring_pelaporan == monitoring.name else None,
			"penjelasan": r.penjelasan if r.monitoring_pelaporan == monitoring.name else None,
		}
		for r in records
		if rules.period_index(r.tahun, r.triwulan) < now
	]


def set_report_section(laporan, monitoring) -> None:
	"""The report's "Pelaksanaan Tindak Lanjut Triwulan Sebelumnya": the rows and their counts."""
	rows = report_rows(monitoring)
	counts = rules.rekap(row["status"] for row in rows)
	laporan.set("pelaksanaan_tindak_lanjut", rows)
	laporan.update(
		{
			"jumlah_tindak_lanjut": counts.jumlah,
			"jumlah_tl_dilaksanakan": counts.dilaksanakan,
			"jumlah_tl_sebagian": counts.sebagian,
			"jumlah_tl_tidak_dilaksanakan": counts.tidak_dilaksanakan,
			"jumlah_tl_belum_dilaporkan": counts.belum_dilaporkan,
		}
	)


def unreported_by_unit(monitoring) -> dict[str, int]:
	"""Step 4's view: per unit, how many follow-ups its Isian lists that are not yet reported (the
	Isian not sent, or a row left without a status)."""
	isian = frappe.qb.DocType(ISIAN)
	row = frappe.qb.DocType(ISIAN_TINDAK_LANJUT)
	found = (
		frappe.qb.from_(row)
		.join(isian)
		.on(row.parent == isian.name)
		.select(isian.unit_kerja, isian.docstatus, row.status)
		.where(
			(isian.monitoring == monitoring.name)
			& (isian.docstatus < 2)
			& (row.parenttype == ISIAN)
			& (row.parentfield == "tindak_lanjut_lalu")
		)
		.run(as_dict=True)
	)
	counts = {}
	for r in found:
		if r.docstatus == 0 or not r.status:
			counts[r.unit_kerja] = counts.get(r.unit_kerja, 0) + 1
	return counts
