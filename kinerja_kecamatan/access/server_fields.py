"""Fields only the server writes: computed numbers, the step and its log, the signature, the archive.

A client's value for them is never taken, at any docstatus and on every path (desk, REST,
`frappe.client.set_value`, update after submit):

- on a draft save, the stored value is put back before `validate`, which then recomputes what it
  computes; a client value that is neither the stored nor the recomputed one is refused. (The desk
  sends back what it showed, and the Isian form shows the server's own preview of the capaian.)
- on an update after submit, any change is refused: nothing recomputes a signed record.

Server code that sets them itself marks the document with `doc.flags.server_write = True`
(clients cannot set flags). Background fields (progress counters, reminder marks) are written
with `frappe.db.set_value` behind an open form: a stale value sent back is discarded, not refused.
"""

import datetime
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate

from kinerja_kecamatan.doctypes import (
	BLANKO_INDIKATOR,
	BLANKO_TINDAK_LANJUT,
	CAPAIAN_TAHUNAN,
	ISIAN,
	ISIAN_INDIKATOR,
	ISIAN_TINDAK_LANJUT,
	LAPORAN,
	MONITORING,
)
from kinerja_kecamatan.engine.recompute import COMPUTED_FIELDS, COMPUTED_ROW_FIELDS
from kinerja_kecamatan.laporan.draft import SUMMARY_FIELDS
from kinerja_kecamatan.laporan.signature import FOLLOW_UP_COUNTS, SIGNATURE_FIELDS
from kinerja_kecamatan.laporan.tahunan import COMPILED_FIELDS
from kinerja_kecamatan.tindak_lanjut.records import ANSWER_FIELDS, PLAN_FIELDS

# a signed report's signature block, fingerprint and archive
SIGNED_AND_ARCHIVED = (
	*SIGNATURE_FIELDS,
	"ditandatangani_pada",
	"ditandatangani_oleh",
	"hash_tanda_tangan",
	"nomor_arsip",
	"file_arsip",
	"sidik_arsip",
	"jenis_tanda_tangan",
	"berkas_ttd",
)
# DocType → fields (a Table field means its whole content) the server owns.
SERVER_FIELDS = {
	ISIAN: COMPUTED_FIELDS,
	ISIAN_INDIKATOR: COMPUTED_ROW_FIELDS,
	BLANKO_INDIKATOR: (
		"target_tw",
		"realisasi_dilaporkan",
		"capaian_dilaporkan",
		"selisih",
		"capaian_terverifikasi",
		"capaian_kumulatif",
		"predikat",
		"ada_data",
		"di_bawah_target",
	),
	# the follow-ups a unit head answers are listed by the server (tindak_lanjut/records.py)
	ISIAN_TINDAK_LANJUT: PLAN_FIELDS,
	# the team verifies what the unit reported; both come from the Isian
	BLANKO_TINDAK_LANJUT: PLAN_FIELDS + ANSWER_FIELDS,
	LAPORAN: (
		*SUMMARY_FIELDS,
		"rincian",
		*FOLLOW_UP_COUNTS,
		"pelaksanaan_tindak_lanjut",
		*SIGNED_AND_ARCHIVED,
	),
	# the year's chapter: compiled from the signed quarters, then signed and archived
	CAPAIAN_TAHUNAN: (
		*COMPILED_FIELDS,
		*SIGNED_AND_ARCHIVED,
	),
	MONITORING: (
		"langkah",
		"uraian_langkah",
		"pelaksana_langkah",
		"batas_waktu_langkah",
		"langkah_dimulai",
		"log_langkah",
		"revisi_sop",
	),
}
BACKGROUND_FIELDS = {
	MONITORING: (
		"pengingat_terkirim",
		"eskalasi_terkirim",
		"jumlah_unit",
		"jumlah_isian_diajukan",
		"unit_terlambat",
		"tindak_lanjut_belum_dilaporkan",
	),
}
STANDARD_ROW_KEYS = {"name", "idx", "parent", "parentfield", "parenttype", "doctype", "docstatus", "owner"}
STANDARD_ROW_KEYS |= {"creation", "modified", "modified_by"}


NUMBER_TYPES = {"Int", "Check", "Float", "Currency", "Percent"}


def normal(value, fieldtype: str | None = None):
	"""One form for one value, whatever way it travelled (JSON, the database, Python): the
	Workflow writes its step number as "2", the database gives 2. An unticked Check is no value:
	a new row holds 0 before the server has computed it."""
	if fieldtype == "Check":
		return 1.0 if value not in (None, "", 0, "0", False) else None
	if value in (None, ""):
		return None
	if isinstance(value, list):
		return [normal_row(row) for row in value]
	if fieldtype in NUMBER_TYPES or isinstance(value, bool | int | float | Decimal):
		try:
			return round(float(value), 6)
		except (TypeError, ValueError):
			return str(value)
	if isinstance(value, datetime.datetime | datetime.date | datetime.timedelta):
		return str(value)
	if fieldtype == "Datetime":
		return str(get_datetime(value))
	if fieldtype == "Date":
		return str(getdate(value))
	return str(value)


