// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

const TAHUNAN_API = "kinerja_kecamatan.kinerja_kecamatan.doctype.capaian_kinerja_tahunan.capaian_kinerja_tahunan";

// Compiled from the four signed quarters by the Kasubbag PK, signed by the Camat, exported for
// e-SAKIP; the server checks who may do each.
frappe.ui.form.on("Capaian Kinerja Tahunan", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Unduh Excel e-SAKIP"), () =>
			window.open(`/api/method/${TAHUNAN_API}.unduh_excel?name=${encodeURIComponent(frm.doc.name)}`)
		);
		if (frm.doc.docstatus !== 0) return;
		if (frappe.user.has_role("Kasubbag Perencanaan dan Keuangan")) {
			frm.add_custom_button(__("Susun Ulang dari Laporan Triwulan"), () =>
				frappe
					.xcall(`${TAHUNAN_API}.susun_capaian_tahunan`, { kecamatan: frm.doc.kecamatan, tahun: frm.doc.tahun })
					.then(() => frm.reload_doc())
			);
		}
		if (frappe.user.has_role("Camat")) {
			frm.add_custom_button(__("Tandatangani"), () =>
				frappe.prompt(
					{ fieldname: "passphrase", fieldtype: "Password", label: __("Passphrase"), reqd: 1 },
					({ passphrase }) =>
						frappe.xcall(`${TAHUNAN_API}.tandatangani`, { name: frm.doc.name, passphrase }).then((r) => {
							frappe.show_alert({ message: __("Diarsipkan: {0}", [r.nomor_arsip]), indicator: "green" });
							frm.reload_doc();
						}),
					__("Tandatangani dan arsipkan Capaian Kinerja Tahunan secara elektronik"),
					__("Tandatangani")
				)
			);
		}
	},
});
