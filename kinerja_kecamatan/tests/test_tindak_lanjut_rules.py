"""The follow-ups' pure rules (engine/tindak_lanjut.py), without a site."""

import datetime

from kinerja_kecamatan.engine import tindak_lanjut as rules


def test_a_plan_is_due_at_the_end_of_the_next_quarter_across_the_year():
	assert [rules.end_of_next_quarter(2024, tw) for tw in ("I", "II", "III", "IV")] == [
		datetime.date(2024, 6, 30),
		datetime.date(2024, 9, 30),
		datetime.date(2024, 12, 31),
		datetime.date(2025, 3, 31),
	]
	assert rules.period_index(2025, "I") == rules.period_index(2024, "IV") + 1


def test_what_a_head_may_answer():
	assert rules.answer_problem(None, None, submitting=False) is None  # a draft may wait
	assert rules.answer_problem("", "", submitting=True) == "pilih status pelaksanaannya"
	assert rules.answer_problem("Dilaksanakan", "", submitting=True) is None
	assert (
		rules.answer_problem("Sebagian", " ", submitting=True)
		== "status Sebagian, isi penjelasan mengapa belum dilaksanakan seluruhnya"
	)
	assert rules.answer_problem("Tidak Dilaksanakan", "Anggaran belum ada", submitting=True) is None
	assert rules.answer_problem("Selesai", "x", submitting=False) == (
		"status 'Selesai' tidak dikenal; pilih Dilaksanakan, Sebagian, Tidak Dilaksanakan"
	)


def test_counts_and_lateness():
	assert rules.rekap(["Dilaksanakan", "Tidak Dilaksanakan", "Direncanakan", None]) == rules.Rekap(
		jumlah=4, dilaksanakan=1, sebagian=0, tidak_dilaksanakan=1, belum_dilaporkan=2
	)
	today = datetime.date(2025, 4, 1)
	assert rules.is_overdue("Direncanakan", datetime.date(2025, 3, 31), today)
	assert not rules.is_overdue("Direncanakan", datetime.date(2025, 4, 1), today)
	assert not rules.is_overdue("Sebagian", datetime.date(2024, 1, 1), today)
	assert not rules.is_overdue("Direncanakan", None, today)
