"""The SOP as data: its steps, actors, times, labels and decisions, and which behaviour each step
carries. Pure Python (no frappe), so the rules are tested without a site.

The record an administrator edits is `SOP Kinerja` (sop_record.py turns it into a `Sop`). What a
step *does* stays in code, in the behaviour table (behaviours.py) under the step's behaviour key;
its order, actor, time, labels and decision are data. `DEFAULT_SOP` is SOP 067/001/KEC.BTM/BLG/2024 of Kecamatan
Batumandi exactly as the seed states it; install makes it the first record.
"""

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date

from kinerja_kecamatan.doctypes import JADWAL, LAPORAN
from kinerja_kecamatan.engine.office_time import add_office_days, add_office_minutes
from kinerja_kecamatan.workflow import behaviours as b

ROLE_CAMAT = "Camat"
ROLE_SEKRETARIS = "Sekretaris Kecamatan"
ROLE_KASUBBAG_PK = "Kasubbag Perencanaan dan Keuangan"
ROLE_PELAKSANA = "Pelaksana Monev Kinerja"
ROLE_KEPALA_UNIT = "Kepala Unit Kerja"
# reads every kecamatan of the kabupaten, changes nothing
ROLE_KABUPATEN = "Pemantau Kabupaten"
# the kabupaten's settings and procedure, and its kecamatan: adds one, gives it its SOP
ROLE_ADMIN_KABUPATEN = "Administrator Kinerja Kabupaten"


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
	Role(
		ROLE_ADMIN_KABUPATEN,
		"Administrator tingkat kabupaten: pengaturan kabupaten, prosedur induk SOP, dan kecamatan baru",
	),
)
# What the kabupaten's procedure fixes for every kecamatan, because one Workflow runs them all:
# the steps' order, branches and behaviours, their states, actions and actors. A kecamatan's SOP
# adopts it with its own identity, wording and times.
STRUCTURE_FIELDS = ("number", "behaviour", "next_step", "return_to", "state", "action", "actor", "return_action", "approval")

UNITS = {"menit": 1, "jam": 60}
OFFICE_DAYS = "hari kerja"
WAKTU_UNITS = ("menit", "jam", OFFICE_DAYS)


@dataclass(frozen=True)
class Step:
	number: int
	uraian: str
	actor: str  # the Role that completes the step
	kelengkapan: str
	waktu: int
	satuan: str  # menit / jam / hari kerja (office days of the settings' calendar)
	output: str
	state: str  # the Workflow State while this step is the one to do
	action: str  # the Workflow Action that completes it (a decision's "Ya")
	behaviour: str = ""  # a key of behaviours.BEHAVIOURS, or "" for a step without app behaviour
	keterangan: str = ""
	decision: str = ""  # the question of a decision diamond, "" for a process step
	next_step: int | None = None  # "Ya" target; None: the step after it
	return_to: int | None = None  # "Tidak" (or a correction sent back) target
	return_action: str = ""
	approval: bool = False  # whoever opened the cycle may not take it themselves

	@property
	def office_days(self) -> int | None:
		return self.waktu if self.satuan == OFFICE_DAYS else None

	@property
	def minutes(self) -> int | None:
		"""Office minutes for a time in menit or jam; None for office days (the calendar decides)."""
		return None if self.satuan == OFFICE_DAYS else self.waktu * UNITS[self.satuan]

	@property
	def waktu_label(self) -> str:
		"""As the SOP writes it: "10 Menit", "1 Jam", "2 Hari"."""
		unit = {"menit": "Menit", "jam": "Jam", OFFICE_DAYS: "Hari"}[self.satuan]
		return f"{self.waktu} {unit}"


# what a kecamatan's SOP words and times for itself
KECAMATAN_FIELDS = ("uraian", "kelengkapan", "waktu", "satuan", "output", "keterangan", "decision")


@dataclass(frozen=True)
class Return:
	"""A decision's "Tidak" (or a correction sent back): needs a written reason."""

	from_step: int
	to_step: int
	action: str
	actor: str


@dataclass(frozen=True)
class Header:
	nomor_sop: str = ""
	nama_sop: str = ""
	tanggal_pembuatan: date | None = None
	tanggal_revisi: date | None = None
	tanggal_efektif: date | None = None
	nama_pengesah: str = ""
	nip_pengesah: str = ""
	jabatan_pengesah: str = ""
	dasar_hukum: str = ""
	kualifikasi_pelaksana: str = ""
	keterkaitan: str = ""
	peralatan: str = ""
	peringatan: str = ""
	pencatatan: str = ""


class SopError(ValueError):
	"""An SOP that cannot run: the messages say what to fix, in Bahasa Indonesia."""

	def __init__(self, problems: list[str]):
		super().__init__("\n".join(problems))
		self.problems = problems


