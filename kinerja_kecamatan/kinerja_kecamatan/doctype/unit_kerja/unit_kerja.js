// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

// frappe.ui.form.on("Unit Kerja", {
// 	refresh(frm) {},
// });
