"""What leaving or entering a step leaves behind: the documents the next steps work on.

The behaviour table (behaviours.py) names these functions as a step's `on_leave` (called with the
cycle and whether it went forward, by its "Ya" action) and `on_enter` (called with the cycle when
its step is entered going forward).
"""

import frappe
from frappe import _

from kinerja_kecamatan.doctypes import JADWAL
from kinerja_kecamatan.laporan import draft, signature
from kinerja_kecamatan.workflow import blanko, distribution


def distribute(cycle, forward: bool) -> None:
	if forward:
		distribution.distribute_in_background_or_now(cycle)


def close_tasks(cycle, forward: bool) -> None:
	if forward:
		distribution.close_isian_tasks(cycle.name)


def note_on_jadwal(cycle, forward: bool) -> None:
	"""The schedule's history shows the Camat's approval or return with its notes."""
	jadwal = frappe.db.get_value(JADWAL, {"monitoring": cycle.name})
	if not jadwal:
		return
	reason = cycle.log_langkah[-1].catatan
	text = _("Disetujui oleh Camat.") if forward else _("Dikembalikan oleh Camat: {0}").format(reason)
	frappe.get_doc(JADWAL, jadwal).add_comment("Info", text)


def draft_laporan(cycle, forward: bool) -> None:
	if forward:
		draft.draft_laporan(cycle)


def sign_laporan(cycle, forward: bool) -> None:
	if forward:
		signature.sign_laporan(cycle)


def prepare_blanko(cycle) -> None:
	blanko.prepare_blanko(cycle)
