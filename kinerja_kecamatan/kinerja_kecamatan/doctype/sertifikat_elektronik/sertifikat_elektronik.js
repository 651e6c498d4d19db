// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

const SERTIFIKAT_API =
	"kinerja_kecamatan.kinerja_kecamatan.doctype.sertifikat_elektronik.sertifikat_elektronik";

frappe.ui.form.on("Sertifikat Elektronik", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status === "Dicabut" || !frm.perm[0].write) return;
		frm.add_custom_button(__("Cabut Sertifikat"), () =>
			frappe.prompt(
				{ fieldname: "alasan", fieldtype: "Small Text", label: __("Alasan Pencabutan"), reqd: 1 },
				({ alasan }) =>
					frappe
						.xcall(`${SERTIFIKAT_API}.cabut_sertifikat`, { sertifikat: frm.doc.name, alasan })
						.then(() => frm.reload_doc()),
				__("Cabut Sertifikat"),
				__("Cabut")
			)
		);
	},
});
