"""One operation run in this process as a request would run it: its SQL queries counted, or profiled.

Each call gets a fresh Frappe context (init, connect, the user set, commit, destroy), as a gunicorn
worker gives each request, so request-scoped caches start empty while the site's Redis caches are
shared with the served workers.
"""

import cProfile
import io
import pstats
import sys
import time
from collections import Counter
from contextlib import contextmanager

import frappe

APP = "kinerja_kecamatan"


def app_frame() -> str | None:
	"""`module.function` of the innermost frame in the app's code (benchmarks excluded), if any."""
	frame = sys._getframe(2)
	while frame:
		filename = frame.f_code.co_filename
		if f"/{APP}/" in filename and "/benchmarks/" not in filename:
			return f"{short_path(filename)}:{frame.f_code.co_name}"
		frame = frame.f_back
	return None


class QueryCounter:
	"""Counts the queries sent through frappe.db.sql (what frappe.recorder patches too); with
	`attribute`, also which app function each one came from."""

	def __init__(self, attribute=False):
		self.count, self.attribute, self.by_app = 0, attribute, Counter()

	@contextmanager
	def counting(self):
		sql = frappe.db.sql

		def counted(*args, **kwargs):
			self.count += 1
			if self.attribute:
				self.by_app[app_frame() or "(Frappe's own, no app frame)"] += 1
			return sql(*args, **kwargs)

		frappe.db.sql = counted
		try:
			yield self
		finally:
			frappe.db.sql = sql


@contextmanager
def request_context(site: str, user: str):
	"""A fresh Frappe context for `user` on `site`, committed and torn down afterwards."""
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		frappe.set_user(user)
		frappe.local.response = frappe._dict({"docs": []})
		frappe.local.form_dict = frappe._dict()
		yield
		frappe.db.commit()
	finally:
		frappe.destroy()


def run(site, user, operation, *, attribute=False, profile=False, prepare=None):
	"""`operation()` as `user`, in a request of its own. `prepare()`, if given, runs first as the
	same user in a request of its own (uncounted, committed; as the client's earlier call), and
	its result is passed to `operation`. Returns (seconds, queries, QueryCounter, pstats.Stats or
	None)."""
	if prepare:
		with request_context(site, user):
			prepared = prepare()
	counter, profiler = QueryCounter(attribute), cProfile.Profile() if profile else None
	with request_context(site, user):
		with counter.counting():
			start = time.perf_counter()
			if profiler:
				profiler.enable()
			try:
				operation(prepared) if prepare else operation()
			finally:
				if profiler:
					profiler.disable()
			elapsed = time.perf_counter() - start
	stats = pstats.Stats(profiler, stream=io.StringIO()) if profiler else None
	return elapsed, counter.count, counter, stats


def short_path(filename: str) -> str:
	for marker in (f"/apps/{APP}/", "/apps/frappe/"):
		if marker in filename:
			return filename.split(marker, 1)[1]
	return filename


def top_entries(stats: pstats.Stats, limit=15, only_app=False) -> list[str]:
	"""The `limit` entries with the largest cumulative time whose code is Frappe's or the app's."""
	rows = []
	for (filename, line, function), (_cc, calls, own, cumulative, _callers) in stats.stats.items():
		in_app = f"/apps/{APP}/" in filename and "/benchmarks/" not in filename
		in_frappe = "/apps/frappe/frappe/" in filename
		if not in_app and not (in_frappe and not only_app):
			continue
		rows.append((cumulative, calls, own, f"{short_path(filename)}:{line}({function})"))
	rows.sort(reverse=True)
	return [
		f"{cumulative * 1000:>9.1f} ms {own * 1000:>8.1f} ms {calls:>6}  {where}"
		for cumulative, calls, own, where in rows[:limit]
	]
