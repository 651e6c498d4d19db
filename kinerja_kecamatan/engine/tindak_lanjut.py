"""Follow-ups (tindak lanjut) as the SOP's loop closes them: when one falls due, which answers a
unit head may give, and how a report counts them. Pure: no Frappe."""

import datetime
from collections import Counter
from dataclasses import dataclass

from kinerja_kecamatan.engine.triwulan import TRIWULAN, quarter_number

DIRENCANAKAN = "Direncanakan"
DILAKSANAKAN = "Dilaksanakan"
SEBAGIAN = "Sebagian"
TIDAK_DILAKSANAKAN = "Tidak Dilaksanakan"
# what a unit head may report; a follow-up they have not reported stays "Direncanakan"
REPORTED_STATUSES = (DILAKSANAKAN, SEBAGIAN, TIDAK_DILAKSANAKAN)
# an answer short of "done" says why
NEEDS_EXPLANATION = (SEBAGIAN, TIDAK_DILAKSANAKAN)
SESUAI, TIDAK_SESUAI = "Sesuai", "Tidak Sesuai"


def period_index(tahun: int, triwulan: str) -> int:
	"""Quarters counted from year 0, so that TW I 2025 follows TW IV 2024."""
	return int(tahun) * 4 + quarter_number(triwulan) - 1


def next_quarter(tahun: int, triwulan: str) -> tuple[int, str]:
	"""(2024, "IV") → (2025, "I")."""
	index = period_index(tahun, triwulan) + 1
	return index // 4, TRIWULAN[index % 4]


def end_of_next_quarter(tahun: int, triwulan: str) -> datetime.date:
	"""The default due date of a follow-up planned in a quarter's report: the last day of the next
	quarter, when the next report asks for it.

	>>> end_of_next_quarter(2024, "III"), end_of_next_quarter(2024, "IV")
	(datetime.date(2024, 12, 31), datetime.date(2025, 3, 31))
	"""
	year, quarter = next_quarter(tahun, triwulan)
	month = quarter_number(quarter) * 3
	first_of_following = datetime.date(year + (month == 12), month % 12 + 1, 1)
	return first_of_following - datetime.timedelta(days=1)


def label_triwulan(tahun: int, triwulan: str) -> str:
	"""'TW IV 2024'."""
	return f"TW {triwulan} {tahun}"


def answer_problem(status: str | None, penjelasan: str | None, submitting: bool) -> str | None:
	"""What is wrong with a head's answer on one follow-up, in the words the form shows; None when
	it may be saved (and, `submitting`, sent). A draft may leave the status empty."""
	if not status:
		return "pilih status pelaksanaannya" if submitting else None
	if status not in REPORTED_STATUSES:
		return f"status {status!r} tidak dikenal; pilih {', '.join(REPORTED_STATUSES)}"
	if status in NEEDS_EXPLANATION and not (penjelasan or "").strip():
		return f"status {status}, isi penjelasan mengapa belum dilaksanakan seluruhnya"
	return None


@dataclass(frozen=True)
class Rekap:
	"""A report's counts of the follow-ups it looks back on."""

	jumlah: int
	dilaksanakan: int
	sebagian: int
	tidak_dilaksanakan: int
	belum_dilaporkan: int


def rekap(statuses) -> Rekap:
	"""Counts by status; anything not reported is "belum dilaporkan".

	>>> rekap(["Dilaksanakan", "Sebagian", "Direncanakan", "Dilaksanakan", None])
	Rekap(jumlah=5, dilaksanakan=2, sebagian=1, tidak_dilaksanakan=0, belum_dilaporkan=2)
	"""
	counts = Counter(s if s in REPORTED_STATUSES else DIRENCANAKAN for s in statuses)
	return Rekap(
		jumlah=sum(counts.values()),
		dilaksanakan=counts[DILAKSANAKAN],
		sebagian=counts[SEBAGIAN],
		tidak_dilaksanakan=counts[TIDAK_DILAKSANAKAN],
		belum_dilaporkan=counts[DIRENCANAKAN],
	)


def is_overdue(status: str, batas_waktu: datetime.date | None, today: datetime.date) -> bool:
	"""Past its due date with no report of what was done."""
	return status == DIRENCANAKAN and batas_waktu is not None and batas_waktu < today
