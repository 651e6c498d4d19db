"""How the cost of the app's operations grows with the size of the work, in-process.

For each operation, three sizes; each line prints the median time and the SQL statements
(MariaDB's own session `Questions` counter) and, against the smallest size, the growth of time
and of size. Linear or better means time grows no faster than size; a per-row query in a loop
shows as queries growing with size.
  - saving an Isian with 5, 50 and 200 indicator rows (the head's save);
  - step 3 → 4 (one Isian per unit) in a kecamatan of 7, 30 and 100 units: beyond
    jobs.SHORT_QUEUE_UNITS units the officer's request only queues the work; a burst worker then
    runs it (queued.py), and the job's own time, as RQ recorded it, is printed beside it;
  - a return and resubmission at steps 6–7 with 10, 100 and 500 entries in the step log;
  - Perbandingan Antar Kecamatan over a kabupaten of 1, 8 and 80 kecamatan (10 units ×
    10 indicators, 4 quarters), beside Report View listing the same rows.

With --smoke, one tiny size of each, run once (step 3 still queued, the limit lowered in this
process): it shows the benchmark runs, its numbers mean nothing.

Run: ./scripts/benchmark.sh growth   (or, in a bench's sites folder:
     ../env/bin/python <checkout>/benchmarks/growth.py <site> [--smoke])
"""

import os
import statistics
import sys
import time

import frappe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import queued

MONITORING = "Monitoring Kinerja Triwulan"
ISIAN = "Isian Data Kinerja"
REPEAT = 5


def questions() -> int:
	return int(frappe.db.sql("SHOW SESSION STATUS LIKE 'Questions'")[0][1])


def measure(operation, repeat=REPEAT):
	"""(median seconds, statements of one run) of `operation`, committed after each run."""
	times, counts = [], []
	for i in range(repeat):
		start_q, start = questions(), time.perf_counter()
		operation(i)
		times.append(time.perf_counter() - start)
		counts.append(questions() - start_q - 1)  # the counter's own SHOW
		frappe.db.commit()
	return statistics.median(times), statistics.median(counts)


def on_target(row):
	return ("100", {})


def people_and_cycle(units: int, indicators: int, until: int):
	from kinerja_kecamatan.tests.factories import make_cycle, make_cycle_people

	people = make_cycle_people()
	cycle, heads = make_cycle(people, units=units, indicators=indicators)
	queued.run_quarter(people, heads, cycle.name, on_target, until=until)
	return people, cycle.name, heads


def isian_save(rows: int):
	from kinerja_kecamatan.demo.quarter import as_user

	_people, cycle, heads = people_and_cycle(1, rows, until=4)
	[(unit, head)] = heads.items()
	name = frappe.db.get_value(ISIAN, {"monitoring": cycle, "unit_kerja": unit})

	def save(i):
		with as_user(head):
			doc = frappe.get_doc(ISIAN, name)
			for row in doc.indikator:
				row.realisasi_tw = str(100 + i)
			doc.save()

	return measure(save), None


def distribution(units: int):
	"""Step 3's transition, in a new kecamatan each run (the step happens once per cycle)."""
	from kinerja_kecamatan.demo.quarter import complete

	cycles = [people_and_cycle(units, 5, until=3)]
	request, job = [], []

	def step(i):
		people, cycle, _heads = cycles[i]
		start = time.perf_counter()
		complete(people, cycle, 3)
		request.append(time.perf_counter() - start)
		if not queued.distributed(cycle, units):
			# queued for the long queue: a worker makes the Isian, and RQ records how long it took
			queued.ensure_distributed(cycle, units)
			job.append(queued.job_seconds(queued.DISTRIBUTE, {"monitoring_name": cycle}))
		assert frappe.db.count(ISIAN, {"monitoring": cycle}) == units

	_total, queries = measure(step, repeat=1)
	return (statistics.median(request), queries), job[0] if job else None


