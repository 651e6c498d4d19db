"""Trust in the record: plain REST calls by ordinary users forge nothing, leak nothing and destroy
nothing. Every call here goes over HTTP to the served test site, as the named user, and a refusal
must come with a message and leave the database as it was."""

import frappe
from frappe.installer import update_site_config
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.pki import DEMO_PASSPHRASE
from kinerja_kecamatan.demo.quarter import run_quarter
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
	make_kecamatan,
	make_officer,
	make_user,
)
from kinerja_kecamatan.tests.rest import http
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT, ROLE_KABUPATEN, ROLE_KASUBBAG_PK, ROLE_PELAKSANA

MONITORING = "Monitoring Kinerja Triwulan"
ISIAN = "Isian Data Kinerja"
LAPORAN = "Laporan Hasil Monitoring"
PAYLOAD = "x' onmouseover='alert(1)"


def on_target(row):
	return "100", None


def resource(doctype: str, name: str = "") -> str:
	return f"/api/resource/{doctype}" + (f"/{name}" if name else "")


def apply_action(user: str, monitoring: str, action: str):
	doc = frappe.get_doc(MONITORING, monitoring).as_dict()
	return http(
		"POST",
		"/api/method/frappe.model.workflow.apply_workflow",
		user,
		{"doc": frappe.as_json(doc), "action": action},
	)


SIGN = "/api/method/kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.monitoring_kinerja_triwulan.tandatangani"


def message_of(body: dict) -> str:
	"""The user-facing message of a refused call."""
	import json

	messages = body.get("_server_messages")
	if messages:
		return " ".join(json.loads(m).get("message", "") for m in json.loads(messages))
	return body.get("exception", "") or body.get("exc_type", "")


