"""Blanko rows made before they stored the cumulative capaian on the verified value (what reports
and the signed report now read from a signed Blanko), and before a row without a reported value
got the quarter's target: computed once, from the cycle's Perjanjian Kinerja."""

import frappe


def execute():
	for name in frappe.get_all("Blanko Monitoring Kinerja", filters={"docstatus": ("<", 2)}, pluck="name"):
		blanko = frappe.get_doc("Blanko Monitoring Kinerja", name)
		blanko.compute_verified()
		for row in blanko.indikator:
			row.db_set(
				{"capaian_kumulatif": row.capaian_kumulatif, "target_tw": row.target_tw},
				update_modified=False,
			)
