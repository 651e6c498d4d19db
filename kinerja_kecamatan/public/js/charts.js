// The app's charts as an Indonesian reads them, on a desktop and on a phone:
// - each bar's label whole: frappe-charts cuts a label to "..." once a bar is narrower than about
//   7 px a letter (every unit's bar on a 390 px screen); the app's labels are short names of at
//   most 7 letters (Unit Kerja.singkatan), which fit whole at a smaller size;
// - the y axis in Indonesian numbers ("150", "97,5"), whatever the site's number format.
// Only the charts of the app's own reports are touched.
(() => {
	const ChartWidget = frappe.widget && frappe.widget.widget_factory && frappe.widget.widget_factory.chart;
	if (!ChartWidget) return;
	const ours = (widget) =>
		(frappe.boot.kinerja_reports || []).includes(widget.chart_doc && widget.chart_doc.report_name);

	const get_chart_args = ChartWidget.prototype.get_chart_args;
	ChartWidget.prototype.get_chart_args = function (...args) {
		const chart_args = get_chart_args.apply(this, args);
		if (ours(this)) {
			chart_args.axisOptions = Object.assign(chart_args.axisOptions || {}, {
				shortenYAxisNumbers: 0,
				numberFormatter: (value) => format_number(value, "#.###,##", value % 1 ? 1 : 0),
			});
		}
		return chart_args;
	};

	const render = ChartWidget.prototype.render;
	ChartWidget.prototype.render = async function (...args) {
		const result = await render.apply(this, args);
		if (ours(this)) keep_labels_whole(this);
		return result;
	};

	function keep_labels_whole(widget) {
		const wrapper = widget.chart_wrapper && widget.chart_wrapper[0];
		if (!wrapper || wrapper.dataset.kinerjaLabels) return;
		wrapper.dataset.kinerjaLabels = "1";
		const restore = () => {
			const labels = (widget.data && widget.data.labels) || [];
			const texts = wrapper.querySelectorAll(".x.axis text");
			if (texts.length !== labels.length) return;
			const cut = [...texts].some((text, i) => text.textContent.trim() !== String(labels[i]));
			if (!cut) return;
			texts.forEach((text, i) => {
				text.textContent = String(labels[i]);
				text.setAttribute("font-size", "9px");
			});
		};
		restore();
		// frappe-charts redraws its axis on every update and resize
		new MutationObserver(restore).observe(wrapper, { childList: true, subtree: true });
	}
})();
