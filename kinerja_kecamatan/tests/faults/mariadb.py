"""A mariadbd of the test's own, to be SIGKILLed and started again: the shared MariaDB (port 3306)
serves the other suites and is never stopped. The test site's database is copied into it and
the site pointed at it for the test only; the served site and this process follow.

It runs with --skip-grant-tables (it listens on 127.0.0.1 only and lives for one test module),
so the site's own user and password are accepted without copying the primary's grants.
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager

import frappe
import pymysql
from frappe.database import get_db

from kinerja_kecamatan.tests.faults.processes import replace_file

# the bench user's PATH may leave out sbin, where Debian puts the server
MARIADBD = shutil.which("mariadbd") or shutil.which("mariadbd", path="/usr/sbin:/usr/local/sbin")


class OwnMariaDB:
	"""mariadbd on `port` with a datadir of its own; `kill` is a SIGKILL, as a crash or the
	out-of-memory killer leaves it, and `start` again runs InnoDB's crash recovery."""

	def __init__(self, port: int):
		self.port, self.process = port, None
		self.folder = tempfile.mkdtemp(prefix="kinerja-mariadb-")
		self.datadir = os.path.join(self.folder, "data")
		subprocess.run(
			[
				"mariadb-install-db",
				"--no-defaults",
				f"--datadir={self.datadir}",
				"--auth-root-authentication-method=normal",
				"--skip-test-db",
			],
			check=True,
			capture_output=True,
			timeout=60,
		)

	def start(self) -> "OwnMariaDB":
		self.process = subprocess.Popen(
			[
				MARIADBD,
				"--no-defaults",
				f"--datadir={self.datadir}",
				f"--port={self.port}",
				"--bind-address=127.0.0.1",
				f"--socket={self.folder}/mariadbd.sock",
				f"--pid-file={self.folder}/mariadbd.pid",
				f"--log-error={self.folder}/error.log",
				"--skip-grant-tables",
				"--skip-log-bin",
				"--innodb-buffer-pool-size=64M",
				"--character-set-server=utf8mb4",
				"--collation-server=utf8mb4_unicode_ci",
			],
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
			start_new_session=True,
		)
		deadline = time.monotonic() + 60
		while not self.answers():
			if self.process.poll() is not None or time.monotonic() > deadline:
				raise AssertionError(
					f"mariadbd on port {self.port} did not start; see {self.folder}/error.log"
				)
			time.sleep(0.2)
		return self

	def connect(self, database: str | None = None, autocommit: bool = True) -> pymysql.Connection:
		return pymysql.connect(
			host="127.0.0.1", port=self.port, user="root", database=database, autocommit=autocommit
		)

	def answers(self) -> bool:
		try:
			self.connect().close()
			return True
		except pymysql.err.OperationalError:
			return False

	def kill(self) -> None:
		if self.process:
			self.process.kill()
			self.process.wait(timeout=10)
			self.process = None

	def remove(self) -> None:
		self.kill()
		shutil.rmtree(self.folder, ignore_errors=True)

	def load_site_database(self) -> None:
		"""The test site's database as the shared MariaDB holds it now, committed data only."""
		conf = frappe.conf
		dump = subprocess.Popen(
			[
				"mariadb-dump",
				"-h",
				conf.db_host or "127.0.0.1",
				"-P",
				str(conf.db_port or 3306),
				f"-u{conf.db_user or conf.db_name}",
				f"-p{conf.db_password}",
				"--single-transaction",
				"--no-tablespaces",
				conf.db_name,
			],
			stdout=subprocess.PIPE,
		)
		connection = self.connect()
		with connection.cursor() as cursor:
			cursor.execute(f"create database `{conf.db_name}`")
		connection.close()
		subprocess.run(
			["mariadb", "-h127.0.0.1", f"-P{self.port}", "-uroot", conf.db_name],
			stdin=dump.stdout,
			check=True,
			timeout=120,
		)
		assert dump.wait(timeout=60) == 0, "mariadb-dump of the test site failed"


@contextmanager
def site_database(mariadb: OwnMariaDB):
	"""The test site's config names `mariadb` as its database for the block: the served site (it
	reads its config on every request) and this process use it; afterwards, the shared one."""
	path = os.path.join(frappe.get_site_path(), "site_config.json")
	with open(path) as file:
		original = file.read()
	shared = frappe.local.db
	address = {"db_host": "127.0.0.1", "db_port": mariadb.port}
	replace_file(path, json.dumps({**json.loads(original), **address}, indent=1))
	frappe.local.conf.update(address)
	reconnect_test_database()
	try:
		yield
	finally:
		replace_file(path, original)
		frappe.local.conf = frappe._dict(frappe.get_site_config())
		frappe.local.db = shared
		# what the served site cached while it read the other database
		frappe.clear_cache()


def reconnect_test_database() -> None:
	"""This process's connection, made again: after a restart the old one is gone for good."""
	conf = frappe.local.conf
	frappe.local.db = get_db(
		host=conf.db_host,
		port=conf.db_port,
		user=conf.db_user or conf.db_name,
		password=conf.db_password,
		cur_db_name=conf.db_name,
	)
	frappe.db.connect()
