"""PAdES signatures in a PDF with pyHanko, and their validation, with no Frappe in it.

A report is signed PAdES B-T: a CMS signature in the PDF itself (ETSI.CAdES.detached) over the
whole file, with the signer's certificate and an RFC 3161 timestamp, in a visible field on the
Camat's signature block. Any PDF reader (Adobe Reader, Okular, `pdfsig`) checks it without this
server; `validate` checks it the same way, against the trust roots it is given.
"""

import asyncio
import concurrent.futures
import datetime
import io
from dataclasses import dataclass

import pypdf
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko import stamp
from pyhanko.pdf_utils import text as pdf_text
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from kinerja_kecamatan.laporan.pki import Holder, KeyPair, holder_of

FIELD_NAME = "TandaTanganCamat"
# the print's signature space carries these two invisible words at its corners (laporan print)
ANCHOR_TOP_LEFT = "kk-tte-awal"
ANCHOR_BOTTOM_RIGHT = "kk-tte-akhir"
STAMP_HEADING = "Ditandatangani secara elektronik"


class NotSignable(ValueError):
	"""The PDF can't take the signature (no signature space found, unreadable file)."""


@dataclass(frozen=True)
class Placement:
	page: int  # 0-based
	box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points


@dataclass(frozen=True)
class SignatureCheck:
	"""What a reader learns from a PDF's embedded signature."""

	signed: bool  # the PDF carries a signature at all
	intact: bool = False  # the signed bytes are unchanged
	valid: bool = False  # the signature is mathematically the signer's
	trusted: bool = False  # the signer's certificate chains to a trust root
	whole_file: bool = False  # nothing was added after signing
	holder: Holder | None = None
	signing_time: datetime.datetime | None = None  # from the RFC 3161 timestamp
	timestamp_trusted: bool = False
	certificate: x509.Certificate | None = None

	@property
	def unchanged(self) -> bool:
		return self.intact and self.valid and self.whole_file


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
	return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _asn1_key(key) -> asn1_keys.PrivateKeyInfo:
	return asn1_keys.PrivateKeyInfo.load(
		key.private_bytes(
			serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
		)
	)


def pyhanko_signer(pair: KeyPair, chain: list[x509.Certificate]) -> signers.SimpleSigner:
	return signers.SimpleSigner(
		signing_cert=_asn1_cert(pair.cert),
		signing_key=_asn1_key(pair.key),
		cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in chain]),
	)


def local_timestamper(tsa: KeyPair, chain: list[x509.Certificate], at: datetime.datetime | None = None):
	"""An RFC 3161 authority run in this process with its own key (the demo's TSA)."""
	return DummyTimeStamper(
		tsa_cert=_asn1_cert(tsa.cert),
		tsa_key=_asn1_key(tsa.key),
		certs_to_embed=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in chain]),
		fixed_dt=at,
	)


def http_timestamper(url: str, timeout: int = 10) -> TimeStamper:
	"""A TSA over HTTP (RFC 3161), as BSrE's is reached."""
	return HTTPTimeStamper(url, timeout=timeout)


def find_placement(pdf: bytes) -> Placement:
	"""Where the print left room for the signature: the box between its two anchor words, on the
	last page that has them."""
	try:
		reader = pypdf.PdfReader(io.BytesIO(pdf))
		pages = list(reader.pages)
	except Exception as error:
		raise NotSignable(f"unreadable PDF: {error}") from error
	for number in range(len(pages) - 1, -1, -1):
		found = {}

		def visit(text, cm, tm, font_dict, font_size, found=found):
			for anchor in (ANCHOR_TOP_LEFT, ANCHOR_BOTTOM_RIGHT):
				if anchor in (text or ""):
					found[anchor] = (
						cm[0] * tm[4] + cm[2] * tm[5] + cm[4],
						cm[1] * tm[4] + cm[3] * tm[5] + cm[5],
					)

		pages[number].extract_text(visitor_text=visit)
		if len(found) == 2:
			(x1, top), (x2, bottom) = found[ANCHOR_TOP_LEFT], found[ANCHOR_BOTTOM_RIGHT]
			# the anchors' baselines: the box runs from the first's top to the last's baseline
			return Placement(number, (round(x1, 1), round(bottom, 1), round(x2, 1), round(top + 2, 1)))
	raise NotSignable("the PDF has no signature space")


def stamp_lines(holder: Holder, nip_text: str) -> str:
	"""The visible field's text; %(ts)s is the signing time pyHanko fills in."""
	return "\n".join((STAMP_HEADING, holder.nama, f"NIP. {nip_text}", "%(ts)s"))


def outside_event_loop(function, *args):
	"""pyHanko's synchronous calls run their own asyncio loop, which can't start inside another
	(a caller driving Playwright's sync API has one): run them on a thread of their own then."""
	try:
		asyncio.get_running_loop()
	except RuntimeError:
		return function(*args)
	with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
		return pool.submit(function, *args).result()


def sign_pdf(
	pdf: bytes,
	signer: signers.Signer,
	timestamper: TimeStamper,
	placement: Placement,
	stamp_text: str,
	reason: str,
	location: str,
) -> bytes:
	"""`pdf` with a PAdES B-T signature by `signer` in a visible field at `placement`."""
	writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
	fields.append_signature_field(
		writer, fields.SigFieldSpec(FIELD_NAME, on_page=placement.page, box=placement.box)
	)
	meta = signers.PdfSignatureMetadata(
		field_name=FIELD_NAME,
		md_algorithm="sha256",
		subfilter=fields.SigSeedSubFilter.PADES,
		reason=reason,
		location=location,
		use_pades_lta=False,
	)
	style = stamp.TextStampStyle(
		stamp_text=stamp_text,
		text_box_style=pdf_text.TextBoxStyle(font_size=7, leading=9),
		timestamp_format="%d-%m-%Y %H:%M:%S %Z",
		border_width=1,
	)
	pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=timestamper, stamp_style=style)
	return outside_event_loop(pdf_signer.sign_pdf, writer).getvalue()


def validate(pdf: bytes, trust_roots: list[x509.Certificate]) -> SignatureCheck:
	"""The last embedded signature of `pdf`, checked against `trust_roots` (no network)."""
	try:
		reader = PdfFileReader(io.BytesIO(pdf), strict=False)
		embedded = reader.embedded_signatures
	except Exception:
		return SignatureCheck(signed=False)
	if not embedded:
		return SignatureCheck(signed=False)
	roots = [_asn1_cert(c) for c in trust_roots]
	context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
	ts_context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
	try:
		status = outside_event_loop(
			lambda: validate_pdf_signature(
				embedded[-1], signer_validation_context=context, ts_validation_context=ts_context
			)
		)
	except Exception:
		return SignatureCheck(signed=True)
	cert = x509.load_der_x509_certificate(status.signing_cert.dump())
	stamp_status = status.timestamp_validity
	return SignatureCheck(
		signed=True,
		intact=bool(status.intact),
		valid=bool(status.valid),
		trusted=bool(status.trusted),
		whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
		holder=holder_of(cert),
		signing_time=stamp_status.timestamp if stamp_status else None,
		timestamp_trusted=bool(stamp_status and stamp_status.valid and stamp_status.trusted),
		certificate=cert,
	)
