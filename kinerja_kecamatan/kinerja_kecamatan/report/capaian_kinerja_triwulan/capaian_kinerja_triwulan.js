// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Capaian Kinerja Triwulan"] = {
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
		{
			fieldname: "predikat",
			label: __("Predikat"),
			fieldtype: "Select",
			// the settings' scale, highest first (boot: kinerja_predikat)
			options: ["", ...(frappe.boot.kinerja_predikat || [])].join("\n"),
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && !data.ada_data && column.fieldname.startsWith("capaian")) {
			return `<span class="text-muted">${__("belum ada data")}</span>`;
		}
		return value;
	},
};