def normal_row(row) -> tuple:
	values = row.as_dict() if hasattr(row, "as_dict") else dict(row)
	meta = frappe.get_meta(row.doctype) if getattr(row, "doctype", None) else None
	return tuple(
		sorted(
			(k, normal(v, _fieldtype(meta, k)))
			for k, v in values.items()
			if k not in STANDARD_ROW_KEYS and not k.startswith("_")
		)
	)


def _fieldtype(meta, field: str) -> str | None:
	df = meta.get_field(field) if meta else None
	return df.fieldtype if df else None


def value_of(doc, field: str):
	return normal(doc.get(field), _fieldtype(doc.meta, field))


def _row_value(row, field: str):
	return value_of(row, field) if row else None


def _label(doc, field: str) -> str:
	return _(doc.meta.get_label(field) or field)


def _owned(doctype: str) -> tuple:
	return SERVER_FIELDS.get(doctype, ())


def _child_tables(doc):
	"""(table field, child DocType) of `doc` whose rows have server-owned fields."""
	return [(df.fieldname, df.options) for df in doc.meta.get_table_fields() if df.options in SERVER_FIELDS]


def take_back_on_save(doc, method=None) -> None:
	"""before_validate: remember what the client sent, and put the stored values back."""
	if doc.flags.server_write or (doc.doctype not in SERVER_FIELDS and not _child_tables(doc)):
		return
	before = doc.get_doc_before_save()
	sent = {}
	for field in _owned(doc.doctype) + BACKGROUND_FIELDS.get(doc.doctype, ()):
		sent[field] = value_of(doc, field)
		restored = before.get(field) if before else None
		if doc.meta.get_field(field).fieldtype == "Table":
			doc.set(field, [row.as_dict() for row in (restored or [])])
		else:
			doc.set(field, restored if before else doc.meta.get_field(field).default)
	rows_before = {}
	for table, child in _child_tables(doc):
		rows_before.update({row.name: row for row in (before.get(table) if before else [])})
		for row in doc.get(table):
			previous = rows_before.get(row.name)
			for field in _owned(child):
				sent[(row.name, field)] = value_of(row, field)
				row.set(field, previous.get(field) if previous else None)
	doc.flags.sent_server_fields = sent
	doc.flags.stored_server_fields = (
		{
			key: value_of(before, key)
			if isinstance(key, str)
			else _row_value(rows_before.get(key[0]), key[1])
			for key in sent
		}
		if before
		else {}
	)


def refuse_forged_on_save(doc, method=None) -> None:
	"""before_save (after validate): a sent value that is neither stored nor recomputed is forged."""
	sent = doc.flags.pop("sent_server_fields", None)
	if not sent:
		return
	stored = doc.flags.pop("stored_server_fields", {})
	rows = {row.name: row for table, _child in _child_tables(doc) for row in doc.get(table)}
	forged = []
	for key, value in sent.items():
		if value is None or (isinstance(key, str) and key in BACKGROUND_FIELDS.get(doc.doctype, ())):
			continue
		if isinstance(key, str):
			final = value_of(doc, key)
		else:
			final = _row_value(rows.get(key[0]), key[1])
		if value not in (final, stored.get(key)):
			forged.append(key)
	if forged:
		_refuse(doc, forged)


def refuse_change_after_submit(doc, method=None) -> None:
	"""before_update_after_submit: nothing recomputes a submitted record, so no change passes."""
	if doc.flags.server_write:
		return
	before = doc.get_doc_before_save()
	if not before:
		return
	changed = [
		field
		for field in _owned(doc.doctype) + BACKGROUND_FIELDS.get(doc.doctype, ())
		if value_of(doc, field) != value_of(before, field)
	]
	for table, child in _child_tables(doc):
		previous = {row.name: row for row in before.get(table)}
		for row in doc.get(table):
			changed += [
				(row.name, field)
				for field in _owned(child)
				if value_of(row, field) != _row_value(previous.get(row.name), field)
			]
	if changed:
		_refuse(doc, changed)


def _refuse(doc, keys) -> None:
	labels = []
	for key in keys:
		if isinstance(key, str):
			labels.append(_label(doc, key))
		else:
			row = next(r for table, _c in _child_tables(doc) for r in doc.get(table) if r.name == key[0])
			labels.append(_("{0} baris {1}").format(_label(row, key[1]), row.idx))
	frappe.throw(
		_("Kolom berikut ditetapkan oleh sistem dan tidak dapat diubah: {0}.").format(
			", ".join(dict.fromkeys(labels))
		),
		frappe.PermissionError,
		title=_("Tidak diizinkan"),
	)
