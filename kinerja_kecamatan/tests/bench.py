"""Run bench commands on the test site from inside a test, as an operator would in a shell."""

import os
import subprocess
import sys

import frappe


def run_bench(*args: str, timeout: int = 600, site: str | None = None) -> subprocess.CompletedProcess:
	"""`bench --site <test site> <args>`, with the test's own transaction committed first so the
	command does not wait on this connection's locks."""
	frappe.db.commit()
	sites_path = os.path.abspath(frappe.local.sites_path)
	result = subprocess.run(
		[
			sys.executable,
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			site or frappe.local.site,
			*args,
		],
		cwd=sites_path,
		capture_output=True,
		text=True,
		timeout=timeout,
	)
	if result.returncode:
		raise AssertionError(f"bench {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
	frappe.clear_cache()
	return result
