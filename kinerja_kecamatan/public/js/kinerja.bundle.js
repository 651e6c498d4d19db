// the filters the app's query reports share: kinerja_kecamatan.report_filters(...)
import "./report_filters";
// the app's charts: whole bar labels on a phone, Indonesian numbers on the axis
import "./charts";

// Capaian in the desk as Indonesians write it: "94,44%" (#.###,##, whatever the number format of
// the intranet's site) and two decimals. Frappe's own Percent formatter prints a JavaScript number ("94.444%"); this
// one applies to the app's DocTypes and reports only, and leaves every other app as it is.
(() => {
	const INDONESIAN_NUMBER_FORMAT = "#.###,##";
	const frappe_percent = frappe.form.formatters.Percent;
	const ours = (docfield) => {
		const doctypes = frappe.boot.kinerja_doctypes || [];
		const reports = frappe.boot.kinerja_reports || [];
		if (docfield && doctypes.includes(docfield.parent)) return true;
		const report = frappe.query_report && frappe.query_report.report_name;
		return Boolean(report && reports.includes(report) && frappe.get_route()[0] === "query-report");
	};
	frappe.form.formatters.Percent = function (value, docfield, options, doc) {
		if (value === null || value === undefined || value === "" || !ours(docfield)) {
			return frappe_percent(value, docfield, options, doc);
		}
		const precision = cint(docfield && docfield.precision) || 2;
		return frappe.form.formatters._right(format_number(value, INDONESIAN_NUMBER_FORMAT, precision) + "%", options);
	};
})();
