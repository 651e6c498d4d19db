"""The README's commands never stop silently (no site needed).

A fresh machine has no bench user, no bench and no MariaDB; the development machine has them all,
so a first-run failure would hide. These tests walk the set-up's decisions in check mode as if on
a fresh machine, and make a step fail in a way no `die` foresaw.
"""

import os
import subprocess
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
FRESH_USER = "kinerja-no-such-user"
# the scripts' settings (README, "Settings"): a caller's own values must not change what is tested
SETTINGS = {
	"FRAPPE_PATH",
	"FRAPPE_BRANCH",
	"BENCH_DIR",
	"BENCH_USER",
	"DB_ROOT_PASSWORD",
	"ADMIN_PASSWORD",
	"SITE",
	"PORT",
	"TEST_SITE",
	"TEST_PORT",
	"BENCH_SITE",
	"CHECK_ONLY",
}


def run(args, env=None, **kwargs):
	clean = {name: value for name, value in os.environ.items() if name not in SETTINGS}
	return subprocess.run(
		args,
		capture_output=True,
		text=True,
		timeout=120,
		env={**clean, **(env or {})},
		**kwargs,
	)


def error_lines(stderr: str) -> list[str]:
	return [line for line in stderr.splitlines() if "ERROR:" in line]


@pytest.mark.parametrize(
	"command, last_plan",
	[
		("demo.sh", "would run the demo quarters of Kecamatan Batumandi and Kecamatan Paringin"),
		("test.sh", "would run pytest on test.localhost"),
		("benchmark.sh", "would run the benchmarks: all"),
		(
			"benchmark.sh soak",
			"would run the soak on kabupaten.localhost: the kabupaten's mix with RQ workers, "
			"memory sampled every minute",
		),
	],
)
def test_check_mode_walks_a_fresh_machine_without_the_bench_user(tmp_path, command, last_plan):
	# the user does not exist: `getent passwd` fails, which once ended the script with no word
	script, *args = command.split()
	result = run(
		[str(SCRIPTS / script), "--check", *args],
		env={"BENCH_USER": FRESH_USER, "BENCH_DIR": str(tmp_path / "frappe-bench")},
	)
	assert result.returncode == 0, result.stderr
	assert error_lines(result.stderr) == []
	out = result.stdout.splitlines()
	assert f"would create the user {FRESH_USER} (home /home/{FRESH_USER})" in out
	assert f"would install frappe-bench and uv into /home/{FRESH_USER}/.kinerja-tools" in out
	assert f"would bench init {tmp_path}/frappe-bench from https://github.com/frappe/frappe (version-15)" in out
	assert out[-1] == last_plan


@pytest.mark.parametrize(
	"script, plan",
	[
		(
			"demo.sh",
			"would serve kinerja.localhost on http://localhost:8000: nginx (/assets, /files, /socket.io), "
			"gunicorn with {workers} workers, realtime on port 9000, "
			"the scheduler and RQ workers (2 default, 1 short, 1 long)",
		),
		(
			"test.sh",
			"would serve test.localhost on http://localhost:8001: nginx (/assets, /files, /socket.io), "
			"gunicorn with {workers} workers, realtime on port 9001",
		),
	],
)
def test_check_mode_lists_what_serves_the_site(tmp_path, script, plan):
	result = run(
		[str(SCRIPTS / script), "--check"],
		env={"BENCH_USER": FRESH_USER, "BENCH_DIR": str(tmp_path / "frappe-bench")},
	)
	assert result.returncode == 0, result.stderr
	# as `bench setup production` counts them: two per core and one more
	assert plan.format(workers=2 * len(os.sched_getaffinity(0)) + 1) in result.stdout.splitlines()


