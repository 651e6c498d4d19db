"""Laporan Hasil Monitoring: drafted from the data (draft.py), signed (signature.py), archived
(archive.py).

Re-exported here, so their dotted paths stay as printed and hooked: the public verification
method a signed PDF's page calls, and the File guards of hooks.py.
"""

from kinerja_kecamatan.laporan.archive import archive_file_permission, protect_archive_file
from kinerja_kecamatan.laporan.signature import verifikasi_berkas

__all__ = ("archive_file_permission", "protect_archive_file", "verifikasi_berkas")
