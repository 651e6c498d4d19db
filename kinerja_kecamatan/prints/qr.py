"""The QR code printed on a signed Laporan, pointing at its verification page."""

from functools import lru_cache
from io import BytesIO


@lru_cache(maxsize=256)
def qr_svg(text: str) -> str:
	"""An inline SVG QR code (pyqrcode comes with Frappe). Kept per process: a signed report's
	code never changes, and drawing it is a third of the print's own rendering time."""
	import pyqrcode

	buffer = BytesIO()
	pyqrcode.create(text, error="M").svg(buffer, scale=2, xmldecl=False, svgns=True, omithw=False)
	return buffer.getvalue().decode()
