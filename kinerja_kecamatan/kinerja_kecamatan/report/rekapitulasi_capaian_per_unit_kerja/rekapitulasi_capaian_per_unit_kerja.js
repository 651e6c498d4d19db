// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Rekapitulasi Capaian per Unit Kerja"] = {
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
			default: (frappe.boot.kinerja_periode || {}).triwulan,
		},
		{
			fieldname: "unit_kerja",
			label: __("Unit Kerja"),
			fieldtype: "Link",
			options: "Unit Kerja",
			// only the units of the chosen kecamatan
			get_query: () => ({
				filters: { kecamatan: frappe.query_report.get_filter_value("kecamatan") || undefined },
			}),
		},
	],
};
