"""The signed report as a real electronic signature (PAdES), signed locally and by a signing
service, checked by `pdfsig` and by /verifikasi, through revocation and a new Camat."""

import base64
import hashlib
import http.server
import json
import subprocess
import tempfile
import threading
import time

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.pki import DEMO_PASSPHRASE, ORGANISATION, ensure_demo_ca
from kinerja_kecamatan.demo.quarter import act, forward_action, run_quarter
from kinerja_kecamatan.laporan import pades, pki
from kinerja_kecamatan.laporan.draft import laporan_of
from kinerja_kecamatan.laporan.signature import render_pdf
from kinerja_kecamatan.tests.factories import (
	make_cycle,
	make_cycle_people,
	make_officer,
	make_user,
	open_cycle,
)
from kinerja_kecamatan.tests.rest import http as rest
from kinerja_kecamatan.workflow.sop import ROLE_ADMIN_KABUPATEN, ROLE_CAMAT, ROLE_KASUBBAG_PK, ROLE_PELAKSANA

LAPORAN = "Laporan Hasil Monitoring"
MONITORING = "Monitoring Kinerja Triwulan"
SERTIFIKAT = "Sertifikat Elektronik"
VERIFY = "/api/method/kinerja_kecamatan.laporan.verifikasi_berkas"
API = "/api/method/kinerja_kecamatan.kinerja_kecamatan.doctype.sertifikat_elektronik.sertifikat_elektronik"
NIK = "6311010101800001"


def on_target(row):
	return "100", None


def archived_pdf(laporan: str) -> bytes:
	return frappe.get_doc(
		"File", {"file_url": frappe.db.get_value(LAPORAN, laporan, "file_arsip")}
	).get_content()


def pdfsig(content: bytes) -> str:
	with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
		f.write(content)
		f.flush()
		return subprocess.run(["pdfsig", f.name], capture_output=True, text=True, timeout=60).stdout


def last_page_text(content: bytes) -> str:
	with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
		f.write(content)
		f.flush()
		return (
			subprocess.run(
				["pdftotext", "-layout", "-f", "99", f.name, "-"], capture_output=True, text=True, timeout=60
			).stdout
			or subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True).stdout
		)


def verify(content: bytes) -> dict:
	status, body = rest("POST", VERIFY, None, files={"file": ("laporan.pdf", content, "application/pdf")})
	assert status == 200, body
	return body["message"]


def set_settings(**values):
	settings = frappe.get_single("Pengaturan Kinerja")
	settings.update(values)
	settings.save(ignore_permissions=True)


def sign_refused(camat: str, cycle: str, passphrase: str = DEMO_PASSPHRASE) -> str:
	"""The message of a refused signature; the step and the report unchanged."""
	try:
		act(camat, cycle, forward_action(cycle), passphrase=passphrase)
	except frappe.ValidationError as error:
		frappe.db.rollback()
		message = str(error)
	else:
		raise AssertionError("the signature was not refused")
	laporan = laporan_of(cycle)
	assert frappe.db.get_value(MONITORING, cycle, "langkah") == 11
	assert frappe.db.get_value(LAPORAN, laporan, ["docstatus", "berkas_ttd"]) == (0, None)
	assert not frappe.db.exists("File", {"attached_to_name": laporan})
	return message


def cycle_awaiting_signature():
	"""(people, cycle, heads): a kecamatan of two units whose cycle waits at the Camat's signature."""
	people = make_cycle_people()
	cycle, heads = make_cycle(people, units=2)
	run_quarter(people, heads, cycle.name, on_target, until=11)
	return people, cycle, heads


