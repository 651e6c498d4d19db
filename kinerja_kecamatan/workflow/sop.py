"""SOP 067/001/KEC.BTM/BLG/2024 — Monitoring/Evaluasi Internal Capaian Kinerja Per Triwulan.

Each actor is a default: an administrator may give a step to another role in the desk.
Standard times (mutu baku) are in office minutes; a "hari" is one office day.
"""

from dataclasses import dataclass

ROLE_CAMAT = "Camat"
ROLE_SEKRETARIS = "Sekretaris Kecamatan"
ROLE_KASUBBAG_PK = "Kasubbag Perencanaan dan Keuangan"
ROLE_PELAKSANA = "Pelaksana Monev Kinerja"
ROLE_KEPALA_UNIT = "Kepala Unit Kerja"
# reads every kecamatan of the kabupaten, changes nothing
ROLE_KABUPATEN = "Pemantau Kabupaten"


@dataclass(frozen=True)
class Role:
	name: str
	description: str


ROLES = (
	Role(ROLE_CAMAT, "Kepala kecamatan: memberi disposisi, menyetujui jadwal, menandatangani laporan"),
	Role(ROLE_SEKRETARIS, "Sekretaris kecamatan: mengoreksi laporan hasil monitoring"),
	Role(ROLE_KASUBBAG_PK, "Kasubbag Perencanaan dan Keuangan: pemilik siklus monev kinerja"),
	Role(ROLE_PELAKSANA, "Staf pelaksana monitoring dan evaluasi kinerja"),
	Role(ROLE_KEPALA_UNIT, "Kepala Seksi / Kasubbag: mengisi data kinerja unitnya"),
	Role(ROLE_KABUPATEN, "Pemantau tingkat kabupaten: membaca data seluruh kecamatan, tanpa mengubah"),
)

MINUTE = 1
HOUR = 60 * MINUTE
# An office day for standard times; the office calendar (settings) decides real durations.
OFFICE_DAY = 8 * HOUR


@dataclass(frozen=True)
class Step:
	number: int
	uraian: str
	actor: str
	kelengkapan: str
	mutu_baku_minutes: int
	output: str
	state: str  # the Workflow State while this step is the one to do
	action: str  # the Workflow Action that completes it
	approval: bool = False  # a decision: the creator of the cycle may not take it on themselves


@dataclass(frozen=True)
class Return:
	"""A decision's "Tidak" (or a correction sent back): needs a written reason."""

	from_step: int
	to_step: int
	action: str
	actor: str


