"""Capaian Kinerja Tahunan: the year's performance chapter (LKjIP Bab III, A. Capaian Kinerja),
compiled from the four quarters' signed and archived Laporan Hasil Monitoring and nothing else,
then signed by the Camat and archived as a quarter's report is (signature.py, archive.py).

Every number comes from the signed reports: each quarter's realisasi and capaian as its report
states them; the annual target from the Perjanjian Kinerja the last quarter ran under; the annual
realisasi and capaian by the indicator's own rule (engine.capaian_tahunan). Nothing typed into a
draft, and no Isian or Blanko, is read.
"""

import frappe
from frappe import _
from frappe.utils import get_fullname

from kinerja_kecamatan.doctypes import (
	INDIKATOR,
	LAPORAN,
	MONITORING,
	PERJANJIAN_KINERJA,
	TINDAK_LANJUT,
)
from kinerja_kecamatan.engine import capaian as engine
from kinerja_kecamatan.engine.predikat import get_skala_predikat
from kinerja_kecamatan.engine.triwulan import TRIWULAN
from kinerja_kecamatan.laporan.archive import archive_signed
from kinerja_kecamatan.laporan.draft import SUMMARY_FIELDS, summarise
from kinerja_kecamatan.laporan.signature import put_signature, seal_pdf, verify
from kinerja_kecamatan.reports.report_data import summarise_rows

# what each quarter gives a row, side by side
QUARTER_FIELDS = tuple((f"capaian_tw{n}", f"ada_data_tw{n}") for n in range(1, len(TRIWULAN) + 1))
REPORT_FIELDS = tuple(f"laporan_tw{n}" for n in range(1, len(TRIWULAN) + 1))
# every field compile_year and the signature fill: the server's alone (access/server_fields.py)
COMPILED_FIELDS = (
	"perjanjian_kinerja",
	*REPORT_FIELDS,
	*SUMMARY_FIELDS,
	"rekap_predikat_unit",
	"rincian",
	"tindak_lanjut",
)
FOLLOW_UP_FIELDS = (
	"name",
	"triwulan",
	"unit_kerja",
	"indikator",
	"uraian",
	"rencana",
	"penanggung_jawab",
	"batas_waktu",
	"status",
	"penjelasan",
)


def joined(items: list[str]) -> str:
	"""'I', 'I dan III', 'I, II dan IV'."""
	return items[0] if len(items) == 1 else _("{0} dan {1}").format(", ".join(items[:-1]), items[-1])


def signed_reports(kecamatan: str, tahun: int) -> list:
	"""The four quarters' signed, archived reports in quarter order. A quarter without one (no
	report, not signed, not archived, or changed since it was signed) is named in the refusal, and
	nothing is compiled."""
	reports, missing = [], []
	for triwulan in TRIWULAN:
		name = frappe.db.get_value(
			LAPORAN,
			{"kecamatan": kecamatan, "tahun": tahun, "triwulan": triwulan, "docstatus": 1},
		)
		laporan = frappe.get_doc(LAPORAN, name) if name else None
		if (
			not laporan
			or not (laporan.nomor_arsip and laporan.file_arsip)
			or not verify(laporan.name, laporan.hash_tanda_tangan).sah
		):
			missing.append(triwulan)
		reports.append(laporan)
	if missing:
		frappe.throw(
			_(
				"Triwulan {0} {1} belum ditandatangani dan diarsipkan. Capaian Kinerja Tahunan disusun hanya"
				" dari Laporan Hasil Monitoring keempat triwulan yang sudah ditandatangani Camat dan"
				" diarsipkan; tidak ada yang disusun."
			).format(joined(missing), tahun),
			title=_("Laporan triwulan belum lengkap"),
		)
	return reports


def compile_year(doc) -> None:
	"""Fill every compiled field of `doc` (a draft Capaian Kinerja Tahunan) from the signed reports."""
	reports = signed_reports(doc.kecamatan, doc.tahun)
	pk = frappe.get_doc(
		PERJANJIAN_KINERJA, frappe.db.get_value(MONITORING, reports[-1].monitoring, "perjanjian_kinerja")
	)
	doc.perjanjian_kinerja = pk.name
	for field, laporan in zip(REPORT_FIELDS, reports, strict=True):
		doc.set(field, laporan.name)
	rows = annual_rows(reports, pk)
	doc.set("rincian", [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows])
	# the reports' one summariser, on each row's unrounded annual capaian
	summarise(doc, rows)
	skala = get_skala_predikat()
	doc.set(
		"rekap_predikat_unit",
		[
			{"unit_kerja": unit, "predikat": label, "jumlah": count}
			for unit in dict.fromkeys(row["unit_kerja"] for row in rows)
			for label, count in summarise_rows(
				[row for row in rows if row["unit_kerja"] == unit], skala, capaian="_nilai_tw"
			).per_predikat.items()
		],
	)
	doc.set("tindak_lanjut", follow_ups(reports))
	if not (doc.analisis or "").strip():
		doc.analisis = default_analysis(doc)


