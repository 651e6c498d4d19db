"""What the print formats call: Indonesian numbers and dates, escaped text, the kop surat, the QR.

Frappe's print Jinja does not autoescape, so every user-typed value goes through `teks` or `| e`.
"""

import frappe
from frappe.utils import escape_html
from markupsafe import Markup

from kinerja_kecamatan.doctypes import INDIKATOR, KECAMATAN, LOG_LANGKAH, MONITORING, PEJABAT, UNIT_KERJA
from kinerja_kecamatan.engine.capaian import format_angka, format_persen
from kinerja_kecamatan.engine.nip import nip_spaced
from kinerja_kecamatan.engine.tanggal import jam_indonesia, tanggal_indonesia
from kinerja_kecamatan.laporan.signature import verification_url
from kinerja_kecamatan.prints.bar_chart import bar_chart_svg
from kinerja_kecamatan.prints.qr import qr_svg
from kinerja_kecamatan.prints.sop_chart import LANE_WIDTH, ROW_HEIGHT, chart_pages
from kinerja_kecamatan.workflow.behaviours import DISPOSISI, FORMAT, PERSETUJUAN_JADWAL
from kinerja_kecamatan.workflow.sop_record import sop_from_record, sop_of, step_passed
from kinerja_kecamatan.workflow.transition import actor_of


def tanggal_id(value) -> str:
	return tanggal_indonesia(value)


def jam_id(value) -> str:
	"""A time as "09.00 WITA", in the site's time zone."""
	return jam_indonesia(value, frappe.get_system_settings("time_zone"))


def angka_id(value, digits=None) -> str:
	"""Indonesian number, "1.234,56"; empty for no value."""
	if value in (None, ""):
		return ""
	return format_angka(value, digits=digits)


def persen_id(value, ada_data=True) -> str:
	return format_persen(value) if ada_data else format_persen(None)


def nip_id(value) -> str:
	"""An NIP spaced as on the SOP: 19890413 198804 1 001."""

	return nip_spaced(value)


def teks(value) -> Markup:
	"""User text, escaped, line breaks kept."""
	return Markup(escape_html(value or "").replace("\n", "<br>"))


def kop_surat(kecamatan: str) -> dict:
	"""The letterhead of a kecamatan: its Letter Head's HTML when set, else the standard lines."""
	doc = frappe.get_cached_doc(KECAMATAN, kecamatan)
	if doc.letter_head:
		content = frappe.db.get_value("Letter Head", doc.letter_head, "content")
		return {"html": Markup(content or ""), "camat": doc.camat}
	return {
		"html": None,
		"pemerintah": f"PEMERINTAH {doc.jenis_daerah or 'Kabupaten'} {doc.kabupaten}".upper(),
		"kecamatan": f"KECAMATAN {doc.nama_kecamatan}".upper(),
		"alamat": " ".join(filter(None, [doc.alamat, doc.kode_pos and f"Kode Pos {doc.kode_pos}"])),
		"kontak": " · ".join(filter(None, [doc.telepon and f"Telp. {doc.telepon}", doc.email])),
		"logo": doc.logo,
		"camat": doc.camat,
	}


def qr_laporan(laporan) -> Markup:
	if not laporan.hash_tanda_tangan:
		return Markup("")
	return Markup(qr_svg(verification_url(laporan)))


def cached_value(doctype: str, name: str, field: str):
	"""A master's field from Frappe's document cache: a print names the same units and
	indicators on every row and every print, and their names rarely change."""
	if not name:
		return None
	try:
		return frappe.get_cached_value(doctype, name, field)
	except frappe.DoesNotExistError:
		return None


def kode_indikator(indikator: str) -> str:
	return cached_value(INDIKATOR, indikator, "kode") or indikator


def nama_kecamatan(kecamatan: str) -> str:
	"""The place a document is signed in: the kecamatan's name ("Batumandi")."""
	return cached_value(KECAMATAN, kecamatan, "nama_kecamatan") or kecamatan


def nama_unit(unit_kerja: str) -> str:
	return cached_value(UNIT_KERJA, unit_kerja, "nama_unit") or unit_kerja