class TestLocalSignature(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people, cls.cycle, cls.heads = cycle_awaiting_signature()
		cls.camat_pejabat = frappe.db.get_value("Kecamatan", cls.cycle.kecamatan, "camat")
		frappe.db.commit()

	def test_sign_verify_revoke_and_a_new_camat(self):
		camat, pelaksana = self.people[ROLE_CAMAT], self.people[ROLE_PELAKSANA]
		name, laporan = self.cycle.name, laporan_of(self.cycle.name)
		pejabat = frappe.get_doc("Pejabat", self.camat_pejabat)
		spaced = f"{pejabat.nip[:8]} {pejabat.nip[8:14]} {pejabat.nip[14]} {pejabat.nip[15:]}"

		self.assertIn("Passphrase salah", sign_refused(camat, name, "bukan-passphrase"))
		# a signed PDF that a signing lost with the database left behind, with no File record:
		# the next signing of this report takes its place
		orphan = frappe.get_site_path("private", "files", f"{laporan}-ttd.pdf")
		with open(orphan, "wb") as stale:
			stale.write(b"%PDF-1.4 sisa penandatanganan yang gagal")
		act(camat, name, forward_action(name))
		self.assertEqual(
			frappe.db.get_value(LAPORAN, laporan, "berkas_ttd"), f"/private/files/{laporan}-ttd.pdf"
		)
		with open(orphan, "rb") as signed:
			self.assertIn("Signature is Valid.", pdfsig(signed.read()))
		act(pelaksana, name, forward_action(name))
		frappe.db.commit()
		pdf = archived_pdf(laporan)
		self.assertEqual(
			frappe.db.get_value(LAPORAN, laporan, "sidik_arsip"), hashlib.sha256(pdf).hexdigest()
		)

		# any reader: pdfsig finds a valid signature over the whole file, naming the Camat
		report = pdfsig(pdf)
		self.assertIn(f"Signer Certificate Common Name: {pejabat.nama}", report)
		self.assertIn(f"serialNumber={pejabat.nip}", report)
		self.assertIn("Signature Validation: Signature is Valid.", report)
		self.assertIn("Signature Type: ETSI.CAdES.detached", report)
		self.assertIn("Total document signed", report)
		# the visible field on the signature block
		text = last_page_text(pdf)
		self.assertIn("Ditandatangani secara elektronik", text)
		self.assertIn(f"NIP. {spaced}", text)
		self.assertIn("Pindai untuk veri", text)  # the QR kept

		# /verifikasi: the signature checked against the settings' roots, the archive recognised
		answer = verify(pdf)
		self.assertEqual(
			{k: answer[k] for k in ("sah", "jenis", "arsip_situs")},
			{"sah": True, "jenis": "PAdES", "arsip_situs": True},
		)
		facts = answer["tanda_tangan"]
		self.assertEqual(
			(facts["penandatangan"], facts["nip"], facts["tidak_berubah"], facts["tepercaya"]),
			(pejabat.nama, spaced, True, True),
		)
		self.assertRegex(facts["waktu"], r"^\d{1,2} \w+ \d{4} \d\d\.\d\d \w+")
		self.assertEqual(
			answer["laporan"]["nomor_arsip"], frappe.db.get_value(LAPORAN, laporan, "nomor_arsip")
		)

		# a signature from a CA the settings do not trust is not enough
		roots = frappe.db.get_single_value("Pengaturan Kinerja", "akar_kepercayaan")
		set_settings(akar_kepercayaan="")
		frappe.db.commit()
		try:
			answer = verify(pdf)
		finally:
			set_settings(akar_kepercayaan=roots)
			frappe.db.commit()
		self.assertEqual(
			(answer["sah"], answer["alasan"]),
			(False, "Sertifikat penanda tangan tidak diterbitkan oleh otoritas yang dipercaya situs ini."),
		)

		# a revoked certificate signs nothing more: only the kabupaten's administrator revokes
		certificate = frappe.db.get_value(SERTIFIKAT, {"pejabat": pejabat.name, "status": "Aktif"})
		admin = make_user(roles=(ROLE_ADMIN_KABUPATEN,))
		frappe.db.commit()
		status, _body = rest(
			"POST", f"{API}.cabut_sertifikat", camat, {"sertifikat": certificate, "alasan": "x"}
		)
		self.assertEqual(status, 403)
		status, _body = rest(
			"POST", f"{API}.cabut_sertifikat", admin, {"sertifikat": certificate, "alasan": "Kunci hilang"}
		)
		self.assertEqual(status, 200)
		# a revocation is final, and the record is the certificate's: not edited, not deleted
		resource = f"/api/resource/{SERTIFIKAT}/{certificate}"
		status, _body = rest("PUT", resource, admin, {"status": "Aktif"})
		self.assertEqual(status, 403)
		status, _body = rest("DELETE", resource, admin)
		self.assertEqual(status, 403)
		self.assertEqual(frappe.db.get_value(SERTIFIKAT, certificate, "status"), "Dicabut")
		second = make_second_cycle(self)
		self.assertIn("telah dicabut", sign_refused(camat, second))

		# a new Camat with their own certificate signs; the old Camat's report still verifies
		new_camat = make_user(roles=(ROLE_CAMAT,))
		new_pejabat = make_officer(self.cycle.kecamatan, new_camat, "Camat")
		frappe.db.set_value("Kecamatan", self.cycle.kecamatan, "camat", new_pejabat)
		frappe.db.commit()
		ca = ensure_demo_ca()
		holder = pki.Holder(
			frappe.db.get_value("Pejabat", new_pejabat, "nama"), new_pejabat, "Camat", ORGANISATION
		)
		bundle = pki.to_pkcs12(pki.issue_holder(ca, holder), [ca.cert], "Rahasia#Baru", holder.nama)
		wrong = pki.to_pkcs12(
			pki.issue_holder(ca, pki.Holder("Orang Lain", "199001012015031001")), [ca.cert], "x", "x"
		)
		install = f"{API}.pasang_sertifikat"
		status, body = rest(
			"POST",
			install,
			camat,
			{
				"pejabat": new_pejabat,
				"berkas": base64.b64encode(bundle).decode(),
				"passphrase": "Rahasia#Baru",
			},
		)
		self.assertEqual(status, 403)  # not the holder
		status, body = rest(
			"POST",
			install,
			new_camat,
			{"pejabat": new_pejabat, "berkas": base64.b64encode(wrong).decode(), "passphrase": "x"},
		)
		self.assertEqual(status, 417)  # issued to another NIP
		status, body = rest(
			"POST",
			install,
			new_camat,
			{"pejabat": new_pejabat, "berkas": base64.b64encode(bundle).decode(), "passphrase": "salah"},
		)
		self.assertEqual(status, 417)
		status, body = rest(
			"POST",
			install,
			new_camat,
			{
				"pejabat": new_pejabat,
				"berkas": base64.b64encode(bundle).decode(),
				"passphrase": "Rahasia#Baru",
			},
		)
		self.assertEqual(status, 200, body)
		act(new_camat, second, forward_action(second), passphrase="Rahasia#Baru")
		self.assertEqual(frappe.db.get_value(LAPORAN, laporan_of(second), "docstatus"), 1)
		frappe.db.commit()
		answer = verify(pdf)
		self.assertEqual((answer["sah"], answer["tanda_tangan"]["penandatangan"]), (True, pejabat.nama))
		self.assertEqual(answer["tanda_tangan"]["status_sertifikat"], "Dicabut")

		# a report archived before this release carries the site's HMAC only: it still verifies,
		# by its archive, and says which kind of signature it has
		kept = frappe.db.get_value(
			LAPORAN, laporan, ["sidik_arsip", "jenis_tanda_tangan", "berkas_ttd"], as_dict=True
		)
		frappe.db.set_value(LAPORAN, laporan, {"jenis_tanda_tangan": "HMAC", "berkas_ttd": None})
		legacy = render_pdf(frappe.get_doc(LAPORAN, laporan))
		frappe.db.set_value(LAPORAN, laporan, "sidik_arsip", hashlib.sha256(legacy).hexdigest())
		frappe.db.commit()
		try:
			answer = verify(legacy)
		finally:
			frappe.db.set_value(LAPORAN, laporan, kept)
			frappe.db.commit()
		self.assertEqual(
			{k: answer[k] for k in ("sah", "jenis", "arsip_situs")},
			{"sah": True, "jenis": "HMAC", "arsip_situs": True},
		)
		self.assertNotIn("tanda_tangan", answer)
		self.assertNotIn("Signature #1", pdfsig(legacy))

		# the bundle is never readable through the API, even by whom may read the record
		status, body = rest("GET", f"/api/resource/{SERTIFIKAT}/{certificate}", admin)
		self.assertEqual(status, 200)
		self.assertNotIn("berkas_pkcs12", body["data"])


def make_second_cycle(case) -> str:
	"""Another quarter of the same kecamatan, up to the signing step."""
	pk = frappe.db.get_value("Monitoring Kinerja Triwulan", case.cycle.name, "perjanjian_kinerja")
	cycle = open_cycle(case.people[ROLE_KASUBBAG_PK], case.cycle.kecamatan, pk, triwulan="II")
	run_quarter(case.people, case.heads, cycle.name, on_target, until=11)
	frappe.db.commit()
	return cycle.name


class StandInTTE(http.server.BaseHTTPRequestHandler):
	"""A signing service like a Pemda's BSrE client: multipart PDF, NIK and passphrase in, the
	signed PDF out; `mode` makes it slow, refuse the passphrase or answer nonsense."""

	mode = "ok"
	holders: dict = {}
	tsa = None

	def log_message(self, *args):
		pass

	def do_POST(self):
		length = int(self.headers["Content-Length"])
		body = self.rfile.read(length)
		if self.mode == "slow":
			time.sleep(4)
		if self.mode == "garbage":
			return self.answer(200, b"<html>Layanan sedang pemeliharaan</html>", "text/html")
		fields = parse_multipart(body, self.headers["Content-Type"])
		holder = self.holders.get(fields["nik"].decode())
		try:
			pair, chain = pki.open_pkcs12(holder, fields["passphrase"].decode())
		except (pki.WrongPassphrase, TypeError):
			return self.answer(
				400, json.dumps({"error": "Passphrase anda salah", "status_code": 2031}).encode()
			)
		pdf = fields["file"]
		box = tuple(float(fields[k]) for k in ("xAxis", "yAxis"))
		box += (box[0] + float(fields["width"]), box[1] + float(fields["height"]))
		signed = pades.sign_pdf(
			pdf,
			pades.pyhanko_signer(pair, chain),
			pades.local_timestamper(*self.tsa),
			pades.Placement(int(fields["halaman"]) - 1, box),
			fields["teks"].decode(),
			"TTE",
			fields["lokasi"].decode(),
		)
		self.answer(200, signed, "application/pdf")

	def answer(self, status: int, content: bytes, kind: str = "application/json"):
		self.send_response(status)
		self.send_header("Content-Type", kind)
		self.send_header("Content-Length", str(len(content)))
		self.end_headers()
		self.wfile.write(content)


def parse_multipart(body: bytes, content_type: str) -> dict:
	boundary = content_type.split("boundary=")[1].encode()
	fields = {}
	for part in body.split(b"--" + boundary)[1:-1]:
		head, _sep, value = part.partition(b"\r\n\r\n")
		name = head.split(b'name="')[1].split(b'"')[0].decode()
		fields[name] = value[:-2]
	return fields


class TestRemoteSignature(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.people, cls.cycle, cls.heads = cycle_awaiting_signature()
		pejabat = frappe.db.get_value("Kecamatan", cls.cycle.kecamatan, "camat")
		frappe.db.set_value("Pejabat", pejabat, "nik", NIK)
		ca = ensure_demo_ca()
		doc = frappe.get_doc("Pejabat", pejabat)
		holder = pki.Holder(doc.nama, doc.nip, "Camat", ORGANISATION)
		StandInTTE.holders = {
			NIK: pki.to_pkcs12(pki.issue_holder(ca, holder), [ca.cert], "Tte#Layanan", doc.nama)
		}
		StandInTTE.tsa = (pki.make_tsa(ca), [ca.cert])
		cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandInTTE)
		threading.Thread(target=cls.server.serve_forever, daemon=True).start()
		cls.url = f"http://127.0.0.1:{cls.server.server_address[1]}/api/sign/pdf"
		set_settings(penanda_tangan="Layanan TTE", tte_url=cls.url, tte_batas_waktu=2)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		cls.server.shutdown()
		set_settings(penanda_tangan="Lokal", tte_url=None)
		frappe.db.commit()
		super().tearDownClass()

	def test_the_service_signs_and_its_failures_change_nothing(self):
		camat, name = self.people[ROLE_CAMAT], self.cycle.name
		for mode, expected in (
			("slow", "Layanan TTE tidak menjawab dalam 2 detik; laporan belum ditandatangani. Coba lagi."),
			("ok-wrong", "Layanan TTE menolak tanda tangan: Passphrase anda salah"),
			("garbage", "Jawaban Layanan TTE bukan PDF laporan ini yang ditandatangani"),
		):
			with self.subTest(mode=mode):
				StandInTTE.mode = mode
				passphrase = "salah" if mode == "ok-wrong" else "Tte#Layanan"
				self.assertIn(expected, sign_refused(camat, name, passphrase))
		with self.subTest(mode="refused"):
			set_settings(tte_url="http://127.0.0.1:9/api/sign/pdf")
			try:
				self.assertIn("Layanan TTE tidak dapat dihubungi", sign_refused(camat, name, "Tte#Layanan"))
			finally:
				set_settings(tte_url=self.url)

		StandInTTE.mode = "ok"
		act(camat, name, forward_action(name), passphrase="Tte#Layanan")
		act(self.people[ROLE_PELAKSANA], name, forward_action(name))
		frappe.db.commit()
		pdf = archived_pdf(laporan_of(name))
		nama = frappe.db.get_value(
			"Pejabat", frappe.db.get_value("Kecamatan", self.cycle.kecamatan, "camat"), "nama"
		)
		self.assertIn(f"Signer Certificate Common Name: {nama}", pdfsig(pdf))
		self.assertIn("Signature is Valid.", pdfsig(pdf))
		self.assertEqual(verify(pdf)["sah"], True)
