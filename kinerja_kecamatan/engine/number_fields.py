"""Numbers that users type as text (targets, realisasi).

Frappe stores Float fields as NOT NULL 0, but a missing realisasi is "belum ada data", never 0.
So these fields are Data: read through the capaian engine, stored back in one Indonesian form
("1.234,5"), and an empty field stays empty.
"""

from decimal import Decimal

from frappe import _

from kinerja_kecamatan.engine.capaian import NilaiTidakValid, format_angka, to_decimal


def field_label(doc, fieldname: str) -> str:
	"""'Baris 3, Realisasi TW' for a child row, 'Tahun' for a parent field."""
	label = _(doc.meta.get_label(fieldname))
	if doc.get("parentfield"):
		return _("Baris {0}, {1}").format(doc.idx, label)
	return label


def read_number(doc, fieldname: str, errors: list[str]) -> Decimal | None:
	"""Parse `doc.<fieldname>`, store its canonical form, and collect a message if it is not a number."""
	try:
		number = to_decimal(doc.get(fieldname))
	except NilaiTidakValid as e:
		errors.append(f"{field_label(doc, fieldname)}: {e}")
		return None
	doc.set(fieldname, None if number is None else format_angka(number, digits=None))
	return number


def stored_number(value) -> Decimal | None:
	"""A value already validated and stored by `read_number`."""
	return to_decimal(value)
