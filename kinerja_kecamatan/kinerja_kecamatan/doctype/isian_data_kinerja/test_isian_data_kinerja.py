# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_field
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.demo.quarter import as_user
from kinerja_kecamatan.doctypes import ISIAN
from kinerja_kecamatan.tests.bench import run_bench
from kinerja_kecamatan.tests.factories import (
	make_indikator,
	make_isian,
	make_kecamatan,
	make_monitoring,
	make_pk,
	make_unit,
	make_unit_head,
)
from kinerja_kecamatan.tests.rest import rest
from kinerja_kecamatan.validation import KinerjaValidationError


class IsianTestCase(FrappeTestCase):
	def setUp(self):
		self.kecamatan = make_kecamatan()
		self.unit = make_unit(self.kecamatan)
		self.positif = make_indikator(self.kecamatan, self.unit, "Positif")
		self.negatif = make_indikator(self.kecamatan, self.unit, "Negatif")
		self.nilai_akhir = make_indikator(self.kecamatan, self.unit, "Nilai Akhir")
		self.pk = make_pk(
			self.kecamatan,
			2024,
			{
				self.positif: (400, 100, 100, 100, 100),
				self.negatif: (6, 7, 7, 6, 6),
				self.nilai_akhir: (80, 70, 75, 78, 80),
			},
		)
		self.tw1 = make_monitoring(self.pk, "I")


class TestCapaianOnSave(IsianTestCase):
	def test_each_row_gets_its_capaian_and_predikat(self):
		isian = make_isian(
			self.tw1, self.unit, {self.positif: 45, self.negatif: "6,5", self.nilai_akhir: "70"}
		)
		rows = {row.indikator: row for row in isian.indikator}
		# Positif: 45 of 100 → 45 %; "Sangat Rendah" since 45 < 51
		self.assertAlmostEqual(rows[self.positif].capaian_tw, 45)
		self.assertEqual(rows[self.positif].predikat, "Sangat Rendah")
		# Negatif: (2 − 6,5/7) × 100 = 107,142857… → 107,1429 stored; "Sangat Tinggi" since ≥ 91
		self.assertAlmostEqual(rows[self.negatif].capaian_tw, 107.1429, places=4)
		self.assertEqual(rows[self.negatif].predikat, "Sangat Tinggi")
		# Nilai Akhir: 70 of 70 → 100 %
		self.assertAlmostEqual(rows[self.nilai_akhir].capaian_tw, 100)
		# (45 + 107,142857… + 100) / 3 = 84,047619… → 84,0476 stored (averaging 107,14, the
		# capaian rounded to 2 decimals, would give 84,0467); "Tinggi" since 76 ≤ 84,05 < 91
		self.assertAlmostEqual(isian.rata_rata_capaian, 84.0476, places=4)
		self.assertEqual(isian.predikat, "Tinggi")

	def test_missing_realisasi_is_no_data_and_left_out_of_the_average(self):
		isian = make_isian(self.tw1, self.unit, {self.positif: "", self.negatif: 7})
		rows = {row.indikator: row for row in isian.indikator}
		self.assertEqual(rows[self.positif].keterangan_capaian, "belum ada data")
		self.assertFalse(rows[self.positif].predikat)
		self.assertAlmostEqual(isian.rata_rata_capaian, 100)
		self.assertEqual((isian.jumlah_indikator, isian.jumlah_terisi), (2, 1))

	def test_computed_values_sent_by_a_client_are_refused(self):
		isian = make_isian(self.tw1, self.unit, {self.positif: 100})
		isian.indikator[0].capaian_tw = 999
		isian.indikator[0].predikat = "Sangat Tinggi Sekali"
		isian.rata_rata_capaian = 999
		with self.assertRaisesRegex(
			frappe.PermissionError,
			"ditetapkan oleh sistem dan tidak dapat diubah: Rata-rata Capaian TW \\(%\\), Capaian TW \\(%\\) baris 1, Predikat baris 1",
		):
			isian.save()
		isian.reload()
		self.assertAlmostEqual(isian.indikator[0].capaian_tw, 100)
		self.assertEqual(isian.indikator[0].predikat, "Sangat Tinggi")
		self.assertAlmostEqual(isian.rata_rata_capaian, 100)

	def test_cumulative_and_annual_capaian_use_earlier_quarters(self):
		make_isian(self.tw1, self.unit, {self.positif: 80, self.negatif: 8}, submit=True)
		tw2 = make_monitoring(self.pk, "II")
		isian = make_isian(tw2, self.unit, {self.positif: 120, self.negatif: "5"})
		rows = {row.indikator: row for row in isian.indikator}
		# Positif: (80 + 120) / (100 + 100); annual: 200 / 400
		self.assertAlmostEqual(rows[self.positif].capaian_kumulatif, 100)
		self.assertAlmostEqual(rows[self.positif].capaian_tahunan, 50)
		# Negatif: the latest quarter against its own target, (2 − 5/7) × 100 = 128,571428… →
		# 128,5714 (summing the quarters instead, (2 − 13/14) × 100, would give 107,1429);
		# annual: the latest 5 against the annual 6, (2 − 5/6) × 100 = 116,666… → 116,6667
		self.assertAlmostEqual(rows[self.negatif].capaian_kumulatif, 128.5714, places=4)
		self.assertAlmostEqual(rows[self.negatif].capaian_tahunan, 116.6667, places=4)

	def test_period_follows_the_monitoring(self):
		isian = make_isian(self.tw1, self.unit, {self.positif: 100})
		self.assertEqual((isian.kecamatan, isian.tahun, isian.triwulan), (self.kecamatan, 2024, "I"))


