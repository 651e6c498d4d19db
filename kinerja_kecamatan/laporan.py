"""Laporan Hasil Monitoring (SOP steps 9–12): drafted from the data, signed, archived.

The numbers are the rows the reports and cards read (report_data.cycle_rows): the Isian's, with
the Blanko's where the monitoring team signed it, a verified value beating the reported one. Once
signed, the content is fixed by a keyed fingerprint (HMAC-SHA-256) that the public verification
page checks, and the archived PDF itself can be checked byte for byte.
"""

import hashlib
import hmac
import json
from functools import lru_cache
from io import BytesIO

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import cint, cstr, flt, now_datetime, nowdate

from kinerja_kecamatan import capaian as engine
from kinerja_kecamatan import report_data
from kinerja_kecamatan.predikat import get_skala_predikat
from kinerja_kecamatan.tanggal import tanggal_indonesia
from kinerja_kecamatan.units import active_units
from kinerja_kecamatan.validation import missing_mandatory

SIGNING_KEY = "kinerja_signing_key"
MAX_VERIFIED_PDF = 20 * 1024 * 1024
NARRATIVE_FIELDS = ("pendahuluan", "temuan", "rekomendasi", "tindak_lanjut", "kesimpulan")
ANALYSIS_FIELDS = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut")
# what the report reads of each row of the cycle (report_data.cycle_rows)
SOURCE_FIELDS = (
	"parent",
	"indikator",
	"target_tw",
	"realisasi_tw",
	"capaian_tw",
	"capaian_kumulatif",
	"predikat",
	"ada_data",
	"di_bawah_target",
	*ANALYSIS_FIELDS,
)
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
SIGNATURE_FIELDS = (
	"penandatangan",
	"nama_penandatangan",
	"nip_penandatangan",
	"pangkat_penandatangan",
	"jabatan_penandatangan",
	"tempat_tanggal",
)


def laporan_of(monitoring: str) -> str | None:
	return frappe.db.get_value("Laporan Hasil Monitoring", {"monitoring": monitoring, "docstatus": ("<", 2)})


def draft_laporan(monitoring):
	"""Create the draft, or refresh its numbers keeping the narrative someone already edited."""
	name = laporan_of(monitoring.name)
	laporan = (
		frappe.get_doc("Laporan Hasil Monitoring", name)
		if name
		else frappe.new_doc("Laporan Hasil Monitoring").update({"monitoring": monitoring.name})
	)
	if laporan.docstatus:
		frappe.throw(
			_("Laporan {0} sudah ditandatangani dan tidak dapat disusun ulang.").format(laporan.name)
		)
	rows, temuan, rekomendasi = collect_rows(monitoring)
	laporan.set("rincian", rows)
	summarise(laporan, rows)
	defaults = default_narrative(monitoring, laporan, temuan, rekomendasi)
	for field in NARRATIVE_FIELDS:
		if not (laporan.get(field) or "").strip():
			laporan.set(field, defaults[field])
	laporan.flags.ignore_permissions = True
	laporan.flags.server_write = True
	# fields an administrator made mandatory are the Pelaksana's to fill before it is signed
	laporan.flags.ignore_mandatory = True
	laporan.save()
	return laporan