def step_log(entries: int):
	from kinerja_kecamatan.demo.quarter import act, forward_action

	people, cycle, _heads = people_and_cycle(2, 1, until=7)
	doc = frappe.get_doc(MONITORING, cycle)
	last = doc.log_langkah[-1]
	for i in range(entries - len(doc.log_langkah)):
		row = frappe.copy_doc(last)
		row.update({"parent": cycle, "parenttype": MONITORING, "parentfield": "log_langkah", "docstatus": 0})
		row.idx = len(doc.log_langkah) + i + 1
		row.db_insert()
	frappe.db.commit()
	from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLE_KASUBBAG_PK

	def round_trip(_i):
		frappe.db.set_value(MONITORING, cycle, "alasan_pengembalian", "Jadwal bentrok")
		act(people[ROLE_CAMAT], cycle, "Kembalikan Jadwal")
		act(people[ROLE_KASUBBAG_PK], cycle, forward_action(cycle))

	return measure(round_trip), None


def kabupaten_report(kecamatan: int):
	from reports import seed

	from kinerja_kecamatan.kinerja_kecamatan.report.perbandingan_antar_kecamatan import (
		perbandingan_antar_kecamatan,
	)

	prefix, kabupaten = f"GR{kecamatan}", f"Kabupaten Uji {kecamatan}"
	seed(prefix, kecamatan, 10, 10, (2024,), kabupaten=kabupaten)
	filters = {"kabupaten": kabupaten, "tahun": 2024, "triwulan": "IV"}
	report = measure(lambda _i: perbandingan_antar_kecamatan.execute(dict(filters)))
	names = frappe.get_all("Kecamatan", {"kabupaten": kabupaten}, pluck="name")
	frappe.local.form_dict = frappe._dict()

	def listing(_i):
		from frappe.desk.reportview import get

		frappe.local.form_dict = frappe._dict(
			doctype=ISIAN,
			fields=["`tabIsian Data Kinerja`.`kecamatan`", "`tabIsian Data Kinerja Indikator`.`capaian_tw`"],
			filters=[
				[ISIAN, "kecamatan", "in", names],
				[ISIAN, "tahun", "=", 2024],
				[ISIAN, "triwulan", "=", "IV"],
			],
			page_length=0,
			view="Report",
		)
		get()

	return report, measure(listing)[0]


CASES = [
	("simpan Isian", "baris indikator", isian_save, (5, 50, 200)),
	("langkah 3 → 4 (distribusi)", "unit", distribution, (7, 30, 100)),
	("kembali & ajukan (langkah 6–7)", "entri log", step_log, (10, 100, 500)),
	("Perbandingan Antar Kecamatan", "kecamatan", kabupaten_report, (1, 8, 80)),
]


def smoke_cases():
	"""--smoke: one tiny size each, run once; step 3 still queued (the limit lowered in this
	process)."""
	global REPEAT
	REPEAT = 1
	sizes = {isian_save: (2,), distribution: (3,), step_log: (10,), kabupaten_report: (1,)}
	queued.queue_kecamatan_above(2)
	return [(name, unit, case, sizes[case]) for name, unit, case, _sizes in CASES]


def main(site, smoke=False):
	cases = smoke_cases() if smoke else CASES
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	print(f"{'operation':<32} {'size':>14} {'median s':>9} {'queries':>8} {'× time':>7} {'× size':>7}  extra")
	for name, unit, case, sizes in cases:
		first = None
		for size in sizes:
			(seconds, count), extra = case(size)
			first = first or (seconds, size)
			if isinstance(extra, float) and unit == "kecamatan":
				note = f"Report View {extra:.3f} s (× {seconds / extra:.2f})"
			elif isinstance(extra, float):
				note = f"background job {extra:.3f} s (RQ's start to end)"
			else:
				note = ""
			print(
				f"{name:<32} {f'{size} {unit}':>14} {seconds:>9.3f} {count:>8} "
				f"{seconds / first[0]:>7.1f} {size / first[1]:>7.1f}  {note}",
				flush=True,
			)
	frappe.destroy()


if __name__ == "__main__":
	args = [a for a in sys.argv[1:] if not a.startswith("--")]
	main(args[0] if args else "bench.localhost", smoke="--smoke" in sys.argv)
