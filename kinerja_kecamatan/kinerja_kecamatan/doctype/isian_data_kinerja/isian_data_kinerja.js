// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.ui.form.on("Isian Data Kinerja", {
	refresh(frm) {
		if (frm.doc.jumlah_indikator) {
			frm.dashboard.add_comment(
				__("{0} dari {1} indikator sudah diisi realisasinya.", [
					frm.doc.jumlah_terisi,
					frm.doc.jumlah_indikator,
				]),
				frm.doc.jumlah_terisi === frm.doc.jumlah_indikator ? "green" : "blue",
				true
			);
		}
	},
});
