// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

const LAPORAN_API = "kinerja_kecamatan.kinerja_kecamatan.doctype.laporan_hasil_monitoring.laporan_hasil_monitoring";

// A correction of a cancelled signed report: redraft it from the data, then the Camat signs it
// and it is archived with its own number (the server checks who may do each).
frappe.ui.form.on("Laporan Hasil Monitoring", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.docstatus !== 0 || !frm.doc.amended_from) return;
		frm.add_custom_button(__("Susun Ulang dari Data"), () =>
			frappe
				.xcall(`${LAPORAN_API}.susun_draft_laporan`, { monitoring: frm.doc.monitoring })
				.then(() => frm.reload_doc())
		);
		if (frappe.user.has_role("Camat")) {
			frm.add_custom_button(__("Tandatangani Koreksi"), () =>
				frappe.prompt(
					{ fieldname: "passphrase", fieldtype: "Password", label: __("Passphrase"), reqd: 1 },
					({ passphrase }) =>
					frappe
						.xcall(`${LAPORAN_API}.tandatangani_koreksi`, { laporan: frm.doc.name, passphrase })
						.then((r) => {
							frappe.show_alert({
								message: __("Koreksi diarsipkan: {0}", [r.nomor_arsip]),
								indicator: "green",
							});
							frm.reload_doc();
						}),
					__("Tandatangani dan arsipkan koreksi laporan ini secara elektronik"),
					__("Tandatangani")
				)
			);
		}
	},
});
