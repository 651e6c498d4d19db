"""The draft Laporan Hasil Monitoring: drafted from the quarter's data in one action.

The numbers are the rows the reports and cards read (report_data.cycle_rows): the Isian's, with
the Blanko's where the monitoring team signed it, a verified value beating the reported one.
"""

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import BLANKO, INDIKATOR, KECAMATAN, LAPORAN, PEJABAT, PERJANJIAN_KINERJA
from kinerja_kecamatan.engine import capaian as engine
from kinerja_kecamatan.engine.predikat import get_skala_predikat
from kinerja_kecamatan.engine.units import active_units
from kinerja_kecamatan.laporan.signer import signer_of
from kinerja_kecamatan.reports import report_data
from kinerja_kecamatan.tindak_lanjut import records as tindak_lanjut
from kinerja_kecamatan.validation import missing_mandatory

# what summarise fills on a report
SUMMARY_FIELDS = (
	"rata_rata_capaian",
	"predikat",
	"jumlah_indikator",
	"jumlah_di_bawah_target",
	"jumlah_belum_ada_data",
	"rekap_predikat",
	"capaian_unit",
)
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


def laporan_of(monitoring: str) -> str | None:
	return frappe.db.get_value(LAPORAN, {"monitoring": monitoring, "docstatus": ("<", 2)})


def draft_laporan(monitoring):
	"""Create the draft, or refresh its numbers keeping the narrative someone already edited."""
	name = laporan_of(monitoring.name)
	laporan = (
		frappe.get_doc(LAPORAN, name)
		if name
		else frappe.new_doc(LAPORAN).update({"monitoring": monitoring.name})
	)
	if laporan.docstatus:
		frappe.throw(
			_("Laporan {0} sudah ditandatangani dan tidak dapat disusun ulang.").format(laporan.name)
		)
	rows, temuan, rekomendasi = collect_rows(monitoring)
	laporan.set("rincian", rows)
	summarise(laporan, rows)
	tindak_lanjut.set_report_section(laporan, monitoring)
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
	pk = frappe.get_cached_doc(PERJANJIAN_KINERJA, monitoring.perjanjian_kinerja)
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
			INDIKATOR,
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
			BLANKO,
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
	laporan = frappe.get_doc(LAPORAN, name)
	missing = []
	if not laporan.rincian:
		missing.append(_("Laporan belum memuat rincian capaian indikator."))
	for field in ("temuan", "rekomendasi", "kesimpulan"):
		if not (laporan.get(field) or "").strip():
			missing.append(_("Bagian {0} laporan masih kosong.").format(_(laporan.meta.get_label(field))))
	missing += [m for m in missing_mandatory(laporan) if m not in missing]
	camat = frappe.db.get_value(KECAMATAN, monitoring.kecamatan, "camat")
	if not camat:
		missing.append(
			_("Kecamatan {0} belum menetapkan Camat (Pejabat) penandatangan.").format(monitoring.kecamatan)
		)
	elif not signer_of(monitoring.kecamatan):
		missing.append(
			_(
				"Laporan Kecamatan {0} hanya dapat ditandatangani oleh Camat-nya ({1}) dengan akunnya sendiri."
			).format(monitoring.kecamatan, frappe.db.get_value(PEJABAT, camat, "nama") or camat)
		)
	return missing
