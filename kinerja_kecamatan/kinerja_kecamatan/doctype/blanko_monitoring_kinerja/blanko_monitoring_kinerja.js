// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.ui.form.on("Blanko Monitoring Kinerja", {
	refresh(frm) {
		// what the unit reported of its follow-ups comes from its Isian: the team verifies each
		// row, and adds or deletes none
		frm.set_df_property("tindak_lanjut_lalu", "cannot_add_rows", 1);
		frm.set_df_property("tindak_lanjut_lalu", "cannot_delete_rows", 1);
	},
});
