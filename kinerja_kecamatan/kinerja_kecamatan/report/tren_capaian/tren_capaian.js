// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Tren Capaian"] = {
	filters: [
		{
			fieldname: "kecamatan",
			label: __("Kecamatan"),
			fieldtype: "Link",
			options: "Kecamatan",
			default: (frappe.boot.kinerja_periode || {}).kecamatan,
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
		{
			fieldname: "tahun_dari",
			label: __("Dari Tahun"),
			fieldtype: "Int",
			default: new Date().getFullYear() - 2,
		},
		{
			fieldname: "tahun_sampai",
			label: __("Sampai Tahun"),
			fieldtype: "Int",
			default: (frappe.boot.kinerja_periode || {}).tahun || new Date().getFullYear(),
		},
	],
};
