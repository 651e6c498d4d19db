"""The flowchart of the printed SOP (SOP-AP, PermenPANRB 35/2012), drawn as SVG from the SOP.

One table row per step; the lanes part of each row is one SVG of equal height, so a connector
leaving the bottom of one row meets the next row's at the top. Symbols: a terminator for the first
and last steps, a rectangle for a process, a diamond for a decision with its "Ya" going on and its
"Tidak" to an on-page connector (a circle with the target step's number, repeated at the target),
and an off-page connector (a pentagon with a letter) where a page ends. Pure Python.
"""

from dataclasses import dataclass
from html import escape

from kinerja_kecamatan.workflow.sop import Sop, Step, lanes

LANE_WIDTH = 92
ROW_HEIGHT = 96
SHAPE_W, SHAPE_H = 62, 30
DIAMOND_W, DIAMOND_H = 66, 40
ROWS_PER_PAGE = 5  # with the two header rows, what one A4 landscape page holds
STROKE = 'stroke="#000" stroke-width="1.2" fill="none"'


@dataclass(frozen=True)
class ChartRow:
	step: Step
	svg: str


def chart_pages(sop: Sop, rows_per_page: int = ROWS_PER_PAGE) -> tuple[list[str], list[list[ChartRow]]]:
	"""(lane names, pages of rows): every step once, in order, split into pages."""
	names = lanes(sop)
	steps = list(sop.steps)
	pages = [steps[i : i + rows_per_page] for i in range(0, len(steps), rows_per_page)]
	returns_into = {}
	for r in sop.returns():
		returns_into.setdefault(r.to_step, []).append(r.from_step)
	result = []
	for page_index, page in enumerate(pages):
		rows = []
		for position, current in enumerate(page):
			index = steps.index(current)
			after = steps[index + 1] if index + 1 < len(steps) else None
			rows.append(
				ChartRow(
					current,
					row_svg(
						names,
						current,
						before_lane=names.index(steps[index - 1].actor) if index else None,
						after_lane=names.index(after.actor) if after else None,
						first=index == 0,
						last=after is None,
						page_start=position == 0 and page_index > 0,
						page_end=position == len(page) - 1 and after is not None,
						off_page_label=chr(ord("A") + page_index),
						incoming_from=returns_into.get(current.number, []),
					),
				)
			)
		result.append(rows)
	return names, result


