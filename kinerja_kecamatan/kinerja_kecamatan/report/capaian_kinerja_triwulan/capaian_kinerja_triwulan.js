// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Capaian Kinerja Triwulan"] = {
	filters: [
		{
			fieldname: "kecamatan",
			label: __("Kecamatan"),
			fieldtype: "Link",
			options: "Kecamatan",
		},
		{
			fieldname: "tahun",
			label: __("Tahun"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
		},
		{
			fieldname: "triwulan",
			label: __("Triwulan"),
			fieldtype: "Select",
			options: "\nI\nII\nIII\nIV",
		},
		{
			fieldname: "unit_kerja",
			label: __("Unit Kerja"),
			fieldtype: "Link",
			options: "Unit Kerja",
		},
		{
			fieldname: "predikat",
			label: __("Predikat"),
			fieldtype: "Select",
			options: "\nSangat Tinggi\nTinggi\nSedang\nRendah\nSangat Rendah",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && !data.predikat && column.fieldname.startsWith("capaian")) {
			return `<span class="text-muted">${__("belum ada data")}</span>`;
		}
		return value;
	},
};
