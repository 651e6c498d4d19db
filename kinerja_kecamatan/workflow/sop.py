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
	# a decision step: (label if yes, label if no, step to return to when no)
	decision: tuple[str, str, int] | None = None


STEPS = (
	Step(
		1,
		"Memerintahkan dan mengarahkan Kasubbag PK menyusun Format Isian Data Kinerja",
		ROLE_CAMAT,
		"Konsep Format Isian Data Kinerja",
		10 * MINUTE,
		"Disposisi",
	),
	Step(
		2,
		"Membuat Format Isian Data Kinerja",
		ROLE_KASUBBAG_PK,
		"Konsep Format Isian Data Kinerja",
		30 * MINUTE,
		"Format Isian Data Kinerja",
	),
	Step(
		3,
		"Menyampaikan Format Isian Data Kinerja kepada Kasi dan Kasubbag",
		ROLE_PELAKSANA,
		"Format Isian Data Kinerja",
		1 * HOUR,
		"Format Isian Data Kinerja",
	),
	Step(
		4,
		"Menghimpun Data Isian Kinerja dari Kasi dan Kasubbag",
		ROLE_PELAKSANA,
		"Format Isian Data Kinerja Terisi",
		2 * OFFICE_DAY,
		"Format Isian Data Kinerja Terisi",
	),
	Step(
		5,
		"Mengolah Data Kinerja",
		ROLE_PELAKSANA,
		"Format Isian Data Kinerja Terisi",
		1 * HOUR,
		"Data Kinerja",
	),
	Step(
		6,
		"Menyusun Rencana Monitoring Evaluasi Kinerja Seksi dan Kasubbag",
		ROLE_KASUBBAG_PK,
		"Draft Jadwal Monitoring",
		1 * HOUR,
		"Jadwal Monitoring",
	),
	Step(
		7,
		"Mengoreksi dan Menyetujui Jadwal Monitoring Evaluasi Kinerja",
		ROLE_CAMAT,
		"Jadwal Monitoring",
		1 * HOUR,
		"Jadwal Monitoring",
		decision=("Setujui Jadwal", "Kembalikan Jadwal", 6),
	),
	Step(
		8,
		"Melaksanakan Monitoring",
		ROLE_PELAKSANA,
		"Blanko Monitoring Evaluasi Kinerja",
		2 * OFFICE_DAY,
		"Blanko Monitoring Evaluasi Kinerja Terisi",
	),
	Step(
		9,
		"Mengolah Data Kinerja Hasil Monitoring menjadi Laporan",
		ROLE_PELAKSANA,
		"Blanko Monitoring Evaluasi Kinerja Terisi",
		1 * HOUR,
		"Draft Laporan Hasil Monitoring",
	),
	Step(
		10,
		"Mengoreksi Laporan Hasil Monitoring",
		ROLE_SEKRETARIS,
		"Draft Laporan Hasil Monitoring",
		2 * HOUR,
		"Draft Laporan Hasil Monitoring",
	),
	Step(
		11,
		"Menyetujui dan Menandatangani Laporan Hasil Monitoring",
		ROLE_CAMAT,
		"Draft Laporan Hasil Monitoring",
		1 * HOUR,
		"Laporan Hasil Monitoring",
		decision=("Setujui dan Tandatangani", "Kembalikan Laporan", 10),
	),
	Step(
		12,
		"Mengarsipkan",
		ROLE_PELAKSANA,
		"Laporan Hasil Monitoring",
		15 * MINUTE,
		"Dokumen Laporan Hasil Monitoring",
	),
)


def step(number: int) -> Step:
	return STEPS[number - 1]


def total_mutu_baku_minutes() -> int:
	"""4 hari kerja + 8 jam 55 menit = 4 × 480 + 535 = 2455 menit."""
	return sum(s.mutu_baku_minutes for s in STEPS)
