"""Managers' reports at kabupaten scale, timed against Frappe's own Report View.

Seeds (once) 8 kecamatan × 10 units × 50 indicators × 4 quarters × 3 years straight into the
tables, then times each script report beside a Report View listing of the same Isian rows
(frappe.desk.reportview.get), in the same run, and prints the ratios.

With --smoke, a kabupaten of 2 kecamatan × 2 units × 5 indicators × 4 quarters of one year, and
one run of each: it shows the benchmark runs, its ratios mean nothing.

Run: ./scripts/benchmark.sh reports   (or, in a bench's sites folder:
     ../env/bin/python <checkout>/benchmarks/reports.py <site> [--smoke])
"""

import statistics
import sys
import time

import frappe
from frappe.utils import now_datetime

KECAMATAN, UNITS, INDICATORS, YEARS = 8, 10, 50, (2022, 2023, 2024)
TRIWULAN = ("I", "II", "III", "IV")
PREFIX, KABUPATEN = "BM", "Balangan"
REPEAT = 9


def use_smoke_sizes():
	"""--smoke: a tiny kabupaten (its own prefix, so a full run's seed is not taken for it)."""
	global KECAMATAN, UNITS, INDICATORS, YEARS, PREFIX, KABUPATEN, REPEAT
	KECAMATAN, UNITS, INDICATORS, YEARS, REPEAT = 2, 2, 5, (2024,), 1
	PREFIX, KABUPATEN = "BS", "Kabupaten Uji BS"


def seed(
	prefix=None,
	n_kecamatan=None,
	n_units=None,
	n_indicators=None,
	years=None,
	kabupaten=None,
):
	"""A kabupaten of archived quarters, straight into the tables (once per prefix); the sizes
	default to this module's."""
	from kinerja_kecamatan.engine import capaian as engine

	prefix = prefix or PREFIX
	n_kecamatan, n_units = n_kecamatan or KECAMATAN, n_units or UNITS
	n_indicators, years = n_indicators or INDICATORS, years or YEARS
	kabupaten = kabupaten or KABUPATEN

	if frappe.db.exists("Kecamatan", f"{prefix} Kecamatan 1"):
		return
	now = now_datetime()
	common = {"creation": now, "modified": now, "owner": "Administrator", "modified_by": "Administrator"}
	seed_cycles(common, prefix, n_kecamatan, years)
	frappe.db.bulk_insert(
		"Kecamatan",
		["name", "nama_kecamatan", "kabupaten", "alamat", *common],
		[
			(f"{prefix} Kecamatan {k}", f"{prefix} Kecamatan {k}", kabupaten, "-", *common.values())
			for k in range(1, n_kecamatan + 1)
		],
	)
	units, isian, rows = [], [], []
	for k in range(1, n_kecamatan + 1):
		kecamatan = f"{prefix} Kecamatan {k}"
		for u in range(1, n_units + 1):
			unit = f"{prefix} Seksi {u} - {kecamatan}"
			units.append((unit, f"{prefix} Seksi {u}", kecamatan, "Seksi", 1, *common.values()))
			for year in years:
				for tw in TRIWULAN:
					parent = f"{prefix}-{k}-{u}-{year}-{tw}"
					values = []
					for i in range(1, n_indicators + 1):
						realisasi = None if i % 17 == 0 else (i * 7 + u * 3 + k) % 120
						nilai = engine.capaian("Positif", 100, realisasi)
						values.append(nilai)
						rows.append(
							(
								f"{parent}-{i}",
								parent,
								"Isian Data Kinerja",
								"indikator",
								i,
								1,
								f"{prefix}-IND-{i}",
								f"Indikator {i}",
								"%",
								"Positif",
								"100",
								"400",
								None if realisasi is None else str(realisasi),
								float(nilai or 0),
								float(nilai or 0),
								float(nilai or 0) / 4,
								engine.predikat(nilai),
								None if nilai is not None else engine.BELUM_ADA_DATA,
								*common.values(),
							)
						)
					average = engine.rata_rata(values)
					isian.append(
						(
							parent,
							f"{prefix}-MON-{k}-{year}-{tw}",
							unit,
							kecamatan,
							year,
							tw,
							1,
							float(average or 0),
							engine.predikat(average),
							n_indicators,
							n_indicators,
							parent,
							*common.values(),
						)
					)
	frappe.db.bulk_insert(
		"Unit Kerja", ["name", "nama_unit", "kecamatan", "jenis_unit", "aktif", *common], units
	)
	frappe.db.bulk_insert(
		"Isian Data Kinerja",
		[
			"name",
			"monitoring",
			"unit_kerja",
			"kecamatan",
			"tahun",
			"triwulan",
			"docstatus",
			"rata_rata_capaian",
			"predikat",
			"jumlah_indikator",
			"jumlah_terisi",
			"title",
			*common,
		],
		isian,
	)
	frappe.db.bulk_insert(
		"Isian Data Kinerja Indikator",
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"docstatus",
			"indikator",
			"uraian",
			"satuan",
			"jenis",
			"target_tw",
			"target_tahunan",
			"realisasi_tw",
			"capaian_tw",
			"capaian_kumulatif",
			"capaian_tahunan",
			"predikat",
			"keterangan_capaian",
			*common,
		],
		rows,
		chunk_size=5000,
	)
	frappe.db.commit()