def row_svg(
	names: list[str],
	current: Step,
	before_lane: int | None,
	after_lane: int | None,
	first: bool,
	last: bool,
	page_start: bool,
	page_end: bool,
	off_page_label: str,
	incoming_from: list[int],
) -> str:
	width, height = LANE_WIDTH * len(names), ROW_HEIGHT
	lane = names.index(current.actor)
	cx, cy = lane * LANE_WIDTH + LANE_WIDTH / 2, height / 2
	half_h = (DIAMOND_H if current.decision else SHAPE_H) / 2
	parts = [
		f'<line x1="{i * LANE_WIDTH}" y1="0" x2="{i * LANE_WIDTH}" y2="{height}" stroke="#000" stroke-width="0.6"/>'
		for i in range(1, len(names))
	]
	# in: from the row above, or from the previous page's connector
	if page_start:
		parts.append(off_page(cx, 4, _previous_letter(off_page_label)))
		parts.append(arrow(cx, 22, cx, cy - half_h))
	elif not first:
		parts.append(arrow(cx, 0, cx, cy - half_h))
	# the symbol
	if first or last:
		parts.append(
			f'<rect x="{cx - SHAPE_W / 2}" y="{cy - SHAPE_H / 2}" width="{SHAPE_W}" height="{SHAPE_H}" '
			f'rx="{SHAPE_H / 2}" ry="{SHAPE_H / 2}" {STROKE}/>'
		)
	elif current.decision:
		w, h = DIAMOND_W / 2, DIAMOND_H / 2
		parts.append(f'<polygon points="{cx},{cy - h} {cx + w},{cy} {cx},{cy + h} {cx - w},{cy}" {STROKE}/>')
	else:
		parts.append(
			f'<rect x="{cx - SHAPE_W / 2}" y="{cy - SHAPE_H / 2}" width="{SHAPE_W}" height="{SHAPE_H}" {STROKE}/>'
		)
	parts.append(text(cx, cy + 4, str(current.number), size=11))
	# out: to the next row, or to the next page's connector
	if not last:
		bottom = cy + half_h
		if page_end:
			parts.append(
				f'<line x1="{cx}" y1="{bottom}" x2="{cx}" y2="{height - 22}" stroke="#000" stroke-width="1.2"/>'
			)
			parts.append(off_page(cx, height - 22, off_page_label))
		else:
			bend = height - 6
			nx = after_lane * LANE_WIDTH + LANE_WIDTH / 2
			parts.append(
				f'<polyline points="{cx},{bottom} {cx},{bend} {nx},{bend} {nx},{height}" '
				'stroke="#000" stroke-width="1.2" fill="none"/>'
			)
		if current.decision:
			parts.append(text(cx + 10, bottom + 10, "Ya", size=9, anchor="start"))
	# a decision's "Tidak", or a correction sent back: to an on-page connector in the next lane
	if current.return_to:
		side = 1 if lane < len(names) - 1 else -1
		edge = cx + side * ((DIAMOND_W if current.decision else SHAPE_W) / 2)
		target = cx + side * LANE_WIDTH * 0.75
		parts.append(arrow(edge, cy, target - side * 8, cy, dashed=True))
		parts.append(connector(target, cy, current.return_to))
		parts.append(text((edge + target) / 2, cy - 5, "Tidak" if current.decision else "Kembali", size=8))
	# and where such a branch comes back in: the same connector, into the symbol's side
	if incoming_from:
		side = -1 if lane > 0 else 1
		origin = cx + side * LANE_WIDTH * 0.75
		parts.append(connector(origin, cy, current.number))
		parts.append(arrow(origin - side * 8, cy, cx + side * SHAPE_W / 2, cy, dashed=True))
	return (
		f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
		f'viewBox="0 0 {width} {height}">{"".join(parts)}</svg>'
	)


def arrow(x1, y1, x2, y2, dashed: bool = False) -> str:
	"""A line with an arrowhead at (x2, y2)."""
	dash = ' stroke-dasharray="3,2"' if dashed else ""
	line = f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#000" stroke-width="1.2"{dash}/>'
	if (x1, y1) == (x2, y2):
		return line
	dx, dy = x2 - x1, y2 - y1
	length = (dx * dx + dy * dy) ** 0.5
	ux, uy = dx / length, dy / length
	left = (x2 - 6 * ux + 3 * uy, y2 - 6 * uy - 3 * ux)
	right = (x2 - 6 * ux - 3 * uy, y2 - 6 * uy + 3 * ux)
	head = (
		f'<polygon points="{x2},{y2} {left[0]:.1f},{left[1]:.1f} {right[0]:.1f},{right[1]:.1f}" fill="#000"/>'
	)
	return line + head


def connector(cx, cy, number: int) -> str:
	"""On-page connector: a circle with the step number it leads to."""
	return f'<circle cx="{cx}" cy="{cy}" r="8" {STROKE}/>' + text(cx, cy + 3, str(number), size=8)


def off_page(cx, top, label: str) -> str:
	"""Off-page connector: a pentagon pointing down, with the letter that joins the pages."""
	w = 9
	points = f"{cx - w},{top} {cx + w},{top} {cx + w},{top + 12} {cx},{top + 18} {cx - w},{top + 12}"
	return f'<polygon points="{points}" {STROKE}/>' + text(cx, top + 10, label, size=8)


def text(x, y, content: str, size: int = 9, anchor: str = "middle") -> str:
	return (
		f'<text x="{x}" y="{y}" font-family="Arial, sans-serif" font-size="{size}" '
		f'text-anchor="{anchor}">{escape(content)}</text>'
	)


def _previous_letter(label: str) -> str:
	return chr(ord(label) - 1)