def collect_rows(monitoring):
	"""The report's rows, unit by unit (active units, by name) and for the indicators of its
	Perjanjian Kinerja: the cycle's rows as the reports read them, each with its unrounded capaian
	(of its own target and realisasi) for the averages; with each Blanko's temuan and rekomendasi."""
	pk = frappe.get_cached_doc("Perjanjian Kinerja", monitoring.perjanjian_kinerja)
	pk_jenis = {row.indikator: row.jenis for row in pk.targets}
	units = active_units(monitoring)
	position = {unit.name: index for index, unit in enumerate(units)}
	source = sorted(
		(
			row
			for row in report_data.cycle_rows(monitoring.name, SOURCE_FIELDS)
			if row.unit_kerja in position and row.indikator in pk_jenis
		),
		key=lambda row: position[row.unit_kerja],
	)
	master = {
		row.name: row
		for row in frappe.get_all(
			"Indikator Kinerja",
			filters={"name": ("in", list({row.indikator for row in source}) or [""])},
			fields=["name", "uraian", "satuan", "jenis"],
		)
	}
	verified, reported = _("Terverifikasi"), _("Dilaporkan")
	rows = [
		{
			"unit_kerja": row.unit_kerja,
			"indikator": row.indikator,
			"uraian": master[row.indikator].uraian,
			"satuan": master[row.indikator].satuan,
			"jenis": master[row.indikator].jenis,
			"target_tw": row.target_tw,
			"realisasi": row.realisasi_tw,
			"sumber_nilai": verified if row.get("terverifikasi") else reported,
			"capaian_tw": row.capaian_tw,
			"capaian_kumulatif": row.capaian_kumulatif,
			"predikat": row.predikat,
			"ada_data": row.ada_data,
			"di_bawah_target": row.di_bawah_target,
			**{field: row.get(field) for field in ANALYSIS_FIELDS},
			"_nilai_tw": engine.capaian(
				pk_jenis[row.indikator] or master[row.indikator].jenis, row.target_tw, row.realisasi_tw
			)
			if row.ada_data
			else None,
		}
		for row in source
	]
	notes = {
		blanko.unit_kerja: blanko
		for blanko in frappe.get_all(
			"Blanko Monitoring Kinerja",
			filters={"monitoring": monitoring.name, "docstatus": ("<", 2)},
			fields=["unit_kerja", "temuan", "rekomendasi"],
		)
	}
	temuan, rekomendasi = [], []
	for unit in units:
		blanko = notes.get(unit.name)
		if blanko and (blanko.temuan or "").strip():
			temuan.append(f"{unit.nama_unit}: {blanko.temuan.strip()}")
		if blanko and (blanko.rekomendasi or "").strip():
			rekomendasi.append(f"{unit.nama_unit}: {blanko.rekomendasi.strip()}")
	return rows, temuan, rekomendasi


def summarise(laporan, rows) -> None:
	"""Average capaian (rows without data left out), count per predikat, and per unit: the one
	summariser of the reports and cards, on the same rows and their unrounded capaian."""
	skala = get_skala_predikat()
	whole = report_data.summarise_rows(rows, skala, capaian="_nilai_tw")
	laporan.rata_rata_capaian = float(engine.bulatkan(whole.rata_rata, 4) or 0)
	laporan.predikat = whole.predikat
	laporan.jumlah_indikator = whole.jumlah
	laporan.jumlah_di_bawah_target = whole.di_bawah_target
	laporan.jumlah_belum_ada_data = whole.belum_ada_data
	laporan.set(
		"rekap_predikat", [{"predikat": label, "jumlah": n} for label, n in whole.per_predikat.items()]
	)
	units = []
	for unit in dict.fromkeys(row["unit_kerja"] for row in rows):
		own = report_data.summarise_rows(
			[row for row in rows if row["unit_kerja"] == unit], skala, capaian="_nilai_tw"
		)
		units.append(
			{
				"unit_kerja": unit,
				"jumlah_indikator": own.jumlah,
				"rata_rata_capaian": float(engine.bulatkan(own.rata_rata, 4) or 0),
				"predikat": own.predikat,
			}
		)
	laporan.set("capaian_unit", units)


def default_narrative(monitoring, laporan, temuan, rekomendasi) -> dict:
	period = _("Triwulan {0} Tahun {1}").format(monitoring.triwulan, monitoring.tahun)
	below = [row for row in laporan.rincian if row.di_bawah_target]
	return {
		"pendahuluan": _(
			"Monitoring dan evaluasi internal capaian kinerja {0} dilaksanakan sesuai SOP Monitoring/Evaluasi "
			"Internal Capaian Kinerja Per Triwulan terhadap seluruh Seksi dan Subbagian di lingkungan "
			"Kecamatan {1}."
		).format(period, monitoring.kecamatan),
		"temuan": "\n".join(temuan) or _("Tidak ada temuan."),
		"rekomendasi": "\n".join(rekomendasi) or _("Tidak ada rekomendasi."),
		"tindak_lanjut": "\n".join(
			f"{row.uraian}: {row.tindak_lanjut}" for row in below if (row.tindak_lanjut or "").strip()
		)
		or _("Tidak ada indikator di bawah target."),
		"kesimpulan": _("Rata-rata capaian kinerja {0} adalah {1} dengan predikat {2}.").format(
			period, engine.format_persen(laporan.rata_rata_capaian), laporan.predikat or engine.BELUM_ADA_DATA
		),
	}