def annual_rows(reports: list, pk) -> list[dict]:
	"""One row per indicator of the signed reports, unit by unit as the latest report orders them:
	the year's target, realisasi, capaian and predikat, and each quarter's capaian and trend."""
	quarters = [{row.indikator: row for row in laporan.rincian} for laporan in reports]
	order = list(dict.fromkeys(row.indikator for laporan in reversed(reports) for row in laporan.rincian))
	latest = {
		indikator: next(q[indikator] for q in reversed(quarters) if indikator in q) for indikator in order
	}
	units = list(dict.fromkeys(latest[indikator].unit_kerja for indikator in order))
	order.sort(key=lambda indikator: units.index(latest[indikator].unit_kerja))
	targets = {row.indikator: row.target_tahunan for row in pk.targets}
	kode = dict(frappe.get_all(INDIKATOR, {"name": ("in", order or [""])}, ["name", "kode"], as_list=True))
	skala = get_skala_predikat()
	rows = []
	for indikator in order:
		own = [q.get(indikator) for q in quarters]
		last = latest[indikator]
		realisasis = [row.realisasi if row else None for row in own]
		realisasi = engine.realisasi_tahunan(last.jenis, realisasis)
		nilai = engine.capaian_tahunan(last.jenis, targets.get(indikator), realisasis)
		per_quarter = [row.capaian_tw if row and row.ada_data else None for row in own]
		rows.append(
			{
				"unit_kerja": last.unit_kerja,
				"indikator": indikator,
				"kode": kode.get(indikator) or indikator,
				"uraian": last.uraian,
				"satuan": last.satuan,
				"jenis": last.jenis,
				"target_tahunan": targets.get(indikator),
				"realisasi_tahunan": None
				if realisasi is None
				else engine.format_angka(realisasi, digits=None),
				"capaian_tahunan": float(engine.bulatkan(nilai, 4) or 0),
				"predikat": engine.predikat(nilai, skala),
				"ada_data": int(nilai is not None),
				"di_bawah_target": int(engine.di_bawah_target(nilai)),
				**{
					field: value
					for (capaian_field, ada_field), capaian in zip(QUARTER_FIELDS, per_quarter, strict=True)
					for field, value in ((capaian_field, capaian or 0), (ada_field, int(capaian is not None)))
				},
				"tren": engine.tren(per_quarter) or "",
				"_nilai_tw": nilai,
			}
		)
	return rows


def follow_ups(reports: list) -> list[dict]:
	"""The follow-ups the year's signed reports planned, with their status as it stands."""
	records = frappe.get_all(
		TINDAK_LANJUT,
		filters={"laporan": ("in", [laporan.name for laporan in reports])},
		fields=list(FOLLOW_UP_FIELDS),
		order_by="triwulan, unit_kerja, name",
	)
	return [
		{
			**{field: record.get(field) for field in FOLLOW_UP_FIELDS if field != "name"},
			"tindak_lanjut": record.name,
			"penanggung_jawab": get_fullname(record.penanggung_jawab) if record.penanggung_jawab else "",
		}
		for record in records
	]


def default_analysis(doc) -> str:
	return _(
		"Rata-rata capaian kinerja Kecamatan {0} Tahun {1} adalah {2} dengan predikat {3}. Dari {4} indikator"
		" kinerja, {5} berada di bawah target dan {6} belum ada data."
	).format(
		doc.kecamatan,
		doc.tahun,
		engine.format_persen(doc.rata_rata_capaian if doc.predikat else None),
		doc.predikat or engine.BELUM_ADA_DATA,
		doc.jumlah_indikator,
		doc.jumlah_di_bawah_target,
		doc.jumlah_belum_ada_data,
	)


def sign_year(doc) -> None:
	"""The Camat signs the year's chapter: compiled afresh from the signed reports, the signature
	block and fingerprint put on, submitted, signed into its PDF (PAdES) and archived with the
	kecamatan's next archive number, in one transaction: any refusal leaves it a draft."""
	compile_year(doc)
	location = put_signature(doc)
	doc.flags.ignore_permissions = True
	doc.flags.server_write = True
	doc.flags.signing = True
	doc.submit()
	seal_pdf(doc, location)
	archive_signed(doc)
