"""The demo's public-key infrastructure, FOR DEMONSTRATION ONLY: a kabupaten CA standing in for
BSrE, a time-stamping authority, and a certificate for each demo Camat sealed with DEMO_PASSPHRASE.

- The CA's key stays outside the site, in the bench's config/kinerja-demo-pki/<site>/: it is in no
  site backup, and nothing the site serves can issue certificates.
- The TSA's key and certificate go to site_config.json (certificates.SITE_TSA), which signing
  reads when the settings name no TSA URL.
- The CA's certificate is added to the settings' trust roots, so /verifikasi trusts the demo.
"""

import os

import frappe
from frappe.installer import update_site_config
from frappe.utils import get_bench_path

from kinerja_kecamatan.doctypes import PEJABAT, PENGATURAN
from kinerja_kecamatan.laporan import certificates, pki

DEMO_PASSPHRASE = "Tte#2024"
ORGANISATION = "Pemerintah Kabupaten Balangan"


def pki_dir() -> str:
	return os.path.join(get_bench_path(), "config", "kinerja-demo-pki", frappe.local.site)


def ensure_demo_ca() -> pki.KeyPair:
	"""The site's demo CA, made once and kept outside the site; its TSA and trust root set."""
	folder = pki_dir()
	key_path, cert_path = os.path.join(folder, "ca-key.pem"), os.path.join(folder, "ca.pem")
	if os.path.exists(key_path) and os.path.exists(cert_path):
		with open(key_path, "rb") as key, open(cert_path, "rb") as cert:
			ca = pki.KeyPair(pki.load_pem_key(key.read()), pki.load_pem_certs(cert.read())[0])
	else:
		ca = pki.make_ca(ORGANISATION)
		os.makedirs(folder, mode=0o700, exist_ok=True)
		with open(os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as key:
			key.write(ca.key_pem())
		with open(cert_path, "wb") as cert:
			cert.write(ca.cert_pem())
	ensure_tsa(ca)
	ensure_trusted(ca)
	return ca


def ensure_tsa(ca: pki.KeyPair) -> None:
	tsa = frappe.conf.get(certificates.SITE_TSA)
	if tsa and pki.load_pem_certs(tsa.get("chain") or "") == [ca.cert]:
		return
	pair = pki.make_tsa(ca)
	update_site_config(
		certificates.SITE_TSA,
		{"key": pair.key_pem().decode(), "cert": pair.cert_pem().decode(), "chain": ca.cert_pem().decode()},
	)
	frappe.local.conf[certificates.SITE_TSA] = frappe.get_site_config()[certificates.SITE_TSA]


def ensure_trusted(ca: pki.KeyPair) -> None:
	roots = frappe.db.get_single_value(PENGATURAN, "akar_kepercayaan") or ""
	if ca.cert in pki.load_pem_certs(roots):
		return
	text = (roots.strip() + "\n" + ca.cert_pem().decode()).strip() + "\n"
	frappe.db.set_single_value(PENGATURAN, "akar_kepercayaan", text)
	frappe.clear_document_cache(PENGATURAN, PENGATURAN)


def issue_demo_certificate(pejabat: str, passphrase: str = DEMO_PASSPHRASE) -> str:
	"""A demo certificate for `pejabat`, installed as its holder would install a BSrE one."""
	ca = ensure_demo_ca()
	found = certificates.active_certificate(pejabat)
	if found and found.penerbit == ca.cert.subject.rfc4514_string():
		return found.name
	doc = frappe.get_doc(PEJABAT, pejabat)
	holder = pki.Holder(doc.nama, doc.nip, doc.jabatan, ORGANISATION)
	bundle = pki.to_pkcs12(pki.issue_holder(ca, holder), [ca.cert], passphrase, doc.nama)
	previous = frappe.session.user
	frappe.set_user("Administrator")
	try:
		return certificates.install_certificate(pejabat, bundle, passphrase)
	finally:
		frappe.set_user(previous)