def missing_for_signature(monitoring) -> list[str]:
	name = laporan_of(monitoring.name)
	if not name:
		return [_("Draft Laporan Hasil Monitoring belum disusun.")]
	laporan = frappe.get_doc("Laporan Hasil Monitoring", name)
	missing = []
	if not laporan.rincian:
		missing.append(_("Laporan belum memuat rincian capaian indikator."))
	for field in ("temuan", "rekomendasi", "kesimpulan"):
		if not (laporan.get(field) or "").strip():
			missing.append(_("Bagian {0} laporan masih kosong.").format(_(laporan.meta.get_label(field))))
	missing += [m for m in missing_mandatory(laporan) if m not in missing]
	camat = frappe.db.get_value("Kecamatan", monitoring.kecamatan, "camat")
	if not camat:
		missing.append(
			_("Kecamatan {0} belum menetapkan Camat (Pejabat) penandatangan.").format(monitoring.kecamatan)
		)
	elif not signer_of(monitoring.kecamatan):
		missing.append(
			_(
				"Laporan Kecamatan {0} hanya dapat ditandatangani oleh Camat-nya ({1}) dengan akunnya sendiri."
			).format(monitoring.kecamatan, frappe.db.get_value("Pejabat", camat, "nama") or camat)
		)
	return missing


def signer_of(kecamatan: str) -> str | None:
	"""The Pejabat who signs: the kecamatan's Camat, and only when the signing user is theirs."""
	camat = frappe.db.get_value("Kecamatan", kecamatan, "camat")
	if not camat:
		return None
	owner = frappe.db.get_value("Pejabat", camat, ["user", "aktif"], as_dict=True)
	if owner and owner.aktif and owner.user == frappe.session.user:
		return camat
	return None


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
	message = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
	return hmac.new(signing_key(), message, hashlib.sha256).hexdigest()


def sign_laporan(monitoring, correction: bool = False) -> None:
	"""Step 11 "Ya": the Camat's name, NIP, pangkat and jabatan, the date in Indonesian, the hash.
	A correction (an amended report) is dated the day it is signed."""
	laporan = frappe.get_doc("Laporan Hasil Monitoring", laporan_of(monitoring.name))
	# what is signed is what the data says now, not what the draft held
	rows, _temuan, _rekomendasi = collect_rows(monitoring)
	laporan.set("rincian", rows)
	summarise(laporan, rows)
	pejabat = frappe.get_doc("Pejabat", signer_of(monitoring.kecamatan))
	nama_kecamatan = frappe.db.get_value("Kecamatan", monitoring.kecamatan, "nama_kecamatan")
	laporan.update(
		{
			"penandatangan": pejabat.name,
			"nama_penandatangan": pejabat.nama,
			"nip_penandatangan": pejabat.nip,
			"pangkat_penandatangan": pejabat.pangkat_golongan,
			"jabatan_penandatangan": pejabat.jabatan,
			"tanggal_laporan": nowdate() if correction else laporan.tanggal_laporan or nowdate(),
			"ditandatangani_pada": now_datetime(),
			"ditandatangani_oleh": frappe.session.user,
		}
	)
	laporan.tempat_tanggal = f"{nama_kecamatan}, {tanggal_indonesia(laporan.tanggal_laporan)}"
	laporan.hash_tanda_tangan = content_hash(laporan)
	laporan.flags.ignore_permissions = True
	laporan.flags.server_write = True
	laporan.submit()


def verification_url(laporan) -> str:
	return frappe.utils.get_url(f"/verifikasi?laporan={laporan.name}&kode={laporan.hash_tanda_tangan}")