def seed_cycles(common, prefix, n_kecamatan, years):
	"""Archived monitorings with a step log each, for the SOP compliance report."""
	from kinerja_kecamatan.workflow.sop import STEPS

	monitorings, logs = [], []
	for k in range(1, n_kecamatan + 1):
		for year in years:
			for tw in TRIWULAN:
				name = f"{prefix}-MON-{k}-{year}-{tw}"
				monitorings.append((name, f"{prefix} Kecamatan {k}", year, tw, 1, 13, name, *common.values()))
				for step in STEPS:
					standard = step.minutes or 2 * 510  # "2 Hari" on Monday–Thursday
					duration = (standard * (k + step.number)) // 8
					logs.append(
						(
							f"{name}-{step.number}",
							name,
							"Monitoring Kinerja Triwulan",
							"log_langkah",
							step.number,
							1,
							step.number,
							step.action,
							"Administrator",
							duration,
							standard,
							"Tepat Waktu" if duration <= standard else "Terlambat",
							*common.values(),
						)
					)
	frappe.db.bulk_insert(
		"Monitoring Kinerja Triwulan",
		["name", "kecamatan", "tahun", "triwulan", "docstatus", "langkah", "title", *common],
		monitorings,
	)
	frappe.db.bulk_insert(
		"Log Langkah Monitoring",
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"docstatus",
			"langkah",
			"aksi",
			"pengguna",
			"durasi_menit",
			"mutu_baku_menit",
			"status_waktu",
			*common,
		],
		logs,
	)


def timed(fn, repeat=None):
	samples = []
	for _ in range(repeat or REPEAT):
		start = time.perf_counter()
		fn()
		samples.append(time.perf_counter() - start)
	return statistics.median(samples)


ISIAN_FIELDS = [
	"`tabIsian Data Kinerja`.`name`",
	"`tabIsian Data Kinerja`.`unit_kerja`",
	"`tabIsian Data Kinerja Indikator`.`indikator`",
	"`tabIsian Data Kinerja Indikator`.`capaian_tw`",
	"`tabIsian Data Kinerja Indikator`.`predikat`",
]
# the Capaian report shows each row's own columns: its anchor lists the same columns
CAPAIAN_FIELDS = [
	"`tabIsian Data Kinerja`.`name`",
	"`tabIsian Data Kinerja`.`unit_kerja`",
	*(
		f"`tabIsian Data Kinerja Indikator`.`{field}`"
		for field in (
			"indikator",
			"uraian",
			"jenis",
			"satuan",
			"target_tw",
			"realisasi_tw",
			"capaian_tw",
			"capaian_kumulatif",
			"capaian_tahunan",
			"predikat",
			"keterangan_capaian",
		)
	),
]
LOG_FIELDS = [
	"`tabMonitoring Kinerja Triwulan`.`name`",
	*(
		f"`tabLog Langkah Monitoring`.`{field}`"
		for field in ("langkah", "durasi_menit", "mutu_baku_menit", "status_waktu", "catatan", "aksi")
	),
]


