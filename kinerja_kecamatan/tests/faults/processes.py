"""What a fault test starts and kills: a redis-server of its own, the test site pointed at it for
the test only, RQ workers on it, and a look at what a worker has written but not yet committed.

The bench's own Redis servers and the shared MariaDB are never stopped: the demo and the other
suites run on them.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, suppress

import frappe
import psutil
import pymysql
import redis
from frappe.utils import background_jobs
from frappe.utils.redis_wrapper import setup_cache

from kinerja_kecamatan.tests.bench import start_bench


class OwnRedis:
	"""redis-server on `port` without persistence: stopped, its data is gone; started again, it is
	empty, as a restarted queue or cache is."""

	def __init__(self, port: int):
		self.port, self.url, self.process = port, f"redis://127.0.0.1:{port}", None
		self.folder = tempfile.mkdtemp(prefix="kinerja-redis-")

	def start(self) -> "OwnRedis":
		self.process = subprocess.Popen(
			[
				"redis-server",
				"--port",
				str(self.port),
				"--bind",
				"127.0.0.1",
				"--save",
				"",
				"--dir",
				self.folder,
			],
			stdout=subprocess.DEVNULL,
		)
		deadline = time.monotonic() + 10
		while not self.answers():
			if time.monotonic() > deadline:
				raise AssertionError(f"redis-server on port {self.port} did not start in 10 s")
			time.sleep(0.1)
		return self

	def answers(self) -> bool:
		try:
			return redis.Redis(port=self.port, socket_connect_timeout=1).ping()
		except redis.exceptions.ConnectionError:
			return False

	def stop(self) -> None:
		"""SIGKILL: it goes away as a crashed server does, answering nothing more."""
		if self.process:
			self.process.kill()
			self.process.wait(timeout=10)
			self.process = None


@contextmanager
def site_redis(**urls: str):
	"""The test site's config names `urls` (redis_queue=…, redis_cache=…) for the block, and what
	it named before afterwards. This process's connections follow: Frappe keeps one of each per
	process, made on first use."""
	path = os.path.join(frappe.get_site_path(), "site_config.json")
	with open(path) as file:
		original = file.read()
	before = {key: frappe.local.conf.get(key) for key in urls}
	replace_file(path, json.dumps({**json.loads(original), **urls}, indent=1))
	reconnect(urls)
	try:
		yield
	finally:
		replace_file(path, original)
		reconnect(before)


def replace_file(path: str, text: str) -> None:
	# the served site may read it at any moment: never half-written
	with open(f"{path}.faults", "w") as file:
		file.write(text)
	os.replace(f"{path}.faults", path)


def reconnect(urls: dict) -> None:
	frappe.local.conf.update(urls)
	background_jobs._redis_queue_conn = None
	frappe.cache = setup_cache()


def start_worker(queue_redis: OwnRedis, queue: str = "long", burst: bool = True):
	"""`bench worker` on the test's Redis: a worker reads the queue's address from the bench's
	common config, which is shared, so it is given the test's in its environment."""
	return start_bench(
		"worker",
		"--queue",
		queue,
		*(["--burst"] if burst else []),
		env={"FRAPPE_REDIS_QUEUE": queue_redis.url},
	)


def kill_worker(worker: subprocess.Popen) -> None:
	"""SIGKILL to the worker and its work horse at once (RQ forks the horse into a session of its
	own), as the out-of-memory killer or a lost machine leaves them: nothing of theirs cleans up."""
	try:
		processes = [psutil.Process(worker.pid), *psutil.Process(worker.pid).children(recursive=True)]
	except psutil.NoSuchProcess:
		processes = []
	for process in processes:
		with suppress(psutil.NoSuchProcess):
			process.kill()
	worker.wait(timeout=10)


class Progress:
	"""The progress a job publishes for its progress bar (Frappe's realtime passes through the
	queue's Redis)."""

	def __init__(self, queue_redis: OwnRedis):
		self.pubsub = redis.Redis(port=queue_redis.port).pubsub(ignore_subscribe_messages=True)
		self.pubsub.subscribe("events")

	def reaches(self, percent: float, seconds: float) -> bool:
		deadline = time.monotonic() + seconds
		while time.monotonic() < deadline:
			message = self.pubsub.get_message(timeout=0.5)
			if message:
				event = json.loads(message["data"])
				if event["event"] == "progress" and event["message"]["percent"] >= percent:
					return True
		return False


def connect_site_database(autocommit: bool = True) -> pymysql.Connection:
	"""A connection of the test's own to the site's database, beside Frappe's."""
	conf = frappe.conf
	return pymysql.connect(
		host=conf.db_host,
		port=int(conf.db_port),
		user=conf.get("db_user") or conf.db_name,
		password=conf.db_password,
		database=conf.db_name,
		autocommit=autocommit,
	)


def count_uncommitted(doctype: str, **filters) -> int:
	"""Rows of `doctype` as the database holds them now, uncommitted ones included: what a worker
	has written so far in its open transaction."""
	connection = connect_site_database()
	try:
		with connection.cursor() as cursor:
			cursor.execute("set session transaction isolation level read uncommitted")
			where = " and ".join(f"`{field}` = %s" for field in filters)
			cursor.execute(f"select count(*) from `tab{doctype}` where {where}", tuple(filters.values()))
			return cursor.fetchone()[0]
	finally:
		connection.close()


@contextmanager
def renderer(behaviour: str):
	"""A `wkhtmltopdf` first on this process's PATH for the block, which does `behaviour` (a shell
	line) instead of rendering: Frappe finds the renderer by PATH (pdfkit runs `which
	wkhtmltopdf`). It writes its process id to `pid` in its folder."""
	folder = tempfile.mkdtemp(prefix="kinerja-wkhtmltopdf-")
	path = os.path.join(folder, "wkhtmltopdf")
	with open(path, "w") as file:
		file.write(f'#!/bin/sh\necho $$ > "{folder}/pid"\n{behaviour}\n')
	os.chmod(path, 0o755)
	before = os.environ["PATH"]
	os.environ["PATH"] = f"{folder}:{before}"
	try:
		yield folder
	finally:
		os.environ["PATH"] = before


def run_on_a_full_disk(script: str, files_folder: str, timeout: int = 120) -> dict:
	"""`script` (Python, printing one JSON line last) run in the bench's Python where `files_folder`
	is a full filesystem: a 512 KB tmpfs filled to its last byte, mounted in a mount namespace of
	the process's own (an unprivileged user namespace), so that no other process, test or the
	served site sees it, and it is gone when the process ends."""
	fill = 'mount -t tmpfs -o size=512k kinerja-full "$1" && (dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true)'
	result = subprocess.run(
		[
			"unshare",
			"--user",
			"--map-root-user",
			"--mount",
			"sh",
			"-ec",
			f'{fill}; shift; exec "$@"',
			"sh",
			files_folder,
			sys.executable,
			"-c",
			script,
		],
		cwd=os.path.abspath(frappe.local.sites_path),
		capture_output=True,
		text=True,
		timeout=timeout,
	)
	assert result.returncode == 0, result.stderr
	return json.loads(result.stdout.strip().splitlines()[-1])
