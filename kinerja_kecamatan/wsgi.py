"""What gunicorn serves: Frappe's WSGI application, answering with a message when the database
goes away mid-request (issue 26).

Frappe turns a lost connection into its error response, then rolls back on the dead connection
in its `finally`; that raises again, out of the application, and gunicorn sends a bare "Internal
Server Error" page that the desk cannot read, so the user is told nothing. Here the user is told
that nothing was saved and to try again. MariaDB rolled the request's transaction back when its
connection dropped; the next request connects anew (Frappe connects on every request), so the
site answers again by itself once MariaDB is back.
"""

import json
from contextlib import suppress

import frappe
import pymysql
from frappe.app import application as frappe_application
from werkzeug.wrappers import Response

# pymysql's "Lost connection" (2013) and "Can't connect" (2003), and its closed connection
DATABASE_GONE = (pymysql.err.OperationalError, pymysql.err.InterfaceError)


def application(environ, start_response):
	try:
		return frappe_application(environ, start_response)
	except DATABASE_GONE:
		frappe.logger("database").error("database lost mid-request", exc_info=True)
		with suppress(pymysql.err.Error):  # the failed request's frappe.local, left behind
			frappe.destroy()
		return database_gone()(environ, start_response)


def database_gone() -> Response:
	"""503 with the message the desk shows (its _server_messages), in Bahasa Indonesia."""
	message = {
		"title": "Basis data terputus",
		"message": "Sambungan ke basis data terputus saat permintaan Anda diproses. Perubahan Anda "
		"tidak disimpan dan langkah tetap seperti semula. Coba lagi sebentar lagi; bila terus "
		"berulang, hubungi pengelola sistem.",
		"indicator": "red",
	}
	body = {"exc_type": "DatabaseGone", "_server_messages": json.dumps([json.dumps(message)])}
	return Response(json.dumps(body), status=503, mimetype="application/json", headers={"Retry-After": "10"})
