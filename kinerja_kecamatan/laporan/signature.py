"""The Camat's signature on a Laporan: the signer's identity, and a keyed fingerprint
(HMAC-SHA-256) of the signed content that the public verification page checks, by number and code
or by the archived PDF itself, byte for byte.
"""

import hashlib
import hmac
import json

import frappe
from frappe import _
from frappe.model import no_value_fields
from frappe.rate_limiter import rate_limit
from frappe.utils import cint, cstr, flt, getdate, now_datetime, nowdate
from frappe.utils.data import convert_utc_to_system_timezone

from kinerja_kecamatan.doctypes import CAPAIAN_TAHUNAN, KECAMATAN, LAPORAN, PEJABAT, SERTIFIKAT
from kinerja_kecamatan.engine.nip import nip_spaced
from kinerja_kecamatan.engine.tanggal import tanggal_indonesia
from kinerja_kecamatan.laporan import pades, pki
from kinerja_kecamatan.laporan.certificates import trust_roots
from kinerja_kecamatan.laporan.draft import NARRATIVE_FIELDS, collect_rows, laporan_of, summarise
from kinerja_kecamatan.laporan.pdf_output import bounded_render, insert_pdf, remove_orphan
from kinerja_kecamatan.laporan.signer import signer_of
from kinerja_kecamatan.laporan.signers import sign_report_pdf, signing_time_text
from kinerja_kecamatan.tindak_lanjut import records as tindak_lanjut

SIGNING_KEY = "kinerja_signing_key"
PADES, HMAC = "PAdES", "HMAC"
MAX_VERIFIED_PDF = 20 * 1024 * 1024
# what the Camat signs, archives and a guest verifies: the quarter's report and the year's chapter
SIGNED_REPORTS = (LAPORAN, CAPAIAN_TAHUNAN)
ROW_FIELDS = (
	"unit_kerja",
	"indikator",
	"uraian",
	"satuan",
	"jenis",
	"target_tw",
	"realisasi",
	"sumber_nilai",
	"capaian_tw",
	"capaian_kumulatif",
	"predikat",
	"faktor_pendorong",
	"faktor_penghambat",
	"tindak_lanjut",
)
FOLLOW_UP_COUNTS = (
	"jumlah_tindak_lanjut",
	"jumlah_tl_dilaksanakan",
	"jumlah_tl_sebagian",
	"jumlah_tl_tidak_dilaksanakan",
	"jumlah_tl_belum_dilaporkan",
)
FOLLOW_UP_ROW_FIELDS = (
	"unit_kerja",
	"indikator",
	"triwulan_asal",
	"rencana",
	"status",
	"hasil_verifikasi",
	"penjelasan",
)
SIGNATURE_FIELDS = (
	"penandatangan",
	"nama_penandatangan",
	"nip_penandatangan",
	"pangkat_penandatangan",
	"jabatan_penandatangan",
	"tempat_tanggal",
)


def signing_key() -> bytes:
	"""The site's secret for report signatures. It lives in site_config.json, out of the
	database and its dumps, so a fingerprint can't be recomputed from what users can read; it is
	made on install (install.ensure_signing_key) and must travel with the site when moved."""
	key = frappe.conf.get(SIGNING_KEY)
	if not key:
		frappe.throw(
			_("Kunci tanda tangan situs ({0}) belum dibuat; jalankan bench migrate.").format(SIGNING_KEY)
		)
	return key.encode()


def signed_value(row, field: str):
	"""A row's value as signed: the same whether it came from the engine or from the database."""
	if frappe.get_meta(row.doctype).get_field(field).fieldtype in ("Float", "Percent", "Currency"):
		return None if row.get(field) in (None, "") else round(flt(row.get(field)), 4)
	return cstr(row.get(field))


