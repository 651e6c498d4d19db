"""The SOP as data, without a site: what makes an SOP runnable, its times, its printed chart."""

from datetime import date, datetime

from kinerja_kecamatan.engine.office_time import DEFAULT_CALENDAR
from kinerja_kecamatan.prints.sop_chart import chart_pages
from kinerja_kecamatan.workflow.sop import DEFAULT_SOP, Sop, deadline, lanes


def test_the_seed_sop_runs_and_survives_its_json():
	assert DEFAULT_SOP.problems() == []
	assert Sop.from_json(DEFAULT_SOP.to_json()) == DEFAULT_SOP
	assert DEFAULT_SOP.header.tanggal_pembuatan == date(2024, 1, 2)
	assert [(r.from_step, r.to_step) for r in DEFAULT_SOP.returns()] == [(7, 6), (10, 9), (11, 10)]
	assert [s.waktu_label for s in DEFAULT_SOP.steps][:4] == ["10 Menit", "30 Menit", "1 Jam", "2 Hari"]


def test_what_stops_an_sop_from_running_is_said():
	broken = DEFAULT_SOP.replace_step(12, behaviour="koreksi").replace_step(3, return_to=5, return_action="X")
	assert broken.problems() == [
		'Perilaku "koreksi" dipakai lebih dari satu langkah.',
		'SOP harus memiliki langkah dengan perilaku "arsip".',
		"Urutan perilaku langkah harus: disposisi, format, distribusi, penghimpunan, pengolahan, jadwal, "
		"persetujuan jadwal, monitoring, draft laporan, koreksi, tanda tangan.",
		'Langkah terakhir harus berperilaku "arsip".',
		"Langkah 3: langkah kembali (Tidak) harus sebelum langkah ini.",
	]
	assert DEFAULT_SOP.replace_step(7, return_to=None).problems() == [
		'Langkah 7: keputusan "Jadwal disetujui?" memerlukan langkah kembali (Tidak).'
	]
	assert DEFAULT_SOP.replace_step(2, waktu=0, satuan="minggu").problems() == [
		"Langkah 2: satuan waktu harus salah satu dari menit, jam, hari kerja.",
		"Langkah 2: waktu harus lebih dari 0.",
	]


def test_two_hari_are_two_office_days_of_the_calendar_not_960_minutes():
	collecting = DEFAULT_SOP.step(4)
	# Thursday 15:00 + 2 office days: Friday, then Monday at 15:00
	assert deadline(collecting, datetime(2026, 11, 19, 15, 0), DEFAULT_CALENDAR) == datetime(
		2026, 11, 23, 15, 0
	)
	# Wednesday 15:00 + 2 office days ends on the short Friday: at its closing, 11:00
	assert deadline(collecting, datetime(2026, 11, 18, 15, 0), DEFAULT_CALENDAR) == datetime(
		2026, 11, 20, 11, 0
	)
	assert deadline(DEFAULT_SOP.step(3), datetime(2026, 11, 20, 10, 30), DEFAULT_CALENDAR) == datetime(
		2026, 11, 23, 8, 0
	)


def test_the_chart_has_a_lane_per_actor_and_every_symbol():
	names, pages = chart_pages(DEFAULT_SOP)
	assert names == [
		"Camat",
		"Sekretaris Kecamatan",
		"Kasubbag Perencanaan dan Keuangan",
		"Pelaksana Monev Kinerja",
	]
	assert [[row.step.number for row in page] for page in pages] == [
		[1, 2, 3, 4, 5],
		[6, 7, 8, 9, 10],
		[11, 12],
	]
	svg = {row.step.number: row.svg for page in pages for row in page}
	assert 'rx="15.0"' in svg[1] and 'rx="15.0"' in svg[12]  # terminators
	assert "<polygon points=" in svg[7] and ">Tidak<" in svg[7] and ">Ya<" in svg[7]  # decision
	assert ">6</text>" in svg[6] and ">6</text>" in svg[7]  # on-page connector, both ends
	assert ">A</text>" in svg[5] and ">A</text>" in svg[6]  # off-page connectors across the pages
	assert ">B</text>" in svg[10] and ">B</text>" in svg[11]
	revised = DEFAULT_SOP.replace_step(5, actor="Bendahara")
	assert lanes(revised)[-1] == "Bendahara"
