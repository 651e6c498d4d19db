// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

// What the SOP record says this form needs (sent by the server in onload): the actions that send
// the cycle back (they need a written reason, saved before the action runs; the server refuses
// them without one), the steps showing the Excel menu, and who records exceptions when.
const sop_of = (frm) => (frm.doc.__onload && frm.doc.__onload.sop) || {};

frappe.ui.form.on("Monitoring Kinerja Triwulan", {
	setup(frm) {
		reload_when_isian_delivered();
		frm.set_query("perjanjian_kinerja", () => ({
			filters: { kecamatan: frm.doc.kecamatan, tahun: frm.doc.tahun, docstatus: 1 },
		}));
	},

	refresh(frm) {
		show_current_step(frm);
		const sop = sop_of(frm);
		if ((sop.excel_steps || []).includes(frm.doc.langkah)) {
			frm.add_custom_button(__("Unduh Format Isian Semua Unit (zip)"), () =>
				frappe
					.xcall("kinerja_kecamatan.format_isian.excel.download_all_formats", {
						monitoring: frm.doc.name,
					})
					.then(() =>
						frappe.show_alert(
							__("Format Isian sedang dibuat; tautan unduhan akan muncul di sini.")
						)
					)
			);
		}
		if (frm.doc.langkah === sop.exception_step && frappe.user.has_role(sop.exception_role)) {
			frm.add_custom_button(__("Catat Pengecualian Isian"), () => record_exception(frm));
		}
	},

	before_workflow_action(frm) {
		const returning = (sop_of(frm).return_actions || []).includes(frm.selected_workflow_action);
		if (!returning && frm.doc.langkah === sop_of(frm).signing_step) return sign_with_passphrase(frm);
		if (!returning) return;
		// Frappe freezes the page for the action, which would cover the prompt: thaw it while the
		// user writes, freeze again for the action (Frappe unfreezes once it is done). Closing the
		// prompt cancels the action.
		frappe.dom.unfreeze();
		return new Promise((resolve, reject) => {
			let submitted = false;
			const dialog = frappe.prompt(
				{
					fieldname: "alasan",
					fieldtype: "Small Text",
					label: __("Alasan Pengembalian"),
					reqd: 1,
					default: frm.doc.alasan_pengembalian,
				},
				async ({ alasan }) => {
					submitted = true;
					await frm.set_value("alasan_pengembalian", alasan);
					frm.save().then(() => {
						frappe.dom.freeze();
						resolve();
					}, reject);
				},
				__(frm.selected_workflow_action),
				__("Kembalikan")
			);
			// the prompt hides itself just before calling back: look once the callback had its turn
			dialog.onhide = () => setTimeout(() => submitted || reject(), 0);
		});
	},
});

// A big kecamatan's Isian are made by a background job (workflow/distribution.py); when it
// ends, an open form of its cycle reloads to show the units' count.
let listening_for_delivery = false;
function reload_when_isian_delivered() {
	if (listening_for_delivery) return;
	listening_for_delivery = true;
	frappe.realtime.on("kinerja_isian_disampaikan", ({ monitoring }) => {
		if (cur_frm && cur_frm.doctype === "Monitoring Kinerja Triwulan" && cur_frm.docname === monitoring) {
			cur_frm.reload_doc();
		}
	});
}

function show_current_step(frm) {
	if (frm.is_new() || !frm.doc.langkah) return;
	if (frm.doc.docstatus === 1) {
		frm.dashboard.set_headline_alert(__("Siklus selesai: laporan telah diarsipkan."), "green");
		return;
	}
	const due = frm.doc.batas_waktu_langkah;
	const late = due && frappe.datetime.now_datetime() > due;
	frm.dashboard.set_headline_alert(
		__("Langkah {0}: menunggu {1}, paling lambat {2}", [
			frappe.utils.escape_html(frm.doc.uraian_langkah || ""),
			frappe.utils.escape_html(__(frm.doc.pelaksana_langkah || "")),
			due ? frappe.datetime.str_to_user(due) : "-",
		]),
		late ? "red" : "blue"
	);
	if (frm.doc.jumlah_unit) {
		const excused = (frm.doc.pengecualian_isian || []).length;
		frm.dashboard.add_comment(
			__("{0} dari {1} unit sudah mengajukan Isian Data Kinerja; {2} dikecualikan.", [
				frm.doc.jumlah_isian_diajukan,
				frm.doc.jumlah_unit,
				excused,
			]),
			frm.doc.jumlah_isian_diajukan + excused >= frm.doc.jumlah_unit ? "green" : "blue",
			true
		);
	}
}

function record_exception(frm) {
	frappe.prompt(
		[
			{
				fieldname: "unit_kerja",
				fieldtype: "Link",
				options: "Unit Kerja",
				label: __("Unit Kerja"),
				reqd: 1,
				get_query: () => ({ filters: { kecamatan: frm.doc.kecamatan, aktif: 1 } }),
			},
			{ fieldname: "alasan", fieldtype: "Small Text", label: __("Alasan"), reqd: 1 },
		],
		({ unit_kerja, alasan }) =>
			frappe
				.xcall(
					"kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.monitoring_kinerja_triwulan.catat_pengecualian",
					{ monitoring: frm.doc.name, unit_kerja, alasan }
				)
				.then(() => frm.reload_doc()),
		__("Pengecualian Isian Data Kinerja"),
		__("Catat")
	);
}

// The Camat's signature is electronic: the passphrase of their certificate goes with the action
// to the server, which signs the report's PDF in the same request (or the step does not move).
// Frappe's own apply_workflow is not called: the promise is rejected once the signing is done.
function sign_with_passphrase(frm) {
	frappe.dom.unfreeze();
	return new Promise((resolve, reject) => {
		let signing = false;
		const dialog = new frappe.ui.Dialog({
			title: __("Tandatangani Laporan Secara Elektronik"),
			fields: [
				{
					fieldtype: "HTML",
					options: `<p>${__(
						"Laporan Hasil Monitoring akan ditandatangani dengan sertifikat elektronik Anda (PAdES) dan tidak dapat diubah lagi."
					)}</p>`,
				},
				{ fieldname: "passphrase", fieldtype: "Password", label: __("Passphrase"), reqd: 1 },
			],
			primary_action_label: __("Tandatangani"),
			primary_action({ passphrase }) {
				signing = true;
				dialog.hide();
				frappe.dom.freeze(__("Menandatangani laporan…"));
				frappe
					.xcall(
						"kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.monitoring_kinerja_triwulan.tandatangani",
						{ monitoring: frm.doc.name, passphrase }
					)
					.then((doc) => {
						frappe.model.sync(doc);
						frm.refresh();
						frappe.show_alert({
							message: __("Laporan ditandatangani secara elektronik."),
							indicator: "green",
						});
					})
					.finally(() => {
						frappe.dom.unfreeze();
						frm.selected_workflow_action = null;
						reject();
					});
			},
		});
		// closed without signing: nothing happens
		dialog.onhide = () => setTimeout(() => signing || reject(), 0);
		dialog.show();
	});
}
