"""What each role sees first when they open the desk (page/beranda_kinerja, boot.py, sidebar.py).

One kecamatan with the demo's seven units and singkatan, its TW I 2024 cycle at step 4 (the units
fill in their Isian, the Pelaksana collects). The Sekretaris heads the Sekretariat as in the demo;
here the Pelaksana also heads the Seksi Kesejahteraan Sosial, so a head who is the current step's
actor is shown too. In Chromium, a unit head opens the desk at 390 px and at desktop width and
fills their Isian in its grid at 390 px, the Sekretaris finds a button to the workspace, and the
Camat's sidebar and chart are read as shown (screenshots in test-artifacts/).
"""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_datetime
from frappe.utils.password import update_password
from playwright.sync_api import expect

from kinerja_kecamatan.demo import batumandi
from kinerja_kecamatan.demo.quarter import as_user, fill_isian, run_quarter
from kinerja_kecamatan.desk import landing
from kinerja_kecamatan.desk.boot import extend_bootinfo
from kinerja_kecamatan.desk.sidebar import get_workspace_sidebar_items
from kinerja_kecamatan.kinerja_kecamatan.report.rekapitulasi_capaian_per_unit_kerja import (
	rekapitulasi_capaian_per_unit_kerja,
)
from kinerja_kecamatan.tests.browser import (
	ARTIFACTS,
	DESKTOP,
	PASSWORD,
	PHONE,
	BrowserTestCase,
	eventually,
	needs_chromium,
)
from kinerja_kecamatan.tests.factories import (
	make_cycle_people,
	make_indikator,
	make_kecamatan,
	make_officer,
	make_officers,
	make_pk,
	make_unit,
	make_user,
	open_cycle,
)
from kinerja_kecamatan.workflow.sop import (
	ROLE_ADMIN_KABUPATEN,
	ROLE_CAMAT,
	ROLE_KABUPATEN,
	ROLE_KASUBBAG_PK,
	ROLE_KEPALA_UNIT,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
)

MONITORING = "Monitoring Kinerja Triwulan"
ISIAN = "Isian Data Kinerja"
FRAPPE_WORKSPACES = {"Build", "Users", "Website", "Tools", "Integrations"}
# the step 4 deadline the cycle is given: a Monday noon in the site's zone (Asia/Makassar)
DEADLINE = "2024-04-15 12:00:00"
DEADLINE_TEXT = "Senin, 15 April 2024 pukul 12.00 WITA"
HEADED_BY = {"Sekretariat": ROLE_SEKRETARIS, "Seksi Kesejahteraan Sosial": ROLE_PELAKSANA}


_WORLD = {}


def batumandi_at_step_4() -> dict:
	"""The kecamatan, its people, units (nama_unit → name), heads (name → user), the cycle and its
	Isian (unit → name); made once and committed, for both classes (the browser reads it over HTTP)."""
	if not _WORLD:
		_WORLD.update(make_batumandi_at_step_4())
		frappe.db.commit()
	return _WORLD


def make_batumandi_at_step_4() -> dict:
	people = make_cycle_people()
	kecamatan = make_kecamatan()
	make_officers(kecamatan, people)
	units, heads, targets = {}, {}, {}
	for nama_unit, jenis, *_ in batumandi.UNITS:
		head = people.get(HEADED_BY.get(nama_unit)) or make_user(roles=(ROLE_KEPALA_UNIT,))
		unit = make_unit(kecamatan, nama_unit, kepala_unit=head, jenis=jenis)
		frappe.db.set_value("Unit Kerja", unit, "singkatan", batumandi.SINGKATAN[nama_unit])
		units[nama_unit], heads[unit] = unit, head
		targets[make_indikator(kecamatan, unit)] = (400, 100, 100, 100, 100)
	pk = make_pk(kecamatan, 2024, targets)
	monitoring = open_cycle(people[ROLE_KASUBBAG_PK], kecamatan, pk.name)
	run_quarter(people, heads, monitoring.name, lambda _row: ("100", {}), until=4)
	isian = {
		unit: frappe.db.get_value(ISIAN, {"monitoring": monitoring.name, "unit_kerja": unit})
		for unit in units.values()
	}
	return {
		"people": people,
		"kecamatan": kecamatan,
		"units": units,
		"heads": heads,
		"monitoring": monitoring.name,
		"isian": isian,
	}


