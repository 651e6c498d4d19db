"""Run bench commands on the test site from inside a test, as an operator would in a shell."""

import os
import subprocess
import sys

import frappe


def _bench_argv(args: tuple[str, ...], site: str | None) -> list[str]:
	return [sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "--site", site or frappe.local.site, *args]


def run_bench(*args: str, timeout: int = 600, site: str | None = None) -> subprocess.CompletedProcess:
	"""`bench --site <test site> <args>`, with the test's own transaction committed first so the
	command does not wait on this connection's locks."""
	frappe.db.commit()
	result = subprocess.run(
		_bench_argv(args, site),
		cwd=os.path.abspath(frappe.local.sites_path),
		capture_output=True,
		text=True,
		timeout=timeout,
	)
	if result.returncode:
		raise AssertionError(f"bench {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
	frappe.clear_cache()
	return result


def start_bench(*args: str, env: dict | None = None) -> subprocess.Popen:
	"""The same command, started in the background (a worker a test watches from a browser);
	the caller waits for it. Output goes to the test's log. `env` adds to its environment (a
	worker on a Redis of the test's own)."""
	frappe.db.commit()
	return subprocess.Popen(
		_bench_argv(args, None),
		cwd=os.path.abspath(frappe.local.sites_path),
		env={**os.environ, **(env or {})},
	)