def persetujuan_jadwal(jadwal) -> dict | None:
	"""Who approved the schedule and when (the last completion of its approval step), for its print."""
	monitoring = frappe.db.get_value(MONITORING, jadwal.monitoring, ["kecamatan"], as_dict=True)
	passed, number = step_passed(jadwal.monitoring, PERSETUJUAN_JADWAL)
	if not monitoring or not passed:
		return None
	approved = frappe.get_all(
		LOG_LANGKAH,
		filters={"parent": jadwal.monitoring, "langkah": number},
		fields=["pengguna", "selesai"],
		order_by="selesai desc",
		limit=1,
	)
	if not approved:
		return None
	pejabat = frappe.db.get_value(
		PEJABAT,
		{"user": approved[0].pengguna, "kecamatan": monitoring.kecamatan},
		["nama", "nip", "pangkat_golongan", "jabatan"],
		as_dict=True,
	) or frappe.db.get_value(
		PEJABAT,
		frappe.db.get_value(KECAMATAN, monitoring.kecamatan, "camat"),
		["nama", "nip", "pangkat_golongan", "jabatan"],
		as_dict=True,
	)
	return frappe._dict(pejabat=pejabat, tanggal=approved[0].selesai, kecamatan=monitoring.kecamatan)


def pejabat_of(name: str | None) -> dict | None:
	"""Name, NIP, pangkat and jabatan of a Pejabat for a signature block."""
	if not name:
		return None
	return frappe.db.get_value(PEJABAT, name, ["nama", "nip", "pangkat_golongan", "jabatan"], as_dict=True)


def bagan_sop(doc) -> dict:
	"""The SOP-AP print's flowchart pages, drawn from the SOP record as it stands."""

	names, pages = chart_pages(sop_from_record(doc))
	return {
		"kop": kop_surat(doc.kecamatan) if doc.kecamatan else None,
		"lanes": [frappe._(name) for name in names],
		"lane_width": LANE_WIDTH,
		"row_height": ROW_HEIGHT,
		"pages": [[{"step": row.step, "svg": Markup(row.svg)} for row in page] for page in pages],
	}


def disposisi(doc) -> dict:
	"""The disposition's sender (the kecamatan's Camat), recipient (the officer of the role that
	makes the Format Isian) and place and date (when the Camat gave it, else today)."""

	sop = sop_of(doc)
	kecamatan = frappe.get_cached_doc(KECAMATAN, doc.kecamatan)
	given = next(
		(
			row.selesai
			for row in doc.log_langkah
			if row.langkah == sop.number_of(DISPOSISI) and not row.catatan
		),
		None,
	)
	number = sop.number_of(FORMAT)
	role = actor_of(number, sop) if number else None
	users = frappe.get_all("Has Role", {"role": role, "parenttype": "User"}, pluck="parent") if role else []
	kepada = frappe.db.get_value(
		PEJABAT,
		{"kecamatan": doc.kecamatan, "user": ("in", users or [""]), "aktif": 1},
		["nama", "nip", "pangkat_golongan", "jabatan"],
		as_dict=True,
	)
	return {
		"dari": pejabat_of(kecamatan.camat),
		"kepada": kepada,
		"kepada_jabatan": (kepada.jabatan if kepada else None) or frappe._(role or ""),
		"perihal": sop.step(number).uraian if number else "",
		"tempat_tanggal": f"{kecamatan.nama_kecamatan}, {tanggal_indonesia(given or frappe.utils.nowdate())}",
	}


def grafik_unit(doc) -> list[dict]:
	"""A year's chapter: per unit, a bar chart of its indicators' annual capaian against 100 %."""
	units = {}
	for row in doc.rincian:
		value = row.capaian_tahunan if row.ada_data else None
		units.setdefault(row.unit_kerja, []).append((row.kode, value, persen_id(value, row.ada_data)))
	return [{"unit": nama_unit(unit), "svg": Markup(bar_chart_svg(bars))} for unit, bars in units.items()]
