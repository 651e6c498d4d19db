// The filters of the app's query reports (report/*/*.js), each defined once. A report names the
// ones it shows, in its order, and changes what differs for it:
//   filters: kinerja_kecamatan.report_filters(["kecamatan", "tahun", "triwulan"]),
//   filters: kinerja_kecamatan.report_filters(["kecamatan", "tahun", "triwulan"], {
//   	triwulan: { default: undefined },
//   }),
// Defaults are read when the report's script runs: the latest period with data (boot.py's
// kinerja_periode), else this year.
frappe.provide("kinerja_kecamatan");

kinerja_kecamatan.report_filters = (fieldnames, overrides = {}) => {
	const periode = frappe.boot.kinerja_periode || {};
	const this_year = new Date().getFullYear();
	const shared = {
		kabupaten: { label: __("Kabupaten"), fieldtype: "Data" },
		kecamatan: {
			label: __("Kecamatan"),
			fieldtype: "Link",
			options: "Kecamatan",
			default: periode.kecamatan,
		},
		tahun: { label: __("Tahun"), fieldtype: "Int", default: periode.tahun || this_year },
		triwulan: {
			label: __("Triwulan"),
			fieldtype: "Select",
			options: "\nI\nII\nIII\nIV",
			default: periode.triwulan,
		},
		unit_kerja: {
			label: __("Unit Kerja"),
			fieldtype: "Link",
			options: "Unit Kerja",
			// only the units of the chosen kecamatan
			get_query: () => ({
				filters: {
					kecamatan: frappe.query_report.get_filter_value("kecamatan") || undefined,
				},
			}),
		},
		predikat: {
			label: __("Predikat"),
			fieldtype: "Select",
			// the settings' scale, highest first (boot: kinerja_predikat)
			options: ["", ...(frappe.boot.kinerja_predikat || [])].join("\n"),
		},
		tahun_dari: { label: __("Dari Tahun"), fieldtype: "Int", default: this_year - 2 },
		tahun_sampai: {
			label: __("Sampai Tahun"),
			fieldtype: "Int",
			default: periode.tahun || this_year,
		},
	};
	return fieldnames.map((fieldname) => {
		if (!shared[fieldname]) {
			throw new Error(`kinerja_kecamatan.report_filters: no filter "${fieldname}"`);
		}
		// a new object per call: the report view keeps its handlers on each filter
		return { fieldname, ...shared[fieldname], ...overrides[fieldname] };
	});
};
