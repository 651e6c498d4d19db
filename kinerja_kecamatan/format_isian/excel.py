"""Format Isian Data Kinerja as Excel (SOP steps 2–4): the Frappe side of the format_isian package.

Download one unit's file from its Isian, or every unit's as one zip from the Monitoring (a
background job with a progress bar); upload a filled file back onto the Isian. A file is matched
to its Isian by monitoring × unit, its indicator rows by indicator, and its follow-up rows
("Tindak Lanjut Triwulan Lalu") by their Tindak Lanjut Kinerja record.
"""

import io
import zipfile
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import cint, escape_html, get_datetime

from kinerja_kecamatan import jobs
from kinerja_kecamatan.access.scope import scope_of
from kinerja_kecamatan.doctypes import (
	INDIKATOR,
	ISIAN,
	ISIAN_INDIKATOR,
	MONITORING,
	PENGATURAN,
	PERJANJIAN_KINERJA,
	UNIT_KERJA,
)
from kinerja_kecamatan.engine.capaian import NilaiTidakValid, to_decimal
from kinerja_kecamatan.engine.units import active_units, unit_indicators, units_with_isian
from kinerja_kecamatan.format_isian import (
	DEFAULT_COLUMNS,
	BarisIndikator,
	BarisTindakLanjut,
	Batas,
	FormatIsian,
	FormatIsianError,
	Kolom,
	build_workbook,
	read_workbook,
)
from kinerja_kecamatan.tindak_lanjut.records import rows_for_isian
from kinerja_kecamatan.validation import throw_if_any
from kinerja_kecamatan.workflow.behaviours import excel_steps
from kinerja_kecamatan.workflow.sop_record import sop_of

NUMERIC_FIELDTYPES = ("Float", "Int", "Currency", "Percent")
TEXT_FIELDTYPES = ("Data", "Small Text", "Text", "Long Text", "Select")


def input_columns() -> tuple[Kolom, ...]:
	"""The SOP's input columns, then any field an administrator added with Customize Form."""
	meta = frappe.get_meta(ISIAN_INDIKATOR)
	custom = tuple(
		Kolom(df.fieldname, _(df.label), df.fieldtype in NUMERIC_FIELDTYPES)
		for df in meta.get_custom_fields()
		if df.fieldtype in NUMERIC_FIELDTYPES + TEXT_FIELDTYPES and not df.read_only and not df.hidden
	)
	return tuple(Kolom(c.fieldname, _(c.label), c.numeric) for c in DEFAULT_COLUMNS) + custom


def format_for(monitoring, unit_kerja: str, isian=None) -> FormatIsian:
	"""The file of one unit: from its Isian when delivered, else from the Perjanjian Kinerja."""
	columns = input_columns()
	pk = frappe.get_cached_doc(PERJANJIAN_KINERJA, monitoring.perjanjian_kinerja)
	pk_rows = {row.indikator: row for row in pk.targets}
	if isian:
		sources = [(row.indikator, row) for row in isian.indikator]
	else:
		sources = [(indikator, None) for indikator in unit_indicators(monitoring).get(unit_kerja, [])]
	rows = []
	for indikator, row in sources:
		master = frappe.get_cached_doc(INDIKATOR, indikator)
		pk_row = pk_rows.get(indikator)
		rows.append(
			BarisIndikator(
				row_id=indikator,
				indikator=indikator,
				kode=master.kode,
				uraian=master.uraian,
				satuan=master.satuan,
				jenis=master.jenis,
				target_tw=row.target_tw if row else None,
				target_tahunan=pk_row.target_tahunan if pk_row else None,
				values={c.fieldname: row.get(c.fieldname) for c in columns} if row else {},
			)
		)
	return FormatIsian(
		isian=f"{monitoring.name}/{unit_kerja}",
		monitoring=monitoring.name,
		unit_kerja=unit_kerja,
		unit_label=frappe.db.get_value(UNIT_KERJA, unit_kerja, "nama_unit"),
		kecamatan=monitoring.kecamatan,
		tahun=monitoring.tahun,
		triwulan=monitoring.triwulan,
		columns=columns,
		rows=tuple(rows),
		tindak_lanjut=follow_ups_for(monitoring, unit_kerja, isian),
	)


def follow_ups_for(monitoring, unit_kerja: str, isian=None) -> tuple[BarisTindakLanjut, ...]:
	"""Last quarter's follow-ups the unit reports: its Isian's rows (with the answers saved so
	far), or, before the Isian exists, those its Isian will list. A row is known by its Tindak
	Lanjut Kinerja record (an Isian lists each once), as an indicator row by its indicator."""
	if isian:
		sources = isian.get("tindak_lanjut_lalu") or []
	else:
		sources = [
			frappe._dict(row)
			for row in rows_for_isian(monitoring.kecamatan, unit_kerja, monitoring.tahun, monitoring.triwulan)
		]
	return tuple(
		BarisTindakLanjut(
			row_id=row.tindak_lanjut,
			tindak_lanjut=row.tindak_lanjut,
			indikator=row.indikator,
			kode=frappe.get_cached_value(INDIKATOR, row.indikator, "kode"),
			uraian=row.uraian,
			rencana=row.rencana,
			batas_waktu=row.batas_waktu,
			triwulan_asal=row.triwulan_asal,
			status=row.get("status") or None,
			penjelasan=row.get("penjelasan") or None,
		)
		for row in sources
	)


def file_name(fmt: FormatIsian) -> str:
	return f"Format Isian {fmt.unit_label} TW {fmt.triwulan} {fmt.tahun}.xlsx"


