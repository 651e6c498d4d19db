// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.query_reports["Tindak Lanjut"] = {
	// the period is the quarter whose report planned the follow-ups: every year and quarter by
	// default, so that last year's open ones show in January too
	filters: [
		...kinerja_kecamatan.report_filters(["kecamatan", "tahun", "triwulan", "unit_kerja"], {
			tahun: { default: undefined },
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