@dataclass(frozen=True)
class Sop:
	steps: tuple[Step, ...]
	archived_state: str = "Diarsipkan"
	header: Header = field(default_factory=Header)

	def step(self, number: int) -> Step:
		for candidate in self.steps:
			if candidate.number == number:
				return candidate
		raise KeyError(f"Langkah {number} tidak ada dalam SOP")

	@property
	def archived(self) -> int:
		"""The step number a cycle has once the last step is done."""
		return self.steps[-1].number + 1

	def state_of(self, number: int) -> str:
		return self.archived_state if number == self.archived else self.step(number).state

	def next_of(self, number: int) -> int:
		return self.step(number).next_step or number + 1

	def with_behaviour(self, key: str) -> Step | None:
		return next((s for s in self.steps if s.behaviour == key), None)

	def number_of(self, key: str) -> int | None:
		found = self.with_behaviour(key)
		return found.number if found else None

	def returns(self) -> tuple[Return, ...]:
		return tuple(
			Return(s.number, s.return_to, s.return_action, s.actor) for s in self.steps if s.return_to
		)

	def return_between(self, from_step: int, to_step: int) -> Return | None:
		return next((r for r in self.returns() if (r.from_step, r.to_step) == (from_step, to_step)), None)

	def problems(self) -> list[str]:
		"""What stops this SOP from running as a Workflow; empty when it can run."""
		found = []
		numbers = [s.number for s in self.steps]
		if not self.steps:
			return ["SOP belum memiliki langkah."]
		if numbers != list(range(1, len(numbers) + 1)):
			found.append("Nomor langkah harus berurutan 1, 2, 3, … tanpa loncatan.")
		states = [s.state for s in self.steps] + [self.archived_state]
		for name in sorted({n for n in states if states.count(n) > 1}):
			found.append(f'Nama status "{name}" dipakai lebih dari satu langkah.')
		keys = [s.behaviour for s in self.steps if s.behaviour]
		for key in keys:
			if key not in b.KEYS:
				found.append(f'Perilaku "{key}" tidak dikenal.')
		for key in sorted({k for k in keys if keys.count(k) > 1}):
			found.append(f'Perilaku "{key}" dipakai lebih dari satu langkah.')
		for required in (x for x in b.BEHAVIOURS if x.required):
			if required.key not in keys:
				found.append(f'SOP harus memiliki langkah dengan perilaku "{required.key}".')
		order = [key for key in b.KEYS if key in keys]
		if [k for k in keys if k in b.KEYS] != order:
			found.append("Urutan perilaku langkah harus: " + ", ".join(order) + ".")
		if self.steps[-1].behaviour != b.ARSIP:
			found.append(f'Langkah terakhir harus berperilaku "{b.ARSIP}".')
		last = self.archived
		for s in self.steps:
			where = f"Langkah {s.number}"
			if not s.state or not s.action or not s.actor:
				found.append(f"{where}: nama status, aksi dan pelaksana wajib diisi.")
			if s.satuan not in WAKTU_UNITS:
				found.append(f"{where}: satuan waktu harus salah satu dari {', '.join(WAKTU_UNITS)}.")
			if s.waktu is None or s.waktu <= 0:
				found.append(f"{where}: waktu harus lebih dari 0.")
			if s.next_step is not None and not s.number < s.next_step <= last:
				found.append(f"{where}: langkah lanjutan (Ya) harus sesudah langkah ini.")
			if s.return_to is not None:
				if not 1 <= s.return_to < s.number:
					found.append(f"{where}: langkah kembali (Tidak) harus sebelum langkah ini.")
				if not s.return_action:
					found.append(f"{where}: isi nama aksi untuk kembali ke langkah {s.return_to}.")
			elif s.decision:
				found.append(f'{where}: keputusan "{s.decision}" memerlukan langkah kembali (Tidak).')
		for s in self.steps:
			if s.action and s.action == s.return_action:
				found.append(f"Langkah {s.number}: aksi lanjut dan aksi kembali harus berbeda.")
		return found

	def to_json(self) -> str:
		return json.dumps(asdict(self), sort_keys=True, default=str, ensure_ascii=False)

	@classmethod
	def from_json(cls, text: str) -> "Sop":
		data = json.loads(text)
		header = data.get("header") or {}
		for key in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
			if header.get(key):
				header[key] = date.fromisoformat(str(header[key])[:10])
		known = {f.name for f in fields(Step)}
		return cls(
			steps=tuple(Step(**{k: v for k, v in row.items() if k in known}) for row in data["steps"]),
			archived_state=data.get("archived_state") or "Diarsipkan",
			header=Header(**{k: v for k, v in header.items() if k in {f.name for f in fields(Header)}}),
		)

	def same_as(self, other: "Sop | None") -> bool:
		return other is not None and self.to_json() == other.to_json()

	def structure(self) -> tuple:
		"""What the kabupaten's procedure fixes (STRUCTURE_FIELDS) and the archived state."""
		steps = tuple(tuple(getattr(s, f) for f in STRUCTURE_FIELDS) for s in self.steps)
		return (steps, self.archived_state)

	def adopting(self, procedure: "Sop") -> "Sop":
		"""This SOP on the procedure's structure: each step keeps this SOP's wording and time where
		it has a step of the same number and behaviour, else takes the procedure's."""
		own = {(s.number, s.behaviour): s for s in self.steps}
		kept = tuple(
			replace(step, **{f: getattr(own[(step.number, step.behaviour)], f) for f in KECAMATAN_FIELDS})
			if (step.number, step.behaviour) in own
			else step
			for step in procedure.steps
		)
		return replace(self, steps=kept, archived_state=procedure.archived_state)

	def replace_step(self, number: int, **changes) -> "Sop":
		return replace(
			self, steps=tuple(replace(s, **changes) if s.number == number else s for s in self.steps)
		)


