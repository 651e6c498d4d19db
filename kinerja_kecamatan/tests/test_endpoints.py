"""Every whitelisted method of the app refuses a guest, and checks the caller's permission."""

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.pki import issue_demo_certificate
from kinerja_kecamatan.tests.factories import (
	make_indikator,
	make_isian,
	make_kecamatan,
	make_monitoring,
	make_officer,
	make_pk,
	make_unit_head,
	make_user,
)
from kinerja_kecamatan.tests.rest import rest
from kinerja_kecamatan.workflow.sop import ROLE_CAMAT

# anyone holding a printed report may check its PDF (kinerja_kecamatan/tests/test_trust.py); the
# page calls it as kinerja_kecamatan.laporan.verifikasi_berkas, which laporan/__init__ re-exports
PUBLIC_METHOD = "kinerja_kecamatan.laporan.signature.verifikasi_berkas"
# Frappe's own desk methods the app overrides: they answer every desk user, as Frappe's do
DESK_OVERRIDES = {"kinerja_kecamatan.desk.sidebar.get_workspace_sidebar_items"}


def app_methods() -> list[str]:
	# importing the modules registers their whitelisted functions
	for module in (
		"kinerja_kecamatan.format_isian.excel",
		"kinerja_kecamatan.reports.dashboard",
		"kinerja_kecamatan.laporan",
		"kinerja_kecamatan.access",
		"kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.monitoring_kinerja_triwulan",
		"kinerja_kecamatan.kinerja_kecamatan.doctype.laporan_hasil_monitoring.laporan_hasil_monitoring",
		"kinerja_kecamatan.kinerja_kecamatan.doctype.capaian_kinerja_tahunan.capaian_kinerja_tahunan",
		"kinerja_kecamatan.kinerja_kecamatan.doctype.isian_data_kinerja.isian_data_kinerja",
		"kinerja_kecamatan.kinerja_kecamatan.doctype.kecamatan.kecamatan",
		"kinerja_kecamatan.kinerja_kecamatan.doctype.sertifikat_elektronik.sertifikat_elektronik",
		"kinerja_kecamatan.kinerja_kecamatan.page.beranda_kinerja.beranda_kinerja",
		"kinerja_kecamatan.desk.sidebar",
	):
		frappe.get_module(module)
	return sorted(
		f"{fn.__module__}.{fn.__name__}"
		for fn in frappe.whitelisted
		if fn.__module__.startswith("kinerja_kecamatan")
	)


