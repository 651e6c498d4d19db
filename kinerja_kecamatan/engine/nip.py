"""The NIP (Nomor Induk Pegawai) of an officer: checked, normalised, and spaced as signatures write it."""

import re
from datetime import date

from frappe import _


def nip_problem(nip: str) -> str | None:
	"""Why an NIP is not valid, or None. An NIP has 18 digits: birth date (8), appointment
	year and month (6), gender 1/2 (1), sequence (3); e.g. 19890413 198804 1 001."""
	if not re.fullmatch(r"\d{18}", nip):
		return _("NIP harus 18 digit angka (contoh: 198904132008041001).")
	try:
		date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
	except ValueError:
		return _("8 digit pertama NIP harus tanggal lahir yang valid (TTTTBBHH).")
	if not 1 <= int(nip[12:14]) <= 12:
		return _("Digit 9–14 NIP harus tahun dan bulan pengangkatan yang valid (TTTTBB).")
	if nip[14] not in "12":
		return _("Digit ke-15 NIP (jenis kelamin) harus 1 atau 2.")
	return None


def normalise_nip(nip: str | None) -> str:
	"""People paste NIPs with spaces: "19890413 198804 1 001" → "198904131988041001"."""
	return re.sub(r"\s", "", nip or "")


def nip_spaced(nip: str | None) -> str:
	"""An NIP as the SOP and every signature block write it: "198904131988041001" →
	"19890413 198804 1 001" (birth date, appointment, gender, sequence). Anything else as it is."""
	digits = normalise_nip(nip)
	if not re.fullmatch(r"\d{18}", digits):
		return nip or ""
	return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
