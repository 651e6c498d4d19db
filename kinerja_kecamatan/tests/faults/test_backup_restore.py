"""Backup and restore (issue 26, item 7): `bench backup --with-files` taken while unit heads save
their Isian and a cycle is archived, restored onto a new site, keeps every document and file,
every signed report with its archive file, and the means to verify them: the PAdES signature by
/verifikasi's logic with the restored trust roots, and the HMAC of a report signed before PAdES
once the backup's site_config.json is restored with it, as the README says.
"""

import glob
import json
import os
import subprocess
import sys
import threading
import time

import frappe
import pytest
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import actor_at, forward_action, run_quarter
from kinerja_kecamatan.doctypes import ISIAN, LAPORAN, MONITORING
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.tests.bench import run_bench
from kinerja_kecamatan.tests.browser import on_target
from kinerja_kecamatan.tests.factories import make_cycle, make_cycle_people, open_cycle
from kinerja_kecamatan.tests.rest import api_token, http, served_url
from kinerja_kecamatan.workflow.sop import ROLE_KASUBBAG_PK

pytestmark = pytest.mark.faults

# the secrets the README keeps in site_config.json, beside the dump rather than in it
SITE_SECRETS = ("encryption_key", "kinerja_signing_key", "kinerja_tsa")
SAVES = 12  # each head's saves while the backup runs, at most

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

# what the restored site says of each signed report, through the code /verifikasi runs; and
# which values each Isian of the cycle at step 4 holds
VERIFICATION = """
import frappe, hashlib, json
frappe.init(site=SITE, sites_path="."); frappe.connect()
from kinerja_kecamatan.laporan.signature import verify, verify_pdf
def outcome(check):
	try:
		result = check()
		return {"sah": bool(result.sah), "jenis": result.jenis}
	except frappe.ValidationError as error:
		return {"sah": False, "alasan": str(error)}
def content(url):
	return url and frappe.get_doc("File", {"file_url": url}).get_content()
reports = {}
for laporan in frappe.get_all("Laporan Hasil Monitoring", {"docstatus": 1}, ["*"]):
	archive, signed = content(laporan.file_arsip), content(laporan.berkas_ttd)
	reports[laporan.name] = {
		"nomor_arsip": bool(laporan.nomor_arsip),
		"arsip_utuh": bool(archive) and hashlib.sha256(archive).hexdigest() == laporan.sidik_arsip,
		"arsip": outcome(lambda: verify_pdf(archive)) if archive else None,
		"ttd": outcome(lambda: verify_pdf(signed)) if signed else None,
		"hmac": outcome(lambda: verify(laporan.name, laporan.hash_tanda_tangan)),
	}
isian = {i: sorted({r.realisasi_tw for r in frappe.get_all("Isian Data Kinerja Indikator", {"parent": i}, ["realisasi_tw"])})
	for i in frappe.get_all("Isian Data Kinerja", {"monitoring": OPEN}, pluck="name")}
print(json.dumps({"reports": reports, "isian": isian}, sort_keys=True, default=str))
"""


def on_site(site: str, script: str, **names) -> dict:
	"""`script` run on `site` in a Python of its own; its last line, parsed."""
	given = "".join(f"{key} = {value!r}\n" for key, value in {"SITE": site, **names}.items())
	result = subprocess.run(
		[sys.executable, "-c", given + script],
		cwd=os.path.abspath(frappe.local.sites_path),
		capture_output=True,
		text=True,
		timeout=300,
	)
	assert result.returncode == 0, result.stderr
	return json.loads(result.stdout.strip().splitlines()[-1])


def inventory(site: str) -> dict:
	return on_site(site, INVENTORY)


