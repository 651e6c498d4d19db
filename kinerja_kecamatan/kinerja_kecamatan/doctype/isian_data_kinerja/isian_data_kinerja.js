// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

const EXCEL_API = "kinerja_kecamatan.isian_excel";

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
		if (frm.is_new()) return;
		frm.add_custom_button(
			__("Unduh Format Excel"),
			() => {
				window.open(
					`/api/method/${EXCEL_API}.download_isian?name=${encodeURIComponent(
						frm.doc.name
					)}`
				);
			},
			__("Excel")
		);
		if (frm.doc.docstatus === 0 && frm.perm[0].write) {
			frm.add_custom_button(
				__("Unggah Format Terisi"),
				() => upload_excel(frm),
				__("Excel")
			);
		}
	},
});

function upload_excel(frm) {
	new frappe.ui.FileUploader({
		doctype: frm.doctype,
		docname: frm.doc.name,
		make_attachments_public: false,
		restrictions: { allowed_file_types: [".xlsx"] },
		on_success(file) {
			frappe
				.xcall(`${EXCEL_API}.upload_isian`, {
					name: frm.doc.name,
					file_url: file.file_url,
				})
				.then(() => {
					frappe.show_alert({
						message: __("Data dari Excel tersimpan."),
						indicator: "green",
					});
					frm.reload_doc();
				});
		},
	});
}
