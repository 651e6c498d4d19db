"""Who puts the PAdES signature into a report's PDF, chosen in the settings (Penanda Tangan):

- Lokal: the signing Pejabat's PKCS#12, kept on this site, opened with the passphrase they type;
  timestamped by the settings' TSA URL or the site's own authority (certificates.SITE_TSA).
- Layanan TTE: the PDF, the signer's NIK and passphrase go to a signing service over HTTP, as a
  Pemda's BSrE signing client takes them, and the signed PDF comes back.

Either way the passphrase lives only for the request that signs (`passphrase_given`); it is never
stored or logged. Any failure throws a message in Bahasa Indonesia, so the step does not move.
"""

import contextlib
import datetime

import frappe
import requests
from frappe import _
from frappe.utils import cint, get_system_timezone, now_datetime

from kinerja_kecamatan.doctypes import PEJABAT, PENGATURAN
from kinerja_kecamatan.engine.nip import nip_spaced, normalise_nip
from kinerja_kecamatan.engine.tanggal import tanggal_indonesia
from kinerja_kecamatan.laporan import certificates, pades

LOKAL, LAYANAN_TTE = "Lokal", "Layanan TTE"
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
_PASSPHRASE = "kinerja_tte_passphrase"


@contextlib.contextmanager
def passphrase_given(passphrase: str | None):
	"""The signer's passphrase for what runs inside, and gone after."""
	setattr(frappe.local, _PASSPHRASE, passphrase)
	try:
		yield
	finally:
		setattr(frappe.local, _PASSPHRASE, None)


def given_passphrase() -> str | None:
	return getattr(frappe.local, _PASSPHRASE, None)


def signing_time_text(at: datetime.datetime) -> str:
	"""'30 November 2026 18.13 WITA': the stamp's time, in the office's zone."""
	zone = get_system_timezone()
	return f"{tanggal_indonesia(at.date())} {at:%H.%M} {ZONE_NAMES.get(zone, zone)}"


def stamp_text(pejabat) -> str:
	return "\n".join(
		(
			pades.STAMP_HEADING,
			pejabat.nama,
			f"NIP. {nip_spaced(pejabat.nip)}",
			signing_time_text(now_datetime()),
		)
	)


class LocalSigner:
	def timestamper(self):
		settings = frappe.get_cached_doc(PENGATURAN)
		if settings.tsa_url:
			return pades.http_timestamper(settings.tsa_url)
		tsa = certificates.site_tsa()
		if not tsa:
			frappe.throw(_("Layanan cap waktu (TSA) belum diatur di Pengaturan Kinerja."))
		return pades.local_timestamper(*tsa)

	def sign(
		self, pdf: bytes, pejabat, passphrase: str, placement: pades.Placement, location: str, reason: str
	) -> bytes:
		cert = certificates.signing_certificate(pejabat.name)
		pair, chain = certificates.open_bundle(cert, passphrase)
		return pades.sign_pdf(
			pdf,
			pades.pyhanko_signer(pair, chain),
			self.timestamper(),
			placement,
			stamp_text(pejabat),
			reason=reason,
			location=location,
		)


class RemoteSigner:
	"""A signing service: multipart POST of the PDF with `nik`, `passphrase`, the visible field's
	page and box and its text; the answer is the signed PDF, or JSON {"error": ...}."""

	def __init__(self, url: str, user: str | None, password: str | None, timeout: int):
		self.url, self.user, self.password, self.timeout = url, user, password, timeout

	def sign(
		self, pdf: bytes, pejabat, passphrase: str, placement: pades.Placement, location: str, reason: str
	) -> bytes:
		"""The service is sent no reason: the signing client takes none."""
		if not pejabat.nik:
			frappe.throw(
				_("NIK {0} belum diisi di data Pejabat; Layanan TTE memerlukannya.").format(pejabat.nama)
			)
		if not passphrase:
			frappe.throw(_("Masukkan passphrase sertifikat elektronik Anda untuk menandatangani."))
		x1, y1, x2, y2 = placement.box
		try:
			answer = requests.post(
				self.url,
				files={"file": ("laporan.pdf", pdf, "application/pdf")},
				data={
					"nik": pejabat.nik,
					"passphrase": passphrase,
					"tampilan": "visible",
					"halaman": placement.page + 1,
					"xAxis": x1,
					"yAxis": y1,
					"width": x2 - x1,
					"height": y2 - y1,
					"teks": stamp_text(pejabat),
					"lokasi": location,
				},
				auth=(self.user, self.password) if self.user else None,
				timeout=self.timeout,
			)
		except requests.Timeout:
			frappe.throw(
				_(
					"Layanan TTE tidak menjawab dalam {0} detik; laporan belum ditandatangani. Coba lagi."
				).format(self.timeout),
				title=_("Layanan TTE"),
			)
		except requests.RequestException:
			frappe.throw(
				_("Layanan TTE tidak dapat dihubungi; laporan belum ditandatangani. Coba lagi nanti."),
				title=_("Layanan TTE"),
			)
		if answer.status_code != 200:
			frappe.throw(
				_("Layanan TTE menolak tanda tangan: {0}").format(error_of(answer)), title=_("Layanan TTE")
			)
		signed = answer.content
		if not self.is_signed_copy(signed, pdf, pejabat):
			frappe.throw(
				_(
					"Jawaban Layanan TTE bukan PDF laporan ini yang ditandatangani {0}; tidak ada yang diarsipkan."
				).format(pejabat.nama),
				title=_("Layanan TTE"),
			)
		return signed

	@staticmethod
	def is_signed_copy(signed: bytes, pdf: bytes, pejabat) -> bool:
		"""The service added a valid signature of `pejabat` to our PDF and changed nothing of it."""
		if not signed.startswith(pdf):
			return False
		check = pades.validate(signed, certificates.trust_roots())
		return check.unchanged and check.holder is not None and normalise_nip(check.holder.nip) == pejabat.nip


def error_of(answer: requests.Response) -> str:
	"""The service's own words, shortened: its JSON "error"/"message", or the HTTP status."""
	try:
		body = answer.json()
		text = body.get("error") or body.get("message") if isinstance(body, dict) else None
	except ValueError:
		text = None
	return frappe.utils.escape_html(str(text)[:200]) if text else f"HTTP {answer.status_code}"


def configured_signer():
	settings = frappe.get_cached_doc(PENGATURAN)
	if settings.penanda_tangan == LAYANAN_TTE:
		if not settings.tte_url:
			frappe.throw(_("URL Layanan TTE belum diisi di Pengaturan Kinerja."))
		return RemoteSigner(
			settings.tte_url,
			settings.tte_pengguna,
			settings.get_password("tte_sandi", raise_exception=False),
			cint(settings.tte_batas_waktu) or 30,
		)
	return LocalSigner()


def sign_report_pdf(pdf: bytes, pejabat_name: str, location: str, reason: str) -> bytes:
	"""The report's PDF with the Pejabat's PAdES signature on their signature block; `reason` is
	what the signature says it is for ("Menyetujui dan menandatangani Laporan Hasil Monitoring")."""
	pejabat = frappe.get_doc(PEJABAT, pejabat_name)
	try:
		placement = pades.find_placement(pdf)
	except pades.NotSignable:
		frappe.throw(_("Cetakan laporan tidak memiliki ruang tanda tangan elektronik."))
	return configured_signer().sign(pdf, pejabat, given_passphrase(), placement, location, reason)
