"""The predikat scale in force: Pengaturan Kinerja's, or Permendagri 86/2017's while it has none."""

import frappe

from kinerja_kecamatan.doctypes import PENGATURAN
from kinerja_kecamatan.engine.capaian import DEFAULT_SKALA_PREDIKAT


def get_skala_predikat() -> list[tuple]:
	"""(lower bound, predikat) of each level, as the capaian engine takes it."""
	return frappe.get_cached_doc(PENGATURAN).skala() or list(DEFAULT_SKALA_PREDIKAT)


def predikat_labels() -> list[str]:
	"""The scale's predikat, highest first: what reports, charts and cards count by."""
	return [label for _bound, label in sorted(get_skala_predikat(), key=lambda pair: -float(pair[0]))]
