"""Installing the app into an intranet that already runs Frappe, as its administrator would
(README, "Memasang di intranet Frappe yang sudah ada").

The intranet is a site of its own, made the stock way: `bench new-site`, the setup wizard finished
in English through the same call the wizard page makes (United Kingdom, Europe/Berlin, #,###.##),
staff with a role of the intranet's own, and another app made with `bench new-app` and installed.
Then `install-app kinerja_kecamatan`, `migrate`, the app used by a Camat and a unit head over
Frappe's WSGI application, and `uninstall-app`. The shared test site is only used to run this.

Run it alone: ./scripts/test.sh kinerja_kecamatan/tests/test_intranet_install.py (or -m intranet).
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import frappe
import pytest
from frappe.app import application
from frappe.tests.utils import FrappeTestCase
from werkzeug.test import Client

from kinerja_kecamatan.tests.bench import run_bench

APP = "kinerja_kecamatan"
MODULE = "kinerja_kecamatan.tests.test_intranet_install"
ADMIN_PASSWORD = "admin"
PASSWORD = "Intranet#2024"

# the setup wizard's answers, as its page posts them
WIZARD = {
	"language": "English",
	"country": "United Kingdom",
	"timezone": "Europe/Berlin",
	"currency": "GBP",
	"full_name": "Ian Admin",
	"email": "it.admin@intranet.example",
	"password": PASSWORD,
}
IT_ADMIN = WIZARD["email"]
# the intranet's staff before the app: a role of its own ("Arsiparis") and one that happens to
# share a name with one of the app's ("Camat", used by the intranet's letters)
SARI = "sari@intranet.example"  # no language of her own
BUDI = "budi@intranet.example"  # chose English, opens on the Website workspace
WARGA = "warga@intranet.example"  # a website user
STAFF = {
	SARI: {"first_name": "Sari", "roles": ["Arsiparis"]},
	BUDI: {
		"first_name": "Budi",
		"roles": ["Arsiparis", "Camat", "Blogger"],
		"language": "en",
		"default_workspace": "Website",
	},
	WARGA: {"first_name": "Warga", "roles": [], "user_type": "Website User"},
}
INTRANET_ROLES = ("Arsiparis", "Camat")
# after install, made the way the README tells the administrator to
CAMAT = "camat.batumandi@intranet.example"
KASI = "kasi.pemerintahan@intranet.example"

USER_FIELDS = (
	"enabled",
	"user_type",
	"language",
	"time_zone",
	"default_workspace",
	"default_app",
	"role_profile_name",
	"module_profile",
	"desk_theme",
	"modified",
)


def intranet_names() -> tuple[str, str]:
	"""This run's intranet site and fixture app, named after the test site, so that runs with their
	own TEST_SITE on one bench never share them."""
	tag = hashlib.sha1(frappe.local.site.encode()).hexdigest()[:6]
	return f"intranet-{tag}.localhost", f"intranet_fixture_{tag}"


# --- run on the intranet site, each in a process of its own (on_site) ---------------------------


def make_intranet_staff() -> None:
	"""What the intranet had before the app: its own roles and the staff holding them."""
	for role in INTRANET_ROLES:
		frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": 1}).insert()
	for email, person in STAFF.items():
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"send_welcome_email": 0,
				"new_password": PASSWORD,
				**{k: v for k, v in person.items() if k != "roles"},
			}
		).insert()
		if person["roles"]:
			user.add_roles(*person["roles"])


def site_state() -> dict:
	"""Everything the test compares: apps, modules, System Settings and the site's defaults, roles,
	and each user's role assignments (Has Role rows, not Administrator's implied every role) and
	settings."""
	users = {}
	for name in frappe.get_all("User", pluck="name"):
		user = frappe.get_doc("User", name)
		users[name] = {field: user.get(field) for field in USER_FIELDS}
		users[name]["roles"] = sorted(row.role for row in user.roles)
		users[name]["blocked_modules"] = sorted(row.module for row in user.block_modules)
	return {
		"apps": frappe.get_installed_apps(),
		"modules": sorted(frappe.get_all("Module Def", pluck="name")),
		"system_settings": frappe.get_doc("System Settings").as_dict(),
		"defaults": frappe.db.get_defaults(),
		"roles": {
			role.name: {"desk_access": role.desk_access, "disabled": role.disabled}
			for role in frappe.get_all("Role", ["name", "desk_access", "disabled"])
		},
		"users": users,
	}


def make_app_users() -> None:
	"""A kecamatan's Camat and a unit head, made as the README says: a User (no language chosen)
	given the Camat role in the desk and named on a Pejabat record; a Pejabat made head of a Unit
	Kerja, which gives the Kepala Unit Kerja role. A second kecamatan they must not see."""
	from kinerja_kecamatan.tests.factories import make_kecamatan, make_officer, make_unit

	for kecamatan in ("Batumandi", "Awayan"):
		make_kecamatan(kecamatan)
	for email, first_name in ((CAMAT, "Abdul"), (KASI, "Rahmat")):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name,
				"send_welcome_email": 0,
				"new_password": PASSWORD,
			}
		).insert()
	frappe.get_doc("User", CAMAT).add_roles("Camat")
	make_officer("Batumandi", CAMAT, "Camat")
	make_unit("Batumandi", "Seksi Pemerintahan", kepala_unit=KASI)


def last_error() -> str | None:
	"""The newest Error Log's traceback, to say why a request failed."""
	return frappe.db.get_value("Error Log", {}, "error", order_by="creation desc")


