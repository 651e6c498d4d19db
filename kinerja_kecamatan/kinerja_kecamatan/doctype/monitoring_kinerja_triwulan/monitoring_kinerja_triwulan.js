// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.ui.form.on("Monitoring Kinerja Triwulan", {
	setup(frm) {
		frm.set_query("perjanjian_kinerja", () => ({
			filters: { kecamatan: frm.doc.kecamatan, tahun: frm.doc.tahun, docstatus: 1 },
		}));
	},
});
