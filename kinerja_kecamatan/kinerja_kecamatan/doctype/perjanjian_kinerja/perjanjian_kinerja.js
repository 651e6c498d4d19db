// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.ui.form.on("Perjanjian Kinerja", {
	setup(frm) {
		frm.set_query("indikator", "targets", () => ({
			filters: { kecamatan: frm.doc.kecamatan, aktif: 1 },
		}));
		for (const field of ["pihak_pertama", "pihak_kedua"]) {
			frm.set_query(field, () => ({ filters: { aktif: 1 } }));
		}
	},
});
