"""The app's print formats compiled once per process instead of on every print.

Frappe gives every request a new Jinja environment, so a print compiles its format's template,
and every template that includes (kop surat, style, footer), from source each time: for the
signed Laporan that is about half of the print's own rendering time. Jinja's bytecode cache is
the remedy Jinja offers: compiled code kept per process, keyed by the template's name and checked
against its source's checksum, so an edited template (or a format an administrator changed in the
desk) is compiled again. Only the app's own print formats use it; any other goes to the hook of
the app that had it before, or to Frappe's own way.
"""

import frappe
from jinja2.bccache import Bucket, BytecodeCache

MODULE = "Kinerja Kecamatan"
HOOK = "get_print_format_template"
THIS_HOOK = "kinerja_kecamatan.prints.templates.print_format_template"


class ProcessBytecodeCache(BytecodeCache):
	"""Compiled templates kept in this process, as code objects (no marshalling)."""

	def __init__(self):
		self.codes: dict[str, tuple[str, object]] = {}

	def load_bytecode(self, bucket: Bucket) -> None:
		checksum, code = self.codes.get(bucket.key, (None, None))
		if checksum == bucket.checksum:
			bucket.code = code

	def dump_bytecode(self, bucket: Bucket) -> None:
		self.codes[bucket.key] = (bucket.checksum, bucket.code)

	def clear(self) -> None:
		self.codes.clear()


COMPILED = ProcessBytecodeCache()


def print_format_template(jenv, print_format):
	"""Frappe's `get_print_format_template` hook: the template of `print_format`, compiled once
	per process for the app's formats; the templates it includes are then loaded through the same
	cache. Returns None (Frappe compiles it) for another app's format."""
	if print_format.module != MODULE:
		return previous_hook(jenv, print_format)
	from frappe.www.printview import get_print_format

	source = get_print_format(print_format.doc_type, print_format)
	jenv.bytecode_cache = COMPILED  # the includes, loaded after this through jenv's loader
	name = f"Print Format/{print_format.name}"
	bucket = COMPILED.get_bucket(jenv, name, None, source)
	if bucket.code is None:
		bucket.code = jenv.compile(source, name, name)
		COMPILED.set_bucket(bucket)
	return jenv.template_class.from_code(jenv, bucket.code, jenv.make_globals(None), None)


def previous_hook(jenv, print_format):
	"""Frappe calls only the last app's hook: another app's, installed before this one, still
	gets the formats that are not ours."""
	others = [path for path in frappe.get_hooks(HOOK) if path != THIS_HOOK]
	return frappe.get_attr(others[-1])(jenv=jenv, print_format=print_format) if others else None
