// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Kepatuhan Mutu Baku SOP"] = {
	// shared with the other reports (public/js/report_filters.js); every triwulan of the year
	// unless one is chosen
	filters: kinerja_kecamatan.report_filters(["kecamatan", "tahun", "triwulan"], {
		triwulan: { default: undefined },
	}),
};
