"""The app's print formats are compiled once per process (print_templates.py), and a changed
template is never printed from its old compiled code."""

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_kecamatan.prints.templates import COMPILED, print_format_template
from kinerja_kecamatan.tests.factories import make_kecamatan, unique


def make_print_format(html: str, module: str = "Kinerja Kecamatan") -> str:
	"""A Jinja print format of Kecamatan as an administrator makes one in the desk."""
	return (
		frappe.get_doc(
			{
				"doctype": "Print Format",
				"name": unique("Uji Cetak"),
				"doc_type": "Kecamatan",
				"module": module,
				"custom_format": 1,
				"print_format_type": "Jinja",
				"standard": "No",
				"html": html,
			}
		)
		.insert()
		.name
	)


class TestPrintTemplates(FrappeTestCase):
	def setUp(self):
		self.kecamatan = make_kecamatan(nama=unique("Cetak"))

	def test_the_app_format_prints_from_its_compiled_code_until_it_changes(self):
		name = make_print_format("<p>Kecamatan {{ doc.nama_kecamatan }}: cetakan pertama</p>")
		first = frappe.get_print("Kecamatan", self.kecamatan, print_format=name)
		self.assertIn(f"Kecamatan {self.kecamatan}: cetakan pertama", first)
		self.assertIn(
			f"Print Format/{name}", {code.co_filename for _checksum, code in COMPILED.codes.values()}
		)
		again = frappe.get_print("Kecamatan", self.kecamatan, print_format=name)
		self.assertEqual(again, first)

		frappe.db.set_value("Print Format", name, "html", "<p>{{ doc.nama_kecamatan }}: cetakan kedua</p>")
		frappe.clear_document_cache("Print Format", name)
		changed = frappe.get_print("Kecamatan", self.kecamatan, print_format=name)
		self.assertIn(f"{self.kecamatan}: cetakan kedua", changed)
		self.assertNotIn("cetakan pertama", changed)

	def test_compiled_once_it_renders_what_frappe_renders(self):
		source = "{% for i in range(3) %}<b>{{ i }}</b>{% endfor %} {{ doc.nama_kecamatan | e }}"
		print_format = frappe.get_doc("Print Format", make_print_format(source))
		doc = frappe.get_doc("Kecamatan", self.kecamatan)
		jenv = frappe.get_jenv()
		self.assertEqual(
			print_format_template(jenv, print_format).render({"doc": doc}),
			jenv.from_string(source).render({"doc": doc}),
		)
		self.assertEqual(
			print_format_template(jenv, print_format).render({"doc": doc}),
			f"<b>0</b><b>1</b><b>2</b> {self.kecamatan}",
		)

	def test_another_module_format_is_left_to_frappe(self):
		print_format = frappe.get_doc("Print Format", make_print_format("<p>lain</p>", module="Printing"))
		self.assertIsNone(print_format_template(frappe.get_jenv(), print_format))
