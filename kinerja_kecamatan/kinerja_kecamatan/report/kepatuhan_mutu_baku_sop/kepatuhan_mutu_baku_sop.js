// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Kepatuhan Mutu Baku SOP"] = {
	filters: [
		{
			fieldname: "kecamatan",
			label: __("Kecamatan"),
			fieldtype: "Link",
			options: "Kecamatan",
			default: (frappe.boot.kinerja_periode || {}).kecamatan,
		},
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
		},
	],
};