def sidebar_of(user: str) -> set[str]:
	with as_user(user):
		return {page["name"] for page in get_workspace_sidebar_items()["pages"]}


class TestFirstScreens(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.world = batumandi_at_step_4()
		frappe.db.set_value(MONITORING, cls.world["monitoring"], "batas_waktu_langkah", DEADLINE)
		cls.people = cls.world["people"]
		cls.pemerintahan = cls.world["units"]["Seksi Pemerintahan"]
		cls.head = cls.world["heads"][cls.pemerintahan]

	def landing_of(self, user: str, moment: str = "2024-04-12 09:00:00") -> dict:
		# the clock the page reads, fixed (freezegun is not in the bench)
		with (
			patch(f"{landing.__name__}.now_datetime", return_value=get_datetime(moment)),
			as_user(user),
		):
			return landing.landing()

	def test_a_unit_head_sees_their_own_isian_first(self):
		seen = self.landing_of(self.head)
		self.assertIsNone(seen["route"])
		self.assertEqual(seen["siklus"], [])
		self.assertEqual(len(seen["isian"]), 1)  # not the six other units' Isian
		isian = seen["isian"][0]
		self.assertEqual(isian["name"], self.world["isian"][self.pemerintahan])
		self.assertEqual(
			{k: isian[k] for k in ("nama_unit", "judul", "status", "batas_waktu_teks", "terbuka")},
			{
				"nama_unit": "Seksi Pemerintahan",
				"judul": "Isi Isian TW I 2024",
				"status": "Belum diajukan",
				"batas_waktu_teks": DEADLINE_TEXT,
				"terbuka": True,
			},
		)
		self.assertEqual((isian["jumlah_terisi"], isian["jumlah_indikator"]), (0, 1))

	def test_past_the_deadline_the_isian_is_late(self):
		isian = self.landing_of(self.head, "2024-04-15 12:01:00")["isian"][0]
		self.assertEqual((isian["status"], isian["batas_waktu_teks"]), ("Terlambat", DEADLINE_TEXT))

	def test_officers_land_on_the_cycle_awaiting_them_else_the_workspace(self):
		monitoring = self.world["monitoring"]
		expected = {
			# step 4 is the Pelaksana's: the cycle comes first, though their own unit's Isian is open
			ROLE_PELAKSANA: ["Form", MONITORING, monitoring],
			ROLE_CAMAT: ["kinerja-kecamatan"],
			ROLE_KASUBBAG_PK: ["kinerja-kecamatan"],
		}
		for role, route in expected.items():
			with self.subTest(role=role):
				self.assertEqual(self.landing_of(self.people[role])["route"], route)
		kabupaten = make_user(roles=(ROLE_KABUPATEN,))
		self.assertEqual(self.landing_of(kabupaten)["route"], ["kinerja-kecamatan"])
		# the kabupaten's administrator reaches the workspace, with it in the sidebar
		admin = make_user(roles=(ROLE_ADMIN_KABUPATEN,))
		self.assertEqual(self.landing_of(admin)["route"], ["kinerja-kecamatan"])
		self.assertIn("Kinerja Kecamatan", sidebar_of(admin))

		seen = self.landing_of(self.people[ROLE_PELAKSANA])
		self.assertEqual(seen["isian"][0]["status"], "Belum diajukan")
		self.assertEqual(seen["siklus"][0]["batas_waktu_teks"], DEADLINE_TEXT)

	def test_an_officer_heading_a_unit_sees_their_open_isian_else_the_workspace(self):
		sekretaris = self.people[ROLE_SEKRETARIS]
		sekretariat = self.world["isian"][self.world["units"]["Sekretariat"]]
		seen = self.landing_of(sekretaris)
		self.assertIsNone(seen["route"])  # step 4 awaits the Pelaksana, not the Sekretaris
		self.assertEqual(seen["siklus"], [])
		self.assertEqual(
			[(row["nama_unit"], row["status"]) for row in seen["isian"]], [("Sekretariat", "Belum diajukan")]
		)
		frappe.db.savepoint("submitted")
		try:
			fill_isian(sekretaris, sekretariat, lambda _row: ("100", {}))
			# once it is sent, nothing is theirs to do here: the workspace, as for the Camat
			self.assertEqual(self.landing_of(sekretaris)["route"], ["kinerja-kecamatan"])
			# a head who is no officer stays, and reads what became of their Isian
			fill_isian(self.head, self.world["isian"][self.pemerintahan], lambda _row: ("100", {}))
			seen = self.landing_of(self.head)
			self.assertIsNone(seen["route"])
			self.assertEqual(seen["isian"][0]["status"], "Sudah diajukan")
		finally:
			frappe.db.rollback(save_point="submitted")

	def test_a_chosen_default_workspace_is_kept(self):
		camat = make_user(roles=(ROLE_CAMAT,))
		frappe.db.set_value("User", camat, "default_workspace", "Tools")
		self.assertEqual(self.landing_of(camat)["route"], ["tools"])

	def test_the_desk_opens_on_beranda_for_app_users_only(self):
		outsider = make_user(roles=("Blogger",))
		for user, home in (
			(self.head, "beranda-kinerja"),
			(outsider, "Workspaces"),
			("Administrator", "Workspaces"),
		):
			with self.subTest(user=user), as_user(user):
				bootinfo = frappe._dict(home_page="Workspaces", docs=[], allowed_workspaces=[])
				extend_bootinfo(bootinfo)
				self.assertEqual(bootinfo.home_page, home)
		self.assertIsNone(frappe.db.get_value("User", self.head, "default_workspace"))

	def test_frappe_admin_workspaces_are_hidden_from_app_roles_only(self):
		camat = self.people[ROLE_CAMAT]
		self.assertEqual(sidebar_of(camat) & FRAPPE_WORKSPACES, set())
		self.assertIn("Kinerja Kecamatan", sidebar_of(camat))
		self.assertEqual(sidebar_of(self.head) & FRAPPE_WORKSPACES, set())
		manager = make_user(roles=(ROLE_CAMAT, "System Manager"))
		intranet_user = make_user(roles=(ROLE_KEPALA_UNIT, "Blogger"))
		for user in (manager, intranet_user, make_user(roles=("Blogger",))):
			with self.subTest(user=user):
				self.assertEqual(sidebar_of(user) & FRAPPE_WORKSPACES, FRAPPE_WORKSPACES)

	def test_the_unit_chart_labels_its_bars_with_the_singkatan(self):
		with as_user(self.people[ROLE_CAMAT]):
			_columns, rows, _message, chart = rekapitulasi_capaian_per_unit_kerja.execute({})
		self.assertEqual(
			chart["data"]["labels"], ["Sekret", "Kessos", "Trantib", "PMD", "Pem", "Renkeu", "Umpeg"]
		)
		self.assertEqual(rows[0]["unit_kerja"], self.world["units"]["Sekretariat"])


@needs_chromium
class TestFirstScreensInBrowser(BrowserTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.world = batumandi_at_step_4()
		cls.pemerintahan = cls.world["units"]["Seksi Pemerintahan"]
		cls.head = cls.world["heads"][cls.pemerintahan]
		cls.camat = cls.world["people"][ROLE_CAMAT]
		cls.sekretaris = cls.world["people"][ROLE_SEKRETARIS]
		# a second Pelaksana, heading no unit: step 4 awaits them
		cls.pelaksana = make_user(roles=(ROLE_PELAKSANA,))
		make_officer(cls.world["kecamatan"], cls.pelaksana, ROLE_PELAKSANA)
		for user in (cls.head, cls.camat, cls.sekretaris, cls.pelaksana):
			update_password(user, PASSWORD)
		frappe.db.set_value(MONITORING, cls.world["monitoring"], "batas_waktu_langkah", "2030-04-15 12:00:00")
		frappe.db.commit()
		ARTIFACTS.mkdir(exist_ok=True)

	def test_a_unit_head_sees_their_isian_first_on_a_phone_and_a_desktop(self):
		isian = self.world["isian"][self.pemerintahan]
		for size, viewport in (("390px", PHONE), ("desktop", DESKTOP)):
			with self.subTest(size=size):
				self.login(self.head, viewport)
				card = self.page.locator(".beranda-isian")
				expect(card).to_have_count(1)
				expect(card.locator(".beranda-judul")).to_have_text("Isi Isian TW I 2024")
				expect(card.locator(".beranda-batas")).to_have_text(
					"Batas waktu: Senin, 15 April 2030 pukul 12.00 WITA"
				)
				expect(card.locator(".indicator-pill")).to_have_text("Belum diajukan")
				expect(card.locator(".btn-buka-isian")).to_have_text("Isi Isian TW I 2024")
				expect(card.locator(".btn-unduh-excel")).to_have_text("Unduh Format Excel")
				# first on the screen, buttons included, and nothing wider than the screen
				button = card.locator(".btn-unduh-excel").bounding_box()
				self.assertLess(button["y"] + button["height"], viewport["height"])
				self.assertLessEqual(
					self.page.evaluate("document.documentElement.scrollWidth"), viewport["width"]
				)
				self.page.screenshot(path=str(ARTIFACTS / f"beranda_kepala_unit_{size}.png"), full_page=True)
		with self.page.expect_download() as download:
			card.locator(".btn-unduh-excel").click()
		self.assertTrue(download.value.suggested_filename.endswith(".xlsx"))
		card.locator(".btn-buka-isian").click()
		self.page.wait_for_url(f"**/app/isian-data-kinerja/{isian}")

	def test_a_unit_head_fills_their_isian_in_the_grid_on_a_phone(self):
		pmd = self.world["units"]["Seksi Pemberdayaan Masyarakat Desa"]
		isian, head = self.world["isian"][pmd], self.world["heads"][pmd]
		update_password(head, PASSWORD)
		frappe.db.commit()
		self.login(head, PHONE)
		self.open_form(ISIAN, isian)
		grid = self.page.locator('.frappe-control[data-fieldname="indikator"]')
		cell = grid.locator('.grid-body .grid-static-col[data-fieldname="realisasi_tw"]')
		expect(cell).to_have_count(1)
		self.page.screenshot(path=str(ARTIFACTS / "isian_kepala_unit_390px.png"), full_page=True)
		# Realisasi TW is on the screen, beside the indicator: no row has to be opened to fill it
		box = cell.bounding_box()
		self.assertGreaterEqual(box["x"], 0)
		self.assertLessEqual(box["x"] + box["width"], PHONE["width"])
		# the indicators are the unit's: none to add, delete or change
		expect(grid.locator(".grid-add-row")).to_be_hidden()
		# sent with nothing filled in, it is refused with what to do
		self.page.locator(".page-actions .primary-action").click()
		self.page.locator(".modal.show .btn-primary").click()  # Frappe's "submit permanently?"
		expect(self.page.locator(".modal.show .msgprint")).to_contain_text(
			"0 dari 1 indikator berisi realisasi"
		)
		self.page.screenshot(path=str(ARTIFACTS / "isian_kosong_ditolak_390px.png"), full_page=True)
		self.page.locator(".modal.show .btn-modal-close").click()
		expect(self.page.locator(".modal.show")).to_have_count(0)
		self.assertEqual(frappe.db.get_value(ISIAN, isian, "docstatus"), 0)
		# typed in the grid itself, with the indicator left as it is, and Tab adds no row
		cell.click()
		cell.locator("input").fill("100")
		expect(grid.locator('.grid-body .grid-static-col[data-fieldname="indikator"] input')).to_be_disabled()
		self.page.keyboard.press("Tab")
		expect(grid.locator(".grid-body .grid-row")).to_have_count(1)
		self.page.keyboard.press("Control+s")
		self.assertEqual(eventually(lambda: frappe.db.get_value(ISIAN, isian, "jumlah_terisi"), 1), 1)
		grid.locator(".grid-body .row-index").click()  # the row's edit button is off the screen
		row_form = self.page.locator(".grid-row-open")
		expect(
			row_form.locator('.form-in-grid .frappe-control[data-fieldname="realisasi_tw"] input')
		).to_have_value("100")
		for action in (".grid-delete-row", ".grid-insert-row-below", ".grid-duplicate-row"):
			expect(row_form.locator(action)).to_be_hidden()
		expect(
			row_form.locator('.form-in-grid .frappe-control[data-fieldname="indikator"] input:visible')
		).to_have_count(0)
		self.page.screenshot(path=str(ARTIFACTS / "isian_baris_390px.png"), full_page=True)

	def test_the_sekretaris_sees_their_open_isian_and_a_button_to_the_workspace(self):
		self.login(self.sekretaris, PHONE)
		card = self.page.locator(".beranda-isian")
		expect(card).to_have_count(1)
		expect(card.locator(".beranda-unit")).to_contain_text("Sekretariat")
		expect(card.locator(".btn-buka-isian")).to_have_text("Isi Isian TW I 2024")
		button = self.page.locator(".btn-ruang-kerja")
		expect(button).to_have_text("Buka ruang kerja Kinerja Kecamatan")
		# a button like the card's, across the screen, not a line of text
		box, isian_button = button.bounding_box(), card.locator(".btn-buka-isian").bounding_box()
		self.assertEqual(box["height"], isian_button["height"])
		self.assertGreaterEqual(box["width"], isian_button["width"])
		self.assertNotEqual(button.evaluate("b => getComputedStyle(b).backgroundColor"), "rgba(0, 0, 0, 0)")
		self.page.screenshot(path=str(ARTIFACTS / "beranda_sekretaris_390px.png"), full_page=True)
		button.click()
		self.page.wait_for_url("**/app/kinerja-kecamatan")
		# their Isian sent and no step awaiting them: the workspace, as for the Camat
		sekretariat = self.world["isian"][self.world["units"]["Sekretariat"]]
		fill_isian(self.sekretaris, sekretariat, lambda _row: ("100", {}))
		frappe.db.commit()
		self.login(self.sekretaris, PHONE)
		self.page.wait_for_url("**/app/kinerja-kecamatan")

	def test_an_officer_lands_on_the_cycle_awaiting_them(self):
		self.login(self.pelaksana)
		self.page.wait_for_url("**/app/monitoring-kinerja-triwulan/**")
		self.page.wait_for_function(
			"name => window.cur_frm && cur_frm.docname === name", arg=self.world["monitoring"]
		)

	def test_the_camat_has_no_admin_workspace_and_reads_each_unit_label(self):
		self.login(self.camat)
		self.page.wait_for_url("**/app/kinerja-kecamatan")
		sidebar = self.page.locator(".desk-sidebar .sidebar-item-label")
		expect(sidebar.first).to_be_visible()
		shown = set(sidebar.all_inner_texts())
		self.assertIn("Kinerja Kecamatan", shown)
		self.assertEqual(shown & (FRAPPE_WORKSPACES | {"Pengguna", "Situs Web", "Integrasi"}), set())
		labels = self.page.locator(".chart-container .x.axis text")
		expect(labels).to_have_count(7, timeout=30_000)  # the chart runs its report after the page shows
		self.assertEqual(
			labels.all_text_contents(), ["Sekret", "Kessos", "Trantib", "PMD", "Pem", "Renkeu", "Umpeg"]
		)
		self.page.screenshot(path=str(ARTIFACTS / "beranda_camat_workspace.png"), full_page=True)
		# on a phone too: frappe-charts would cut every label longer than three letters to "..."
		self.login(self.camat, PHONE)
		self.page.wait_for_url("**/app/kinerja-kecamatan")
		labels = self.page.locator(".chart-container .x.axis text")
		expect(labels).to_have_count(7, timeout=30_000)
		expect(labels.first).to_have_text("Sekret")
		self.assertEqual(
			labels.all_text_contents(), ["Sekret", "Kessos", "Trantib", "PMD", "Pem", "Renkeu", "Umpeg"]
		)
		self.page.screenshot(path=str(ARTIFACTS / "beranda_camat_workspace_390px.png"), full_page=True)