def content_hash(laporan) -> str:
	"""HMAC-SHA-256, keyed with the site's secret, of what the Camat signs: period, numbers,
	narrative and the signature block."""
	content = {
		"name": laporan.name,
		"monitoring": laporan.monitoring,
		"periode": [laporan.kecamatan, laporan.tahun, laporan.triwulan],
		"nomor": cstr(laporan.nomor),
		"tanggal": cstr(laporan.tanggal_laporan),
		"ringkasan": [
			round(flt(laporan.rata_rata_capaian), 4),
			cstr(laporan.predikat),
			cint(laporan.jumlah_indikator),
		],
		"rincian": [[signed_value(row, f) for f in ROW_FIELDS] for row in laporan.rincian],
		"narasi": [cstr(laporan.get(f)) for f in NARRATIVE_FIELDS],
		"tanda_tangan": [cstr(laporan.get(f)) for f in SIGNATURE_FIELDS],
	}
	follow_ups = follow_up_content(laporan)
	if follow_ups:  # absent from reports signed before follow-ups were kept: their hash stands
		content["tindak_lanjut"] = follow_ups
	return keyed_hash(content)


def keyed_hash(content) -> str:
	"""HMAC-SHA-256 of `content` (plain JSON data), keyed with the site's secret."""
	message = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
	return hmac.new(signing_key(), message, hashlib.sha256).hexdigest()


# a record's own bookkeeping, not what it states
UNSIGNED_FIELDS = ("hash_tanda_tangan", "ditandatangani_pada", "title", "amended_from")


def record_content(record) -> dict:
	"""Every field of `record` a reader sees, and its tables row by row, in one form whether read
	from memory or the database; the fingerprint itself and what is added after signing (the
	archive: allow_on_submit fields) are left out."""
	content = {}
	for df in record.meta.fields:
		value = record.get(df.fieldname)
		if df.fieldtype == "Table":
			content[df.fieldname] = [record_content(row) for row in value or []]
		elif df.fieldtype in no_value_fields or df.allow_on_submit or df.fieldname in UNSIGNED_FIELDS:
			continue
		elif df.fieldtype in ("Int", "Check"):
			content[df.fieldname] = cint(value)
		elif df.fieldtype in ("Float", "Percent", "Currency"):
			content[df.fieldname] = round(flt(value), 4)
		elif df.fieldtype == "Date":
			content[df.fieldname] = cstr(getdate(value)) if value else ""
		else:
			content[df.fieldname] = cstr(value)
	return content


def fingerprint(report) -> str:
	"""The keyed fingerprint of a signed report: a Laporan Hasil Monitoring's content as
	content_hash takes it (so every signed one keeps its fingerprint), any other's whole record."""
	if report.doctype == LAPORAN:
		return content_hash(report)
	return keyed_hash({"doctype": report.doctype, "name": report.name, **record_content(report)})


def follow_up_content(laporan) -> list | None:
	"""The report's look back on the previous quarters' follow-ups, as signed: counts and rows."""
	counts = [cint(laporan.get(f)) for f in FOLLOW_UP_COUNTS]
	rows = [
		[cstr(row.get(f)) for f in FOLLOW_UP_ROW_FIELDS]
		for row in laporan.get("pelaksanaan_tindak_lanjut") or []
	]
	return [counts, rows] if any(counts) or rows else None


def sign_laporan(monitoring, correction: bool = False) -> None:
	"""The signing step's "Ya": the Camat's name, NIP, pangkat and jabatan, the date in Indonesian, the hash.
	A correction (an amended report) is dated the day it is signed."""
	laporan = frappe.get_doc(LAPORAN, laporan_of(monitoring.name))
	# what is signed is what the data says now, not what the draft held
	rows, _temuan, _rekomendasi = collect_rows(monitoring)
	laporan.set("rincian", rows)
	summarise(laporan, rows)
	tindak_lanjut.set_report_section(laporan, monitoring)
	nama_kecamatan = put_signature(laporan, correction)
	laporan.flags.ignore_permissions = True
	laporan.flags.server_write = True
	laporan.submit()
	# the plans below target become follow-ups the next quarter asks about
	tindak_lanjut.plan_from_laporan(laporan)
	seal_pdf(laporan, nama_kecamatan)


