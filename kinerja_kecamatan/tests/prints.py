"""Prints as a reader sees them: the PDF from the patched wkhtmltopdf, its text as laid out on the
page (`pdftotext -layout`: a word the page wrapped mid-word shows split, which pypdf would join),
and a PNG of page 1 kept under test-artifacts/ for a person to look at."""

import os
import subprocess
import tempfile
from pathlib import Path

import frappe

ARTIFACTS = Path(os.environ.get("KINERJA_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))


def print_pdf(doctype: str, name: str, print_format: str) -> bytes:
	return frappe.get_print(doctype, name, print_format=print_format, as_pdf=True)


def layout_text(pdf: bytes) -> str:
	with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
		source.write(pdf)
		source.flush()
		return subprocess.run(
			["pdftotext", "-layout", source.name, "-"], check=True, capture_output=True, text=True
		).stdout


def page_count(pdf: bytes) -> int:
	with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
		source.write(pdf)
		source.flush()
		info = subprocess.run(["pdfinfo", source.name], check=True, capture_output=True, text=True).stdout
	return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def keep_first_page(pdf: bytes, name: str) -> Path:
	"""test-artifacts/<name>.png: page 1 at 80 dpi."""
	ARTIFACTS.mkdir(parents=True, exist_ok=True)
	with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
		source.write(pdf)
		source.flush()
		subprocess.run(
			[
				"pdftoppm",
				"-png",
				"-r",
				"80",
				"-f",
				"1",
				"-l",
				"1",
				"-singlefile",
				source.name,
				str(ARTIFACTS / name),
			],
			check=True,
		)
	return ARTIFACTS / f"{name}.png"


def squeezed(text: str) -> str:
	"""The layout text with runs of spaces as one, for phrases that fit one line."""
	return " ".join(text.split())
