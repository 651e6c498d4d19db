"""Capaian of an Isian Data Kinerja, computed on the server from the engine and stored.

Stored so that lists, filters and reports can use them; recomputed on every save and whenever
the Perjanjian Kinerja's targets change. Values sent by a client are overwritten.
"""

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import (
	BLANKO,
	INDIKATOR,
	ISIAN,
	ISIAN_INDIKATOR,
	MONITORING,
	PERJANJIAN_KINERJA,
)
from kinerja_kecamatan.engine import capaian as engine
from kinerja_kecamatan.engine.number_fields import stored_number
from kinerja_kecamatan.engine.predikat import get_skala_predikat
from kinerja_kecamatan.engine.triwulan import TRIWULAN, quarter_number, quarterly_targets

COMPUTED_ROW_FIELDS = (
	"target_tw",
	"target_tahunan",
	"capaian_tw",
	"capaian_kumulatif",
	"capaian_tahunan",
	"predikat",
	"ada_data",
	"di_bawah_target",
	"keterangan_capaian",
)
COMPUTED_FIELDS = ("rata_rata_capaian", "predikat", "jumlah_indikator", "jumlah_terisi")


def earlier_realisasi(isian) -> dict[tuple[str, int], str]:
	"""{(indikator, quarter): realisasi} from the same unit's Isian of earlier quarters this year.

	`isian` may be any record with unit_kerja, tahun and triwulan (an Isian or a Blanko)."""
	quarter = quarter_number(isian.triwulan)
	if quarter == 1:
		return {}
	Isian = frappe.qb.DocType(ISIAN)
	Row = frappe.qb.DocType(ISIAN_INDIKATOR)
	rows = (
		frappe.qb.from_(Isian)
		.join(Row)
		.on((Row.parent == Isian.name) & (Row.parenttype == ISIAN))
		.select(Isian.triwulan, Row.indikator, Row.realisasi_tw)
		.where(
			(Isian.unit_kerja == isian.unit_kerja)
			& (Isian.tahun == isian.tahun)
			& Isian.triwulan.isin(TRIWULAN[: quarter - 1])
			& (Isian.docstatus < 2)
			& (Isian.name != (isian.name or ""))
		)
		.orderby(Isian.modified)
		.run(as_dict=True)
	)
	return {(r.indikator, quarter_number(r.triwulan)): r.realisasi_tw for r in rows}


def perjanjian_kinerja_of(monitoring: str):
	return frappe.get_cached_doc(
		PERJANJIAN_KINERJA,
		frappe.db.get_value(MONITORING, monitoring, "perjanjian_kinerja"),
	)


def capaian_of(pk, pk_row, quarter: int, realisasi, earlier: dict, skala) -> frappe._dict:
	"""Every capaian of one indicator in `quarter` for `realisasi`, with the earlier quarters'
	realisasi of the same unit: what an Isian row, a Blanko row and the report all show."""
	jenis = pk_row.jenis or frappe.db.get_value(INDIKATOR, pk_row.indikator, "jenis")
	targets = quarterly_targets(pk_row, pk.target_triwulan_kumulatif)[:quarter]
	realisasi = stored_number(realisasi)
	realisasis = [stored_number(earlier.get((pk_row.indikator, q))) for q in range(1, quarter)] + [realisasi]
	nilai_tw = engine.capaian(jenis, targets[-1], realisasi)
	nilai_kumulatif = engine.capaian_kumulatif(jenis, targets, realisasis)
	nilai_tahunan = engine.capaian_tahunan(jenis, stored_number(pk_row.target_tahunan), realisasis)
	# Frappe's Percent fields can't hold "no value"; keterangan and an empty predikat say so
	return frappe._dict(
		target_tw=engine.format_angka(targets[-1], digits=None) if targets[-1] is not None else None,
		target_tahunan=pk_row.target_tahunan,
		nilai_tw=nilai_tw,
		capaian_tw=float(engine.bulatkan(nilai_tw, 4) or 0),
		capaian_kumulatif=float(engine.bulatkan(nilai_kumulatif, 4) or 0),
		capaian_tahunan=float(engine.bulatkan(nilai_tahunan, 4) or 0),
		predikat=engine.predikat(nilai_tw, skala),
		# stored, not inferred later from a predikat or a rounded number
		ada_data=int(nilai_tw is not None),
		di_bawah_target=int(engine.di_bawah_target(nilai_tw)),
		keterangan_capaian=engine.alasan_tanpa_capaian(jenis, targets[-1], realisasi),
	)


def compute_isian(isian, perjanjian_kinerja=None) -> list[str]:
	"""Fill every computed field of `isian` in place; return problems (indicators not in the PK)."""
	pk = perjanjian_kinerja or perjanjian_kinerja_of(isian.monitoring)
	pk_rows = {row.indikator: row for row in pk.targets}
	quarter = quarter_number(isian.triwulan)
	earlier = earlier_realisasi(isian)
	skala = get_skala_predikat()
	problems = []

	for row in isian.indikator:
		pk_row = pk_rows.get(row.indikator)
		if not pk_row:
			problems.append(
				_("Baris {0}: indikator {1} tidak ada dalam {2}.").format(row.idx, row.indikator, pk.name)
			)
			continue
		values = capaian_of(pk, pk_row, quarter, row.realisasi_tw, earlier, skala)
		row.update({field: values[field] for field in COMPUTED_ROW_FIELDS})
		row._capaian_tw = values.nilai_tw  # unrounded, for the summary and the analysis check

	summary = engine.ringkas([getattr(row, "_capaian_tw", None) for row in isian.indikator], skala)
	isian.rata_rata_capaian = float(engine.bulatkan(summary.rata_rata, 4) or 0)
	isian.predikat = summary.predikat
	isian.jumlah_indikator = summary.jumlah
	isian.jumlah_terisi = sum(1 for row in isian.indikator if row.realisasi_tw not in (None, ""))
	return problems


def recompute_monitorings_of(pk) -> None:
	"""After a Perjanjian Kinerja is submitted (or amended): point its year's monitorings at it and
	recompute every Isian under them, submitted ones included, then every Blanko (the reports and
	the signed report read a signed Blanko's numbers)."""
	chain = {pk.name}
	previous = pk.amended_from
	while previous:
		chain.add(previous)
		previous = frappe.db.get_value(PERJANJIAN_KINERJA, previous, "amended_from")

	monitorings = frappe.get_all(
		MONITORING,
		filters={"perjanjian_kinerja": ("in", list(chain)), "docstatus": ("<", 2)},
		pluck="name",
	)
	for monitoring in monitorings:
		frappe.db.set_value(MONITORING, monitoring, "perjanjian_kinerja", pk.name)
		for name in frappe.get_all(
			ISIAN, filters={"monitoring": monitoring, "docstatus": ("<", 2)}, pluck="name"
		):
			isian = frappe.get_doc(ISIAN, name)
			compute_isian(isian, perjanjian_kinerja=pk)
			for row in isian.indikator:
				row.db_update()
			isian.db_update()
			isian.add_comment("Info", _("Capaian dihitung ulang dari target {0}.").format(pk.name))
		for name in frappe.get_all(
			BLANKO,
			filters={"monitoring": monitoring, "docstatus": ("<", 2)},
			pluck="name",
		):
			blanko = frappe.get_doc(BLANKO, name)
			blanko.copy_reported()
			blanko.compute_verified()
			for row in blanko.indikator:
				row.db_update()
			blanko.add_comment("Info", _("Capaian dihitung ulang dari target {0}.").format(pk.name))
