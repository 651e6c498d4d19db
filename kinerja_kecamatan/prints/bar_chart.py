"""A horizontal bar chart as inline SVG, for prints: one bar per labelled value, a dashed line at
the target (100 %), the value written at the bar's end. wkhtmltopdf draws inline SVG as vectors,
so the chart stays sharp in the signed PDF and needs no JavaScript. Pure Python.
"""

from html import escape

LABEL_WIDTH = 90
PLOT_WIDTH = 420
VALUE_WIDTH = 70
BAR_HEIGHT = 14
ROW_HEIGHT = 20
AXIS_MAX = 150  # % at the plot's right edge: a bar beyond it is drawn to the edge
TARGET = 100
FONT = 'font-family="DejaVu Sans, sans-serif" font-size="10"'


def bar_chart_svg(bars: list[tuple[str, float | None, str]]) -> str:
	"""(label, value in %, value as printed) per bar; a value of None draws no bar, only its text.

	>>> svg = bar_chart_svg([("A.1", 120.0, "120,00%"), ("A.2", None, "belum ada data")])
	>>> svg.count("<rect"), 'width="336.0"' in svg, "belum ada data" in svg
	(1, True, True)
	"""
	width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
	height = ROW_HEIGHT * len(bars) + 16

	def x_of(value: float) -> float:
		return round(LABEL_WIDTH + PLOT_WIDTH * min(max(value, 0), AXIS_MAX) / AXIS_MAX, 1)

	parts = [
		f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
		f'viewBox="0 0 {width} {height}">'
	]
	for index, (label, value, shown) in enumerate(bars):
		top = index * ROW_HEIGHT + 3
		middle = top + BAR_HEIGHT - 3
		parts.append(
			f'<text x="{LABEL_WIDTH - 4}" y="{middle}" text-anchor="end" {FONT}>{escape(label)}</text>'
		)
		end = LABEL_WIDTH
		if value is not None:
			end = x_of(value)
			parts.append(
				f'<rect x="{LABEL_WIDTH}" y="{top}" width="{round(end - LABEL_WIDTH, 1)}" '
				f'height="{BAR_HEIGHT}" fill="{"#4a7bb7" if value >= TARGET else "#c0504d"}"/>'
			)
		parts.append(f'<text x="{end + 3}" y="{middle}" {FONT}>{escape(shown)}</text>')
	axis = ROW_HEIGHT * len(bars) + 3
	target = x_of(TARGET)
	parts += [
		f'<line x1="{LABEL_WIDTH}" y1="0" x2="{LABEL_WIDTH}" y2="{axis}" stroke="#000" stroke-width="0.8"/>',
		f'<line x1="{target}" y1="0" x2="{target}" y2="{axis}" stroke="#000" stroke-width="0.8" '
		'stroke-dasharray="3,2"/>',
		f'<text x="{target}" y="{axis + 10}" text-anchor="middle" {FONT}>{TARGET}%</text>',
		"</svg>",
	]
	return "".join(parts)
