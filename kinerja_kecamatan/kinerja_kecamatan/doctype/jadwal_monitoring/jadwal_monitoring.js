// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.ui.form.on("Jadwal Monitoring", {
	setup(frm) {
		frm.set_query("unit_kerja", "jadwal", () => ({
			filters: { kecamatan: frm.doc.kecamatan, aktif: 1 },
		}));
	},
});
