// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Capaian Kinerja Triwulan"] = {
	// shared with the other reports (public/js/report_filters.js)
	filters: kinerja_kecamatan.report_filters([
		"kecamatan",
		"tahun",
		"triwulan",
		"unit_kerja",
		"predikat",
	]),
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && !data.ada_data && column.fieldname.startsWith("capaian")) {
			return `<span class="text-muted">${__("belum ada data")}</span>`;
		}
		return value;
	},
};