@lru_cache(maxsize=256)
def qr_svg(text: str) -> str:
	"""An inline SVG QR code (pyqrcode comes with Frappe). Kept per process: a signed report's
	code never changes, and drawing it is a third of the print's own rendering time."""
	import pyqrcode

	buffer = BytesIO()
	pyqrcode.create(text, error="M").svg(buffer, scale=2, xmldecl=False, svgns=True, omithw=False)
	return buffer.getvalue().decode()


NOT_VERIFIED = "Tidak ada laporan bertanda tangan yang cocok dengan nomor dan kode ini."


def verify(name: str, kode: str) -> frappe._dict:
	"""Whether `kode` is the fingerprint of the signed report `name`, and the report's content is
	still exactly what was signed. A mismatch says nothing of whether `name` exists."""
	laporan = (
		name
		and kode
		and frappe.db.exists("Laporan Hasil Monitoring", {"name": name, "docstatus": 1})
		and frappe.get_doc("Laporan Hasil Monitoring", name)
	)
	if not laporan or not hmac.compare_digest(cstr(kode), cstr(laporan.hash_tanda_tangan)):
		return frappe._dict(sah=False, alasan=_(NOT_VERIFIED))
	if not hmac.compare_digest(content_hash(laporan), laporan.hash_tanda_tangan):
		return frappe._dict(
			sah=False, alasan=_("Isi laporan di sistem tidak sama dengan yang ditandatangani.")
		)
	return frappe._dict(sah=True, laporan=laporan)


def verify_pdf(content: bytes) -> frappe._dict:
	"""Whether `content` is byte for byte a signed report's archived PDF."""
	digest = hashlib.sha256(content or b"").hexdigest()
	name = frappe.db.get_value("Laporan Hasil Monitoring", {"sidik_arsip": digest, "docstatus": 1})
	if not name:
		return frappe._dict(
			sah=False,
			alasan=_("Berkas ini tidak sama dengan arsip PDF laporan mana pun yang ditandatangani."),
		)
	return verify(name, frappe.db.get_value("Laporan Hasil Monitoring", name, "hash_tanda_tangan"))


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
	if not result.sah:
		return {"sah": False, "alasan": result.alasan}
	return {"sah": True, "laporan": public_summary(result.laporan)}


def public_summary(laporan) -> dict:
	"""What the signed report itself states, and nothing more."""
	from kinerja_kecamatan.kinerja_kecamatan.doctype.pejabat.pejabat import nip_spaced

	return {
		"name": laporan.name,
		"kecamatan": laporan.kecamatan,
		"periode": _("Triwulan {0} Tahun {1}").format(laporan.triwulan, laporan.tahun),
		"penandatangan": laporan.nama_penandatangan,
		"nip": nip_spaced(laporan.nip_penandatangan),
		"jabatan": laporan.jabatan_penandatangan,
		"tempat_tanggal": laporan.tempat_tanggal,
		"nomor_arsip": laporan.nomor_arsip,
	}


ARCHIVE_PLACEHOLDERS = ("kecamatan", "tahun", "triwulan")
DEFAULT_ARCHIVE_PATTERN = "ARSIP/MONEV/.YYYY./.####"


def archive_pattern(pattern: str, monitoring) -> str:
	"""The archive number's naming series for `monitoring`: {kecamatan}, {tahun} and {triwulan}
	filled in by plain replacement (a format spec such as {tahun:>999999999} is never run).
	"ARSIP/{kecamatan}/.YYYY./.####" → "ARSIP/Batumandi/.YYYY./.####"."""
	for key in ARCHIVE_PLACEHOLDERS:
		pattern = pattern.replace("{" + key + "}", str(monitoring.get(key)))
	return pattern


def invalid_archive_pattern(pattern: str) -> str | None:
	"""Why `pattern` can't be used, or None."""
	rest = pattern
	for key in ARCHIVE_PLACEHOLDERS:
		rest = rest.replace("{" + key + "}", "")
	if "{" in rest or "}" in rest:
		return _("Pola nomor arsip hanya boleh memuat {0}.").format(
			", ".join("{" + key + "}" for key in ARCHIVE_PLACEHOLDERS)
		)
	if len(pattern) > 100:
		return _("Pola nomor arsip terlalu panjang (paling banyak 100 karakter).")
	return None


