// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

const EXCEL_API = "kinerja_kecamatan.format_isian.excel";
const PREVIEW_API =
	"kinerja_kecamatan.kinerja_kecamatan.doctype.isian_data_kinerja.isian_data_kinerja.preview_capaian";

frappe.ui.form.on("Isian Data Kinerja", {
	refresh(frm) {
		keep_indicators(frm);
		keep_follow_ups(frm);
		preview_while_typing_in_the_grid(frm);
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
		const unanswered = (frm.doc.tindak_lanjut_lalu || []).filter((row) => !row.status).length;
		if (frm.doc.docstatus === 0 && unanswered) {
			frm.dashboard.add_comment(
				__(
					"{0} tindak lanjut triwulan lalu menunggu laporan pelaksanaannya (tabel Tindak Lanjut Triwulan Lalu).",
					[unanswered]
				),
				"orange",
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

frappe.ui.form.on("Isian Data Kinerja Indikator", {
	realisasi_tw(frm) {
		preview_capaian(frm);
	},
	indikator_add(frm, cdt, cdn) {
		// Tab from the last realisasi adds a row in Frappe's grid, whatever cannot_add_rows says
		if (frappe.model.can_create(frm.doctype)) return;
		frappe.model.clear_doc(cdt, cdn);
	},
});

// The indicators are set when the Isian is made (the server refuses any other set from a unit
// head): a user who may not make an Isian fills them in, and is offered no row to add or delete
// and no indicator to change.
function keep_indicators(frm) {
	if (frappe.model.can_create(frm.doctype)) return;
	frm.set_df_property("indikator", "cannot_add_rows", 1);
	frm.set_df_property("indikator", "cannot_delete_rows", 1);
	frm.fields_dict.indikator.grid.update_docfield_property("indikator", "read_only", 1);
}

// The follow-ups come from the previous quarters' signed reports (the server refuses any other
// list): each is answered, none added or deleted.
function keep_follow_ups(frm) {
	frm.set_df_property("tindak_lanjut_lalu", "cannot_add_rows", 1);
	frm.set_df_property("tindak_lanjut_lalu", "cannot_delete_rows", 1);
}

// In a grid cell Frappe sets the value only when the head leaves it: meanwhile the form counts
// as changed (so another user's save is announced, not silently reloaded over the typing) and
// the preview follows each keystroke.
function preview_while_typing_in_the_grid(frm) {
	frm.fields_dict.indikator.grid.wrapper
		.off("input.kinerja")
		.on("input.kinerja", '.grid-static-col input[data-fieldname="realisasi_tw"]', (e) => {
			frm.dirty();
			const row = $(e.target).closest(".grid-row").attr("data-name");
			preview_capaian(frm, { [row]: e.target.value });
		});
}

// Capaian and predikat as the head types (`typed`: row name → what its cell holds now),
// computed by the server as a save would; the save still recomputes everything.
const preview_capaian = frappe.utils.debounce((frm, typed = {}) => {
	if (frm.is_new() || frm.doc.docstatus !== 0) return;
	const realisasi = {};
	(frm.doc.indikator || []).forEach(
		(row) => (realisasi[row.name] = typed[row.name] ?? (row.realisasi_tw || ""))
	);
	frappe.xcall(PREVIEW_API, { name: frm.doc.name, realisasi }).then((preview) => {
		const grid = frm.fields_dict.indikator.grid;
		(frm.doc.indikator || []).forEach((row) => {
			if (!preview[row.name]) return;
			Object.assign(row, preview[row.name]);
			// only the computed cells: re-rendering the grid would take the cursor from the head
			const grid_row = grid.grid_rows_by_docname[row.name];
			Object.keys(preview[row.name]).forEach((field) => grid_row?.refresh_field(field));
		});
	});
}, 300);

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
