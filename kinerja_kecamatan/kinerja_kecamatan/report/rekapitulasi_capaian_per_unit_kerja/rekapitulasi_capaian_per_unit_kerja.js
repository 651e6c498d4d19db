// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Rekapitulasi Capaian per Unit Kerja"] = {
	// shared with the other reports (public/js/report_filters.js)
	filters: kinerja_kecamatan.report_filters(["kecamatan", "tahun", "triwulan", "unit_kerja"]),
};