class TestTrust(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		# a cycle waiting at step 1, and one whose Isian are being filled at step 4
		cls.fresh, cls.fresh_heads = make_cycle(cls.people, units=2)
		cls.filling, cls.filling_heads = make_cycle(cls.people, units=2)
		run_quarter(cls.people, cls.filling_heads, cls.filling.name, on_target, until=4)
		cls.other_kecamatan = make_kecamatan()
		cls.other_camat = make_user(roles=(ROLE_CAMAT,))
		make_officer(cls.other_kecamatan, cls.other_camat, "Camat")
		cls.kabupaten = make_user(roles=(ROLE_KABUPATEN,))
		frappe.db.commit()

	def draft_isian(self, unit_index=0):
		unit = list(self.filling_heads)[unit_index]
		name = frappe.db.get_value(ISIAN, {"monitoring": self.filling.name, "unit_kerja": unit})
		return frappe.get_doc(ISIAN, name), self.filling_heads[unit]

	# 1. forged numbers and stored script
	def test_a_head_cannot_write_computed_fields_of_a_draft(self):
		isian, head = self.draft_isian()
		status, body = http("PUT", resource(ISIAN, isian.name), head, {"predikat": PAYLOAD, "rata_rata_capaian": 250})
		self.assertEqual(status, 403)
		self.assertIn("ditetapkan oleh sistem", message_of(body))
		self.assertEqual(frappe.db.get_value(ISIAN, isian.name, "predikat"), isian.predikat)

		row = isian.indikator[0]
		status, body = http(
			"POST",
			"/api/method/frappe.client.set_value",
			head,
			{"doctype": row.doctype, "name": row.name, "fieldname": "capaian_tw", "value": 999},
		)
		self.assertEqual(status, 403)
		self.assertEqual(frappe.db.get_value(row.doctype, row.name, "capaian_tw"), row.capaian_tw)

	def test_the_desk_save_with_the_previewed_capaian_passes(self):
		isian, head = self.draft_isian(1)
		doc = isian.as_dict(convert_dates_to_str=True)
		for row in doc["indikator"]:
			row["realisasi_tw"] = "80"
			row["capaian_tw"] = 80.0  # what the form's preview showed
			row["predikat"] = "Tinggi"
			row["faktor_penghambat"], row["tindak_lanjut"] = "Cuaca", "Jadwal ulang"
		status, body = http("PUT", resource(ISIAN, isian.name), head, doc)
		self.assertEqual(status, 200, message_of(body))
		self.assertEqual(frappe.db.get_value(isian.indikator[0].doctype, isian.indikator[0].name, "capaian_tw"), 80.0)

	def test_a_bukti_dukung_must_be_an_uploaded_file(self):
		isian, head = self.draft_isian()
		row = isian.indikator[0]
		for value in ('<img src=x onerror="alert(1)">', "javascript:alert(1)", "/files/none-such.pdf"):
			with self.subTest(value=value):
				status, body = http(
					"POST",
					"/api/method/frappe.client.set_value",
					head,
					{"doctype": row.doctype, "name": row.name, "fieldname": "bukti_dukung", "value": value},
				)
				self.assertEqual(status, 417)
				self.assertIn("bukti dukung harus berkas yang diunggah", message_of(body))
				self.assertIsNone(frappe.db.get_value(row.doctype, row.name, "bukti_dukung"))

	# 2. child tables
	def test_child_table_listing_shows_only_the_heads_own_unit(self):
		isian, head = self.draft_isian()
		status, body = http(
			"GET",
			resource("Isian Data Kinerja Indikator")
			+ '?parent=Isian Data Kinerja&fields=["parent","realisasi_tw"]&limit_page_length=0',
			head,
		)
		self.assertEqual(status, 200)
		parents = {row["parent"] for row in body["data"]}
		self.assertEqual(parents, {isian.name})

	def test_files_of_another_units_isian_are_neither_listed_nor_read(self):
		own, head = self.draft_isian(0)
		other, _head = self.draft_isian(1)
		files = {
			isian.name: frappe.get_doc(
				{
					"doctype": "File",
					"file_name": f"bukti-{isian.name}.txt",
					"content": "foto kegiatan",
					"is_private": 1,
					"attached_to_doctype": ISIAN,
					"attached_to_name": isian.name,
				}
			)
			.insert()
			.name
			for isian in (own, other)
		}
		frappe.db.commit()
		path = '/api/resource/File?fields=["name"]&limit_page_length=0&filters=[["attached_to_doctype","=","Isian Data Kinerja"]]'
		status, body = http("GET", path, head)
		self.assertEqual(status, 200)
		self.assertEqual({row["name"] for row in body["data"]} & set(files.values()), {files[own.name]})
		status, _body = http("GET", resource("File", files[other.name]), head)
		self.assertEqual(status, 403)

	def test_a_head_cannot_reach_another_units_file_or_attach_to_its_records(self):
		own, head = self.draft_isian(0)
		other, other_head = self.draft_isian(1)
		secret = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "rahasia.txt",
				"content": "rahasia unit lain",
				"is_private": 1,
				"attached_to_doctype": ISIAN,
				"attached_to_name": other.name,
			}
		).insert()
		frappe.db.commit()
		# a File record of their own pointing at the other unit's private file
		status, _body = http(
			"POST",
			"/api/method/frappe.client.insert",
			head,
			{"doc": {"doctype": "File", "file_url": secret.file_url, "is_private": 1, "attached_to_doctype": ISIAN, "attached_to_name": own.name}},
		)
		self.assertEqual(status, 403)
		status, _body = http("GET", secret.file_url, head)
		self.assertEqual(status, 403)
		# an upload attached to a record they may not write
		upload = {"doctype": ISIAN, "docname": other.name, "is_private": 1}
		status, _body = http("POST", "/api/method/upload_file", head, upload, {"file": ("x.pdf", b"%PDF-1.4 x", "application/pdf")})
		self.assertEqual(status, 403)
		self.assertEqual(frappe.db.count("File", {"attached_to_name": other.name}), 1)
		# while their own draft takes it
		upload["docname"] = own.name
		status, body = http("POST", "/api/method/upload_file", head, upload, {"file": ("x.pdf", b"%PDF-1.4 x", "application/pdf")})
		self.assertEqual(status, 200, message_of(body))

	def test_counts_are_confined_like_lists(self):
		isian, head = self.draft_isian(0)
		other, _head = self.draft_isian(1)
		count = "/api/method/frappe.client.get_count"
		self.assertEqual(http("POST", count, head, {"doctype": ISIAN})[1]["message"], 1)
		status, body = http("POST", count, head, {"doctype": ISIAN, "filters": {"name": other.name}})
		self.assertEqual((status, body["message"]), (200, 0))
		self.assertEqual(http("POST", count, head, {"doctype": "Activity Log"})[0], 403)

	def test_a_comment_carries_its_real_author(self):
		isian, head = self.draft_isian(0)
		status, body = http(
			"POST",
			"/api/method/frappe.desk.form.utils.add_comment",
			head,
			{
				"reference_doctype": ISIAN,
				"reference_name": isian.name,
				"content": "Laporan ini dicabut",
				"comment_email": self.people[ROLE_CAMAT],
				"comment_by": "Camat",
			},
		)
		self.assertEqual(status, 200, message_of(body))
		self.assertEqual((body["message"]["comment_email"], body["message"]["owner"]), (head, head))

	def test_another_kecamatans_officer_sees_nothing_of_this_one(self):
		listings = {
			MONITORING: "",
			ISIAN: "",
			"Unit Kerja": "",
			"Log Langkah Monitoring": "&parent=Monitoring Kinerja Triwulan",
		}
		for doctype, parent in listings.items():
			with self.subTest(doctype=doctype):
				path = resource(doctype) + '?fields=["name"]&limit_page_length=0' + parent
				status, body = http("GET", path, self.other_camat)
				self.assertEqual(status, 200)
				self.assertEqual(body["data"], [])
		status, _body = http("GET", resource(MONITORING, self.fresh.name), self.other_camat)
		self.assertEqual(status, 403)

	def test_the_kabupaten_reads_every_kecamatan_and_writes_nothing(self):
		status, body = http("GET", resource(MONITORING) + '?fields=["name"]&limit_page_length=0', self.kabupaten)
		self.assertEqual(status, 200)
		self.assertTrue({self.fresh.name, self.filling.name} <= {row["name"] for row in body["data"]})
		status, _body = http("PUT", resource(MONITORING, self.fresh.name), self.kabupaten, {"disposisi": "x"})
		self.assertEqual(status, 403)

	# 5. revocation
	def test_a_head_replaced_loses_every_access(self):
		cycle, heads = make_cycle(self.people, units=1)
		unit, old_head = next(iter(heads.items()))
		new_head = make_user()
		make_officer(cycle.kecamatan, new_head, "Kepala Seksi")
		unit_doc = frappe.get_doc("Unit Kerja", unit)
		unit_doc.kepala_unit = new_head
		unit_doc.save()
		frappe.db.commit()
		for doctype in (ISIAN, MONITORING, "Unit Kerja", "Indikator Kinerja"):
			with self.subTest(doctype=doctype):
				status, body = http("GET", resource(doctype) + '?fields=["name"]&limit_page_length=0', old_head)
				self.assertIn(status, (200, 403))
				self.assertEqual(body.get("data", []), [])
		self.assertNotIn("Kepala Unit Kerja", frappe.get_roles(old_head))

	def test_a_website_user_cannot_be_made_a_unit_head(self):
		website_user = make_user()
		frappe.db.set_value("User", website_user, "user_type", "Website User")
		unit = list(self.fresh_heads)[0]
		frappe.db.commit()
		status, body = http("PUT", resource("Unit Kerja", unit), self.people[ROLE_KASUBBAG_PK], {"kepala_unit": website_user})
		self.assertEqual(status, 417)
		self.assertIn("bukan Pejabat Kecamatan", message_of(body))
		self.assertEqual(frappe.db.get_value("Unit Kerja", unit, "kepala_unit"), self.fresh_heads[unit])

	# 7. editing around the workflow
	def test_fields_belong_to_their_step_and_role(self):
		pelaksana, kasubbag, camat = (self.people[r] for r in (ROLE_PELAKSANA, ROLE_KASUBBAG_PK, ROLE_CAMAT))
		unit = list(self.fresh_heads)[0]
		refused = [
			(pelaksana, {"disposisi": "Disposisi palsu"}, "Disposisi diisi oleh Camat pada langkah 1"),
			(pelaksana, {"pengecualian_isian": [{"unit_kerja": unit, "alasan": "Cuti"}]}, "dengan tombol Catat Pengecualian"),
			(kasubbag, {"tahun": 2030}, "ditetapkan saat dibuat"),
			(camat, {"langkah": 9}, "ditetapkan oleh sistem"),
		]
		for user, values, message in refused:
			with self.subTest(values=values):
				status, body = http("PUT", resource(MONITORING, self.fresh.name), user, values)
				self.assertEqual(status, 403)
				self.assertIn(message, message_of(body))
		fresh = frappe.get_doc(MONITORING, self.fresh.name)
		self.assertEqual((fresh.disposisi, fresh.tahun, fresh.langkah, fresh.pengecualian_isian), (None, 2024, 1, []))
		status, body = http("PUT", resource(MONITORING, self.fresh.name), camat, {"disposisi": "Susun format"})
		self.assertEqual(status, 200, message_of(body))
		self.assertEqual(frappe.db.get_value(MONITORING, self.fresh.name, "disposisi"), "Susun format")

	def test_a_cycle_is_never_submitted_outside_the_archiving_step(self):
		cycle, heads = make_cycle(self.people, units=1)
		for number in range(1, 12):
			run_quarter(self.people, heads, cycle.name, on_target, until=number)
			frappe.db.commit()
			for role in (ROLE_PELAKSANA, ROLE_KASUBBAG_PK):  # both may submit a Monitoring by role
				with self.subTest(step=number, role=role):
					status, _body = http("PUT", resource(MONITORING, cycle.name), self.people[role], {"docstatus": 1})
					self.assertIn(status, (403, 417))
			self.assertEqual(frappe.db.get_value(MONITORING, cycle.name, ["docstatus", "langkah"]), (0, number))
			if number == 8:
				self.assert_reported_values_come_from_the_isian(cycle.name)

	def assert_reported_values_come_from_the_isian(self, cycle):
		blanko = frappe.get_doc("Blanko Monitoring Kinerja", {"monitoring": cycle})
		row = blanko.indikator[0]
		status, body = http(
			"POST",
			"/api/method/frappe.client.set_value",
			self.people[ROLE_PELAKSANA],
			{"doctype": row.doctype, "name": row.name, "fieldname": "realisasi_dilaporkan", "value": "999"},
		)
		self.assertEqual(status, 403)
		self.assertIn("ditetapkan oleh sistem", message_of(body))
		self.assertEqual(frappe.db.get_value(row.doctype, row.name, "realisasi_dilaporkan"), "100")

	def test_the_all_units_zip_is_not_for_a_unit_head(self):
		isian, head = self.draft_isian()
		status, _body = http(
			"POST",
			"/api/method/kinerja_kecamatan.format_isian.excel.download_all_formats",
			head,
			{"monitoring": self.filling.name},
		)
		self.assertEqual(status, 403)

	def test_an_archive_number_pattern_cannot_run_a_format_spec(self):
		status, body = http(
			"PUT",
			resource("Kecamatan", self.fresh.kecamatan),
			self.people[ROLE_KASUBBAG_PK],
			{"pola_nomor_arsip": "ARSIP/{tahun:>999999999}/.####"},
		)
		self.assertEqual(status, 417)
		self.assertIn("hanya boleh memuat {kecamatan}, {tahun}, {triwulan}", message_of(body))


