"""What a step of the SOP does, declared once per behaviour, in the manner of ERPNext's
`status_map` (controllers/status_updater.py).

The SOP (sop.py) says which step carries which behaviour key; its order, actor, time and labels are
data an administrator edits. What the behaviour *does* is this table: the kelengkapan checked
before its step is left (a function of kelengkapan.py), what leaving or entering its step does (a
function of effects.py), the Monitoring fields its step's actor writes during it, and the documents
it locks once the cycle has passed its step (locks.py). Checks and effects are named, not imported,
as status_map names its conditions: the table stays pure Python, imported by the pure SOP without
pulling in the modules that act.
"""

from dataclasses import dataclass

from kinerja_kecamatan.doctypes import BLANKO, ISIAN, JADWAL

# The keys an SOP record stores in a step's "perilaku", in the order the work must happen.
DISPOSISI = "disposisi"
FORMAT = "format"
DISTRIBUSI = "distribusi"
PENGHIMPUNAN = "penghimpunan"
PENGOLAHAN = "pengolahan"
JADWAL_MONITORING = "jadwal"
PERSETUJUAN_JADWAL = "persetujuan jadwal"
# stored as "monitoring" since the first SOP record; the constant says which monitoring it is
PELAKSANAAN_MONITORING = "monitoring"
DRAFT_LAPORAN = "draft laporan"
KOREKSI = "koreksi"
TANDA_TANGAN = "tanda tangan"
ARSIP = "arsip"

# the Monitoring's table of excused units, written only through "Catat Pengecualian"
EXCEPTION_TABLE = "pengecualian_isian"
# written by whoever sends the cycle back, at a step that has a return
RETURN_FIELDS = ("alasan_pengembalian",)


@dataclass(frozen=True)
class Lock:
	"""A document the cycle's later steps rest on: refused `events` ("save", "submit", "cancel")
	once the cycle has passed the behaviour's step. The message may name {name}, {langkah} and
	{monitoring}; `permission` makes it a PermissionError (a right withdrawn) rather than a
	validation message (a deadline passed)."""

	doctype: str
	events: tuple[str, ...]
	message: str
	permission: bool = True


@dataclass(frozen=True)
class Behaviour:
	key: str
	label: str
	required: bool = False  # every SOP must have a step with it: later steps work on its output
	excel_menu: bool = False  # the Format Isian's Excel menu shows during its step
	check: str = ""  # kelengkapan.py: what must exist before its step is left
	on_leave: str = ""  # effects.py: (cycle, forward) when its step is left
	on_enter: str = ""  # effects.py: (cycle) when its step is entered going forward
	fields: tuple[str, ...] = ()  # Monitoring fields its step's actor writes during it
	exceptions: bool = False  # the format's owner excuses units (EXCEPTION_TABLE) during it
	locks: tuple[Lock, ...] = ()


BEHAVIOURS = (
	Behaviour(
		DISPOSISI,
		"Disposisi Camat (isi disposisi dan batas waktu)",
		check="check_disposisi",
		fields=("disposisi", "batas_waktu"),
	),
	Behaviour(FORMAT, "Membuat Format Isian Data Kinerja", excel_menu=True),
	Behaviour(
		DISTRIBUSI,
		"Menyampaikan Format Isian (Isian per unit dibuat dan ditugaskan)",
		required=True,
		excel_menu=True,
		check="check_formats",
		on_leave="distribute",
	),
	Behaviour(
		PENGHIMPUNAN,
		"Menghimpun Isian (unit mengajukan, pengecualian dicatat)",
		required=True,
		excel_menu=True,
		check="check_isian_collected",
		on_leave="close_tasks",
		exceptions=True,
		locks=(
			# the cycle's row is locked (for_update) on submit, so a submit and the step's close
			# never cross: a submit after the close is refused, one before it is counted
			Lock(
				ISIAN,
				("submit",),
				"Penghimpunan data isian (langkah {langkah}) untuk monitoring {monitoring} sudah "
				"ditutup; Isian tidak dapat diajukan lagi. Hubungi Kasubbag Perencanaan dan Keuangan.",
				permission=False,
			),
			# once collection is closed the quarter's numbers rest on each Isian
			Lock(
				ISIAN,
				("cancel",),
				"Isian {name} tidak dapat dibatalkan: penghimpunan data (langkah {langkah}) sudah ditutup.",
			),
		),
	),
	Behaviour(PENGOLAHAN, "Mengolah Data Kinerja"),
	Behaviour(JADWAL_MONITORING, "Menyusun Jadwal Monitoring"),
	Behaviour(
		PERSETUJUAN_JADWAL,
		"Menyetujui Jadwal Monitoring",
		check="check_jadwal",
		on_leave="note_on_jadwal",
		# once approved, the schedule is what the team carries out
		locks=(
			Lock(
				JADWAL,
				("save",),
				"Jadwal Monitoring {name} sudah disetujui Camat dan tidak dapat diubah lagi.",
			),
		),
	),
	Behaviour(
		PELAKSANAAN_MONITORING,
		"Melaksanakan Monitoring (Blanko per unit)",
		required=True,
		check="check_blanko",
		on_enter="prepare_blanko",
		on_leave="draft_laporan",
		# the report rests on each signed Blanko
		locks=(
			Lock(
				BLANKO,
				("cancel",),
				"Blanko {name} tidak dapat dibatalkan: pelaksanaan monitoring (langkah {langkah}) sudah selesai.",
			),
		),
	),
	Behaviour(DRAFT_LAPORAN, "Menyusun Draft Laporan", check="check_draft_laporan"),
	Behaviour(KOREKSI, "Mengoreksi Laporan"),
	Behaviour(
		TANDA_TANGAN,
		"Menandatangani Laporan",
		required=True,
		check="check_laporan",
		on_leave="sign_laporan",
	),
	Behaviour(ARSIP, "Mengarsipkan (laporan bertanda tangan diarsipkan)", required=True),
)

KEYS = tuple(b.key for b in BEHAVIOURS)
_BY_KEY = {b.key: b for b in BEHAVIOURS}
_NONE = Behaviour("", "")
# the behaviour whose step records exceptions
EXCEPTIONS = next(b.key for b in BEHAVIOURS if b.exceptions)
# field → the behaviour of the step during which its actor writes it
STEP_FIELDS = {field: b.key for b in BEHAVIOURS for field in b.fields}


def behaviour(key: str | None) -> Behaviour | None:
	"""The behaviour of a key, None for a step without one (or a key this code does not know)."""
	return _BY_KEY.get(key or "")


def locks_of(doctype: str, event: str) -> list[tuple[str, Lock]]:
	"""(behaviour key, lock) for each lock on `doctype` at `event`."""
	return [
		(b.key, lock)
		for b in BEHAVIOURS
		for lock in b.locks
		if lock.doctype == doctype and event in lock.events
	]


def excel_steps(sop) -> list[int]:
	"""The steps during which the Format Isian's Excel menu shows."""
	return [s.number for s in sop.steps if (behaviour(s.behaviour) or _NONE).excel_menu]


def writable_fields(sop) -> dict[int, tuple[str, ...]]:
	"""Step number → the Monitoring fields written during it (by its actor, by Catat Pengecualian
	or, for a step that can send the cycle back, by whoever does)."""
	matrix = {}
	for step in sop.steps:
		found = behaviour(step.behaviour)
		written = (found.fields if found else ()) + ((EXCEPTION_TABLE,) if found and found.exceptions else ())
		if step.return_to:
			written += RETURN_FIELDS
		if written:
			matrix[step.number] = written
	return matrix