class TestBackupRestore(FrappeTestCase):
	def test_a_backup_taken_while_heads_save_and_a_step_moves_restores_and_verifies(self):
		people = make_cycle_people()
		signed, heads = make_cycle(people, units=2)
		kasubbag = people[ROLE_KASUBBAG_PK]
		# TW I signed with PAdES and archived; TW II signed, then made a report of before PAdES
		# (HMAC only), archived while the backup runs; TW III's heads save while it runs
		older = open_cycle(kasubbag, signed.kecamatan, signed.perjanjian_kinerja, triwulan="II").name
		filling = open_cycle(kasubbag, signed.kecamatan, signed.perjanjian_kinerja, triwulan="III").name
		run_quarter(people, heads, signed.name, on_target, until=13)
		run_quarter(people, heads, older, on_target, until=12)
		run_quarter(people, heads, filling, on_target, until=4)
		frappe.db.set_value(LAPORAN, laporan_of(older), {"jenis_tanda_tangan": "HMAC", "berkas_ttd": None})
		frappe.db.commit()
		before = inventory(frappe.local.site)

		isian = frappe.get_all(ISIAN, {"monitoring": filling}, ["name", "unit_kerja"])
		rows = {
			i.name: frappe.get_all(f"{ISIAN} Indikator", {"parent": i.name}, ["name", "indikator"])
			for i in isian
		}
		archivist = people[actor_at(older, 12)]
		step = {
			"doc": frappe.as_json(frappe.get_doc(MONITORING, older).as_dict()),
			"action": forward_action(older),
		}
		served_url()  # the threads call the served site, with tokens made here
		for user in {archivist, *heads.values()}:
			api_token(user)
		answers, backup_done = [], threading.Event()

		def save(head: str, name: str):
			for value in range(100, 100 + SAVES):
				if backup_done.is_set():
					return
				body = {"indikator": [{**row, "realisasi_tw": str(value)} for row in rows[name]]}
				sent = time.monotonic()
				status = http("PUT", f"/api/resource/{ISIAN}/{name}", head, body)[0]
				answers.append((status, "save", sent, time.monotonic()))

		def archive():
			path = "/api/method/frappe.model.workflow.apply_workflow"
			sent = time.monotonic()
			answers.append((http("POST", path, archivist, step)[0], "step", sent, time.monotonic()))

		savers = [threading.Thread(target=save, args=(heads[i.unit_kerja], i.name)) for i in isian]
		for saver in savers:
			saver.start()
		# the heads' first saves committed, and still saving, when the step and the backup start
		deadline = time.monotonic() + 60
		while len(answers) < len(isian) and time.monotonic() < deadline:
			time.sleep(0.2)
		archiving = threading.Thread(target=archive)
		archiving.start()
		started = time.monotonic()
		try:
			run_bench("backup", "--with-files")
		finally:
			ended = time.monotonic()
			backup_done.set()
			for writer in (*savers, archiving):
				writer.join(timeout=120)
		self.assertEqual({answer[0] for answer in answers}, {200}, answers)  # nothing refused, no 5xx
		# a save and the step were under way while the backup ran
		during = {kind for _status, kind, sent, answered in answers if sent < ended and answered > started}
		self.assertEqual(during, {"save", "step"}, (started, ended, answers))
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(MONITORING, older, "langkah"), 13)

		backups = frappe.get_site_path("private", "backups")

		def newest(pattern, exclude="\0"):
			found = [
				f for f in glob.glob(os.path.join(backups, pattern)) if exclude not in os.path.basename(f)
			]
			return max(found, key=os.path.getmtime)

		# a site of this test site's own: other engineers' test sites restore theirs at once
		restored = f"restore.{frappe.local.site}"
		root_password = os.environ.get("DB_ROOT_PASSWORD", "kinerja")
		try:
			run_bench(
				"new-site",
				restored,
				"--db-root-password",
				root_password,
				"--admin-password",
				"admin",
				"--force",  # an earlier run that was killed may have left the site behind
				site=restored,
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
				site=restored,
			)
			after = inventory(restored)
			without_secrets = on_site(restored, VERIFICATION, OPEN=filling)
			# the README's step: the backup's copy of site_config.json restored with the site
			with open(newest("*-site_config_backup.json")) as file:
				secrets = {key: value for key, value in json.load(file).items() if key in SITE_SECRETS}
			config = os.path.join(frappe.local.sites_path, restored, "site_config.json")
			with open(config) as file:
				merged = {**json.load(file), **secrets}
			with open(config, "w") as file:
				json.dump(merged, file, indent=1)
			verified = on_site(restored, VERIFICATION, OPEN=filling)
		finally:
			run_bench(
				"drop-site",
				restored,
				"--db-root-password",
				root_password,
				"--force",
				"--no-backup",
				site=restored,
			)

		# every document and file there before the backup, the same; nothing else but the
		# archive made while it ran, if the dump caught it
		self.assertEqual(after["counts"], before["counts"])
		self.assertEqual({url: after["files"][url] for url in before["files"]}, before["files"])
		self.assertLessEqual(len(after["files"]) - len(before["files"]), 2)

		self.assertEqual(set(SITE_SECRETS) - set(secrets), set())
		pades_report, older_report = laporan_of(signed.name), laporan_of(older)
		reports = verified["reports"]
		self.assertIn(pades_report, reports)
		self.assertIn(older_report, reports)
		# the PAdES report: its archive whole and verifying, with or without the site's secrets
		self.assertEqual(
			reports[pades_report],
			{
				"nomor_arsip": True,
				"arsip_utuh": True,
				"arsip": {"sah": True, "jenis": "PAdES"},
				"ttd": {"sah": True, "jenis": "PAdES"},
				"hmac": {"sah": True, "jenis": None},
			},
		)
		self.assertEqual(without_secrets["reports"][pades_report]["arsip"], {"sah": True, "jenis": "PAdES"})
		# the older report: archived or not, as the dump caught it, never a number without its file;
		# its HMAC verifies only with the site's own key
		older_restored = reports[older_report]
		self.assertEqual(older_restored["nomor_arsip"], older_restored["arsip_utuh"])
		self.assertEqual(older_restored["hmac"], {"sah": True, "jenis": None})
		if older_restored["arsip"]:
			self.assertEqual(older_restored["arsip"], {"sah": True, "jenis": "HMAC"})
		self.assertFalse(without_secrets["reports"][older_report]["hmac"]["sah"])
		# each Isian as one whole save left it, never half of one, and never older than the saves
		# committed before the backup began
		self.assertEqual(len(verified["isian"]), len(isian))
		for values in verified["isian"].values():
			self.assertEqual(len(values), 1, verified["isian"])
			self.assertIn(float(values[0] or 0), range(100, 100 + SAVES), verified["isian"])
