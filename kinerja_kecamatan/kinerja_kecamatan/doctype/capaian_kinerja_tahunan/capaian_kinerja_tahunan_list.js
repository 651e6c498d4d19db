// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

// A year's chapter is compiled from its four signed quarters, never typed in: the list's one way
// to make it (the server refuses a year whose quarters are not all signed and archived).
frappe.listview_settings["Capaian Kinerja Tahunan"] = {
	onload(list) {
		if (!frappe.user.has_role("Kasubbag Perencanaan dan Keuangan")) return;
		list.page.add_inner_button(__("Susun dari Laporan Triwulan"), () =>
			frappe.prompt(
				[
					{ fieldname: "kecamatan", fieldtype: "Link", options: "Kecamatan", label: __("Kecamatan"), reqd: 1 },
					{ fieldname: "tahun", fieldtype: "Int", label: __("Tahun"), reqd: 1, default: new Date().getFullYear() - 1 },
				],
				(values) =>
					frappe
						.xcall(
							"kinerja_kecamatan.kinerja_kecamatan.doctype.capaian_kinerja_tahunan.capaian_kinerja_tahunan.susun_capaian_tahunan",
							values
						)
						.then((name) => frappe.set_route("Form", "Capaian Kinerja Tahunan", name)),
				__("Susun Capaian Kinerja Tahunan"),
				__("Susun")
			)
		);
	},
};
