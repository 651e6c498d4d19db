# Copyright (c) 2026, Kinerja Kecamatan contributors
# For license information, please see license.txt

from frappe.model.document import Document

from kinerja_kecamatan.workflow.sop_record import check_revisable, publish


class SOPKinerja(Document):
	def validate(self):
		check_revisable(self)

	def on_update(self):
		# a changed SOP becomes a new revision, and the Workflow follows it
		publish(self)
