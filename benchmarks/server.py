"""gunicorn serving a bench site for the HTTP benchmarks (desk.py, kabupaten.py), and their
percentiles. Run from the bench's sites folder, as the benchmarks are."""

import os
import socket
import statistics
import subprocess
import sys
import time

import requests

TIMEOUT = 120


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class Server:
	"""gunicorn with `workers` sync workers serving the site (and /assets, as nginx would)."""

	def __init__(self, site: str, workers: int = 4):
		self.site, self.workers, self.port = site, workers, free_port()
		self.url = f"http://127.0.0.1:{self.port}"

	def __enter__(self):
		self.process = subprocess.Popen(
			[
				sys.executable,
				"-m",
				"gunicorn",
				"-b",
				f"127.0.0.1:{self.port}",
				"-w",
				str(self.workers),
				"-t",
				str(TIMEOUT),
				"--backlog",
				"512",
				"--pythonpath",
				os.path.dirname(os.path.abspath(__file__)),
				"served_app:application",
			],
			env={**os.environ, "SITES_PATH": os.path.abspath(".")},
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		for _ in range(240):
			try:
				self.session(None).get(f"{self.url}/api/method/ping", timeout=30)
				return self
			except requests.RequestException:  # still booting
				time.sleep(0.5)
		raise SystemExit("gunicorn did not start")

	def __exit__(self, *exc):
		self.process.terminate()
		self.process.wait(timeout=60)

	def session(self, token):
		session = requests.Session()
		session.headers.update({"X-Frappe-Site-Name": self.site, "Accept": "application/json"})
		if token:
			session.headers["Authorization"] = token
		return session


def percentiles(samples):
	if not samples:
		return None, None
	ordered = sorted(samples)
	return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