def on_site(site: str, function: str):
	"""Run `function` of this module in a process of its own connected to `site` (committing after,
	as `bench execute` does), and return what it returns."""
	script = (
		"import json, frappe\n"
		f"frappe.init(site={site!r}, sites_path='.')\n"
		"frappe.connect()\n"
		f"from {MODULE} import {function}\n"
		f"result = {function}()\n"
		"frappe.db.commit()\n"
		"print('RESULT ' + json.dumps(result, default=str, sort_keys=True))\n"
		"frappe.destroy()\n"
	)
	result = subprocess.run(
		[sys.executable, "-c", script],
		cwd=os.path.abspath(frappe.local.sites_path),
		capture_output=True,
		text=True,
		timeout=300,
	)
	if result.returncode:
		raise AssertionError(f"{function} on {site} failed:\n{result.stdout}\n{result.stderr}")
	line = next(line for line in reversed(result.stdout.splitlines()) if line.startswith("RESULT "))
	return json.loads(line.removeprefix("RESULT "))


# --- the intranet's users in their browsers ------------------------------------------------------


class DeskSession:
	"""One user's requests to `site` through Frappe's WSGI application, keeping their session
	cookie. Each request runs in a thread of its own (its own frappe.local and connection)."""

	def __init__(self, site: str):
		self.client = Client(application)
		self.site = site
		self.headers = {"X-Frappe-Site-Name": site}

	def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, str]:
		result = {}

		def call():
			response = self.client.open(path, method=method, data=data, headers=self.headers)
			result["status"], result["text"] = response.status_code, response.get_data(as_text=True)

		thread = threading.Thread(target=call)
		thread.start()
		thread.join()
		return result["status"], result["text"]

	def call(self, method: str, path: str, data: dict | None = None) -> tuple[int, dict]:
		status, text = self.request(method, path, data)
		return status, json.loads(text or "{}")

	def login(self, user: str, password: str) -> "DeskSession":
		status, body = self.call("POST", "/api/method/login", {"usr": user, "pwd": password})
		assert status == 200, f"{user} cannot log in: {body}"
		return self

	def boot(self) -> dict:
		"""frappe.boot as the desk page /app hands it to the browser."""
		status, html = self.request("GET", "/app")
		assert status == 200, f"/app answered {status}: {on_site(self.site, 'last_error')}"
		start = html.index("frappe.boot = JSON.parse(") + len("frappe.boot = JSON.parse(")
		boot_json, _ = json.JSONDecoder().raw_decode(html, start)
		return json.loads(boot_json)


