// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Perbandingan Antar Kecamatan"] = {
	// shared with the other reports (public/js/report_filters.js)
	filters: kinerja_kecamatan.report_filters(["kabupaten", "tahun", "triwulan"]),
};