def put_signature(report, correction: bool = False) -> str:
	"""The signer's block on `report` (about to be submitted): the Camat's name, NIP, pangkat and
	jabatan, the place and date in Indonesian, and the keyed fingerprint of it all. A correction is
	dated the day it is signed. Returns the place: the kecamatan's name."""
	pejabat = frappe.get_doc(PEJABAT, signer_of(report.kecamatan))
	nama_kecamatan = frappe.db.get_value(KECAMATAN, report.kecamatan, "nama_kecamatan")
	report.update(
		{
			"penandatangan": pejabat.name,
			"nama_penandatangan": pejabat.nama,
			"nip_penandatangan": pejabat.nip,
			"pangkat_penandatangan": pejabat.pangkat_golongan,
			"jabatan_penandatangan": pejabat.jabatan,
			"tanggal_laporan": nowdate() if correction else report.tanggal_laporan or nowdate(),
			"ditandatangani_pada": now_datetime(),
			"ditandatangani_oleh": frappe.session.user,
		}
	)
	report.tempat_tanggal = f"{nama_kecamatan}, {tanggal_indonesia(report.tanggal_laporan)}"
	report.hash_tanda_tangan = fingerprint(report)
	return nama_kecamatan


def render_pdf(laporan) -> bytes:
	"""The signed report's PDF, rendered before anything is written. Frappe's print view logs an
	Access Log and commits on its way; as a read-only render the log is deferred instead, so the
	signature and the archive each stay one transaction. wkhtmltopdf hanging or crashing is a
	message (pdf_output.bounded_render)."""
	previous = frappe.flags.read_only
	frappe.flags.read_only = True
	try:
		with bounded_render():
			# each signed report's print format bears its DocType's name
			return frappe.get_print(laporan.doctype, laporan.name, print_format=laporan.doctype, as_pdf=True)
	finally:
		frappe.flags.read_only = previous


def seal_pdf(laporan, location: str) -> None:
	"""The Camat's PAdES signature in the report's PDF, kept as a private File for the archiving
	step. A refusal (wrong passphrase, revoked certificate, the service down) throws, and the whole
	signing step is undone with it."""
	reason = _("Menyetujui dan menandatangani {0}").format(_(laporan.doctype))
	pdf = sign_report_pdf(render_pdf(laporan), laporan.penandatangan, location, reason)
	file_name = f"{laporan.name}-ttd.pdf"
	remove_orphan(file_name)  # left by a signing the database lost before its commit
	saved = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"attached_to_doctype": laporan.doctype,
			"attached_to_name": laporan.name,
			"is_private": 1,
			"content": pdf,
		}
	)
	saved.flags.kinerja_archive = True  # attached to a signed record
	insert_pdf(saved)
	laporan.db_set({"jenis_tanda_tangan": PADES, "berkas_ttd": saved.file_url})


def signed_pdf(laporan) -> bytes | None:
	"""The PDF the Camat signed electronically, or None for a report signed before PAdES."""
	if not laporan.berkas_ttd:
		return None
	return frappe.get_doc("File", {"file_url": laporan.berkas_ttd}).get_content()


def verification_url(laporan) -> str:
	return frappe.utils.get_url(f"/verifikasi?laporan={laporan.name}&kode={laporan.hash_tanda_tangan}")


NOT_VERIFIED = "Tidak ada laporan bertanda tangan yang cocok dengan nomor dan kode ini."


def verify(name: str, kode: str) -> frappe._dict:
	"""Whether `kode` is the fingerprint of the signed report `name`, and the report's content is
	still exactly what was signed. A mismatch says nothing of whether `name` exists."""
	doctype = name and kode and signed_doctype(name)
	laporan = doctype and frappe.get_doc(doctype, name)
	if not laporan or not hmac.compare_digest(cstr(kode), cstr(laporan.hash_tanda_tangan)):
		return frappe._dict(sah=False, alasan=_(NOT_VERIFIED))
	if not hmac.compare_digest(fingerprint(laporan), laporan.hash_tanda_tangan):
		return frappe._dict(
			sah=False, alasan=_("Isi laporan di sistem tidak sama dengan yang ditandatangani.")
		)
	return frappe._dict(sah=True, laporan=laporan)


def signed_doctype(name: str) -> str | None:
	"""Which signed report `name` is, if it is one."""
	return next(
		(doctype for doctype in SIGNED_REPORTS if frappe.db.exists(doctype, {"name": name, "docstatus": 1})),
		None,
	)


def archived_as(digest: str) -> tuple[str | None, str | None]:
	"""(DocType, name) of the signed report whose archived PDF has this SHA-256, or Nones."""
	for doctype in SIGNED_REPORTS:
		name = frappe.db.get_value(doctype, {"sidik_arsip": digest, "docstatus": 1})
		if name:
			return doctype, name
	return None, None


