"""The SOP, written once: roles, the 12 steps, their standard times and decisions.

Everything else (install, the Workflow records, server-side checks, step logs, reports) reads
from `sop.py`; nothing else spells out a step or a role.
"""
