"""The officials' signing certificates (Sertifikat Elektronik), the site's trust roots and its
time-stamping authority.

A certificate is installed by its holder with the PKCS#12 bundle and passphrase they were issued;
the bundle is kept sealed with that passphrase, which is never stored, and encrypted again with the
site's encryption key. A newer certificate replaces the holder's older one (Diganti), which stays
valid for the reports it signed; a revoked one (Dicabut) signs nothing more.
"""

import base64

import frappe
from frappe import _
from frappe.utils import now_datetime
from frappe.utils.password import decrypt, encrypt

from kinerja_kecamatan.doctypes import PEJABAT, PENGATURAN, SERTIFIKAT
from kinerja_kecamatan.engine.nip import normalise_nip
from kinerja_kecamatan.laporan import pki
from kinerja_kecamatan.workflow.sop import ROLE_ADMIN_KABUPATEN

AKTIF, DIGANTI, DICABUT = "Aktif", "Diganti", "Dicabut"
# site_config.json: the site's own RFC 3161 authority, used when the settings name no TSA URL
SITE_TSA = "kinerja_tsa"
MAX_BUNDLE = 64 * 1024


def may_install(pejabat) -> bool:
	"""The holder installs their own certificate; the kabupaten's administrator may do it for them."""
	roles = frappe.get_roles()
	return pejabat.user == frappe.session.user or ROLE_ADMIN_KABUPATEN in roles or "System Manager" in roles


def install_certificate(pejabat_name: str, bundle: bytes, passphrase: str) -> str:
	"""A Sertifikat Elektronik for `pejabat_name` from the PKCS#12 `bundle`; returns its name."""
	pejabat = frappe.get_doc(PEJABAT, pejabat_name)
	if not may_install(pejabat):
		frappe.throw(
			_(
				"Sertifikat elektronik dipasang oleh pemegangnya sendiri atau Administrator Kinerja Kabupaten."
			),
			frappe.PermissionError,
		)
	if not bundle or len(bundle) > MAX_BUNDLE:
		frappe.throw(_("Pilih berkas sertifikat PKCS#12 (.p12 / .pfx) yang diterbitkan untuk Pejabat ini."))
	try:
		pair, _chain = pki.open_pkcs12(bundle, passphrase)
	except pki.WrongPassphrase:
		frappe.throw(_("Berkas sertifikat tidak dapat dibuka: passphrase salah atau berkas bukan PKCS#12."))
	holder = pki.holder_of(pair.cert)
	if normalise_nip(holder.nip) != pejabat.nip:
		frappe.throw(
			_("Sertifikat ini diterbitkan untuk NIP {0}, bukan untuk {1} (NIP {2}).").format(
				holder.nip or "-", pejabat.nama, pejabat.nip
			)
		)
	for old in frappe.get_all(SERTIFIKAT, {"pejabat": pejabat.name, "status": AKTIF}, pluck="name"):
		frappe.db.set_value(SERTIFIKAT, old, "status", DIGANTI)
	doc = frappe.get_doc(
		{
			"doctype": SERTIFIKAT,
			"pejabat": pejabat.name,
			"nama_pemegang": holder.nama,
			"nip": pejabat.nip,
			"kecamatan": pejabat.kecamatan,
			"status": AKTIF,
			"subjek": pair.cert.subject.rfc4514_string(),
			"penerbit": pair.cert.issuer.rfc4514_string(),
			"nomor_seri": format(pair.cert.serial_number, "x"),
			"berlaku_mulai": pair.cert.not_valid_before_utc.replace(tzinfo=None),
			"berlaku_sampai": pair.cert.not_valid_after_utc.replace(tzinfo=None),
			"sidik_sha256": pki.fingerprint(pair.cert),
			"sertifikat_pem": pair.cert_pem().decode(),
			"berkas_pkcs12": encrypt(base64.b64encode(bundle).decode()),
		}
	)
	doc.flags.installing = True
	doc.insert(ignore_permissions=True)
	return doc.name


def active_certificate(pejabat: str):
	"""The Pejabat's certificate in force, or None."""
	name = frappe.db.get_value(SERTIFIKAT, {"pejabat": pejabat, "status": AKTIF}, order_by="creation desc")
	return frappe.get_doc(SERTIFIKAT, name) if name else None


def signing_certificate(pejabat: str):
	"""The certificate `pejabat` signs with; refused with a message when none may sign."""
	cert = active_certificate(pejabat)
	if not cert:
		revoked = frappe.db.get_value(
			SERTIFIKAT, {"pejabat": pejabat, "status": DICABUT}, "dicabut_pada", order_by="creation desc"
		)
		if revoked:
			frappe.throw(
				_(
					"Sertifikat elektronik {0} telah dicabut ({1}); tanda tangan ditolak. Pasang sertifikat baru terlebih dahulu."
				).format(pejabat, frappe.utils.format_datetime(revoked)),
				title=_("Sertifikat dicabut"),
			)
		frappe.throw(
			_("Pejabat {0} belum memiliki sertifikat elektronik yang aktif.").format(pejabat),
			title=_("Sertifikat belum dipasang"),
		)
	now = now_datetime()
	if cert.berlaku_sampai and frappe.utils.get_datetime(cert.berlaku_sampai) < now:
		frappe.throw(
			_("Sertifikat elektronik {0} telah habis masa berlakunya ({1}).").format(
				pejabat, frappe.utils.format_datetime(cert.berlaku_sampai)
			)
		)
	return cert


def open_bundle(cert, passphrase: str) -> tuple[pki.KeyPair, list]:
	"""The key and chain of `cert`, opened with the holder's passphrase."""
	if not passphrase:
		frappe.throw(_("Masukkan passphrase sertifikat elektronik Anda untuk menandatangani."))
	bundle = base64.b64decode(decrypt(cert.berkas_pkcs12))
	try:
		return pki.open_pkcs12(bundle, passphrase)
	except pki.WrongPassphrase:
		frappe.throw(_("Passphrase salah: laporan tidak ditandatangani."), title=_("Passphrase salah"))


def revoke(name: str, alasan: str) -> None:
	doc = frappe.get_doc(SERTIFIKAT, name)
	doc.check_permission("write")
	if not (alasan or "").strip():
		frappe.throw(_("Tuliskan alasan pencabutan sertifikat."))
	if doc.status == DICABUT:
		frappe.throw(_("Sertifikat {0} sudah dicabut.").format(name))
	doc.db_set({"status": DICABUT, "dicabut_pada": now_datetime(), "alasan_pencabutan": alasan.strip()})


def trust_roots() -> list:
	"""The CA certificates the settings trust."""
	text = frappe.db.get_single_value(PENGATURAN, "akar_kepercayaan") or ""
	try:
		return pki.load_pem_certs(text)
	except ValueError:
		return []


def site_tsa() -> tuple[pki.KeyPair, list] | None:
	"""The site's own RFC 3161 authority from site_config.json, if it has one."""
	tsa = frappe.conf.get(SITE_TSA)
	if not tsa:
		return None
	pair = pki.KeyPair(pki.load_pem_key(tsa["key"].encode()), pki.load_pem_certs(tsa["cert"])[0])
	return pair, pki.load_pem_certs(tsa.get("chain") or "")
