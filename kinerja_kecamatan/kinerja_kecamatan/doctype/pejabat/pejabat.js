// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

// The holder installs the electronic certificate they were issued (a PKCS#12 file and its
// passphrase). The file is read in the browser and sent once; the server keeps it sealed.
frappe.ui.form.on("Pejabat", {
	refresh(frm) {
		if (frm.is_new()) return;
		const holder = frm.doc.user === frappe.session.user;
		const admin = frappe.user.has_role(["Administrator Kinerja Kabupaten", "System Manager"]);
		if (!holder && !admin) return;
		frm.add_custom_button(__("Pasang Sertifikat Elektronik"), () => install_certificate(frm));
	},
});

function install_certificate(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Pasang Sertifikat Elektronik"),
		fields: [
			{
				fieldtype: "HTML",
				fieldname: "berkas_html",
				options: `<p>${__(
					"Berkas PKCS#12 (.p12 / .pfx) yang diterbitkan untuk {0}, NIP {1}.",
					[frappe.utils.escape_html(frm.doc.nama), frappe.utils.escape_html(frm.doc.nip)]
				)}</p><input type="file" accept=".p12,.pfx,application/x-pkcs12" data-fieldname="berkas">`,
			},
			{ fieldname: "passphrase", fieldtype: "Password", label: __("Passphrase"), reqd: 1 },
		],
		primary_action_label: __("Pasang"),
		async primary_action({ passphrase }) {
			const file = dialog.$wrapper.find('input[data-fieldname="berkas"]')[0].files[0];
			if (!file) {
				frappe.msgprint(__("Pilih berkas sertifikat PKCS#12 terlebih dahulu."));
				return;
			}
			const bytes = new Uint8Array(await file.arrayBuffer());
			let binary = "";
			bytes.forEach((b) => (binary += String.fromCharCode(b)));
			frappe
				.xcall(
					"kinerja_kecamatan.kinerja_kecamatan.doctype.sertifikat_elektronik.sertifikat_elektronik.pasang_sertifikat",
					{ pejabat: frm.doc.name, berkas: btoa(binary), passphrase }
				)
				.then((name) => {
					dialog.hide();
					frappe.show_alert({ message: __("Sertifikat dipasang: {0}", [name]), indicator: "green" });
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}