class TestBadInput(IsianTestCase):
	def assert_refused(self, pattern, realisasi, **row_fields):
		count = frappe.db.count("Isian Data Kinerja")
		with self.assertRaisesRegex(frappe.ValidationError, pattern):
			make_isian(self.tw1, self.unit, realisasi, **row_fields)
		self.assertEqual(frappe.db.count("Isian Data Kinerja"), count, "nothing may be saved")

	def test_non_numbers_and_negatives(self):
		self.assert_refused("Realisasi TW.*bukan angka", {self.positif: "sebelas"})
		self.assert_refused("negatif", {self.positif: "-3"})

	def test_below_target_needs_faktor_penghambat_and_tindak_lanjut(self):
		self.assert_refused(
			"Faktor Penghambat dan Tindak Lanjut", {self.positif: 50}, faktor_penghambat="", tindak_lanjut=""
		)
		self.assert_refused("Tindak Lanjut", {self.positif: "99,99"}, tindak_lanjut=" ")
		make_isian(self.tw1, self.unit, {self.positif: 100}, faktor_penghambat="", tindak_lanjut="")

	def test_indicator_of_another_unit_is_refused(self):
		other_unit = make_unit(self.kecamatan)
		foreign = make_indikator(self.kecamatan, other_unit)
		self.assert_refused("tanggung jawab", {foreign: 1})

	def test_duplicate_rows_and_second_isian_per_unit(self):
		isian = frappe.get_doc(
			{
				"doctype": "Isian Data Kinerja",
				"monitoring": self.tw1.name,
				"unit_kerja": self.unit,
				"indikator": [{"indikator": self.positif, "realisasi_tw": 100}] * 2,
			}
		)
		with self.assertRaisesRegex(frappe.ValidationError, "sudah ada di baris lain"):
			isian.insert()
		make_isian(self.tw1, self.unit, {self.positif: 100})
		self.assert_refused("sudah memiliki Isian", {self.positif: 100})


class TestCustomisation(IsianTestCase):
	def test_field_added_with_customize_form_saves_and_survives_migrate(self):
		create_custom_field(
			"Isian Data Kinerja Indikator",
			{
				"fieldname": "sumber_data",
				"label": "Sumber Data",
				"fieldtype": "Data",
				"insert_after": "keterangan",
			},
		)
		isian = make_isian(self.tw1, self.unit, {self.positif: 100}, sumber_data="Register desa")
		run_bench("migrate", "--skip-search-index")
		self.assertTrue(frappe.get_meta("Isian Data Kinerja Indikator").has_field("sumber_data"))
		isian = frappe.get_doc("Isian Data Kinerja", isian.name)
		self.assertEqual(isian.indikator[0].sumber_data, "Register desa")


