"""Follow-ups (tindak lanjut): planned in a signed quarter's report, reported by the unit head in
the next quarter's Isian, verified by the monitoring team on the Blanko, and looked back on by the
next report (records.py); escalated when overdue (overdue.py)."""
