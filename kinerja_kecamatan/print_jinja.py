"""What the print formats call: Indonesian numbers and dates, escaped text, the kop surat, the QR.

Frappe's print Jinja does not autoescape, so every user-typed value goes through `teks` or `| e`.
"""

import frappe
from frappe.utils import escape_html
from markupsafe import Markup

from kinerja_kecamatan.capaian import format_angka, format_persen
from kinerja_kecamatan.tanggal import jam_indonesia, tanggal_indonesia


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
	from kinerja_kecamatan.kinerja_kecamatan.doctype.pejabat.pejabat import nip_spaced

	return nip_spaced(value)


def teks(value) -> Markup:
	"""User text, escaped, line breaks kept."""
	return Markup(escape_html(value or "").replace("\n", "<br>"))


def kop_surat(kecamatan: str) -> dict:
	"""The letterhead of a kecamatan: its Letter Head's HTML when set, else the standard lines."""
	doc = frappe.get_cached_doc("Kecamatan", kecamatan)
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
	from kinerja_kecamatan.laporan import qr_svg, verification_url

	if not laporan.hash_tanda_tangan:
		return Markup("")
	return Markup(qr_svg(verification_url(laporan)))


def nama_unit(unit_kerja: str) -> str:
	return frappe.db.get_value("Unit Kerja", unit_kerja, "nama_unit") or unit_kerja


def persetujuan_jadwal(doc) -> dict | None:
	from kinerja_kecamatan.kinerja_kecamatan.doctype.jadwal_monitoring.jadwal_monitoring import persetujuan

	return persetujuan(doc)


def pejabat_of(name: str | None) -> dict | None:
	"""Name, NIP, pangkat and jabatan of a Pejabat for a signature block."""
	if not name:
		return None
	return frappe.db.get_value("Pejabat", name, ["nama", "nip", "pangkat_golongan", "jabatan"], as_dict=True)