def verify_pdf(content: bytes) -> frappe._dict:
	"""What the PDF a guest holds proves: its embedded electronic signature (PAdES), checked
	against the settings' trust roots with no trust in this server's records, and whether it is,
	byte for byte, this site's archive. A report signed before PAdES is checked by its archive's
	hash and HMAC."""
	check = pades.validate(content or b"", trust_roots())
	digest = hashlib.sha256(content or b"").hexdigest()
	doctype, name = archived_as(digest)
	if not check.signed:
		if not name:
			return frappe._dict(
				sah=False,
				alasan=_(
					"Berkas ini tidak bertanda tangan elektronik dan tidak sama dengan arsip PDF laporan mana pun yang ditandatangani."
				),
			)
		result = verify(name, frappe.db.get_value(doctype, name, "hash_tanda_tangan"))
		result.jenis = HMAC
		return result
	result = frappe._dict(
		jenis=PADES, sah=check.unchanged and check.trusted, tanda_tangan=signature_facts(check)
	)
	if name:
		result.laporan = frappe.get_doc(doctype, name)
	if not check.unchanged:
		result.alasan = _(
			"Berkas telah diubah setelah ditandatangani: tanda tangannya tidak lagi mencakup isi berkas ini."
		)
	elif not check.trusted:
		result.alasan = _(
			"Sertifikat penanda tangan tidak diterbitkan oleh otoritas yang dipercaya situs ini."
		)
	return result


def signature_facts(check) -> dict:
	"""The signer, their NIP and the timestamp's time, as the certificate and the TSA state them."""
	holder = check.holder
	registered = frappe.db.get_value(
		SERTIFIKAT,
		{"sidik_sha256": pki.fingerprint(check.certificate)},
		["status", "dicabut_pada"],
		as_dict=True,
	)
	return {
		"penandatangan": holder.nama if holder else "",
		"nip": nip_spaced(holder.nip) if holder else "",
		"jabatan": holder.jabatan if holder else "",
		"waktu": format_signing_time(check.signing_time),
		"tidak_berubah": check.unchanged,
		"tepercaya": check.trusted,
		"cap_waktu_tepercaya": check.timestamp_trusted,
		"status_sertifikat": registered.status if registered else "",
		"dicabut_pada": str(registered.dicabut_pada) if registered and registered.dicabut_pada else "",
	}


def format_signing_time(at) -> str:
	"""The timestamp's UTC time in the office's zone: '10 April 2024 09.15 WITA'."""
	if not at:
		return ""
	local = convert_utc_to_system_timezone(at.replace(tzinfo=None))
	return signing_time_text(local)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=30, seconds=60)
def verifikasi_berkas():
	"""Public: a guest uploads the PDF they hold and learns whether it is the signed archive."""
	upload = frappe.request.files.get("file") if frappe.request else None
	if not upload:
		frappe.throw(_("Pilih berkas PDF laporan yang akan diperiksa."))
	content = upload.stream.read(MAX_VERIFIED_PDF + 1)
	if len(content) > MAX_VERIFIED_PDF:
		frappe.throw(_("Berkas terlalu besar untuk sebuah laporan (paling besar 20 MB)."))
	result = verify_pdf(content)
	answer = {"sah": bool(result.sah), "jenis": result.jenis}
	if result.alasan:
		answer["alasan"] = result.alasan
	if result.tanda_tangan:
		answer["tanda_tangan"] = result.tanda_tangan
	# whether this is the site's archived copy, and what it states
	answer["arsip_situs"] = bool(result.laporan)
	if result.laporan and (result.sah or result.jenis == PADES):
		answer["laporan"] = public_summary(result.laporan)
	return answer


def public_summary(laporan) -> dict:
	"""What the signed report itself states, and nothing more."""

	return {
		"name": laporan.name,
		"kecamatan": laporan.kecamatan,
		"dokumen": _(laporan.doctype),
		"periode": _("Triwulan {0} Tahun {1}").format(laporan.triwulan, laporan.tahun)
		if laporan.get("triwulan")
		else _("Tahun {0}").format(laporan.tahun),
		"penandatangan": laporan.nama_penandatangan,
		"nip": nip_spaced(laporan.nip_penandatangan),
		"jabatan": laporan.jabatan_penandatangan,
		"tempat_tanggal": laporan.tempat_tanggal,
		"nomor_arsip": laporan.nomor_arsip,
	}
