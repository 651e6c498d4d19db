// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.ui.form.on("Indikator Kinerja", {
	setup(frm) {
		// only units of the chosen kecamatan
		frm.set_query("unit_kerja", () => ({ filters: { kecamatan: frm.doc.kecamatan } }));
	},
});