def limits() -> Batas:
	settings = frappe.get_cached_doc(PENGATURAN)
	return Batas(
		max_bytes=(cint(settings.excel_maks_mb) or 5) * 1024 * 1024,
		max_rows=cint(settings.excel_maks_baris) or 1000,
	)


@frappe.whitelist()
def download_isian(name: str):
	isian = frappe.get_doc(ISIAN, name)
	isian.check_permission("read")
	monitoring = frappe.get_doc(MONITORING, isian.monitoring)
	fmt = format_for(monitoring, isian.unit_kerja, isian)
	frappe.response.filename = file_name(fmt)
	frappe.response.filecontent = build_workbook(fmt)
	frappe.response.type = "download"


@frappe.whitelist()
def upload_isian(name: str, file_url: str):
	"""Fill an Isian from an uploaded file: every cell checked, all errors listed, nothing written
	unless the whole file is valid."""
	isian = frappe.get_doc(ISIAN, name, for_update=True)
	isian.check_permission("write")
	if isian.docstatus != 0:
		frappe.throw(
			_("Isian {0} sudah diajukan; batalkan dan ubah (amend) untuk mengimpor ulang.").format(name)
		)
	upload = frappe.get_doc("File", {"file_url": file_url})
	upload.check_permission("read")
	# two uploads at once: the row lock above serialises them, and the later one finds the Isian
	# changed after its file arrived, so it does not overwrite what the first one wrote
	if get_datetime(isian.modified) > get_datetime(upload.creation):
		frappe.throw(
			_(
				"Isian {0} diubah oleh orang lain setelah berkas ini diunggah; muat ulang halaman, periksa isinya, lalu unggah lagi bila perlu."
			).format(name),
			frappe.TimestampMismatchError,
		)
	monitoring = frappe.get_doc(MONITORING, isian.monitoring)
	try:
		values = read_workbook(
			upload.get_content(), format_for(monitoring, isian.unit_kerja, isian), limits()
		)
	except FormatIsianError as e:
		throw_if_any([str(error) for error in e.errors], _("File Format Isian ditolak"))
	changed = False
	# a follow-up row takes only the head's answer (status, penjelasan); its bukti is attached in
	# the desk, and its plan is the server's
	for table, key, by_key in (
		(isian.indikator, "indikator", values.indikator),
		(isian.get("tindak_lanjut_lalu") or [], "tindak_lanjut", values.tindak_lanjut),
	):
		for row in table:
			for fieldname, value in by_key.get(row.get(key), {}).items():
				if not same_value(row.get(fieldname), value):
					row.set(fieldname, value)
					changed = True
	# the server's checks apply as on a save in the form (a Penjelasan missing for "Sebagian"
	# refuses the whole file); importing the same file twice changes nothing
	if changed:
		isian.save()
	# the upload served its purpose; the data now lives in the Isian
	frappe.delete_doc("File", upload.name, ignore_permissions=True)
	return isian.name


def same_value(stored, imported) -> bool:
	if isinstance(imported, Decimal):
		try:
			return to_decimal(stored) == imported
		except NilaiTidakValid:
			return False
	return (stored or None) == (imported or None)


@frappe.whitelist()
def download_all_formats(monitoring: str):
	"""Every unit's file in one zip, made in the background; the user gets a progress bar and
	the zip is attached (private) to the Monitoring."""
	doc = frappe.get_doc(MONITORING, monitoring)
	# every unit's data: for the officers who run the cycle, not for a unit head reading it
	doc.check_permission("write")
	steps = excel_steps(sop_of(doc))
	if doc.langkah not in steps:
		frappe.throw(
			_("Format Isian dibuat pada langkah {0}; monitoring ini ada di langkah {1}.").format(
				", ".join(map(str, steps)), doc.langkah
			)
		)
	job = jobs.enqueue(
		"kinerja_kecamatan.format_isian.excel.build_all_formats",
		queue=jobs.queue_for(len(active_units(doc))),
		title=_("Format Isian semua unit {0}").format(doc.name),
		reference=(doc.doctype, doc.name),
		monitoring=monitoring,
		user=frappe.session.user,
	)
	return job.id if job else None


def build_all_formats(monitoring: str, user: str | None = None) -> str:
	"""Runs as `user` (the job's session), and reads only what they may read."""
	doc = frappe.get_doc(MONITORING, monitoring)
	doc.check_permission("write")
	existing = units_with_isian(doc)
	scope = scope_of(frappe.session.user)
	units = [u for u in active_units(doc) if scope is None or scope.units is None or u.name in scope.units]
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		for count, unit in enumerate(units, start=1):
			frappe.publish_progress(
				count * 100 / max(len(units), 1),
				title=_("Membuat Format Isian"),
				description=unit.nama_unit,
				doctype=doc.doctype,
				docname=doc.name,
			)
			isian = frappe.get_doc(ISIAN, existing[unit.name].name) if unit.name in existing else None
			fmt = format_for(doc, unit.name, isian)
			if fmt.rows:
				archive.writestr(file_name(fmt), build_workbook(fmt))
	saved = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"Format Isian {doc.name}.zip",
			# the requester's own private file: attached to the Monitoring, every reader of the
			# cycle (a unit head too) could download every unit's data
			"is_private": 1,
			"content": buffer.getvalue(),
		}
	).insert(ignore_permissions=True)
	if user:
		frappe.publish_realtime(
			"msgprint",
			_("Format Isian semua unit siap: {0}").format(
				f'<a href="{escape_html(saved.file_url)}">{escape_html(saved.file_name)}</a>'
			),
			user=user,
		)
	return saved.file_url