def render_pdf(laporan) -> bytes:
	"""The signed report's PDF, rendered before anything is written. Frappe's print view logs an
	Access Log and commits on its way; as a read-only render the log is deferred instead, so the
	archive stays one transaction."""
	previous = frappe.flags.read_only
	frappe.flags.read_only = True
	try:
		return frappe.get_print(
			laporan.doctype, laporan.name, print_format="Laporan Hasil Monitoring", as_pdf=True
		)
	finally:
		frappe.flags.read_only = previous


def archive_laporan(monitoring) -> str:
	"""Step 12: the signed PDF stored as a private File with an archive number; returns its URL.
	All or nothing: a failure at any point leaves no number, no File and no link behind."""
	from frappe.model.naming import make_autoname

	name = laporan_of(monitoring.name)
	laporan = frappe.get_doc("Laporan Hasil Monitoring", name) if name else None
	if not laporan or laporan.docstatus != 1 or not verify(laporan.name, laporan.hash_tanda_tangan).sah:
		frappe.throw(
			_("Hanya Laporan Hasil Monitoring yang sudah ditandatangani Camat yang dapat diarsipkan.")
		)
	if laporan.file_arsip:
		frappe.throw(_("Laporan {0} sudah diarsipkan ({1}).").format(laporan.name, laporan.nomor_arsip))
	pdf = render_pdf(laporan)
	pattern = frappe.db.get_single_value("Pengaturan Kinerja", "pola_nomor_arsip") or DEFAULT_ARCHIVE_PATTERN
	if invalid_archive_pattern(pattern):
		frappe.throw(invalid_archive_pattern(pattern))
	nomor_arsip = make_autoname(archive_pattern(pattern, monitoring), doc=monitoring)
	# attached to both the cycle and the report: Frappe deletes a file from disk only when no
	# other File record shares its content, so the archive outlives any one record
	for doctype, name in ((monitoring.doctype, monitoring.name), (laporan.doctype, laporan.name)):
		saved = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{nomor_arsip.replace('/', '-')}.pdf",
				"attached_to_doctype": doctype,
				"attached_to_name": name,
				"is_private": 1,
				"content": pdf,
			}
		)
		saved.flags.kinerja_archive = True  # the one file attached to a signed record
		saved.insert(ignore_permissions=True)
	laporan.db_set(
		{
			"nomor_arsip": nomor_arsip,
			"file_arsip": saved.file_url,
			"sidik_arsip": hashlib.sha256(pdf).hexdigest(),
		}
	)
	return saved.file_url


def is_archive_file(file_url: str | None) -> bool:
	"""Whether `file_url` is (or was) a report's archived PDF."""
	return bool(file_url) and bool(frappe.db.exists("Laporan Hasil Monitoring", {"file_arsip": file_url}))


def archive_file_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""File has_permission hook: nobody writes or deletes an archived PDF (Administrator, whom
	Frappe never asks, is stopped by protect_archive_file)."""
	if ptype in ("write", "delete", "cancel", "submit") and is_archive_file(doc.file_url):
		return False
	return None


def protect_archive_file(file, method=None) -> None:
	"""File hooks (on_trash, before_validate): an archived PDF is never deleted, replaced or re-pointed,
	by any role. A correction cancels and amends the report, leaving the old archive in place."""
	if frappe.flags.in_uninstall or frappe.flags.in_install:
		return
	before = file.get_doc_before_save() if method == "before_validate" else None
	if method == "before_validate" and not before:
		return
	if not is_archive_file((before or file).file_url):
		return
	if method == "on_trash":
		frappe.throw(
			_(
				"Berkas {0} adalah arsip Laporan Hasil Monitoring yang ditandatangani dan tidak dapat dihapus."
			).format(file.file_name),
			frappe.PermissionError,
		)
	fields = (
		"file_url",
		"file_name",
		"is_private",
		"attached_to_doctype",
		"attached_to_name",
		"attached_to_field",
	)
	if any(before.get(field) != file.get(field) for field in fields):
		frappe.throw(
			_(
				"Berkas {0} adalah arsip Laporan Hasil Monitoring yang ditandatangani dan tidak dapat diubah."
			).format(file.file_name),
			frappe.PermissionError,
		)
