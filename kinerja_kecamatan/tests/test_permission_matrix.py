"""Who may do what, as one table, every cell called over HTTP on the served test site.

Kecamatan A runs four quarters (one archived, the others stopped at steps 4, 8 and 10, so every
submittable DocType has a draft and a submitted record); kecamatan B has its own officers. Each
actor below tries each verb on each of A's records, and on the rows of its child tables:

- READ says who sees a record in a list and opens it (R) and who is refused (-);
- WRITE says who may change it by their role (W: not exercised here, the workflow tests do) and
  who must be refused (-): PUT, frappe.client.set_value, DELETE and an insert of a copy are all
  tried for every "-", and the record must be unchanged.
"""

import frappe
from frappe.tests.utils import FrappeTestCase

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
from kinerja_kecamatan.workflow.sop import (
	ROLE_CAMAT,
	ROLE_KABUPATEN,
	ROLE_KASUBBAG_PK,
	ROLE_PELAKSANA,
	ROLE_SEKRETARIS,
)
from kinerja_kecamatan.workflow.sop_record import new_kecamatan_sop

ACTORS = (
	"guest",
	"outsider",  # a desk user without the app's roles
	"own head",  # head of the unit the record belongs to
	"other head",  # head of another unit of the same kecamatan
	"camat",
	"sekretaris",
	"kasubbag",
	"pelaksana",
	"camat B",  # officers of another kecamatan
	"pelaksana B",
	"kabupaten",  # Pemantau Kabupaten
)

# record → one mark per actor, in the order above
READ = {
	"Kecamatan":                           "- - R R R R R R - - R",
	"Unit Kerja":                          "- - R - R R R R - - R",
	"Pejabat":                             "- - R R R R R R - - R",
	"Indikator Kinerja":                   "- - R - R R R R - - R",
	"Perjanjian Kinerja (submitted)":      "- - R R R R R R - - R",
	"Monitoring Kinerja Triwulan (draft)": "- - R R R R R R - - R",
	"Monitoring Kinerja Triwulan (submitted)": "- - R R R R R R - - R",
	"Jadwal Monitoring":                   "- - R R R R R R - - R",
	"Isian Data Kinerja (draft)":          "- - R - R R R R - - R",
	"Isian Data Kinerja (submitted)":      "- - R - R R R R - - R",
	"Blanko Monitoring Kinerja (draft)":   "- - R - R R R R - - R",
	"Blanko Monitoring Kinerja (submitted)": "- - R - R R R R - - R",
	"Laporan Hasil Monitoring (draft)":    "- - R R R R R R - - R",
	"Laporan Hasil Monitoring (submitted)": "- - R R R R R R - - R",
	"SOP Kinerja":                         "- - R R R R R R - - R",
	"Sertifikat Elektronik":               "- - - - R R R R - - R",
	"Tindak Lanjut Kinerja":               "- - R - R R R R - - R",
}
WRITE = {
	"Kecamatan":                           "- - - - - - W - - - -",
	"Unit Kerja":                          "- - - - - - W - - - -",
	"Pejabat":                             "- - - - - - W - - - -",
	"Indikator Kinerja":                   "- - - - - - W - - - -",
	"Perjanjian Kinerja (submitted)":      "- - - - - - W - - - -",
	"Monitoring Kinerja Triwulan (draft)": "- - - - W W W W - - -",
	"Monitoring Kinerja Triwulan (submitted)": "- - - - W W W W - - -",
	"Jadwal Monitoring":                   "- - - - W - W W - - -",
	"Isian Data Kinerja (draft)":          "- - W - - - W W - - -",
	"Isian Data Kinerja (submitted)":      "- - W - - - W W - - -",
	"Blanko Monitoring Kinerja (draft)":   "- - - - - - W W - - -",
	"Blanko Monitoring Kinerja (submitted)": "- - - - - - W W - - -",
	"Laporan Hasil Monitoring (draft)":    "- - - - W W - W - - -",
	"Laporan Hasil Monitoring (submitted)": "- - - - W W - W - - -",
	"SOP Kinerja":                         "- - - - - - W - - - -",
	"Sertifikat Elektronik":               "- - - - - - - - - - -",
	# who answers for it and by when: the Kasubbag PK; its status comes through the Isian
	"Tindak Lanjut Kinerja":               "- - - - - - W - - - -",
}
# confined DocTypes whose records need more than this set-up makes, and the test that tries them
COVERED_ELSEWHERE = {
	# compiled only from four signed, archived quarters
	"Capaian Kinerja Tahunan": "tests/test_capaian_tahunan.py",
}
# a plain field each refused actor tries to set
EDITABLE_FIELD = {
	"Kecamatan": ("alamat", "Jalan Palsu 1"),
	"Unit Kerja": ("nama_unit", "Seksi Palsu"),
	"Pejabat": ("pangkat_golongan", "Pembina Utama (IV/e)"),
	"Indikator Kinerja": ("uraian", "Indikator palsu"),
	"Perjanjian Kinerja": ("tanggal", "2024-12-31"),
	"Monitoring Kinerja Triwulan": ("disposisi", "Disposisi palsu"),
	"Jadwal Monitoring": ("catatan", "Catatan palsu"),
	"Isian Data Kinerja": ("title", "Judul palsu"),
	"Blanko Monitoring Kinerja": ("temuan", "Temuan palsu"),
	"Laporan Hasil Monitoring": ("temuan", "Temuan palsu"),
	"SOP Kinerja": ("nama_sop", "SOP palsu"),
	"Sertifikat Elektronik": ("nama_pemegang", "Pemegang palsu"),
	"Tindak Lanjut Kinerja": ("batas_waktu", "2025-01-31"),
}


