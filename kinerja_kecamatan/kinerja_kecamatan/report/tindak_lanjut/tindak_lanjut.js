// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Tindak Lanjut"] = {
	// the period is the quarter whose report planned the follow-ups; every quarter by default
	filters: [
		...kinerja_kecamatan.report_filters(["kecamatan", "tahun", "triwulan", "unit_kerja"], {
			triwulan: { default: undefined },
		}),
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: "\nDirencanakan\nDilaksanakan\nSebagian\nTidak Dilaksanakan",
		},
		{ fieldname: "terlambat", label: __("Hanya yang Terlambat"), fieldtype: "Check" },
	],
};
