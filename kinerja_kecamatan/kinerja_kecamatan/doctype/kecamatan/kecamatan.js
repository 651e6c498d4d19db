// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

frappe.ui.form.on("Kecamatan", {
	refresh(frm) {
		// the kabupaten's administrator gives a new kecamatan its own SOP, from the procedure
		const admin = frappe.user.has_role("Administrator Kinerja Kabupaten") || frappe.user.has_role("System Manager");
		if (frm.is_new() || frm.doc.sop || !admin) return;
		frm.add_custom_button(__("Buat SOP dari prosedur kabupaten"), () => {
			frappe.prompt(
				{
					fieldname: "nomor_sop",
					fieldtype: "Data",
					label: __("Nomor SOP"),
					reqd: 1,
					description: __("Nomor SOP kecamatan ini, misalnya 067/001/KEC.PRG/BLG/2025"),
				},
				({ nomor_sop }) =>
					frappe.call({
						method: "kinerja_kecamatan.kinerja_kecamatan.doctype.kecamatan.kecamatan.buat_sop_dari_prosedur",
						args: { kecamatan: frm.doc.name, nomor_sop },
						freeze: true,
						callback: ({ message }) => {
							frm.reload_doc();
							frappe.show_alert({ message: __("SOP {0} dibuat dan berlaku", [message]), indicator: "green" });
						},
					}),
				__("Buat SOP dari prosedur kabupaten"),
				__("Buat")
			);
		});
	},
});