def server_message(body: dict) -> str:
	"""The message Frappe shows the user in its dialog."""
	return json.loads(json.loads(body["_server_messages"])[0])["message"]


def desk_of(site: str, user: str, password: str) -> dict:
	"""What `user` gets on opening /app: the language, the first screen and the sidebar."""
	session = DeskSession(site).login(user, password)
	boot = session.boot()
	_, sidebar = session.call("GET", "/api/method/frappe.desk.desktop.get_workspace_sidebar_items")
	pages = [page["name"] for page in sidebar["message"]["pages"]]
	default_workspace = (boot["user"].get("default_workspace") or {}).get("name")
	return {
		"lang": boot["lang"],
		# a label of Frappe's the app words its own way in Indonesian (translations/id.csv)
		"workflow_action": boot["__messages"].get("Workflow Action", "Workflow Action"),
		"home_page": boot["home_page"],
		"sidebar": pages,
		# the workspace /app opens on (workspace.js get_page_to_show, on a first visit)
		"workspace": default_workspace or (pages[0] if pages else None),
	}


DESK_USERS = {"Administrator": ADMIN_PASSWORD, IT_ADMIN: PASSWORD, SARI: PASSWORD, BUDI: PASSWORD}


def desks(site: str) -> dict:
	return {user: desk_of(site, user, password) for user, password in DESK_USERS.items()}


# --- the bench ---------------------------------------------------------------------------------


