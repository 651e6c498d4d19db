"""A kabupaten on one site, over HTTP: the kabupaten's settings and procedure are its
administrator's; each kecamatan's own SOP and archive numbers are its own officers'; two kecamatan
run a quarter at once, each on its own SOP's times."""

import frappe
import requests
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_to_date, get_datetime, now_datetime

from kinerja_kecamatan.engine.office_calendar import office_calendar
from kinerja_kecamatan.engine.office_time import office_minutes_between
from kinerja_kecamatan.kinerja_kecamatan.report.kepatuhan_mutu_baku_sop.kepatuhan_mutu_baku_sop import (
	execute as kepatuhan,
)
from kinerja_kecamatan.patches import split_settings_per_kecamatan
from kinerja_kecamatan.tests.factories import (
	make_indikator,
	make_kecamatan,
	make_monitoring,
	make_officers,
	make_pk,
	make_unit_head,
	make_user,
)
from kinerja_kecamatan.tests.prints import layout_text
from kinerja_kecamatan.tests.rest import api_token, http, served_url
from kinerja_kecamatan.tests.test_sop_record import office_all_day
from kinerja_kecamatan.workflow.sop import (
	ROLE_ADMIN_KABUPATEN,
	ROLE_CAMAT,
	ROLE_KABUPATEN,
	ROLE_KASUBBAG_PK,
	step,
)
from kinerja_kecamatan.workflow.sop_record import (
	procedure_name,
	procedure_sop,
	record_of,
	sop_from_record,
	sop_of,
)

SETTINGS = "/api/resource/Pengaturan Kinerja/Pengaturan Kinerja"


def resource(doctype: str, name: str) -> str:
	return f"/api/resource/{doctype}/{name}"


def steps_with(doc, number: int, **changes) -> list[dict]:
	"""The SOP's step rows as a PUT sends them, one step changed."""
	rows = [row.as_dict() for row in doc.langkah]
	for row in rows:
		if row["nomor"] == number:
			row.update(changes)
	return [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows]


