"""Adding a kecamatan in the desk, as the kabupaten's administrator does it (README, "Adding a
kecamatan, in the desk, without code"), in Chromium: a user holding only the role Administrator
Kinerja Kabupaten creates the Kecamatan and its Camat's Pejabat through their forms, sets the
Camat, and presses "Buat SOP dari prosedur kabupaten"; the kecamatan then has its own SOP, with
the typed number and its Camat as the one who approves it, and its SOP-AP prints them. The
kecamatan's Kasubbag PK is not offered the button. A screenshot of the Kecamatan form with its
SOP at 390 px is kept in test-artifacts/.
"""

import random

import frappe
from frappe.utils.password import update_password
from playwright.sync_api import expect

from kinerja_kecamatan.tests import test_served
from kinerja_kecamatan.tests.browser import (
	ARTIFACTS,
	PASSWORD,
	PHONE,
	BrowserTestCase,
	eventually,
	needs_chromium,
)
from kinerja_kecamatan.tests.factories import make_officer, make_user, random_nip
from kinerja_kecamatan.tests.prints import layout_text, squeezed
from kinerja_kecamatan.workflow.sop import ROLE_ADMIN_KABUPATEN, ROLE_KASUBBAG_PK
from kinerja_kecamatan.workflow.sop_record import sop_name_of

pytestmark = needs_chromium

BUTTON = "Buat SOP dari prosedur kabupaten"


