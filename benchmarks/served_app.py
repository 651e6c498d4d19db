"""Frappe's WSGI application with /assets served beside it, for gunicorn in the benchmarks.

In production nginx serves /assets; wkhtmltopdf fetches the print's stylesheets from there, so
the PDF benchmark needs them (`bench serve` adds the same middleware).
"""

import os

from frappe.app import application as frappe_application
from werkzeug.middleware.shared_data import SharedDataMiddleware

application = SharedDataMiddleware(
	frappe_application, {"/assets": os.path.join(os.path.abspath(os.environ["SITES_PATH"]), "assets")}
)
