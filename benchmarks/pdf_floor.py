"""The PDF's floor: the Laporan's print HTML, prepared as frappe.utils.pdf.get_pdf prepares it,
saved with its assets into a folder and given straight to the same wkhtmltopdf with the same
options (plus `--allow` for that folder, as local file access is otherwise off).
"""

import os
import re
import shutil
import subprocess
from urllib.parse import urljoin, urlparse

import frappe
import pdfkit
import requests
from packaging.version import Version

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
ASSET_SUFFIXES = (
	".css",
	".js",
	".png",
	".jpg",
	".jpeg",
	".gif",
	".svg",
	".webp",
	".woff",
	".woff2",
	".ttf",
	".otf",
	".eot",
)
HTML_URL = re.compile(r"""((?:href|src)\s*=\s*)(['"])(https?://[^'"]+)\2""")


class Assets:
	"""Downloads what the HTML asks of `base` into `folder`, keeping the URL's path."""

	def __init__(self, base: str, folder: str):
		self.base, self.folder, self.saved = base.rstrip("/"), folder, {}

	def local(self, url: str) -> str | None:
		"""file:// URL of the saved copy of `url` (absolute), or None if it is not `base`'s."""
		parsed = urlparse(url)
		if not url.startswith(self.base + "/") or not parsed.path.lower().endswith(ASSET_SUFFIXES):
			return None  # another site's, or not a file (a link to the PDF itself, say)
		if parsed.path not in self.saved:
			response = requests.get(url, timeout=60)
			if response.status_code != 200:
				return None  # left as it is: wkhtmltopdf will miss it the same way
			path = os.path.join(self.folder, parsed.path.lstrip("/"))
			os.makedirs(os.path.dirname(path), exist_ok=True)
			self.saved[parsed.path] = "file://" + path  # before recursing: CSS may import itself
			content = response.content
			if parsed.path.endswith(".css"):
				content = self.css(content.decode("utf-8"), url).encode("utf-8")
			with open(path, "wb") as f:
				f.write(content)
		return self.saved[parsed.path] + (f"#{parsed.fragment}" if parsed.fragment else "")

	def css(self, text: str, url: str) -> str:
		def replace(match):
			target = match.group(2).strip()
			if target.startswith("data:"):
				return match.group(0)
			local = self.local(urljoin(url, target.split("?", 1)[0]))
			return f'url("{local}")' if local else match.group(0)

		return CSS_URL.sub(replace, text)

	def html(self, text: str) -> str:
		def attribute(match):
			local = self.local(match.group(3).split("?", 1)[0])
			return f"{match.group(1)}{match.group(2)}{local}{match.group(2)}" if local else match.group(0)

		def style(match):
			target = match.group(2).strip()
			local = None if target.startswith("data:") else self.local(target.split("?", 1)[0])
			return f'url("{local}")' if local else match.group(0)

		return CSS_URL.sub(style, HTML_URL.sub(attribute, text))


def prepare(laporan_doctype: str, name: str, print_format: str, base_url: str, folder: str) -> list[str]:
	"""In a Frappe context (as the user who prints): the wkhtmltopdf command line of the bare floor,
	with the HTML and its assets saved under `folder`."""
	from frappe.utils import scrub_urls
	from frappe.utils.pdf import cleanup, get_wkhtmltopdf_version, prepare_options

	html = frappe.get_print(laporan_doctype, name, print_format=print_format)
	# what get_pdf does before it calls pdfkit
	html = scrub_urls(html)
	html, options = prepare_options(html, {})
	options.update({"disable-javascript": "", "disable-local-file-access": ""})
	if Version(get_wkhtmltopdf_version()) > Version("0.12.3"):
		options.update({"disable-smart-shrinking": ""})
	assets = Assets(base_url, folder)
	made_by_frappe = dict(options)
	for key in ("header-html", "footer-html"):
		if options.get(key):
			with open(options[key], encoding="utf-8") as f:
				part = assets.html(f.read())
			path = os.path.join(folder, f"{key}.html")
			with open(path, "w", encoding="utf-8") as f:
				f.write(part)
			options[key] = path
	cleanup(made_by_frappe)  # the header, footer and cookie files get_pdf would remove
	options.pop("cookie-jar", None)
	body = os.path.join(folder, "body.html")
	with open(body, "w", encoding="utf-8") as f:
		f.write(assets.html(html))
	options["allow"] = folder
	command = pdfkit.PDFKit(html, "string", options=options, verbose=True).command(
		os.path.join(folder, "out.pdf")
	)
	command[-2] = body  # the saved file instead of stdin
	return command


def render(command: list[str]) -> None:
	result = subprocess.run(command, capture_output=True, check=False)
	out = command[-1]
	if not os.path.exists(out) or os.path.getsize(out) == 0:
		raise SystemExit(f"bare wkhtmltopdf failed ({result.returncode}): {result.stderr[-500:]!r}")
	with open(out, "rb") as f:
		assert f.read(4) == b"%PDF"
	os.remove(out)


def remove(folder: str) -> None:
	shutil.rmtree(folder, ignore_errors=True)
