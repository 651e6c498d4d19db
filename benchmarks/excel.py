"""Format Isian in Excel, timed against openpyxl's bare load and save of the same workbooks.

Generating every unit's file (10 units × 50 indicators) is compared with openpyxl saving those
same workbooks; importing a filled 1,000-row file with openpyxl loading it. Pure Python: runs
with any Python that has openpyxl, e.g. `python benchmarks/excel.py` from the checkout. With
--smoke, 2 files of 10 rows and a 50-row import, once each: it shows the benchmark runs, its
ratios mean nothing.
"""

import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import load_workbook

from kinerja_kecamatan.format_isian import (
	DATA_SHEET,
	DEFAULT_COLUMNS,
	FIRST_ROW,
	BarisIndikator,
	Batas,
	FormatIsian,
	build_workbook,
	read_workbook,
)


def make_format(unit: str, rows: int) -> FormatIsian:
	return FormatIsian(
		isian=f"MON/{unit}",
		monitoring="MON",
		unit_kerja=unit,
		unit_label=unit,
		kecamatan="Batumandi",
		tahun=2024,
		triwulan="I",
		columns=DEFAULT_COLUMNS,
		rows=tuple(
			BarisIndikator(
				f"IND-{i}", f"IND-{i}", f"K-{i}", f"Indikator {i}", "%", "Positif", "100", "400", {}
			)
			for i in range(rows)
		),
	)


UNITS, ROWS, IMPORT_ROWS, REPEAT = 10, 50, 1000, 7


def timed(fn):
	samples = []
	for _ in range(REPEAT):
		start = time.perf_counter()
		fn()
		samples.append(time.perf_counter() - start)
	return statistics.median(samples)


def resave(content: bytes) -> bytes:
	buffer = io.BytesIO()
	load_workbook(io.BytesIO(content)).save(buffer)
	return buffer.getvalue()


def main(smoke=False):
	global UNITS, ROWS, IMPORT_ROWS, REPEAT
	if smoke:
		UNITS, ROWS, IMPORT_ROWS, REPEAT = 2, 10, 50, 1
	units = [make_format(f"Seksi {u}", ROWS) for u in range(UNITS)]
	files = [build_workbook(fmt) for fmt in units]
	generate = timed(lambda: [build_workbook(fmt) for fmt in units])
	bare_save = timed(lambda: [resave(content) for content in files])

	big = make_format("Seksi Besar", IMPORT_ROWS)
	workbook = load_workbook(io.BytesIO(build_workbook(big)))
	for offset in range(IMPORT_ROWS):
		workbook[DATA_SHEET].cell(FIRST_ROW + offset, 8).value = offset % 150
	buffer = io.BytesIO()
	workbook.save(buffer)
	filled = buffer.getvalue()
	limits = Batas(max_rows=IMPORT_ROWS)
	assert len(read_workbook(filled, big, limits).indikator) == IMPORT_ROWS
	importing = timed(lambda: read_workbook(filled, big, limits))
	bare_load = timed(lambda: load_workbook(io.BytesIO(filled)))

	print(f"{'task':<44} {'ours s':>8} {'openpyxl s':>11} {'ratio':>6}")
	print(
		f"{f'generate {UNITS} unit files ({ROWS} rows each)':<44} {generate:>8.3f} {bare_save:>11.3f} {generate / bare_save:>6.2f}"
	)
	print(
		f"{f'import a filled {IMPORT_ROWS:,}-row file':<44} {importing:>8.3f} {bare_load:>11.3f} {importing / bare_load:>6.2f}"
	)


if __name__ == "__main__":
	main(smoke="--smoke" in sys.argv)
