"""Laporan Hasil Monitoring (SOP steps 9–12): drafted from the data, signed, archived.

The numbers come from the capaian engine through the Blanko (a verified value wins over the
reported one) or, for a unit without a Blanko, from its Isian. Once signed, the content is
fixed by a SHA-256 fingerprint that the public verification page checks.
"""

import hashlib
import json
from io import BytesIO

import frappe
from frappe import _
from frappe.utils import cstr, now_datetime, nowdate

from kinerja_kecamatan import capaian as engine
from kinerja_kecamatan.kinerja_kecamatan.doctype.blanko_monitoring_kinerja.blanko_monitoring_kinerja import (
	used_realisasi,
)
from kinerja_kecamatan.kinerja_kecamatan.doctype.pengaturan_kinerja.pengaturan_kinerja import (
	get_skala_predikat,
)
from kinerja_kecamatan.recompute import capaian_of, earlier_realisasi
from kinerja_kecamatan.tanggal import tanggal_indonesia
from kinerja_kecamatan.triwulan import quarter_number
from kinerja_kecamatan.workflow.kelengkapan import active_units, units_with_isian

NARRATIVE_FIELDS = ("pendahuluan", "temuan", "rekomendasi", "tindak_lanjut", "kesimpulan")
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
	laporan.save()
	return laporan


def collect_rows(monitoring):
	pk = frappe.get_cached_doc("Perjanjian Kinerja", monitoring.perjanjian_kinerja)
	pk_rows = {row.indikator: row for row in pk.targets}
	quarter = quarter_number(monitoring.triwulan)
	skala = get_skala_predikat()
	isian = units_with_isian(monitoring)
	rows, temuan, rekomendasi = [], [], []
	for unit in active_units(monitoring):
		blanko_name = frappe.db.get_value(
			"Blanko Monitoring Kinerja",
			{"monitoring": monitoring.name, "unit_kerja": unit.name, "docstatus": ("<", 2)},
		)
		blanko = frappe.get_doc("Blanko Monitoring Kinerja", blanko_name) if blanko_name else None
		source = frappe.get_doc("Isian Data Kinerja", isian[unit.name].name) if unit.name in isian else None
		isian_rows = {row.indikator: row for row in source.indikator} if source else {}
		if blanko:
			entries = [
				(row.indikator, used_realisasi(row), bool(row.nilai_terverifikasi))
				for row in blanko.indikator
			]
			if (blanko.temuan or "").strip():
				temuan.append(f"{unit.nama_unit}: {blanko.temuan.strip()}")
			if (blanko.rekomendasi or "").strip():
				rekomendasi.append(f"{unit.nama_unit}: {blanko.rekomendasi.strip()}")
		else:
			entries = [(row.indikator, row.realisasi_tw, False) for row in isian_rows.values()]
		context = frappe._dict(
			unit_kerja=unit.name, tahun=monitoring.tahun, triwulan=monitoring.triwulan, name=None
		)
		earlier = earlier_realisasi(context)
		for indikator, realisasi, verified in entries:
			if indikator not in pk_rows:
				continue
			master = frappe.get_cached_doc("Indikator Kinerja", indikator)
			values = capaian_of(pk, pk_rows[indikator], quarter, realisasi, earlier, skala)
			reported = isian_rows.get(indikator)
			rows.append(
				{
					"unit_kerja": unit.name,
					"indikator": indikator,
					"uraian": master.uraian,
					"satuan": master.satuan,
					"jenis": master.jenis,
					"target_tw": values.target_tw,
					"realisasi": realisasi,
					"sumber_nilai": _("Terverifikasi") if verified else _("Dilaporkan"),
					"capaian_tw": values.capaian_tw if values.nilai_tw is not None else 0,
					"capaian_kumulatif": values.capaian_kumulatif,
					"predikat": values.predikat,
					"faktor_pendorong": reported.faktor_pendorong if reported else None,
					"faktor_penghambat": reported.faktor_penghambat if reported else None,
					"tindak_lanjut": reported.tindak_lanjut if reported else None,
					"_nilai_tw": values.nilai_tw,
				}
			)
	return rows, temuan, rekomendasi


def summarise(laporan, rows) -> None:
	"""Average capaian (rows without data left out), count per predikat, and per unit."""
	skala = get_skala_predikat()
	values = [row["_nilai_tw"] for row in rows]
	average = engine.rata_rata(values)
	laporan.rata_rata_capaian = float(engine.bulatkan(average, 4) or 0)
	laporan.predikat = engine.predikat(average, skala)
	laporan.jumlah_indikator = len(rows)
	laporan.jumlah_di_bawah_target = sum(1 for v in values if v is not None and v < 100)
	laporan.jumlah_belum_ada_data = sum(1 for v in values if v is None)
	labels = [label for _bound, label in sorted(skala, key=lambda s: -float(s[0]))]
	laporan.set(
		"rekap_predikat",
		[
			{"predikat": label, "jumlah": sum(1 for row in rows if row["predikat"] == label)}
			for label in labels
		],
	)
	units = []
	for unit in dict.fromkeys(row["unit_kerja"] for row in rows):
		unit_values = [row["_nilai_tw"] for row in rows if row["unit_kerja"] == unit]
		unit_average = engine.rata_rata(unit_values)
		units.append(
			{
				"unit_kerja": unit,
				"jumlah_indikator": len(unit_values),
				"rata_rata_capaian": float(engine.bulatkan(unit_average, 4) or 0),
				"predikat": engine.predikat(unit_average, skala),
			}
		)
	laporan.set("capaian_unit", units)


