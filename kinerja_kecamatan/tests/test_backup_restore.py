"""Backup and restore (bench backup → a new site → restore) keep every document and file."""

import glob
import json
import os
import subprocess
import sys

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import run_quarter
from kinerja_kecamatan.tests.bench import run_bench
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
)

RESTORED = "restore.localhost"

# counted on both sites by the same code
INVENTORY = """
import frappe, hashlib, json
frappe.init(site=SITE, sites_path="."); frappe.connect()
doctypes = frappe.get_all("DocType", {"module": "Kinerja Kecamatan", "istable": 0, "issingle": 0}, pluck="name")
def digest(content):  # Frappe hands a text file's content back as str
	return hashlib.sha256(content.encode() if isinstance(content, str) else content).hexdigest()
files = {f.file_url: digest(frappe.get_doc("File", f.name).get_content())
	for f in frappe.get_all("File", {"is_folder": 0, "attached_to_doctype": ("like", "%")}, ["name", "file_url"])}
print(json.dumps({"counts": {d: frappe.db.count(d) for d in sorted(doctypes)}, "files": files}, sort_keys=True))
"""


def inventory(site: str) -> dict:
	result = subprocess.run(
		[sys.executable, "-c", f"SITE = {site!r}\n{INVENTORY}"],
		cwd=os.path.abspath(frappe.local.sites_path),
		capture_output=True,
		text=True,
		timeout=300,
	)
	assert result.returncode == 0, result.stderr
	return json.loads(result.stdout.strip().splitlines()[-1])


class TestBackupRestore(FrappeTestCase):
	def test_restore_on_a_new_site_keeps_documents_and_archived_pdf(self):
		people = make_cycle_people()
		monitoring, heads = make_cycle(people)
		run_quarter(people, heads, monitoring.name, lambda row: ("100", {}), until=13)
		frappe.db.commit()
		before = inventory(frappe.local.site)
		self.assertGreaterEqual(before["counts"]["Laporan Hasil Monitoring"], 1)
		self.assertTrue(any(url.endswith(".pdf") for url in before["files"]))

		run_bench("backup", "--with-files")
		backups = os.path.join(frappe.get_site_path("private", "backups"))

		def newest(pattern, exclude="\0"):
			found = [
				f for f in glob.glob(os.path.join(backups, pattern)) if exclude not in os.path.basename(f)
			]
			return max(found, key=os.path.getmtime)

		root_password = os.environ.get("DB_ROOT_PASSWORD", "kinerja")
		try:
			run_bench(
				"new-site",
				RESTORED,
				"--db-root-password",
				root_password,
				"--admin-password",
				"admin",
				# an earlier run that was killed may have left the site behind
				"--force",
				site=RESTORED,
			)
			run_bench(
				"restore",
				newest("*-database.sql.gz"),
				"--db-root-password",
				root_password,
				"--admin-password",
				"admin",
				"--with-public-files",
				newest("*-files.tar", exclude="private"),
				"--with-private-files",
				newest("*-private-files.tar"),
				"--force",
				site=RESTORED,
			)
			after = inventory(RESTORED)
		finally:
			run_bench(
				"drop-site",
				RESTORED,
				"--db-root-password",
				root_password,
				"--force",
				"--no-backup",
				site=RESTORED,
			)
		self.assertEqual(after["counts"], before["counts"])
		self.assertEqual(after["files"], before["files"])