def marks(line: str) -> dict:
	values = line.split()
	assert len(values) == len(ACTORS), line
	return dict(zip(ACTORS, values, strict=True))


def doctype_of(label: str) -> str:
	return label.split(" (")[0]


class TestPermissionMatrix(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		people = make_cycle_people()
		archived, heads = make_cycle(people, units=2)
		own_unit, other_unit = list(heads)
		own_indicator = frappe.db.get_value("Indikator Kinerja", {"unit_kerja": own_unit})

		def own_unit_below_target(row):  # so that signing plans a follow-up of the own unit
			if row.indikator == own_indicator:
				return "50", {"faktor_penghambat": "Cuaca", "tindak_lanjut": "Jadwal ulang"}
			return "100", None

		run_quarter(people, heads, archived.name, own_unit_below_target)
		kecamatan, pk = archived.kecamatan, archived.perjanjian_kinerja
		cycles = {}
		for triwulan, step in (("II", 4), ("III", 8), ("IV", 10)):
			with_user = frappe.session.user
			frappe.set_user(people[ROLE_KASUBBAG_PK])
			cycle = frappe.get_doc(
				{
					"doctype": "Monitoring Kinerja Triwulan",
					"kecamatan": kecamatan,
					"tahun": 2024,
					"triwulan": triwulan,
					"perjanjian_kinerja": pk,
				}
			).insert()
			frappe.set_user(with_user)
			run_quarter(people, heads, cycle.name, lambda row: ("100", None), until=step)
			cycles[step] = cycle.name
		one = lambda doctype, **filters: frappe.db.get_value(doctype, filters)  # noqa: E731
		cls.records = {
			"Kecamatan": kecamatan,
			"Unit Kerja": own_unit,
			"Pejabat": frappe.db.get_value("Kecamatan", kecamatan, "camat"),
			"Indikator Kinerja": one("Indikator Kinerja", unit_kerja=own_unit),
			"Perjanjian Kinerja (submitted)": pk,
			"Monitoring Kinerja Triwulan (draft)": cycles[8],
			"Monitoring Kinerja Triwulan (submitted)": archived.name,
			"Jadwal Monitoring": one("Jadwal Monitoring", monitoring=archived.name),
			"Isian Data Kinerja (draft)": one("Isian Data Kinerja", monitoring=cycles[4], unit_kerja=own_unit),
			"Isian Data Kinerja (submitted)": one("Isian Data Kinerja", monitoring=archived.name, unit_kerja=own_unit),
			"Blanko Monitoring Kinerja (draft)": one("Blanko Monitoring Kinerja", monitoring=cycles[8], unit_kerja=own_unit),
			"Blanko Monitoring Kinerja (submitted)": one(
				"Blanko Monitoring Kinerja", monitoring=archived.name, unit_kerja=own_unit
			),
			"Laporan Hasil Monitoring (draft)": laporan_of(cycles[10]),
			"Laporan Hasil Monitoring (submitted)": laporan_of(archived.name),
			# the kecamatan's own SOP, made from the kabupaten's procedure
			"SOP Kinerja": new_kecamatan_sop(kecamatan, "067/001/KEC.MTX/BLG/2024"),
			# the Camat's signing certificate
			"Sertifikat Elektronik": one("Sertifikat Elektronik", kecamatan=kecamatan),
			"Tindak Lanjut Kinerja": one("Tindak Lanjut Kinerja", unit_kerja=own_unit),
		}
		assert all(cls.records.values()), cls.records
		kecamatan_b = make_kecamatan()
		cls.actors = {
			"guest": None,
			"outsider": make_user(),
			"own head": heads[own_unit],
			"other head": heads[other_unit],
			"camat": people[ROLE_CAMAT],
			"sekretaris": people[ROLE_SEKRETARIS],
			"kasubbag": people[ROLE_KASUBBAG_PK],
			"pelaksana": people[ROLE_PELAKSANA],
			"camat B": make_user(roles=(ROLE_CAMAT,)),
			"pelaksana B": make_user(roles=(ROLE_PELAKSANA,)),
			"kabupaten": make_user(roles=(ROLE_KABUPATEN,)),
		}
		make_officer(kecamatan_b, cls.actors["camat B"], "Camat")
		make_officer(kecamatan_b, cls.actors["pelaksana B"], "Pelaksana")
		frappe.db.commit()

	def test_the_tables_cover_every_confined_doctype(self):
		from kinerja_kecamatan.access.scope import SCOPE_FIELDS

		self.assertEqual({doctype_of(label) for label in READ}, set(SCOPE_FIELDS) - set(COVERED_ELSEWHERE))
		self.assertEqual(set(READ), set(WRITE))

	def test_who_reads_what(self):
		for label, line in READ.items():
			doctype, name = doctype_of(label), self.records[label]
			children = [
				df.options for df in frappe.get_meta(doctype).get_table_fields()
			]
			for actor, mark in marks(line).items():
				user = self.actors[actor]
				with self.subTest(record=label, actor=actor):
					status, body = http(
						"GET", f"/api/resource/{doctype}?filters=[[\"name\",\"=\",\"{name}\"]]&fields=[\"name\"]", user
					)
					listed = status == 200 and [row["name"] for row in body["data"]] == [name]
					self.assertEqual(listed, mark == "R", f"list: {status}")
					status, _body = http("GET", f"/api/resource/{doctype}/{name}", user)
					self.assertEqual(status == 200, mark == "R", f"get: {status}")
					for child in children:
						status, body = http(
							"GET",
							f"/api/resource/{child}?parent={doctype}&fields=[\"parent\"]&limit_page_length=0"
							f"&filters=[[\"parent\",\"=\",\"{name}\"]]",
							user,
						)
						rows = body.get("data", []) if status == 200 else []
						expected = frappe.db.count(child, {"parent": name, "parenttype": doctype}) if mark == "R" else 0
						self.assertEqual(len(rows), expected, f"child {child}: {status}")

	def test_who_is_refused_every_write(self):
		for label, line in WRITE.items():
			doctype, name = doctype_of(label), self.records[label]
			field, value = EDITABLE_FIELD[doctype]
			before = frappe.get_doc(doctype, name).as_dict()
			count = frappe.db.count(doctype)
			for actor, mark in marks(line).items():
				if mark == "W":
					continue
				user = self.actors[actor]
				with self.subTest(record=label, actor=actor):
					calls = {
						"put": http("PUT", f"/api/resource/{doctype}/{name}", user, {field: value}),
						"set_value": http(
							"POST",
							"/api/method/frappe.client.set_value",
							user,
							{"doctype": doctype, "name": name, "fieldname": field, "value": value},
						),
						"delete": http("DELETE", f"/api/resource/{doctype}/{name}", user),
						"insert": http(
							"POST",
							f"/api/resource/{doctype}",
							user,
							{k: v for k, v in before.items() if k not in ("name", "creation", "modified", "docstatus")},
						),
					}
					for verb, (status, _body) in calls.items():
						self.assertTrue(400 <= status < 500, f"{verb}: {status}")
			frappe.db.rollback()
			after = frappe.get_doc(doctype, name).as_dict()
			self.assertEqual((after.get(field), after.modified, frappe.db.count(doctype)), (before.get(field), before.modified, count), label)
