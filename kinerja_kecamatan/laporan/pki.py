"""X.509 material for electronic signatures, with no Frappe in it: a kabupaten's demonstration CA
and time-stamping authority, an official's certificate naming them and their NIP, PKCS#12
bundles, and reading what a certificate says of its holder.

A real Pemda is issued its officials' certificates by BSrE; the demo CA stands in for it, so the
whole path (issue, sign, timestamp, verify) runs on one machine.
"""

import datetime
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

KEY_SIZE = 2048
# a CA outlives the officials it certifies; an official's certificate lasts as BSrE's do
CA_YEARS = 20
HOLDER_YEARS = 2


class WrongPassphrase(ValueError):
	"""The PKCS#12 bundle can't be opened with the passphrase given."""


@dataclass(frozen=True)
class KeyPair:
	key: rsa.RSAPrivateKey
	cert: x509.Certificate

	def key_pem(self, passphrase: bytes | None = None) -> bytes:
		encryption = (
			serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
		)
		return self.key.private_bytes(
			serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
		)

	def cert_pem(self) -> bytes:
		return self.cert.public_bytes(serialization.Encoding.PEM)


@dataclass(frozen=True)
class Holder:
	"""Who a certificate names: an official by name and NIP, their position and office."""

	nama: str
	nip: str
	jabatan: str = ""
	instansi: str = ""


def _name(*attributes: tuple) -> x509.Name:
	return x509.Name([x509.NameAttribute(oid, value) for oid, value in attributes if value])


def _builder(subject: x509.Name, issuer: x509.Name, public_key, years: int, now: datetime.datetime):
	return (
		x509.CertificateBuilder()
		.subject_name(subject)
		.issuer_name(issuer)
		.public_key(public_key)
		.serial_number(x509.random_serial_number())
		.not_valid_before(now - datetime.timedelta(minutes=5))
		.not_valid_after(now + datetime.timedelta(days=365 * years))
		.add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
	)


def _new_key() -> rsa.RSAPrivateKey:
	return rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)


def _key_usage(**allowed) -> x509.KeyUsage:
	flags = dict.fromkeys(
		(
			"digital_signature",
			"content_commitment",
			"key_encipherment",
			"data_encipherment",
			"key_agreement",
			"key_cert_sign",
			"crl_sign",
			"encipher_only",
			"decipher_only",
		),
		False,
	)
	flags.update(allowed)
	return x509.KeyUsage(**flags)


def make_ca(organisation: str, now: datetime.datetime | None = None) -> KeyPair:
	"""A self-signed root for `organisation` ("Pemerintah Kabupaten Balangan")."""
	now = now or datetime.datetime.now(datetime.timezone.utc)
	key = _new_key()
	subject = _name(
		(NameOID.COUNTRY_NAME, "ID"),
		(NameOID.ORGANIZATION_NAME, organisation),
		(NameOID.COMMON_NAME, f"CA Demo Tanda Tangan Elektronik {organisation}"),
	)
	cert = (
		_builder(subject, subject, key.public_key(), CA_YEARS, now)
		.add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
		.add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
		.sign(key, hashes.SHA256())
	)
	return KeyPair(key, cert)


def _issue(ca: KeyPair, subject: x509.Name, years: int, now, usage, extended=None) -> KeyPair:
	key = _new_key()
	builder = (
		_builder(subject, ca.cert.subject, key.public_key(), years, now)
		.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
		.add_extension(usage, critical=True)
		.add_extension(
			x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
		)
	)
	if extended:
		builder = builder.add_extension(x509.ExtendedKeyUsage(extended), critical=True)
	return KeyPair(key, builder.sign(ca.key, hashes.SHA256()))


def make_tsa(ca: KeyPair, now: datetime.datetime | None = None) -> KeyPair:
	"""A time-stamping authority certified by `ca` (RFC 3161: critical timeStamping usage)."""
	now = now or datetime.datetime.now(datetime.timezone.utc)
	organisation = ca.cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
	subject = _name(
		(NameOID.COUNTRY_NAME, "ID"),
		(NameOID.ORGANIZATION_NAME, organisation),
		(NameOID.COMMON_NAME, f"TSA Demo {organisation}"),
	)
	return _issue(
		ca,
		subject,
		CA_YEARS,
		now,
		_key_usage(digital_signature=True, content_commitment=True),
		[ExtendedKeyUsageOID.TIME_STAMPING],
	)


def issue_holder(ca: KeyPair, holder: Holder, now: datetime.datetime | None = None) -> KeyPair:
	"""An official's signing certificate: CN their name, serialNumber their NIP, title their position."""
	now = now or datetime.datetime.now(datetime.timezone.utc)
	subject = _name(
		(NameOID.COUNTRY_NAME, "ID"),
		(NameOID.ORGANIZATION_NAME, holder.instansi),
		(NameOID.TITLE, holder.jabatan),
		(NameOID.SERIAL_NUMBER, holder.nip),
		(NameOID.COMMON_NAME, holder.nama),
	)
	return _issue(ca, subject, HOLDER_YEARS, now, _key_usage(digital_signature=True, content_commitment=True))


def to_pkcs12(pair: KeyPair, chain: list[x509.Certificate], passphrase: str, friendly_name: str) -> bytes:
	"""The bundle an official is handed: key, certificate and chain, sealed with their passphrase."""
	return pkcs12.serialize_key_and_certificates(
		friendly_name.encode(),
		pair.key,
		pair.cert,
		chain,
		serialization.BestAvailableEncryption(passphrase.encode()),
	)


def open_pkcs12(bundle: bytes, passphrase: str) -> tuple[KeyPair, list[x509.Certificate]]:
	"""Key, certificate and chain of a bundle; WrongPassphrase when it does not open."""
	try:
		key, cert, chain = pkcs12.load_key_and_certificates(bundle, (passphrase or "").encode())
	except ValueError as error:
		raise WrongPassphrase(str(error)) from error
	if key is None or cert is None:
		raise WrongPassphrase("no key or certificate in the bundle")
	return KeyPair(key, cert), list(chain)


def holder_of(cert: x509.Certificate) -> Holder:
	"""What the certificate says of its holder."""

	def first(oid) -> str:
		found = cert.subject.get_attributes_for_oid(oid)
		return str(found[0].value) if found else ""

	return Holder(
		nama=first(NameOID.COMMON_NAME),
		nip=first(NameOID.SERIAL_NUMBER),
		jabatan=first(NameOID.TITLE),
		instansi=first(NameOID.ORGANIZATION_NAME),
	)


def fingerprint(cert: x509.Certificate) -> str:
	return cert.fingerprint(hashes.SHA256()).hex()


def load_pem_certs(text: str | bytes) -> list[x509.Certificate]:
	"""Every certificate in a PEM text (the settings' trust roots); [] for none."""
	data = text.encode() if isinstance(text, str) else text or b""
	if b"-----BEGIN CERTIFICATE-----" not in data:
		return []
	return x509.load_pem_x509_certificates(data)


def load_pem_key(data: bytes):
	return serialization.load_pem_private_key(data, password=None)
