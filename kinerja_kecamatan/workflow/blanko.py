"""The monitoring step (behaviour "monitoring"): one Blanko Monitoring Kinerja per unit, prefilled from that unit's Isian."""

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import BLANKO, ISIAN
from kinerja_kecamatan.engine.units import active_units, unit_indicators, units_with_isian


def prepare_blanko(monitoring) -> list[str]:
	"""Create the Blanko of every active unit that has none yet; return their names."""
	existing = set(
		frappe.get_all(
			BLANKO,
			filters={"monitoring": monitoring.name, "docstatus": ("<", 2)},
			pluck="unit_kerja",
		)
	)
	isian = units_with_isian(monitoring)
	indicators = unit_indicators(monitoring)
	created = []
	units = active_units(monitoring)
	for count, unit in enumerate(units, start=1):
		frappe.publish_progress(
			count * 100 / len(units), title=_("Menyiapkan Blanko Monitoring"), description=unit.nama_unit
		)
		if unit.name in existing:
			continue
		source = frappe.get_doc(ISIAN, isian[unit.name].name) if unit.name in isian else None
		rows = (
			[
				{
					"indikator": row.indikator,
					"target_tw": row.target_tw,
					"realisasi_dilaporkan": row.realisasi_tw,
					"capaian_dilaporkan": row.capaian_tw,
				}
				for row in source.indikator
			]
			if source
			else [{"indikator": indikator} for indikator in indicators.get(unit.name, [])]
		)
		blanko = frappe.get_doc(
			{
				"doctype": BLANKO,
				"monitoring": monitoring.name,
				"unit_kerja": unit.name,
				"isian": source.name if source else None,
				"indikator": rows,
			}
		)
		# fields an administrator made mandatory are the team's to fill before it is signed
		blanko.flags.ignore_mandatory = True
		blanko.insert(ignore_permissions=True)
		created.append(blanko.name)
	return created