class TestUnitHeadAccess(FrappeTestCase):
	"""A Kepala Unit reads and edits only their own unit's Isian, through the REST API too."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		kecamatan = make_kecamatan()
		cls.unit_a, cls.head_a = make_unit_head(kecamatan)
		cls.unit_b, cls.head_b = make_unit_head(kecamatan)
		ind_a = make_indikator(kecamatan, cls.unit_a)
		ind_b = make_indikator(kecamatan, cls.unit_b)
		pk = make_pk(kecamatan, 2024, {ind_a: (4, 1, 1, 1, 1), ind_b: (4, 1, 1, 1, 1)})
		monitoring = make_monitoring(pk, "I")
		cls.isian_a = make_isian(monitoring, cls.unit_a, {ind_a: 1}).name
		cls.isian_b = make_isian(monitoring, cls.unit_b, {ind_b: 1}).name
		frappe.db.commit()  # the REST calls run on their own connection

	def test_rest_read_of_another_units_isian_is_forbidden(self):
		status, _ = rest("GET", f"/api/resource/Isian Data Kinerja/{self.isian_b}", self.head_a)
		self.assertEqual(status, 403)
		status, body = rest("GET", f"/api/resource/Isian Data Kinerja/{self.isian_a}", self.head_a)
		self.assertEqual(status, 200)
		self.assertEqual(body["data"]["unit_kerja"], self.unit_a)

	def test_rest_list_shows_only_own_unit(self):
		status, body = rest(
			"GET", '/api/resource/Isian Data Kinerja?fields=["unit_kerja"]&limit=100', self.head_a
		)
		self.assertEqual(status, 200)
		self.assertEqual({row["unit_kerja"] for row in body["data"]}, {self.unit_a})

	def test_rest_write_to_another_units_isian_is_forbidden(self):
		status, _ = rest(
			"PUT", f"/api/resource/Isian Data Kinerja/{self.isian_b}", self.head_a, {"title": "x"}
		)
		self.assertEqual(status, 403)
		row_b = frappe.db.get_value("Isian Data Kinerja Indikator", {"parent": self.isian_b}, "realisasi_tw")
		self.assertEqual(row_b, "1")

	def test_own_unit_can_be_edited(self):
		row = frappe.get_doc("Isian Data Kinerja", self.isian_a).indikator[0]
		change = {"indikator": [{"name": row.name, "indikator": row.indikator, "realisasi_tw": "1,5"}]}
		status, body = rest("PUT", f"/api/resource/Isian Data Kinerja/{self.isian_a}", self.head_a, change)
		self.assertEqual(status, 200, body)
		self.assertEqual(body["data"]["indikator"][0]["realisasi_tw"], "1,5")
		self.assertAlmostEqual(body["data"]["indikator"][0]["capaian_tw"], 150)

	def test_preview_of_typed_realisasi_stores_nothing_and_stays_in_the_unit(self):
		row = frappe.get_doc("Isian Data Kinerja", self.isian_a).indikator[0]
		method = "/api/method/kinerja_kecamatan.kinerja_kecamatan.doctype.isian_data_kinerja.isian_data_kinerja.preview_capaian"
		modified = frappe.db.get_value("Isian Data Kinerja", self.isian_a, "modified")
		stored = row.realisasi_tw
		status, body = rest(
			"POST", method, self.head_a, {"name": self.isian_a, "realisasi": {row.name: "0,8"}}
		)
		self.assertEqual(status, 200, body)
		# 0,8 of a target of 1 → 80 %; "Tinggi" since 76 ≤ 80 < 91
		self.assertAlmostEqual(body["message"][row.name]["capaian_tw"], 80)
		self.assertEqual(body["message"][row.name]["predikat"], "Tinggi")
		status, body = rest(
			"POST", method, self.head_a, {"name": self.isian_a, "realisasi": {row.name: "satu"}}
		)
		self.assertEqual(status, 200, body)
		self.assertIn("bukan angka yang valid", body["message"][row.name]["keterangan_capaian"])
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Isian Data Kinerja", self.isian_a, "modified"), modified)
		self.assertEqual(
			frappe.db.get_value("Isian Data Kinerja Indikator", row.name, "realisasi_tw"), stored
		)
		status, _ = rest("POST", method, self.head_a, {"name": self.isian_b, "realisasi": {}})
		self.assertEqual(status, 403)


class TestTheIndicatorsGiven(FrappeTestCase):
	"""A unit head fills in the indicators their Isian was made with, and sends nothing empty."""

	def setUp(self):
		kecamatan = make_kecamatan()
		self.unit, self.head = make_unit_head(kecamatan)
		self.first, self.second, self.third = (make_indikator(kecamatan, self.unit) for _ in range(3))
		pk = make_pk(
			kecamatan,
			2024,
			{name: (400, 100, 100, 100, 100) for name in (self.first, self.second, self.third)},
		)
		self.isian = make_isian(make_monitoring(pk), self.unit, {self.first: "", self.second: ""}).name

	def test_a_head_fills_the_realisasi_and_keeps_the_indicators(self):
		refused = "kepala unit mengisi realisasinya, tanpa menambah, menghapus atau mengganti indikator"
		changes = {
			"a row added": lambda doc: doc.append("indikator", {"indikator": self.third}),
			"a row deleted": lambda doc: doc.indikator.pop(),
			"an indicator changed": lambda doc: doc.indikator[1].update({"indikator": self.third}),
		}
		with as_user(self.head):
			for change, make in changes.items():
				with self.subTest(change=change):
					doc = frappe.get_doc(ISIAN, self.isian)
					make(doc)
					self.assertRaisesRegex(KinerjaValidationError, refused, doc.save)
			doc = frappe.get_doc(ISIAN, self.isian)
			doc.indikator[0].realisasi_tw = "100"
			doc.save()
		self.assertEqual(frappe.db.get_value(ISIAN, self.isian, "jumlah_terisi"), 1)
		# whoever may make an Isian (the Pelaksana, the Kasubbag PK) may still correct its rows
		doc = frappe.get_doc(ISIAN, self.isian)
		doc.append("indikator", {"indikator": self.third})
		doc.save()
		self.assertEqual(frappe.db.get_value(ISIAN, self.isian, "jumlah_indikator"), 3)

	def test_an_isian_without_any_realisasi_is_not_sent(self):
		with as_user(self.head):
			doc = frappe.get_doc(ISIAN, self.isian)
			self.assertRaisesRegex(
				frappe.ValidationError,
				"Isian belum dapat dikirim: 0 dari 2 indikator berisi realisasi",
				doc.submit,
			)
			# one indicator without data yet is "belum ada data", which the report shows
			doc = frappe.get_doc(ISIAN, self.isian)
			doc.indikator[0].realisasi_tw = "100"
			doc.submit()
		self.assertEqual(frappe.db.get_value(ISIAN, self.isian, ["docstatus", "jumlah_terisi"]), (1, 1))