def report_view(filters, doctype="Isian Data Kinerja", fields=ISIAN_FIELDS):
	"""Frappe's Report View listing the same rows the report reads, with the columns it shows."""
	from frappe.desk.reportview import get

	frappe.local.form_dict = frappe._dict(
		doctype=doctype,
		fields=fields,
		filters=[[doctype, k, "=", v] for k, v in filters.items()],
		page_length=0,
		view="Report",
	)
	return get()


def main(site, smoke=False):
	if smoke:
		use_smoke_sizes()
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	print(f"seeding {KECAMATAN}×{UNITS}×{INDICATORS}×4×{len(YEARS)} rows (once)…", flush=True)
	seed()
	from kinerja_kecamatan.kinerja_kecamatan.report.capaian_kinerja_triwulan import capaian_kinerja_triwulan
	from kinerja_kecamatan.kinerja_kecamatan.report.kepatuhan_mutu_baku_sop import kepatuhan_mutu_baku_sop
	from kinerja_kecamatan.kinerja_kecamatan.report.perbandingan_antar_kecamatan import (
		perbandingan_antar_kecamatan,
	)
	from kinerja_kecamatan.kinerja_kecamatan.report.rekapitulasi_capaian_per_unit_kerja import (
		rekapitulasi_capaian_per_unit_kerja,
	)
	from kinerja_kecamatan.kinerja_kecamatan.report.tren_capaian import tren_capaian

	kecamatan = f"{PREFIX} Kecamatan 1"
	cases = [
		(
			"Capaian Kinerja Triwulan",
			capaian_kinerja_triwulan.execute,
			{"kecamatan": kecamatan, "tahun": 2024, "triwulan": "IV"},
			CAPAIAN_FIELDS,
		),
		(
			"Rekapitulasi Capaian per Unit Kerja",
			rekapitulasi_capaian_per_unit_kerja.execute,
			{"kecamatan": kecamatan, "tahun": 2024, "triwulan": "IV"},
			ISIAN_FIELDS,
		),
		("Tren Capaian", tren_capaian.execute, {"kecamatan": kecamatan}, ISIAN_FIELDS),
		(
			"Perbandingan Antar Kecamatan",
			perbandingan_antar_kecamatan.execute,
			{"kabupaten": KABUPATEN, "tahun": 2024, "triwulan": "IV"},
			ISIAN_FIELDS,
		),
	]
	print(f"{'report':<40} {'report s':>9} {'Report View s':>14} {'ratio':>7}")
	for name, execute, filters, fields in cases:
		view_filters = {k: v for k, v in filters.items() if k != "kabupaten"}
		baseline = timed(lambda f=view_filters, c=fields: report_view(f, fields=c))
		measured = timed(lambda e=execute, f=filters: e(dict(f)))
		print(f"{name:<40} {measured:>9.3f} {baseline:>14.3f} {measured / baseline:>7.2f}")
	name, filters = "Kepatuhan Mutu Baku SOP", {"kecamatan": kecamatan}
	baseline = timed(lambda: report_view(filters, "Monitoring Kinerja Triwulan", LOG_FIELDS))
	measured = timed(lambda: kepatuhan_mutu_baku_sop.execute(dict(filters)))
	print(f"{name:<40} {measured:>9.3f} {baseline:>14.3f} {measured / baseline:>7.2f}")
	frappe.destroy()


if __name__ == "__main__":
	args = [a for a in sys.argv[1:] if not a.startswith("--")]
	main(args[0] if args else "bench.localhost", smoke="--smoke" in sys.argv)