class TestSignedArchive(FrappeTestCase):
	"""One cycle from signature to archive, tried at each point by those who must be refused."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people = make_cycle_people()
		cls.cycle, cls.heads = make_cycle(cls.people, units=2)
		run_quarter(cls.people, cls.heads, cls.cycle.name, on_target, until=11)
		# another Camat of the same kecamatan, who is not its signing Camat
		cls.deputy = make_user(roles=(ROLE_CAMAT,))
		make_officer(cls.cycle.kecamatan, cls.deputy, "Plh. Camat")
		frappe.db.commit()

	def test_signing_and_archiving(self):
		name = self.cycle.name
		laporan = laporan_of(name)
		pelaksana, camat = self.people[ROLE_PELAKSANA], self.people[ROLE_CAMAT]

		# 8. no submit before the signature, and no signature by anyone but the kecamatan's Camat
		status, _body = http("PUT", resource(LAPORAN, laporan), camat, {"docstatus": 1})
		self.assertIn(status, (403, 417))
		status, body = apply_action(self.deputy, name, "Setujui dan Tandatangani")
		self.assertEqual(status, 417)
		self.assertIn("hanya dapat ditandatangani oleh Camat-nya", message_of(body))
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan, "docstatus"), 0)

		# the signature is electronic: without the certificate's passphrase, or with a wrong one,
		# nothing is signed and the step stays
		status, body = apply_action(camat, name, "Setujui dan Tandatangani")
		self.assertEqual(status, 417)
		self.assertIn("Masukkan passphrase sertifikat elektronik Anda", message_of(body))
		status, body = http("POST", SIGN, camat, {"monitoring": name, "passphrase": "salah"})
		self.assertEqual(status, 417)
		self.assertIn("Passphrase salah: laporan tidak ditandatangani.", message_of(body))
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan, ["docstatus", "berkas_ttd"]), (0, None))
		self.assertEqual(frappe.db.get_value(MONITORING, name, "langkah"), 11)
		status, body = http("POST", SIGN, self.deputy, {"monitoring": name, "passphrase": DEMO_PASSPHRASE})
		self.assertEqual(status, 417)
		status, body = http("POST", SIGN, camat, {"monitoring": name, "passphrase": DEMO_PASSPHRASE})
		self.assertEqual(status, 200, message_of(body))
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan, ["docstatus", "jenis_tanda_tangan"]), (1, "PAdES"))

		# 4. the archive is all or nothing: a failure after rendering leaves nothing behind
		series = frappe.db.sql("select name, current from tabSeries")
		update_site_config("max_file_size", 1000)  # bytes: the PDF can't be stored
		try:
			status, body = apply_action(pelaksana, name, "Arsipkan")
		finally:
			update_site_config("max_file_size", None)
		self.assertTrue(400 <= status < 500, status)
		self.assertEqual(frappe.db.get_value(MONITORING, name, ["docstatus", "langkah"]), (0, 12))
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan, ["nomor_arsip", "file_arsip"]), (None, None))
		self.assertEqual(frappe.db.sql("select name, current from tabSeries"), series)
		self.assertFalse(frappe.db.exists("File", {"attached_to_name": name, "attached_to_doctype": MONITORING}))

		status, body = apply_action(pelaksana, name, "Arsipkan")
		self.assertEqual(status, 200, message_of(body))
		nomor, file_url = frappe.db.get_value(LAPORAN, laporan, ["nomor_arsip", "file_arsip"])
		self.assertTrue(nomor.startswith("ARSIP/MONEV/"))
		file_name = frappe.db.get_value("File", {"file_url": file_url})

		# 3. the archive is never deleted, replaced or re-pointed
		for user in (pelaksana, camat, "Administrator"):
			with self.subTest(user=user):
				status, body = http("DELETE", resource("File", file_name), user)
				self.assertEqual(status, 403)
		self.assertTrue(frappe.db.exists("File", file_name))
		status, _body = http("PUT", resource("File", file_name), "Administrator", {"file_url": "/files/other.pdf"})
		self.assertEqual(status, 403)
		for field, value in (("nomor_arsip", "PALSU/1"), ("file_arsip", "/files/other.pdf"), ("predikat", PAYLOAD)):
			with self.subTest(field=field):
				status, body = http(
					"POST",
					"/api/method/frappe.client.set_value",
					camat,
					{"doctype": LAPORAN, "name": laporan, "fieldname": field, "value": value},
				)
				self.assertEqual(status, 403)
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan, ["nomor_arsip", "file_arsip"]), (nomor, file_url))

		# 1 and 10: a submitted Isian and the archived step log are the server's
		isian = frappe.db.get_value(ISIAN, {"monitoring": name, "docstatus": 1})
		head = frappe.db.get_value(ISIAN, isian, "kepala_unit") or next(iter(self.heads.values()))
		status, body = http(
			"POST",
			"/api/method/frappe.client.set_value",
			head,
			{"doctype": ISIAN, "name": isian, "fieldname": "predikat", "value": PAYLOAD},
		)
		self.assertEqual(status, 403)
		self.assertNotEqual(frappe.db.get_value(ISIAN, isian, "predikat"), PAYLOAD)
		log_rows = frappe.db.count("Log Langkah Monitoring", {"parent": name})
		status, _body = http("PUT", resource(MONITORING, name), pelaksana, {"log_langkah": []})
		self.assertEqual(status, 403)
		self.assertEqual(frappe.db.count("Log Langkah Monitoring", {"parent": name}), log_rows)

		# the quarter's Blanko and Isian stay as the signed report used them
		blanko = frappe.db.get_value("Blanko Monitoring Kinerja", {"monitoring": name, "docstatus": 1})
		status, _body = http("POST", "/api/method/frappe.client.cancel", pelaksana, {"doctype": "Blanko Monitoring Kinerja", "name": blanko})
		self.assertEqual(status, 403)
		self.assertEqual(frappe.db.get_value("Blanko Monitoring Kinerja", blanko, "docstatus"), 1)
		# nothing more is attached to the signed report
		upload = {"doctype": LAPORAN, "docname": laporan, "is_private": 1}
		status, _body = http("POST", "/api/method/upload_file", pelaksana, upload, {"file": ("ARSIP.pdf", b"%PDF-1.4 palsu", "application/pdf")})
		self.assertEqual(status, 403)

		# 9. the verification page takes the PDF itself, and tells nothing of other reports
		with open(frappe.get_doc("File", file_name).get_full_path(), "rb") as pdf:
			content = pdf.read()
		method = "/api/method/kinerja_kecamatan.laporan.verifikasi_berkas"
		status, body = http("POST", method, None, files={"file": ("laporan.pdf", content, "application/pdf")})
		self.assertEqual(status, 200)
		self.assertEqual((body["message"]["sah"], body["message"]["laporan"]["nomor_arsip"]), (True, nomor))
		status, body = http("POST", method, None, files={"file": ("laporan.pdf", content.replace(b"/Producer (pypdf)", b"/Producer (pypdX)", 1), "application/pdf")})
		self.assertEqual(
			{k: body["message"][k] for k in ("sah", "jenis", "alasan", "arsip_situs")},
			{
				"sah": False,
				"jenis": "PAdES",
				"alasan": "Berkas telah diubah setelah ditandatangani: tanda tangannya tidak lagi mencakup isi berkas ini.",
				"arsip_situs": False,
			},
		)
		self.assertNotIn("laporan", body["message"])
		wrong_code = http("GET", f"/verifikasi?laporan={laporan}&kode=00", None)[1]["text"]
		no_report = http("GET", "/verifikasi?laporan=LHM-none&kode=00", None)[1]["text"]
		# a wrong code for a real report reads exactly as a report that does not exist
		self.assertIn("TIDAK SAH.</b> Tidak ada laporan bertanda tangan yang cocok", wrong_code)
		self.assertIn("TIDAK SAH.</b> Tidak ada laporan bertanda tangan yang cocok", no_report)

		# 3. a correction: the Camat cancels (logged), the report is amended, redrafted and signed
		# again with its own archive; the old archive stays
		cancel = {"doctype": LAPORAN, "name": laporan}
		status, _body = http("POST", "/api/method/frappe.client.cancel", self.deputy, cancel)
		self.assertEqual(status, 403)
		status, body = http("POST", "/api/method/frappe.client.cancel", camat, cancel)
		self.assertEqual(status, 200, message_of(body))
		self.assertTrue(frappe.db.exists("Comment", {"reference_name": name, "content": ("like", f"%{laporan}%dibatalkan%")}))
		correction = {"monitoring": name, "amended_from": laporan, "temuan": "Koreksi temuan"}
		status, body = http("POST", resource(LAPORAN), pelaksana, {**correction, "hash_tanda_tangan": "palsu"})
		self.assertEqual(status, 403)  # a signature never travels with a copy
		status, body = http("POST", resource(LAPORAN), pelaksana, correction)
		self.assertEqual(status, 200, message_of(body))
		amended = body["data"]["name"]
		status, body = http(
			"POST",
			"/api/method/kinerja_kecamatan.kinerja_kecamatan.doctype.laporan_hasil_monitoring.laporan_hasil_monitoring.susun_draft_laporan",
			pelaksana,
			{"monitoring": name},
		)
		self.assertEqual((status, body.get("message")), (200, amended), message_of(body))
		sign = "/api/method/kinerja_kecamatan.kinerja_kecamatan.doctype.laporan_hasil_monitoring.laporan_hasil_monitoring.tandatangani_koreksi"
		status, body = http("POST", sign, self.deputy, {"laporan": amended})
		self.assertIn(status, (403, 417))
		status, body = http("POST", sign, camat, {"laporan": amended, "passphrase": DEMO_PASSPHRASE})
		self.assertEqual(status, 200, message_of(body))
		new_nomor, new_url = body["message"]["nomor_arsip"], body["message"]["file_arsip"]
		self.assertNotEqual((new_nomor, new_url), (nomor, file_url))
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan, ["docstatus", "nomor_arsip", "file_arsip"]), (2, nomor, file_url))
		self.assertTrue(frappe.db.exists("File", file_name))
		with open(frappe.get_doc("File", {"file_url": new_url}).get_full_path(), "rb") as pdf:
			status, body = http("POST", method, None, files={"file": ("koreksi.pdf", pdf.read(), "application/pdf")})
		self.assertEqual((body["message"]["sah"], body["message"]["laporan"]["nomor_arsip"]), (True, new_nomor))