class TestKabupaten(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin = make_user(roles=(ROLE_ADMIN_KABUPATEN,))
		cls.pemantau = make_user(roles=(ROLE_KABUPATEN,))
		cls.kecamatan, cls.people = {}, {}
		for key, nip_camat in (("a", "196501011990031001"), ("b", "197002021995032002")):
			kecamatan = make_kecamatan()
			people = {role: make_user(roles=(role,)) for role in (ROLE_CAMAT, ROLE_KASUBBAG_PK)}
			make_officers(kecamatan, people)
			camat = frappe.db.get_value("Kecamatan", kecamatan, "camat")
			frappe.db.set_value("Pejabat", camat, {"nama": f"Camat {key.upper()}"})
			cls.kecamatan[key], cls.people[key] = kecamatan, people
		frappe.db.commit()
		# the kabupaten's administrator gives each its own SOP, from the procedure, in one action
		for key, nomor in (("a", "067/001/KEC.A/BLG/2025"), ("b", "067/001/KEC.B/BLG/2025")):
			status, body = http(
				"POST",
				"/api/method/kinerja_kecamatan.kinerja_kecamatan.doctype.kecamatan.kecamatan.buat_sop_dari_prosedur",
				cls.admin,
				{"kecamatan": cls.kecamatan[key], "nomor_sop": nomor},
			)
			assert status == 200, body
		cls.sop = {key: frappe.db.get_value("Kecamatan", k, "sop") for key, k in cls.kecamatan.items()}
		# Kecamatan B gives its Camat twenty minutes for the disposition (the seed: ten)
		b = frappe.get_doc("SOP Kinerja", cls.sop["b"])
		status, body = http(
			"PUT",
			resource("SOP Kinerja", b.name),
			cls.people["b"][ROLE_KASUBBAG_PK],
			{"langkah": steps_with(b, 1, waktu=20)},
		)
		assert status == 200, body

	@classmethod
	def tearDownClass(cls):
		for key in cls.kecamatan:
			frappe.db.set_value("Kecamatan", cls.kecamatan[key], "sop", None)
		frappe.db.commit()
		super().tearDownClass()

	def test_the_action_gives_a_kecamatan_its_own_sop_from_the_procedure(self):
		a = frappe.get_doc("SOP Kinerja", self.sop["a"])
		self.assertEqual((a.kecamatan, a.nomor_sop), (self.kecamatan["a"], "067/001/KEC.A/BLG/2025"))
		first = frappe.db.get_value("Revisi SOP Kinerja", {"sop": a.name, "revisi": 1}, "dibuat_oleh")
		self.assertEqual(first, self.admin)
		self.assertEqual(a.disahkan_oleh, frappe.db.get_value("Kecamatan", self.kecamatan["a"], "camat"))
		self.assertEqual(a.nama_pengesah, "Camat A")
		self.assertEqual(
			sop_from_record(a).structure(),
			sop_from_record(frappe.get_doc("SOP Kinerja", procedure_name())).structure(),
		)
		# a second time is refused, and a Kasubbag PK may not do it at all
		for user, status_wanted in ((self.admin, 417), (self.people["a"][ROLE_KASUBBAG_PK], 403)):
			status, _body = http(
				"POST",
				"/api/method/kinerja_kecamatan.kinerja_kecamatan.doctype.kecamatan.kecamatan.buat_sop_dari_prosedur",
				user,
				{"kecamatan": self.kecamatan["a"], "nomor_sop": "X"},
			)
			self.assertEqual(status, status_wanted, user)

	def test_kabupaten_settings_are_written_by_its_administrator_only(self):
		rows = [row.as_dict() for row in frappe.get_single("Pengaturan Kinerja").skala_predikat]
		renamed = [{**{k: v for k, v in row.items() if not k.startswith("_")}} for row in rows]
		renamed[0]["predikat"] = "Luar Biasa"
		for user in (self.people["b"][ROLE_KASUBBAG_PK], self.people["a"][ROLE_CAMAT], self.pemantau):
			status, _body = http("PUT", SETTINGS, user, {"skala_predikat": renamed})
			self.assertEqual(status, 403, user)
			status, _body = http(
				"POST",
				"/api/method/frappe.client.set_value",
				user,
				{
					"doctype": "Pengaturan Kinerja",
					"name": "Pengaturan Kinerja",
					"fieldname": "excel_maks_baris",
					"value": 5,
				},
			)
			self.assertEqual(status, 403, user)
		self.assertEqual(
			frappe.get_single("Pengaturan Kinerja").skala_predikat[0].predikat, rows[0]["predikat"]
		)
		status, body = http("PUT", SETTINGS, self.admin, {"excel_maks_baris": 400})
		self.assertEqual(status, 200, body)
		self.assertEqual(frappe.db.get_single_value("Pengaturan Kinerja", "excel_maks_baris"), 400)

	def test_a_kecamatan_settings_are_its_own_officers(self):
		pattern = "ARSIP/{kecamatan}/.YYYY./.####"
		for user in (self.people["b"][ROLE_KASUBBAG_PK], self.people["b"][ROLE_CAMAT], self.pemantau):
			status, _body = http(
				"PUT", resource("Kecamatan", self.kecamatan["a"]), user, {"pola_nomor_arsip": pattern}
			)
			self.assertIn(status, (403, 404), user)
		self.assertIsNone(frappe.db.get_value("Kecamatan", self.kecamatan["a"], "pola_nomor_arsip"))
		status, body = http(
			"PUT",
			resource("Kecamatan", self.kecamatan["a"]),
			self.people["a"][ROLE_KASUBBAG_PK],
			{"pola_nomor_arsip": pattern},
		)
		self.assertEqual(status, 200, body)
		self.assertEqual(frappe.db.get_value("Kecamatan", self.kecamatan["a"], "pola_nomor_arsip"), pattern)
		# and so may the kabupaten's administrator
		status, body = http(
			"PUT",
			resource("Kecamatan", self.kecamatan["a"]),
			self.admin,
			{"pola_nomor_arsip": "ARSIP/A/.####"},
		)
		self.assertEqual(status, 200, body)
		self.assertEqual(
			frappe.db.get_value("Kecamatan", self.kecamatan["a"], "pola_nomor_arsip"), "ARSIP/A/.####"
		)
		# nor may a kecamatan put another's SOP in force
		status, _body = http(
			"PUT",
			resource("Kecamatan", self.kecamatan["a"]),
			self.people["a"][ROLE_KASUBBAG_PK],
			{"sop": self.sop["b"]},
		)
		self.assertEqual(status, 403)
		status, _body = http(
			"PUT",
			resource("Kecamatan", self.kecamatan["a"]),
			self.people["a"][ROLE_KASUBBAG_PK],
			{"sop": None},
		)
		self.assertEqual(status, 403)
		# the administrator gives SOPs, but only a kecamatan's own
		status, _body = http(
			"PUT", resource("Kecamatan", self.kecamatan["a"]), self.admin, {"sop": self.sop["b"]}
		)
		self.assertEqual(status, 417)
		self.assertEqual(frappe.db.get_value("Kecamatan", self.kecamatan["a"], "sop"), self.sop["a"])
		# and a kecamatan's SOP is approved by its own Pejabat, not another kecamatan's Camat
		camat_b = frappe.db.get_value("Kecamatan", self.kecamatan["b"], "camat")
		status, body = http(
			"PUT",
			resource("SOP Kinerja", self.sop["a"]),
			self.people["a"][ROLE_KASUBBAG_PK],
			{"disahkan_oleh": camat_b},
		)
		self.assertEqual(status, 417, body)
		self.assertIn("disahkan oleh pejabatnya sendiri", str(body))

	def test_a_kecamatan_sop_is_revised_by_its_own_officers_only(self):
		a = frappe.get_doc("SOP Kinerja", self.sop["a"])
		for user in (self.people["b"][ROLE_KASUBBAG_PK], self.people["a"][ROLE_CAMAT], self.pemantau):
			status, _body = http(
				"PUT", resource("SOP Kinerja", a.name), user, {"langkah": steps_with(a, 5, waktu=3)}
			)
			self.assertIn(status, (403, 404), user)
		self.assertEqual(frappe.db.get_value("SOP Kinerja", a.name, "revisi"), 1)
		# nor the kabupaten's procedure, which every kecamatan reads and none changes
		procedure = frappe.get_doc("SOP Kinerja", procedure_name())
		status, _body = http(
			"PUT",
			resource("SOP Kinerja", procedure.name),
			self.people["a"][ROLE_KASUBBAG_PK],
			{"nama_sop": "Milik kami"},
		)
		self.assertEqual(status, 403)
		status, _body = http(
			"GET", resource("SOP Kinerja", procedure.name), self.people["a"][ROLE_KASUBBAG_PK]
		)
		self.assertEqual(status, 200)
		status, body = http(
			"PUT",
			resource("SOP Kinerja", a.name),
			self.people["a"][ROLE_KASUBBAG_PK],
			{"langkah": steps_with(a, 5, waktu=3)},
		)
		self.assertEqual(status, 200, body)
		self.assertEqual(frappe.db.get_value("SOP Kinerja", a.name, "revisi"), 2)
		# and so may the kabupaten's administrator
		a.reload()
		status, body = http(
			"PUT", resource("SOP Kinerja", a.name), self.admin, {"langkah": steps_with(a, 5, waktu=2)}
		)
		self.assertEqual(status, 200, body)
		self.assertEqual(frappe.db.get_value("SOP Kinerja", a.name, "revisi"), 3)

	def test_a_kecamatan_officer_cannot_change_the_procedures_structure(self):
		a = frappe.get_doc("SOP Kinerja", self.sop["a"])
		for changes in (
			{"aksi": "Kirim Format"},
			{"pelaksana": ROLE_CAMAT},
			{"nama_status": "Penyampaian Format"},
		):
			status, body = http(
				"PUT",
				resource("SOP Kinerja", a.name),
				self.people["a"][ROLE_KASUBBAG_PK],
				{"langkah": steps_with(a, 3, **changes)},
			)
			self.assertEqual(status, 403, changes)
			self.assertIn("ditetapkan oleh prosedur kabupaten", str(body))
		self.assertEqual(frappe.get_doc("SOP Kinerja", a.name).langkah[2].aksi, step(3).action)

	def test_the_administrator_changes_the_procedure_and_every_kecamatan_follows(self):
		procedure = frappe.get_doc("SOP Kinerja", procedure_name())
		before_b = frappe.db.get_value("SOP Kinerja", self.sop["b"], "revisi")
		try:
			status, body = http(
				"PUT",
				resource("SOP Kinerja", procedure.name),
				self.admin,
				{"langkah": steps_with(procedure, 3, aksi="Kirim Format Isian")},
			)
			self.assertEqual(status, 200, body)
			workflow = frappe.get_doc("Workflow", "SOP Monitoring Kinerja Triwulan")
			self.assertIn("Kirim Format Isian", [t.action for t in workflow.transitions])
			b = frappe.get_doc("SOP Kinerja", self.sop["b"])
			self.assertEqual(b.revisi, before_b + 1)
			# the new action, and B's own twenty minutes kept
			self.assertEqual((b.langkah[2].aksi, b.langkah[0].waktu), ("Kirim Format Isian", 20))
		finally:
			procedure.reload()
			http(
				"PUT",
				resource("SOP Kinerja", procedure.name),
				self.admin,
				{"langkah": steps_with(procedure, 3, aksi=step(3).action)},
			)
		self.assertEqual(frappe.get_doc("SOP Kinerja", self.sop["b"]).langkah[2].aksi, step(3).action)

	def test_two_kecamatan_run_one_quarter_each_on_its_own_times(self):
		saved = office_all_day()
		# a year of their own (the PKs counted so far pick it), so the kabupaten-wide report reads
		# these two cycles only
		year = 2060 + int(frappe.db.sql("select count(*) from `tabPerjanjian Kinerja`")[0][0]) % 40
		try:
			cycles = {}
			for key in ("a", "b"):
				unit, _head = make_unit_head(self.kecamatan[key])
				indikator = make_indikator(self.kecamatan[key], unit)
				pk = make_pk(self.kecamatan[key], year, {indikator: (100, 25, 50, 75, 100)})
				cycles[key] = make_monitoring(pk)
			frappe.db.commit()
			due = {
				key: office_minutes_between(
					get_datetime(c.langkah_dimulai), get_datetime(c.batas_waktu_langkah), office_calendar()
				)
				for key, c in cycles.items()
			}
			self.assertEqual(due, {"a": 10, "b": 20})
			self.assertEqual(sop_of(cycles["b"]).step(1).waktu, 20)
			# both dispositions given 15 minutes after their step began: late in A, on time in B
			for key, cycle in cycles.items():
				frappe.db.set_value(
					cycle.doctype, cycle.name, "langkah_dimulai", add_to_date(now_datetime(), minutes=-15)
				)
				frappe.db.commit()
				camat = self.people[key][ROLE_CAMAT]
				status, body = http(
					"PUT",
					resource(cycle.doctype, cycle.name),
					camat,
					{"disposisi": "Segera", "batas_waktu": "2031-12-31"},
				)
				self.assertEqual(status, 200, body)
				doc = frappe.get_doc(cycle.doctype, cycle.name).as_dict()
				status, body = http(
					"POST",
					"/api/method/frappe.model.workflow.apply_workflow",
					camat,
					{"doc": doc, "action": step(1).action},
				)
				self.assertEqual(status, 200, body)
			logged = {
				key: frappe.db.get_value(
					"Log Langkah Monitoring",
					{"parent": c.name, "langkah": 1},
					["mutu_baku_menit", "status_waktu"],
				)
				for key, c in cycles.items()
			}
			self.assertEqual(logged, {"a": (10, "Terlambat"), "b": (20, "Tepat Waktu")})
			# the kabupaten's compliance report reads each cycle against its own kecamatan's time
			_columns, rows, _message, _chart = kepatuhan({"tahun": year, "triwulan": "I"})
			first = rows[0]
			self.assertEqual(
				(
					first["waktu"],
					first["mutu_baku_menit"],
					first["jumlah"],
					first["terlambat"],
					first["kepatuhan"],
				),
				("20 Menit / 10 Menit", 15, 2, 1, 50.0),  # B opened last; (10 + 20) / 2; A late
			)
			# a revision in A leaves B's running cycle as it was
			b_before = frappe.db.get_value(
				cycles["b"].doctype, cycles["b"].name, ["revisi_sop", "batas_waktu_langkah"]
			)
			a = frappe.get_doc("SOP Kinerja", self.sop["a"])
			status, body = http(
				"PUT",
				resource("SOP Kinerja", a.name),
				self.people["a"][ROLE_KASUBBAG_PK],
				{"langkah": steps_with(a, 2, waktu=45)},
			)
			self.assertEqual(status, 200, body)
			self.assertEqual(
				frappe.db.get_value(
					cycles["b"].doctype, cycles["b"].name, ["revisi_sop", "batas_waktu_langkah"]
				),
				b_before,
			)
			self.assertEqual(sop_of(frappe.get_doc(cycles["b"].doctype, cycles["b"].name)).step(2).waktu, 30)
		finally:
			settings = frappe.get_single("Pengaturan Kinerja")
			settings.set("jam_kerja", saved)
			settings.save()
			frappe.db.commit()

	def test_each_sop_ap_pdf_shows_its_own_number_and_signer(self):
		texts = {}
		for key in ("a", "b"):
			response = requests.get(
				served_url() + "/api/method/frappe.utils.print_format.download_pdf",
				params={"doctype": "SOP Kinerja", "name": self.sop[key], "format": "SOP-AP"},
				headers={"Authorization": api_token(self.people[key][ROLE_CAMAT])},
				timeout=120,
			)
			self.assertEqual(response.headers.get("Content-Type"), "application/pdf")
			texts[key] = layout_text(response.content)
		for key, other in (("a", "b"), ("b", "a")):
			self.assertIn(f"067/001/KEC.{key.upper()}/BLG/2025", texts[key])
			self.assertIn(f"Camat {key.upper()}", texts[key])
			self.assertNotIn(f"067/001/KEC.{other.upper()}/BLG/2025", texts[key])
			self.assertIn(f"KECAMATAN {self.kecamatan[key].upper()}", texts[key])
		self.assertIn("20 Menit", texts["b"])
		self.assertNotIn("20 Menit", texts["a"])


class TestSplitSettingsPatch(FrappeTestCase):
	"""A site as the previous version left it: one SOP in force (naming its kecamatan) and one
	archive pattern in the settings."""

	def test_the_sop_becomes_the_kecamatans_and_a_copy_the_procedure(self):
		kecamatan = make_kecamatan()
		procedure = procedure_name()
		old = frappe.get_doc({**record_of(procedure_sop()), "kecamatan": kecamatan})
		old.flags.ignore_permissions = True
		old.insert()
		frappe.db.set_single_value("Pengaturan Kinerja", "sop", old.name)
		frappe.db.sql(
			"insert into `tabSingles` (doctype, field, value) values ('Pengaturan Kinerja', 'pola_nomor_arsip', %s)",
			("ARSIP/{kecamatan}/.YYYY./.####",),
		)
		try:
			split_settings_per_kecamatan.execute()
			new_procedure = procedure_name()
			self.assertNotEqual(new_procedure, old.name)
			self.assertIsNone(frappe.db.get_value("SOP Kinerja", new_procedure, "kecamatan"))
			self.assertEqual(
				sop_from_record(frappe.get_doc("SOP Kinerja", new_procedure)).structure(),
				sop_from_record(old).structure(),
			)
			self.assertEqual(frappe.db.get_value("Kecamatan", kecamatan, "sop"), old.name)
			self.assertEqual(
				frappe.db.get_value("Kecamatan", kecamatan, "pola_nomor_arsip"),
				"ARSIP/{kecamatan}/.YYYY./.####",
			)
			self.assertFalse(
				frappe.db.exists("Singles", {"doctype": "Pengaturan Kinerja", "field": "pola_nomor_arsip"})
			)
		finally:
			frappe.db.rollback()
			frappe.db.set_single_value("Pengaturan Kinerja", "sop", procedure)
			frappe.db.commit()
