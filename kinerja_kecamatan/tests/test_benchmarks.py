"""The benchmarks still run: `./scripts/benchmark.sh --smoke` goes through desk, reports, excel and
growth at tiny sizes, one sample each, and prints their ratios (issue #21: `desk` had rotted,
reading step 3's Isian before any worker had made them).

It runs the script as an operator would, on a site of its own next to the test site (made on the
first run, migrated after), with an environment of its own: the caller's settings change nothing.
A few minutes; run it alone with `./scripts/test.sh kinerja_kecamatan/tests/test_benchmarks.py`
or `-m benchmarks`.
"""

import os
import pwd
import re
import subprocess
from pathlib import Path

import frappe
import pytest

pytestmark = pytest.mark.benchmarks

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "benchmark.sh"
TIMEOUT = 1200
NUMBER = r"\d+\.\d+"
# one line per benchmark that shows its ratio to its anchor was computed
RATIO_LINES = {
	"desk, against its anchor": rf"^open Isian \(getdoc\)\s+{NUMBER}\s+{NUMBER}\s.*≤1\.2× twin",
	"desk, PDF against bare wkhtmltopdf": (
		rf"^PDF Laporan, in-process get_print\s+{NUMBER}\s+{NUMBER}\s.*≤1\.3× bare wkhtmltopdf"
	),
	"desk, throughput against the twin": rf"^\d+ heads saving at once\s+{NUMBER}\s.*≥0\.8× twin",
	"reports, against Report View": rf"^Capaian Kinerja Triwulan\s+{NUMBER}\s+{NUMBER}\s+{NUMBER}$",
	"excel, against openpyxl": rf"^import a filled [\d,]+-row file\s+{NUMBER}\s+{NUMBER}\s+{NUMBER}$",
	"growth, queued step 3 run by a worker": rf"^langkah 3 → 4 \(distribusi\)\s+3 unit\s+{NUMBER}.*background job {NUMBER} s",
}


def smoke_environment(site: str, tmp_path: Path) -> dict:
	"""What the script needs, and nothing of the caller's: the bench this test runs in, a site of
	its own, the MariaDB root password test.sh was given, a temporary folder of its own (the
	set-up's log in /tmp may belong to root)."""
	user = pwd.getpwuid(os.getuid())
	return {
		"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
		"HOME": user.pw_dir,
		"LANG": "C.UTF-8",
		"TMPDIR": str(tmp_path),
		"BENCH_DIR": str(Path(frappe.local.sites_path).resolve().parent),
		"BENCH_SITE": f"benchmark-smoke.{site}",
		"DB_ROOT_PASSWORD": os.environ.get("DB_ROOT_PASSWORD", "kinerja"),
	}


def test_smoke_run_of_every_benchmark_prints_its_ratios(tmp_path):
	site = getattr(frappe.local, "site", None)
	if not site:
		pytest.skip("needs the bench: run ./scripts/test.sh")
	frappe.db.commit()  # nothing of this test's transaction held while the script works
	result = subprocess.run(
		[str(SCRIPT), "--smoke"],
		env=smoke_environment(site, tmp_path),
		capture_output=True,
		text=True,
		timeout=TIMEOUT,
	)
	output = result.stdout + result.stderr
	assert result.returncode == 0, output[-6000:]
	lines = [line.strip() for line in result.stdout.splitlines()]
	missing = [
		what for what, pattern in RATIO_LINES.items() if not any(re.search(pattern, line) for line in lines)
	]
	assert missing == [], f"no ratio line for {missing}:\n{result.stdout[-6000:]}"