def bench_cli(*args: str, stdin: str | None = None) -> None:
	"""The `bench` command itself (new-app, remove-app), run in the bench directory."""
	executable = shutil.which("bench")
	assert executable, "the bench command is not on PATH (./scripts/test.sh puts it there)"
	result = subprocess.run(
		[executable, *args],
		cwd=bench_dir(),
		input=stdin,
		capture_output=True,
		text=True,
		timeout=600,
	)
	if result.returncode:
		raise AssertionError(f"bench {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def make_fixture_app(app: str) -> None:
	"""`bench new-app`, answering its questions on stdin: title, description, publisher, email,
	license, no GitHub workflow."""
	title = app.replace("_", " ").title()
	answers = f"{title}\nThe intranet's own small app\nIntranet IT\nit@intranet.example\nmit\nn\n"
	bench_cli("new-app", "--no-git", app, stdin=answers)
	# this process started before the app existed: it finds it where a restarted one would
	sys.path.append(os.path.join(bench_dir(), "apps", app))


def remove_fixture_app(app: str) -> None:
	if os.path.isdir(os.path.join(bench_dir(), "apps", app)):
		bench_cli("remove-app", app, "--no-backup", "--force")
	# bench leaves the app's assets link behind
	link = os.path.join(bench_dir(), "sites", "assets", app)
	if os.path.islink(link):
		os.unlink(link)


def bench_dir() -> str:
	return os.path.dirname(os.path.abspath(frappe.local.sites_path))


def db_root_password() -> str:
	return os.environ.get("DB_ROOT_PASSWORD", "kinerja")


@pytest.mark.intranet
class TestIntranetInstall(FrappeTestCase):
	"""One round trip, recorded in setUpClass; each test reads one thing the administrator would
	check."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.site, cls.fixture_app = intranet_names()
		cls.addClassCleanup(cls.tear_down_intranet)
		cls.clock = time.monotonic()

		cls.make_intranet()
		cls.before = on_site(cls.site, "site_state")
		cls.desks_before = desks(cls.site)
		cls.lap("state and desks before")

		run_bench("install-app", APP, site=cls.site)
		run_bench("migrate", site=cls.site)
		cls.lap("install-app and migrate")
		cls.installed = on_site(cls.site, "site_state")
		cls.desks_installed = desks(cls.site)
		cls.use_the_app()
		cls.lap("state, desks and the app's users")

		run_bench("uninstall-app", APP, "--yes", "--no-backup", site=cls.site)
		cls.lap("uninstall-app")
		cls.uninstalled = on_site(cls.site, "site_state")
		cls.desks_uninstalled = desks(cls.site)
		cls.lap("state and desks after")

	@classmethod
	def lap(cls, what: str) -> None:
		"""Print how long `what` took (pytest -s shows it)."""
		now = time.monotonic()
		print(f"intranet: {what} {now - cls.clock:.0f} s")
		cls.clock = now

	@classmethod
	def make_intranet(cls):
		remove_fixture_app(cls.fixture_app)  # left by a run that was killed
		run_bench(
			"new-site",
			cls.site,
			"--db-root-password",
			db_root_password(),
			"--admin-password",
			ADMIN_PASSWORD,
			"--force",
			site=cls.site,
		)
		cls.lap("new-site")
		# the bench's scheduler (the demo's, another run's) leaves this site's jobs alone
		run_bench("set-config", "--parse", "pause_scheduler", "1", site=cls.site)
		admin = DeskSession(cls.site).login("Administrator", ADMIN_PASSWORD)
		status, body = admin.call(
			"POST",
			"/api/method/frappe.desk.page.setup_wizard.setup_wizard.setup_complete",
			{"args": json.dumps(WIZARD)},
		)
		assert (status, body.get("message")) == (200, {"status": "ok"}), body
		cls.lap("setup wizard")
		make_fixture_app(cls.fixture_app)
		run_bench("install-app", cls.fixture_app, site=cls.site)
		cls.lap("new-app and its install-app")
		on_site(cls.site, "make_intranet_staff")
		cls.lap("the intranet's roles and staff")

	@classmethod
	def use_the_app(cls):
		"""The Camat and the unit head at work, and Sari, who has nothing to do with the app."""
		on_site(cls.site, "make_app_users")
		cls.app_users = on_site(cls.site, "site_state")["users"]
		camat = DeskSession(cls.site).login(CAMAT, PASSWORD)
		cls.camat_boot = camat.boot()
		cls.camat_kecamatan = camat.call("GET", "/api/resource/Kecamatan")
		cls.camat_other_kecamatan = camat.call("GET", "/api/resource/Kecamatan/Awayan")
		cls.kasi_boot = DeskSession(cls.site).login(KASI, PASSWORD).boot()
		cls.sari_other_kecamatan = (
			DeskSession(cls.site).login(SARI, PASSWORD).call("GET", "/api/resource/Kecamatan/Awayan")
		)

	@classmethod
	def tear_down_intranet(cls):
		archive = tempfile.mkdtemp(prefix="intranet-archive-")
		try:
			run_bench(
				"drop-site",
				cls.site,
				"--db-root-password",
				db_root_password(),
				"--force",
				"--no-backup",
				"--archived-sites-path",
				archive,
				site=cls.site,
			)
		finally:
			shutil.rmtree(archive, ignore_errors=True)
			remove_fixture_app(cls.fixture_app)

	def existing(self, state: dict) -> dict:
		"""The users the intranet had before the install, as `state` has them."""
		return {name: state["users"][name] for name in self.before["users"]}

	def test_the_intranet_was_made_the_stock_way_in_english(self):
		settings = self.before["system_settings"]
		self.assertEqual(
			(settings["language"], settings["time_zone"], settings["number_format"], settings["country"]),
			("en", "Europe/Berlin", "#,###.##", "United Kingdom"),
		)
		self.assertEqual(self.before["apps"], ["frappe", self.fixture_app])
		self.assertIn("Camat", self.before["users"][BUDI]["roles"])
		self.assertEqual(self.desks_before[SARI]["lang"], "en")

	def test_install_changes_no_system_setting(self):
		self.assertEqual(self.installed["apps"], ["frappe", self.fixture_app, APP])
		self.assertEqual(self.installed["system_settings"], self.before["system_settings"])
		self.assertEqual(self.installed["defaults"], self.before["defaults"])

	def test_install_gives_or_takes_no_existing_user_a_role(self):
		self.assertEqual(
			{name: user["roles"] for name, user in self.existing(self.installed).items()},
			{name: user["roles"] for name, user in self.before["users"].items()},
		)
		self.assertEqual(self.installed["roles"]["Camat"], {"desk_access": 1, "disabled": 0})

	def test_install_changes_no_existing_user_or_their_first_screen(self):
		self.assertEqual(self.existing(self.installed), self.before["users"])
		self.assertEqual(self.installed["users"][BUDI]["default_workspace"], "Website")
		# Budi now holds the app's Camat through the intranet's role of that name, so his first
		# screen is the app's; everyone else opens the desk where they did, in their language
		first_screen = ("lang", "workflow_action", "home_page", "workspace")
		for user in ("Administrator", IT_ADMIN, SARI):
			self.assertEqual(
				{key: self.desks_installed[user][key] for key in first_screen},
				{key: self.desks_before[user][key] for key in first_screen},
				user,
			)
		self.assertEqual(self.desks_installed[BUDI]["lang"], "en")
		# Sari, outside the app, has the sidebar she had (Workspace Managers see every workspace)
		self.assertEqual(self.desks_installed[SARI]["sidebar"], self.desks_before[SARI]["sidebar"])

	def test_app_users_get_indonesian_on_an_english_site(self):
		self.assertEqual(self.app_users[CAMAT]["language"], "id")
		self.assertEqual(self.app_users[KASI]["language"], "id")
		self.assertIn("Kepala Unit Kerja", self.app_users[KASI]["roles"])
		for boot in (self.camat_boot, self.kasi_boot):
			self.assertEqual(boot["lang"], "id")
			# the app's own wording of a Frappe label (translations/id.csv), and Frappe's
			self.assertEqual(boot["__messages"]["Workflow Action"], "Tindakan Menunggu Saya")
			self.assertEqual(boot["__messages"]["Save"], "Simpan")
		# the site's default and its English staff are untouched
		self.assertEqual(self.installed["system_settings"]["language"], "en")
		self.assertEqual(
			(self.desks_installed[SARI]["lang"], self.desks_installed[SARI]["workflow_action"]),
			("en", "Workflow Action"),
		)

	def test_app_works_for_its_users_confined_to_their_kecamatan(self):
		self.assertEqual(self.camat_boot["kinerja_predikat"][0], "Sangat Tinggi")
		status, body = self.camat_kecamatan
		self.assertEqual((status, body["data"]), (200, [{"name": "Batumandi"}]))
		# another kecamatan's record is refused, in Indonesian for the Camat and in English for Sari
		status, body = self.camat_other_kecamatan
		self.assertEqual(status, 403)
		self.assertIn(
			f"Pengguna <strong>{CAMAT}</strong> tidak memiliki akses ke dokumen ini: Kecamatan - Awayan",
			server_message(body),
		)
		status, body = self.sari_other_kecamatan
		self.assertEqual(status, 403)
		self.assertIn(
			f"User <strong>{SARI}</strong> does not have access to this document", server_message(body)
		)

	def test_uninstall_leaves_the_other_app_and_the_users_as_before(self):
		self.assertEqual(self.uninstalled["apps"], ["frappe", self.fixture_app])
		self.assertIn(self.fixture_app.replace("_", " ").title(), self.uninstalled["modules"])
		self.assertNotIn("Kinerja Kecamatan", self.uninstalled["modules"])
		self.assertEqual(self.existing(self.uninstalled), self.before["users"])
		# the intranet's own roles stay, its "Camat" too; the app's are gone
		self.assertEqual(self.uninstalled["roles"], self.before["roles"])
		self.assertEqual(self.uninstalled["system_settings"], self.before["system_settings"])
		self.assertEqual(self.desks_uninstalled, self.desks_before)
