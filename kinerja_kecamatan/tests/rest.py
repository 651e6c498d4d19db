"""Call the site's REST API as a given user, through Frappe's real WSGI application.

The request runs in its own thread (its own frappe.local and database connection), so the data
it should see must be committed first.
"""

import json
import threading

import frappe
from frappe.app import application
from werkzeug.test import Client

_TOKENS = {}


def api_token(user: str) -> str:
	"""`token key:secret` for `user`, creating the API key pair once per test run."""
	site = getattr(frappe.local, "site", None) or _SERVED.get("site")
	if (site, user) in _TOKENS:
		return _TOKENS[(site, user)]
	doc = frappe.get_doc("User", user)
	if not doc.api_key:
		doc.api_key = frappe.generate_hash(length=15)
	secret = frappe.generate_hash(length=15)
	doc.api_secret = secret
	doc.flags.ignore_permissions = True
	doc.save()
	frappe.db.commit()
	_TOKENS[(frappe.local.site, user)] = f"token {doc.api_key}:{secret}"
	return _TOKENS[(frappe.local.site, user)]


def rest(method: str, path: str, user: str | None, data: dict | None = None, as_json: bool = True):
	"""Return (status code, body) of `method path` done by `user` (None: a guest). The body is
	parsed JSON, or text with as_json=False."""
	headers = {"X-Frappe-Site-Name": frappe.local.site, "Content-Type": "application/json"}
	if user:
		headers["Authorization"] = api_token(user)
	result = {}

	def call():
		response = Client(application).open(
			path, method=method, data=json.dumps(data) if data is not None else None, headers=headers
		)
		result["status"] = response.status_code
		text = response.get_data(as_text=True)
		result["body"] = json.loads(text or "{}") if as_json else text

	thread = threading.Thread(target=call)
	thread.start()
	thread.join()
	return result["status"], result["body"]


_SERVED = {}


def served_url() -> str:
	"""The test site as ./scripts/test.sh serves it (its host_name); remembered, so threads
	without a site of their own can call it too."""
	if "url" not in _SERVED:
		_SERVED["url"] = (frappe.conf.host_name or "http://127.0.0.1:8001").rstrip("/")
		_SERVED["site"] = frappe.local.site
	return _SERVED["url"]


def http(method: str, path: str, user: str | None, data: dict | None = None, files: dict | None = None):
	"""(status, parsed JSON body) of a real HTTP request to the served test site, as `user`
	(None: a guest). Data must be committed first: the server is another process."""
	import requests

	headers = {"Authorization": api_token(user)} if user else {}
	if files is None and data is not None:
		headers["Content-Type"] = "application/json"
		data = json.dumps(data, default=str)  # dates as Frappe writes them
	response = requests.request(
		method, served_url() + path, headers=headers, data=data, files=files, timeout=60
	)
	try:
		body = response.json()
	except ValueError:
		body = {"text": response.text}
	if getattr(frappe.local, "db", None):
		# end the test's read snapshot, so what the server just committed is what it reads next
		frappe.db.rollback()
	return response.status_code, body
