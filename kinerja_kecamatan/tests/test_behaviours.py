"""The behaviour table, without a site: what each step of the seed SOP may write, check, do and lock,
derived from the table alone and held against the SOP as the seed states it."""

from kinerja_kecamatan.workflow import behaviours as b
from kinerja_kecamatan.workflow import effects, kelengkapan
from kinerja_kecamatan.workflow.sop import DEFAULT_SOP


def test_the_fields_written_at_each_step_of_the_seed():
	assert b.writable_fields(DEFAULT_SOP) == {
		1: ("disposisi", "batas_waktu"),  # the Camat's disposition and its deadline
		4: ("pengecualian_isian",),  # units excused while the Isian are collected
		7: ("alasan_pengembalian",),  # the Camat returns the schedule
		10: ("alasan_pengembalian",),  # the Sekretaris returns the draft
		11: ("alasan_pengembalian",),  # the Camat returns the report
	}


def test_what_each_step_of_the_seed_checks_does_and_locks():
	rows = []
	for step in DEFAULT_SOP.steps:
		found = b.behaviour(step.behaviour)
		locks = ", ".join(f"{lock.doctype}:{'/'.join(lock.events)}" for lock in found.locks)
		rows.append((step.number, found.check, found.on_leave, found.on_enter, locks))
	assert rows == [
		(1, "check_disposisi", "", "", ""),
		(2, "", "", "", ""),
		(3, "check_formats", "distribute", "", ""),
		(4, "check_isian_collected", "close_tasks", "", "Isian Data Kinerja:submit, Isian Data Kinerja:cancel"),
		(5, "", "", "", ""),
		(6, "", "", "", ""),
		(7, "check_jadwal", "note_on_jadwal", "", "Jadwal Monitoring:save"),
		(8, "check_blanko", "draft_laporan", "prepare_blanko", "Blanko Monitoring Kinerja:cancel"),
		(9, "check_draft_laporan", "", "", ""),
		(10, "", "", "", ""),
		(11, "check_laporan", "sign_laporan", "", ""),
		(12, "", "", "", ""),
	]
	assert b.excel_steps(DEFAULT_SOP) == [2, 3, 4]


def test_every_named_check_and_effect_exists():
	for found in b.BEHAVIOURS:
		if found.check:
			assert callable(getattr(kelengkapan, found.check)), found.check
		for effect in (found.on_leave, found.on_enter):
			if effect:
				assert callable(getattr(effects, effect)), effect


def test_locks_are_found_by_doctype_and_event():
	assert [key for key, _lock in b.locks_of("Isian Data Kinerja", "cancel")] == ["penghimpunan"]
	assert [key for key, _lock in b.locks_of("Jadwal Monitoring", "save")] == ["persetujuan jadwal"]
	assert b.locks_of("Jadwal Monitoring", "cancel") == []
	assert b.locks_of("Laporan Hasil Monitoring", "cancel") == []