class TestEndpoints(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		kecamatan = make_kecamatan()
		unit, _head = make_unit_head(kecamatan)
		indikator = make_indikator(kecamatan, unit)
		cls.monitoring = make_monitoring(make_pk(kecamatan, 2024, {indikator: (4, 1, 1, 1, 1)}))
		cls.isian = make_isian(cls.monitoring, unit, {indikator: "1"})
		cls.outsider = make_user()  # a desk user with none of the app's roles
		cls.camat = make_officer(kecamatan, make_user(roles=(ROLE_CAMAT,)), "Camat")
		frappe.db.set_value("Kecamatan", kecamatan, "camat", cls.camat)
		cls.certificate = issue_demo_certificate(cls.camat)
		frappe.db.commit()

	def test_the_only_guest_method_is_the_pdf_verification(self):
		methods = app_methods()
		self.assertGreaterEqual(len(methods), 7)
		self.assertEqual([m for m in methods if frappe.get_attr(m) in frappe.guest_methods], [PUBLIC_METHOD])

	def test_guest_is_refused_everywhere_else(self):
		for method in set(app_methods()) - {PUBLIC_METHOD}:
			with self.subTest(method=method):
				status, _body = rest("POST", f"/api/method/{method}", None, {})
				self.assertEqual(status, 403)

	def test_a_user_without_the_roles_is_refused(self):
		calls = {
			"kinerja_kecamatan.format_isian.excel.download_isian": {"name": self.isian.name},
			"kinerja_kecamatan.format_isian.excel.upload_isian": {
				"name": self.isian.name,
				"file_url": "/private/files/x.xlsx",
			},
			"kinerja_kecamatan.format_isian.excel.download_all_formats": {"monitoring": self.monitoring.name},
			"kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.monitoring_kinerja_triwulan.catat_pengecualian": {
				"monitoring": self.monitoring.name,
				"unit_kerja": self.isian.unit_kerja,
				"alasan": "x",
			},
			"kinerja_kecamatan.kinerja_kecamatan.doctype.laporan_hasil_monitoring.laporan_hasil_monitoring.susun_draft_laporan": {
				"monitoring": self.monitoring.name
			},
		}
		calls[
			"kinerja_kecamatan.kinerja_kecamatan.doctype.isian_data_kinerja.isian_data_kinerja.preview_capaian"
		] = {"name": self.isian.name, "realisasi": {}}
		calls[
			"kinerja_kecamatan.kinerja_kecamatan.doctype.laporan_hasil_monitoring.laporan_hasil_monitoring.tandatangani_koreksi"
		] = {"laporan": "LHM-none"}
		calls["kinerja_kecamatan.access.scope.get_count"] = {"doctype": "Isian Data Kinerja"}
		calls["kinerja_kecamatan.kinerja_kecamatan.doctype.kecamatan.kecamatan.buat_sop_dari_prosedur"] = {
			"kecamatan": self.monitoring.kecamatan
		}
		monitoring_api = "kinerja_kecamatan.kinerja_kecamatan.doctype.monitoring_kinerja_triwulan.monitoring_kinerja_triwulan"
		calls[f"{monitoring_api}.tandatangani"] = {"monitoring": self.monitoring.name, "passphrase": "x"}
		sertifikat_api = "kinerja_kecamatan.kinerja_kecamatan.doctype.sertifikat_elektronik.sertifikat_elektronik"
		calls[f"{sertifikat_api}.pasang_sertifikat"] = {"pejabat": self.camat, "berkas": "eA==", "passphrase": "x"}
		calls[f"{sertifikat_api}.cabut_sertifikat"] = {
			"sertifikat": self.certificate,
			"alasan": "x",
		}
		tahunan_api = "kinerja_kecamatan.kinerja_kecamatan.doctype.capaian_kinerja_tahunan.capaian_kinerja_tahunan"
		calls[f"{tahunan_api}.susun_capaian_tahunan"] = {"kecamatan": self.monitoring.kecamatan, "tahun": 2024}
		calls[f"{tahunan_api}.tandatangani"] = {"name": "CKT-none", "passphrase": "x"}
		calls[f"{tahunan_api}.unduh_excel"] = {"name": "CKT-none"}
		calls["kinerja_kecamatan.reports.dashboard.siklus_berjalan"] = {}
		calls["kinerja_kecamatan.reports.dashboard.langkah_terlambat"] = {}
		calls["kinerja_kecamatan.reports.dashboard.tindak_lanjut_terlambat"] = {}
		calls["kinerja_kecamatan.reports.dashboard.indikator_sangat_rendah"] = {}
		calls["kinerja_kecamatan.reports.dashboard.rata_rata_capaian"] = {}
		calls["kinerja_kecamatan.kinerja_kecamatan.page.beranda_kinerja.beranda_kinerja.get_landing"] = {}
		self.assertEqual(set(calls), set(app_methods()) - {PUBLIC_METHOD} - DESK_OVERRIDES)
		for method, args in calls.items():
			with self.subTest(method=method):
				status, _body = rest("POST", f"/api/method/{method}", self.outsider, args)
				self.assertEqual(status, 403)

	def test_the_sidebar_answers_whom_frappe_answers(self):
		status, body = rest("POST", "/api/method/frappe.desk.desktop.get_workspace_sidebar_items", self.outsider, {})
		self.assertEqual(status, 200)
		self.assertIn("pages", body["message"])