STEPS = (
	Step(
		1,
		"Memerintahkan dan mengarahkan Kasubbag PK menyusun Format Isian Data Kinerja",
		ROLE_CAMAT,
		"Konsep Format Isian Data Kinerja",
		10 * MINUTE,
		"Disposisi",
		"Disposisi Camat",
		"Berikan Disposisi",
	),
	Step(
		2,
		"Membuat Format Isian Data Kinerja",
		ROLE_KASUBBAG_PK,
		"Konsep Format Isian Data Kinerja",
		30 * MINUTE,
		"Format Isian Data Kinerja",
		"Penyusunan Format Isian",
		"Format Isian Selesai",
	),
	Step(
		3,
		"Menyampaikan Format Isian Data Kinerja kepada Kasi dan Kasubbag",
		ROLE_PELAKSANA,
		"Format Isian Data Kinerja",
		1 * HOUR,
		"Format Isian Data Kinerja",
		"Penyampaian Format Isian",
		"Sampaikan Format Isian",
	),
	Step(
		4,
		"Menghimpun Data Isian Kinerja dari Kasi dan Kasubbag",
		ROLE_PELAKSANA,
		"Format Isian Data Kinerja Terisi",
		2 * OFFICE_DAY,
		"Format Isian Data Kinerja Terisi",
		"Penghimpunan Data Isian",
		"Data Isian Terhimpun",
	),
	Step(
		5,
		"Mengolah Data Kinerja",
		ROLE_PELAKSANA,
		"Format Isian Data Kinerja Terisi",
		1 * HOUR,
		"Data Kinerja",
		"Pengolahan Data Kinerja",
		"Data Kinerja Selesai Diolah",
	),
	Step(
		6,
		"Menyusun Rencana Monitoring Evaluasi Kinerja Seksi dan Kasubbag",
		ROLE_KASUBBAG_PK,
		"Draft Jadwal Monitoring",
		1 * HOUR,
		"Jadwal Monitoring",
		"Penyusunan Jadwal Monitoring",
		"Ajukan Jadwal Monitoring",
	),
	Step(
		7,
		"Mengoreksi dan Menyetujui Jadwal Monitoring Evaluasi Kinerja",
		ROLE_CAMAT,
		"Jadwal Monitoring",
		1 * HOUR,
		"Jadwal Monitoring",
		"Persetujuan Jadwal Monitoring",
		"Setujui Jadwal",
		approval=True,
	),
	Step(
		8,
		"Melaksanakan Monitoring",
		ROLE_PELAKSANA,
		"Blanko Monitoring Evaluasi Kinerja",
		2 * OFFICE_DAY,
		"Blanko Monitoring Evaluasi Kinerja Terisi",
		"Pelaksanaan Monitoring",
		"Monitoring Selesai",
	),
	Step(
		9,
		"Mengolah Data Kinerja Hasil Monitoring menjadi Laporan",
		ROLE_PELAKSANA,
		"Blanko Monitoring Evaluasi Kinerja Terisi",
		1 * HOUR,
		"Draft Laporan Hasil Monitoring",
		"Penyusunan Laporan",
		"Ajukan Draft Laporan",
	),
	Step(
		10,
		"Mengoreksi Laporan Hasil Monitoring",
		ROLE_SEKRETARIS,
		"Draft Laporan Hasil Monitoring",
		2 * HOUR,
		"Draft Laporan Hasil Monitoring",
		"Koreksi Laporan",
		"Koreksi Selesai",
	),
	Step(
		11,
		"Menyetujui dan Menandatangani Laporan Hasil Monitoring",
		ROLE_CAMAT,
		"Draft Laporan Hasil Monitoring",
		1 * HOUR,
		"Laporan Hasil Monitoring",
		"Penandatanganan Laporan",
		"Setujui dan Tandatangani",
		approval=True,
	),
	Step(
		12,
		"Mengarsipkan",
		ROLE_PELAKSANA,
		"Laporan Hasil Monitoring",
		15 * MINUTE,
		"Dokumen Laporan Hasil Monitoring",
		"Pengarsipan",
		"Arsipkan",
	),
)

# Step 7 "Tidak" → 6, step 11 "Tidak" → 10, and the Sekretaris may send a draft back to 9.
RETURNS = (
	Return(7, 6, "Kembalikan Jadwal", ROLE_CAMAT),
	Return(10, 9, "Kembalikan ke Penyusun", ROLE_SEKRETARIS),
	Return(11, 10, "Kembalikan Laporan", ROLE_CAMAT),
)

# Step 4 (penghimpunan): unit heads submit their Isian, the Kasubbag PK records exceptions.
COLLECTION_STEP = 4
# Step 8 (pelaksanaan monitoring): the team fills and signs a Blanko per unit.
BLANKO_STEP = 8

# After step 12: the record is submitted and can no longer change.
ARCHIVED = 13
ARCHIVED_STATE = "Diarsipkan"


def step(number: int) -> Step:
	return STEPS[number - 1]


def state_of(number: int) -> str:
	return ARCHIVED_STATE if number == ARCHIVED else step(number).state


def total_mutu_baku_minutes() -> int:
	"""4 hari kerja + 8 jam 55 menit = 4 × 480 + 535 = 2455 menit."""
	return sum(s.mutu_baku_minutes for s in STEPS)
