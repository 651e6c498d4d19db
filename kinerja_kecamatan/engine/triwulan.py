"""Quarters of a year and the Perjanjian Kinerja targets that belong to them."""

from decimal import Decimal

from kinerja_kecamatan.engine.capaian import JENIS_POSITIF
from kinerja_kecamatan.engine.number_fields import stored_number

TRIWULAN = ("I", "II", "III", "IV")
TARGET_FIELDS = ("target_tw1", "target_tw2", "target_tw3", "target_tw4")


def quarter_number(triwulan: str) -> int:
	"""'III' → 3."""
	return TRIWULAN.index(triwulan) + 1


def quarterly_targets(target_row, kumulatif: bool) -> list[Decimal | None]:
	"""Each quarter's own target, as the capaian engine wants it.

	A cumulative Positif target (TW I 10, TW II 25, …) means 15 for TW II alone; a level
	(Nilai Akhir, Negatif) is the same whether written cumulatively or not.
	"""
	targets = [stored_number(target_row.get(f)) for f in TARGET_FIELDS]
	if not kumulatif or target_row.get("jenis") != JENIS_POSITIF:
		return targets
	per_quarter, previous = [], Decimal(0)
	for target in targets:
		if target is None:
			per_quarter.append(None)
			continue
		per_quarter.append(target - previous)
		previous = target
	return per_quarter