def lanes(sop: Sop) -> list[str]:
	"""The actors' lanes of the printed SOP: the SOP's own roles in the seed's order (Camat,
	Sekretaris, Kasubbag, Pelaksana), then any other role in the order it first acts."""
	actors = [s.actor for s in sop.steps]
	known = [r.name for r in ROLES if r.name in actors]
	return known + [a for a in dict.fromkeys(actors) if a not in known]


DEFAULT_SOP = Sop(
	header=Header(
		nomor_sop="067/001/KEC.BTM/BLG/2024",
		nama_sop="Monitoring/Evaluasi Internal Capaian Kinerja Per Triwulan",
		tanggal_pembuatan=date(2024, 1, 2),
		tanggal_revisi=None,
		tanggal_efektif=date(2024, 1, 2),
		nama_pengesah="ABDUL KHAIR, S.Pd",
		nip_pengesah="198904131988041001",
		jabatan_pengesah="Camat Batumandi",
		dasar_hukum="\n".join(
			(
				"Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
				"Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur di "
				"Lingkungan Pemerintah Provinsi dan Kabupaten/Kota;",
				"Permendagri Nomor 73 Tahun 2009 tentang Tata Cara Pelaksanaan Evaluasi Kinerja "
				"Penyelenggaraan Pemerintahan Daerah;",
			)
		),
		kualifikasi_pelaksana="\n".join(
			(
				"Memiliki Kemampuan Pengolahan Data",
				"Mengetahui Tugas dan Fungsi Sistem Akuntabilitas Kinerja Instansi Pemerintah",
				"Mengetahui Tugas dan Fungsi dalam Pembuatan Laporan Kinerja",
				"Memiliki Kemampuan Berkoordinasi dengan Seksi dan Sub Bagian di Lingkup Kecamatan",
			)
		),
		keterkaitan="SOP Pembuatan Pelaksanaan Kegiatan\nSOP Penyusunan Laporan Evaluasi Kinerja",
		peralatan="Renja SKPD\nDokumen Perjanjian Kinerja\nDokumen Laporan Kinerja Triwulan\nPerangkat Komputer",
		peringatan="Jika SOP Tidak Dilaksanakan maka Penyusunan Laporan Monitoring/Evaluasi Internal Capaian "
		"Kinerja Tidak Maksimal dan Tidak Tercapainya Kinerja Sesuai Target yang Ditetapkan.",
		pencatatan="Indikator Kinerja, Target, Realisasi dan Persentase Capaian Kinerja",
	),
	steps=(
		Step(
			1,
			"Memerintahkan dan mengarahkan Kasubbag Perencanaan dan Keuangan untuk Menyusun Format Isian "
			"Data Kinerja",
			ROLE_CAMAT,
			"Konsep Format Isian Data Kinerja",
			10,
			"menit",
			"Disposisi",
			"Disposisi Camat",
			"Berikan Disposisi",
			behaviour=b.DISPOSISI,
		),
		Step(
			2,
			"Membuat Format Isian Data Kinerja",
			ROLE_KASUBBAG_PK,
			"Konsep Format Isian Data Kinerja",
			30,
			"menit",
			"Format Isian Data Kinerja",
			"Penyusunan Format Isian",
			"Format Isian Selesai",
			behaviour=b.FORMAT,
		),
		Step(
			3,
			"Menyampaikan Format Isian Data Kinerja kepada Kasi dan Kasubbag",
			ROLE_PELAKSANA,
			"Format Isian Data Kinerja",
			1,
			"jam",
			"Format Isian Data Kinerja",
			"Penyampaian Format Isian",
			"Sampaikan Format Isian",
			behaviour=b.DISTRIBUSI,
		),
		Step(
			4,
			"Menghimpun Data Isian Kinerja dari Kasi dan Kasubbag",
			ROLE_PELAKSANA,
			"Format Isian Data Kinerja Terisi",
			2,
			OFFICE_DAYS,
			"Format Isian Data Kinerja Terisi",
			"Penghimpunan Data Isian",
			"Data Isian Terhimpun",
			behaviour=b.PENGHIMPUNAN,
		),
		Step(
			5,
			"Mengolah Data Kinerja",
			ROLE_PELAKSANA,
			"Format Isian Data Kinerja Terisi",
			1,
			"jam",
			"Data Kinerja",
			"Pengolahan Data Kinerja",
			"Data Kinerja Selesai Diolah",
			behaviour=b.PENGOLAHAN,
		),
		Step(
			6,
			"Menyusun Rencana Monitoring Evaluasi Kinerja Seksi dan Kasubbag",
			ROLE_KASUBBAG_PK,
			"Draft Jadwal Monitoring",
			1,
			"jam",
			JADWAL,
			"Penyusunan Jadwal Monitoring",
			"Ajukan Jadwal Monitoring",
			behaviour=b.JADWAL_MONITORING,
		),
		Step(
			7,
			"Mengoreksi dan Menyetujui Jadwal Monitoring Evaluasi Kinerja",
			ROLE_CAMAT,
			JADWAL,
			1,
			"jam",
			JADWAL,
			"Persetujuan Jadwal Monitoring",
			"Setujui Jadwal",
			behaviour=b.PERSETUJUAN_JADWAL,
			decision="Jadwal disetujui?",
			return_to=6,
			return_action="Kembalikan Jadwal",
			approval=True,
		),
		Step(
			8,
			"Melaksanakan Monitoring",
			ROLE_PELAKSANA,
			"Blanko Monitoring Evaluasi Kinerja",
			2,
			OFFICE_DAYS,
			"Blanko Monitoring Evaluasi Kinerja Terisi",
			"Pelaksanaan Monitoring",
			"Monitoring Selesai",
			behaviour=b.PELAKSANAAN_MONITORING,
		),
		Step(
			9,
			"Mengolah Data Kinerja Hasil Monitoring menjadi Laporan",
			ROLE_PELAKSANA,
			"Blanko Monitoring Evaluasi Kinerja Terisi",
			1,
			"jam",
			"Draft Laporan Hasil Monitoring",
			"Penyusunan Laporan",
			"Ajukan Draft Laporan",
			behaviour=b.DRAFT_LAPORAN,
		),
		Step(
			10,
			"Mengoreksi Laporan Hasil Monitoring",
			ROLE_SEKRETARIS,
			"Draft Laporan Hasil Monitoring",
			2,
			"jam",
			"Draft Laporan Hasil Monitoring",
			"Koreksi Laporan",
			"Koreksi Selesai",
			behaviour=b.KOREKSI,
			# not a decision in the seed: the Sekretaris may still send a draft back to its author
			return_to=9,
			return_action="Kembalikan ke Penyusun",
		),
		Step(
			11,
			"Menyetujui dan Menandatangani Laporan Hasil Monitoring",
			ROLE_CAMAT,
			"Draft Laporan Hasil Monitoring",
			1,
			"jam",
			LAPORAN,
			"Penandatanganan Laporan",
			"Setujui dan Tandatangani",
			behaviour=b.TANDA_TANGAN,
			decision="Laporan disetujui?",
			return_to=10,
			return_action="Kembalikan Laporan",
			approval=True,
		),
		Step(
			12,
			"Mengarsipkan",
			ROLE_PELAKSANA,
			LAPORAN,
			15,
			"menit",
			"Dokumen Laporan Hasil Monitoring",
			"Pengarsipan",
			"Arsipkan",
			behaviour=b.ARSIP,
		),
	),
)

# The seed's steps, for tests and the demo that drive the default SOP by number.
STEPS = DEFAULT_SOP.steps
ARCHIVED = DEFAULT_SOP.archived
ARCHIVED_STATE = DEFAULT_SOP.archived_state
RETURNS = DEFAULT_SOP.returns()


def step(number: int) -> Step:
	return DEFAULT_SOP.step(number)


def state_of(number: int) -> str:
	return DEFAULT_SOP.state_of(number)


def deadline(current: Step, start, calendar):
	"""When a step started at `start` must be done, in the office calendar's time."""
	if current.office_days is not None:
		return add_office_days(start, current.office_days, calendar)
	return add_office_minutes(start, current.minutes, calendar)
