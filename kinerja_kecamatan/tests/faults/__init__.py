"""Faults of the machine, not of its users (issue 26): processes killed or stopped mid-work on the
real MariaDB, Redis and RQ workers, each test starting what it kills. Marked `faults`:
`pytest -m faults` runs them alone; the full run includes them."""
