// Colour each Isian by its predikat, with the colours set in Pengaturan Kinerja.
frappe.listview_settings["Isian Data Kinerja"] = {
	add_fields: ["predikat", "docstatus", "jumlah_terisi", "jumlah_indikator"],
	get_indicator(doc) {
		if (doc.docstatus === 2) return [__("Dibatalkan"), "red", "docstatus,=,2"];
		if (!doc.predikat) return [__("Belum ada data"), "gray", "predikat,is,not set"];
		const colour = (frappe.boot.kinerja_warna_predikat || {})[doc.predikat] || "gray";
		return [__(doc.predikat), colour, `predikat,=,${doc.predikat}`];
	},
};