def test_check_mode_with_mariadb_stopped_plans_its_start_then_the_site(tmp_path):
	# the bench and the site exist, MariaDB is stopped: its clients (stand-ins first on PATH) are
	# refused as they are then, and the site's apps can't be read from its database
	stubs = tmp_path / "bin"
	stubs.mkdir()
	for client in ("mariadb", "mariadb-admin"):
		(stubs / client).write_text(
			"#!/bin/sh\necho \"ERROR 2002 (HY000): Can't connect to server on '127.0.0.1' (111)\" >&2\nexit 1\n"
		)
		(stubs / client).chmod(0o755)
	bench = tmp_path / "frappe-bench"
	(bench / "apps" / "frappe").mkdir(parents=True)
	(bench / "env" / "bin").mkdir(parents=True)
	(bench / "env" / "bin" / "python").write_text("#!/bin/sh\n")
	(bench / "env" / "bin" / "python").chmod(0o755)
	(bench / "sites" / "kinerja.localhost").mkdir(parents=True)
	(bench / "sites" / "kinerja.localhost" / "site_config.json").write_text("{}")
	result = run(
		[str(SCRIPTS / "demo.sh"), "--check"],
		env={"BENCH_DIR": str(bench), "PATH": f"{stubs}:{os.environ['PATH']}"},
	)
	assert result.returncode == 0, result.stderr
	assert error_lines(result.stderr) == []
	out = result.stdout.splitlines()
	start = "would start MariaDB (mariadbd, without systemd), set its root password and check utf8mb4"
	site = "would migrate site kinerja.localhost once MariaDB runs, or make it again if kinerja_kecamatan is not installed on it"
	assert out.index(start) < out.index(site)
	assert out[-1] == "would run the demo quarters of Kecamatan Batumandi and Kecamatan Paringin"


def test_check_mode_changes_nothing(tmp_path):
	bench = tmp_path / "frappe-bench"
	run([str(SCRIPTS / "demo.sh"), "--check"], env={"BENCH_USER": FRESH_USER, "BENCH_DIR": str(bench)})
	assert not bench.exists()
	assert run(["id", FRESH_USER]).returncode != 0


def test_an_unforeseen_failure_names_the_step_and_the_command():
	result = run(
		["bash", "-c", f'source {SCRIPTS}/lib/setup.sh; step "a step that breaks"; ls /no/such/dir; echo after'],
	)
	assert result.returncode == 3
	assert "after" not in result.stdout
	[line] = error_lines(result.stderr)
	assert 'step "a step that breaks" failed: `ls /no/such/dir` exited with status 2' in line
	assert "run that command by hand to see why" in line


def test_a_failure_inside_a_command_substitution_is_reported_once():
	script = (
		f"source {SCRIPTS}/lib/setup.sh\n"
		'inner() { step "inner"; grep -q needle /dev/null; echo found; }\n'
		'value=$(inner)\necho "reached $value"\n'
	)
	result = run(["bash", "-c", script])
	assert result.returncode == 3
	assert "reached" not in result.stdout
	[line] = error_lines(result.stderr)
	assert 'step "inner" failed: `grep -q needle /dev/null` exited with status 1' in line


def test_die_inside_a_command_substitution_is_reported_once():
	script = f'source {SCRIPTS}/lib/setup.sh\nvalue=$(die "nothing to see; do this")\necho reached\n'
	result = run(["bash", "-c", script])
	assert result.returncode == 3
	assert "reached" not in result.stdout
	assert [line.split("ERROR:")[1].strip().removeprefix("\x1b[0m").strip() for line in error_lines(result.stderr)] == [
		"nothing to see; do this"
	]


def test_a_script_refusing_bad_arguments_says_why():
	result = run([str(SCRIPTS / "benchmark.sh"), "nonsense"])
	assert result.returncode == 3
	[line] = error_lines(result.stderr)
	assert (
		"unknown benchmark 'nonsense': use desk, reports, excel, growth, kabupaten, soak or nothing for all "
		"but kabupaten and soak" in line
	)


def test_every_script_runs_under_the_shared_error_trap():
	for script in sorted(SCRIPTS.glob("*.sh")):
		assert 'source "$(dirname "$0")/lib/setup.sh"' in script.read_text(), script.name
