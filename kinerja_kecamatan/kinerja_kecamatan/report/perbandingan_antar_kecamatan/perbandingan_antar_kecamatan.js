// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Perbandingan Antar Kecamatan"] = {
	filters: [
		{ fieldname: "kabupaten", label: __("Kabupaten"), fieldtype: "Data" },
		{
			fieldname: "tahun",
			label: __("Tahun"),
			fieldtype: "Int",
			default: (frappe.boot.kinerja_periode || {}).tahun || new Date().getFullYear(),
		},
		{
			fieldname: "triwulan",
			label: __("Triwulan"),
			fieldtype: "Select",
			options: "\nI\nII\nIII\nIV",
			default: (frappe.boot.kinerja_periode || {}).triwulan,
		},
	],
};