def default_narrative(monitoring, laporan, temuan, rekomendasi) -> dict:
	period = _("Triwulan {0} Tahun {1}").format(monitoring.triwulan, monitoring.tahun)
	below = [row for row in laporan.rincian if row.predikat and row.capaian_tw < 100]
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
	if not signer_of(monitoring.kecamatan):
		missing.append(
			_("Kecamatan {0} belum menetapkan Camat (Pejabat) penandatangan.").format(monitoring.kecamatan)
		)
	return missing


def signer_of(kecamatan: str) -> str | None:
	"""The Pejabat who signs: the one linked to the signing user, else the kecamatan's Camat."""
	return frappe.db.get_value(
		"Pejabat", {"user": frappe.session.user, "kecamatan": kecamatan, "aktif": 1}
	) or frappe.db.get_value("Kecamatan", kecamatan, "camat")


def content_hash(laporan) -> str:
	"""SHA-256 of what the Camat signs: period, numbers, narrative and the signature block."""
	content = {
		"name": laporan.name,
		"monitoring": laporan.monitoring,
		"periode": [laporan.kecamatan, laporan.tahun, laporan.triwulan],
		"nomor": cstr(laporan.nomor),
		"tanggal": cstr(laporan.tanggal_laporan),
		"ringkasan": [
			round(laporan.rata_rata_capaian or 0, 4),
			cstr(laporan.predikat),
			laporan.jumlah_indikator,
		],
		"rincian": [
			[
				cstr(row.get(f)) if not isinstance(row.get(f), float) else round(row.get(f), 4)
				for f in ROW_FIELDS
			]
			for row in laporan.rincian
		],
		"narasi": [cstr(laporan.get(f)) for f in NARRATIVE_FIELDS],
		"tanda_tangan": [cstr(laporan.get(f)) for f in SIGNATURE_FIELDS],
	}
	return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def sign_laporan(monitoring) -> None:
	"""Step 11 "Ya": the Camat's name, NIP, pangkat and jabatan, the date in Indonesian, the hash."""
	laporan = frappe.get_doc("Laporan Hasil Monitoring", laporan_of(monitoring.name))
	pejabat = frappe.get_doc("Pejabat", signer_of(monitoring.kecamatan))
	nama_kecamatan = frappe.db.get_value("Kecamatan", monitoring.kecamatan, "nama_kecamatan")
	laporan.update(
		{
			"penandatangan": pejabat.name,
			"nama_penandatangan": pejabat.nama,
			"nip_penandatangan": pejabat.nip,
			"pangkat_penandatangan": pejabat.pangkat_golongan,
			"jabatan_penandatangan": pejabat.jabatan,
			"tanggal_laporan": laporan.tanggal_laporan or nowdate(),
			"ditandatangani_pada": now_datetime(),
			"ditandatangani_oleh": frappe.session.user,
		}
	)
	laporan.tempat_tanggal = f"{nama_kecamatan}, {tanggal_indonesia(laporan.tanggal_laporan)}"
	laporan.hash_tanda_tangan = content_hash(laporan)
	laporan.flags.ignore_permissions = True
	laporan.submit()


def verification_url(laporan) -> str:
	return frappe.utils.get_url(f"/verifikasi?laporan={laporan.name}&kode={laporan.hash_tanda_tangan}")


def qr_svg(text: str) -> str:
	"""An inline SVG QR code (pyqrcode comes with Frappe)."""
	import pyqrcode

	buffer = BytesIO()
	pyqrcode.create(text, error="M").svg(buffer, scale=2, xmldecl=False, svgns=True, omithw=False)
	return buffer.getvalue().decode()


def verify(name: str, kode: str) -> frappe._dict:
	"""Whether `kode` is the fingerprint of the signed report `name`, and the report's content is
	still exactly what was signed."""
	laporan = frappe.db.exists("Laporan Hasil Monitoring", {"name": name, "docstatus": 1}) and frappe.get_doc(
		"Laporan Hasil Monitoring", name
	)
	if not laporan or not kode:
		return frappe._dict(sah=False, alasan=_("Laporan tidak ditemukan atau belum ditandatangani."))
	if kode != laporan.hash_tanda_tangan:
		return frappe._dict(
			sah=False, alasan=_("Kode verifikasi tidak cocok dengan laporan yang ditandatangani.")
		)
	if content_hash(laporan) != laporan.hash_tanda_tangan:
		return frappe._dict(
			sah=False, alasan=_("Isi laporan di sistem tidak sama dengan yang ditandatangani.")
		)
	return frappe._dict(sah=True, laporan=laporan)


def archive_laporan(monitoring) -> str:
	"""Step 12: the signed PDF stored as a private File with an archive number; returns its URL."""
	from frappe.model.naming import make_autoname

	laporan = frappe.get_doc("Laporan Hasil Monitoring", laporan_of(monitoring.name))
	pattern = (
		frappe.db.get_single_value("Pengaturan Kinerja", "pola_nomor_arsip") or "ARSIP/MONEV/.YYYY./.####"
	)
	pattern = pattern.format(
		kecamatan=monitoring.kecamatan, tahun=monitoring.tahun, triwulan=monitoring.triwulan
	)
	nomor_arsip = make_autoname(pattern, doc=monitoring)
	laporan.db_set("nomor_arsip", nomor_arsip)
	pdf = frappe.get_print(
		laporan.doctype, laporan.name, print_format="Laporan Hasil Monitoring", as_pdf=True
	)
	saved = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{nomor_arsip.replace('/', '-')}.pdf",
			"attached_to_doctype": monitoring.doctype,
			"attached_to_name": monitoring.name,
			"is_private": 1,
			"content": pdf,
		}
	).insert(ignore_permissions=True)
	laporan.db_set("file_arsip", saved.file_url)
	return saved.file_url