class TestKabupatenDesk(BrowserTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin = make_user(roles=(ROLE_ADMIN_KABUPATEN,))
		cls.kasubbag = make_user(roles=(ROLE_KASUBBAG_PK,))
		for user in (cls.admin, cls.kasubbag):
			update_password(user, PASSWORD)
		frappe.db.commit()  # the browser talks to the served site, on its own connections
		# digits only: a PDF's text layer turns "ff" or "fi" of a hex suffix into one ligature
		suffix = str(random.randint(10000, 99999))
		cls.nama = f"Uji Desk {suffix}"
		cls.camat_nama = f"Drs. Rahmadi {suffix}"
		cls.nip = random_nip()
		cls.nomor = f"067/{suffix}/KEC.UJI/BLG/2025"

	def form_saved(self, name):
		"""The open form, saved under `name`, its save's freeze over."""
		self.page.wait_for_function(
			"name => window.cur_frm && cur_frm.doc.name === name && !cur_frm.is_new()"
			" && !cur_frm.is_dirty() && !frappe.dom.freeze_count",
			arg=name,
			timeout=30_000,
		)

	def new_form(self, doctype):
		self.page.goto(f"{self.base}/app/{frappe.scrub(doctype).replace('_', '-')}/new")
		self.page.wait_for_function(
			"doctype => window.cur_frm && cur_frm.doctype === doctype && cur_frm.is_new()", arg=doctype
		)

	def field(self, fieldname, tag="input"):
		return self.page.locator(f'.form-layout [data-fieldname="{fieldname}"] {tag}').first

	def choose_link(self, fieldname, typed, shown):
		"""A Link field filled as people do: type, then pick the suggestion."""
		self.field(fieldname).fill(typed)
		control = self.page.locator(f'.form-layout .frappe-control[data-fieldname="{fieldname}"]')
		control.locator('.awesomplete [role="option"]').filter(has_text=shown).first.click()
		self.page.wait_for_function(
			"([f, v]) => cur_frm.doc[f] === v", arg=[fieldname, typed], timeout=15_000
		)

	def save(self, name):
		self.page.keyboard.press("Control+s")
		self.form_saved(name)

	def open_kecamatan(self):
		self.open_form("Kecamatan", self.nama)
		self.page.wait_for_function(
			"name => window.cur_frm && cur_frm.doc.name === name && !frappe.dom.freeze_count",
			arg=self.nama,
		)

	def press_button(self, nomor):
		"""The form's "Buat SOP dari prosedur kabupaten", the number typed into its prompt, confirmed."""
		self.page.get_by_role("button", name=BUTTON).click()
		prompt = self.page.locator(".modal.show")
		prompt.locator('[data-fieldname="nomor_sop"] input').fill(nomor)
		prompt.locator(".btn-primary").click()

	def test_an_administrator_adds_a_kecamatan_and_gives_it_its_sop_in_the_desk(self):
		self.login(self.admin)

		# 1. Kecamatan → Tambah: name, kabupaten, address
		self.new_form("Kecamatan")
		self.field("nama_kecamatan").fill(self.nama)
		self.field("kabupaten").fill("Balangan")
		self.field("alamat", "textarea").fill("Jalan Jenderal Ahmad Yani Km. 2, Paringin")
		self.save(self.nama)
		# no SOP and no Camat yet: the button is offered, and asks for the Camat first
		self.press_button(self.nomor)
		message = self.page.locator(".modal.show .msgprint")
		expect(message).to_contain_text("Isi Camat Kecamatan")
		self.page.locator(".modal.show .btn-modal-close").click()
		expect(message).to_be_hidden()
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Kecamatan", self.nama, ["sop", "camat"]), (None, None))

		# 2. the Camat's Pejabat
		self.new_form("Pejabat")
		self.field("nama").fill(self.camat_nama)
		self.field("nip").fill(self.nip)
		self.field("jabatan").fill("Camat")
		self.field("pangkat_golongan").fill("Pembina (IV/a)")
		self.choose_link("kecamatan", self.nama, self.nama)
		self.save(self.nip)

		# ... set as the Kecamatan's Camat
		self.open_kecamatan()
		self.choose_link("camat", self.nip, self.camat_nama)
		self.save(self.nama)
		camat = eventually(lambda: frappe.db.get_value("Kecamatan", self.nama, "camat"), self.nip)
		self.assertEqual(camat, self.nip)

		# the kecamatan's Kasubbag PK opens the same form and is not offered the button
		make_officer(self.nama, self.kasubbag, "Kepala Subbagian Perencanaan dan Keuangan")
		frappe.db.commit()
		self.login(self.kasubbag)
		self.open_kecamatan()
		expect(self.page.locator('.form-layout [data-fieldname="camat"]').first).to_be_visible()
		self.page.wait_for_timeout(1500)  # the form's refresh has run
		expect(self.page.get_by_role("button", name=BUTTON)).to_have_count(0)

		# 4. (step 3, units, indicators and PK, plays no part in the SOP) the administrator presses
		# the button, types the number, confirms
		self.login(self.admin)
		self.open_kecamatan()
		self.press_button(self.nomor)
		expect(self.page.locator("#alert-container")).to_contain_text("dibuat dan berlaku")
		# the form reloads with "SOP yang Berlaku" set, and the button is gone
		self.page.wait_for_function("() => cur_frm.doc.sop && !frappe.dom.freeze_count", timeout=30_000)
		shown = self.page.evaluate("cur_frm.doc.sop")
		frappe.db.rollback()  # a fresh read of what the served site committed
		sop = frappe.db.get_value("Kecamatan", self.nama, "sop")
		self.assertEqual(shown, sop)
		self.assertFalse(self.page.evaluate("cur_frm.is_dirty()"))
		expect(self.page.get_by_role("button", name=BUTTON)).to_have_count(0)

		# the SOP is the kecamatan's own, in force for its new cycles, approved by its Camat
		doc = frappe.get_doc("SOP Kinerja", sop)
		self.assertEqual(
			(doc.kecamatan, doc.nomor_sop, doc.disahkan_oleh, doc.nama_pengesah),
			(self.nama, self.nomor, self.nip, self.camat_nama),
		)
		self.assertEqual(sop_name_of(self.nama), sop)

		# opened from the Kecamatan form, it shows its number
		link = self.page.locator('.form-layout [data-fieldname="sop"] a').first
		expect(link).to_be_visible()
		link.click()
		self.page.wait_for_function(
			"name => window.cur_frm && cur_frm.doctype === 'SOP Kinerja' && cur_frm.doc.name === name",
			arg=sop,
			timeout=30_000,
		)
		expect(self.field("nomor_sop")).to_have_value(self.nomor)

		# its SOP-AP, by the print view's PDF button (test_served's press_pdf), carries the number
		# and the Camat's name
		response, _pressed, _received = test_served.TestServedDesk.press_pdf(
			self, "SOP Kinerja", sop, "SOP-AP"
		)
		self.assertEqual(response.get("status"), 200)
		self.assertEqual(response["type"], "application/pdf")
		text = squeezed(layout_text(response["body"]))
		self.assertIn(self.nomor, text)
		self.assertIn(self.camat_nama, text)

		# the Kecamatan form with its SOP on a phone
		self.login(self.admin, PHONE)
		self.open_kecamatan()
		expect(self.page.locator('.form-layout [data-fieldname="sop"] a').first).to_be_visible()
		self.assertLessEqual(self.page.evaluate("document.documentElement.scrollWidth"), PHONE["width"])
		ARTIFACTS.mkdir(exist_ok=True)
		self.page.screenshot(path=str(ARTIFACTS / "kecamatan_sop_390px.png"), full_page=True)
