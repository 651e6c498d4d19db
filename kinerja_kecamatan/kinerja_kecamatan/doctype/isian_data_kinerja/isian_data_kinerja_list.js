// Colour each Isian by its predikat, with the colours set in Pengaturan Kinerja. Frappe puts the
// label and the filter into HTML attributes as they are, so both are escaped here.
const SAFE_COLOURS = ["green", "blue", "yellow", "orange", "red", "gray", "purple", "pink", "cyan"];

frappe.listview_settings["Isian Data Kinerja"] = {
	add_fields: ["predikat", "docstatus", "jumlah_terisi", "jumlah_indikator"],
	get_indicator(doc) {
		if (doc.docstatus === 2) return [__("Dibatalkan"), "red", "docstatus,=,2"];
		if (!doc.predikat) return [__("Belum ada data"), "gray", "predikat,is,not set"];
		const colour = (frappe.boot.kinerja_warna_predikat || {})[doc.predikat];
		const label = frappe.utils.escape_html(__(doc.predikat));
		return [
			label,
			SAFE_COLOURS.includes(colour) ? colour : "gray",
			`predikat,=,${frappe.utils.escape_html(doc.predikat)}`,
		];
	},
};
