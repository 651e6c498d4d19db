"""Kecamatan Paringin, Kabupaten Balangan: the kabupaten's second kecamatan in the demo, with a
smaller office than Batumandi's and its own SOP, made from the kabupaten's procedure.

The same shape as batumandi.py. Each unit: (name, kind, head's Pejabat, login, indicators). Each
indicator: (kode, uraian, satuan, jenis, annual target, quarterly targets TW I–IV, realisasi TW I,
faktor). Every name is invented.
"""

from datetime import date

KECAMATAN = {
	"nama_kecamatan": "Paringin",
	"kabupaten": "Balangan",
	"provinsi": "Kalimantan Selatan",
	"alamat": "Jalan Ahmad Yani, Kelurahan Paringin Kota",
	"kode_pos": "71618",
	# each kecamatan numbers its own archive: ARSIP/MONEV/Paringin/<year archived>/0001, …
	"pola_nomor_arsip": "ARSIP/MONEV/{kecamatan}/.YYYY./.####",
}
TAHUN = 2024
DOMAIN = "paringin.test"  # its officers' logins (the password is Batumandi's, the demo's one)

# its own SOP, made from the kabupaten's procedure with its number and approved by its Camat; its
# Kasubbag PK then gives the units 3 office days for their Isian (step 4) instead of 2
NOMOR_SOP = "067/001/KEC.PRG/BLG/2024"
SOP_TIMES = {4: 3}
SOP_REVISED = date(2024, 3, 1)

# its history: TW I archived, TW II in progress at step 4 with one unit not yet submitted
ARCHIVED = ("I",)
CURRENT = (TAHUN, "II")
LATE = ("Seksi Pemberdayaan Masyarakat Desa",)
EXCUSED = {}
# the monitoring team finds one reported value off: 90 % is really 85 %
CORRECTION = (
	"SEK-03",
	{
		"hasil_verifikasi": "Tidak Sesuai",
		"nilai_terverifikasi": "85",
		"bukti_dilihat": "Buku agenda surat masuk",
	},
)

CAMAT = ("H. Muhammad Ridha, S.STP, M.Si", "198207142002121002", "Pembina (IV/a)", "Camat Paringin")
SEKRETARIS = (
	"Hj. Siti Aisyah, S.Sos., M.AP",
	"197911232006042005",
	"Penata Tingkat I (III/d)",
	"Sekretaris Kecamatan",
)
PELAKSANA = ("Ahmad Fauzi, S.Kom", "199603112022031007", "Penata Muda (III/a)", "Pelaksana Monev Kinerja")

PENGHAMBAT = {
	"faktor_penghambat": "Jaringan internet kantor desa belum stabil untuk pelaporan daring",
	"tindak_lanjut": "Pendampingan operator desa dan pengajuan peningkatan jaringan",
}
PENDORONG = {"faktor_pendorong": "Dukungan pemerintah kabupaten di ibu kota kabupaten"}

UNITS = [
	(
		"Sekretariat",
		"Sekretariat",
		SEKRETARIS,
		"sekretaris",
		[
			(
				"SEK-01",
				"Persentase dokumen perencanaan dan pelaporan kinerja yang tersusun tepat waktu",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"100",
				PENDORONG,
			),
			(
				"SEK-02",
				"Nilai Indeks Kepuasan Masyarakat (IKM) pelayanan PATEN",
				"nilai",
				"Nilai Akhir",
				84,
				(82, 82, 83, 84),
				"83,6",
				PENDORONG,
			),
			(
				"SEK-03",
				"Persentase surat masuk yang didisposisi dalam 1 hari kerja",
				"%",
				"Nilai Akhir",
				95,
				(95, 95, 95, 95),
				"90",
				PENGHAMBAT,
			),
			(
				"SEK-04",
				"Tingkat kehadiran apel pagi ASN",
				"%",
				"Nilai Akhir",
				95,
				(95, 95, 95, 95),
				"93,2",
				PENGHAMBAT,
			),
		],
	),
	(
		"Seksi Pemerintahan",
		"Seksi",
		("Bahrudin, S.IP", "198010032005011008", "Penata Tingkat I (III/d)", "Kepala Seksi Pemerintahan"),
		"pemerintahan",
		[
			(
				"PEM-01",
				"Jumlah desa yang menyampaikan Laporan Penyelenggaraan Pemerintahan Desa tepat waktu",
				"desa",
				"Positif",
				16,
				(16, 0, 0, 0),
				"15",
				PENGHAMBAT,
			),
			(
				"PEM-02",
				"Persentase desa yang menetapkan APBDes tepat waktu",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"100",
				PENDORONG,
			),
			(
				"PEM-03",
				"Jumlah pembinaan administrasi pemerintahan desa dan kelurahan",
				"kegiatan",
				"Positif",
				32,
				(8, 8, 8, 8),
				"8",
				PENDORONG,
			),
			(
				"PEM-04",
				"Persentase rekomendasi administrasi kependudukan yang selesai dalam 1 hari kerja",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"98,5",
				PENGHAMBAT,
			),
		],
	),
	(
		"Seksi Ketentraman dan Ketertiban Umum",
		"Seksi",
		("Fahriansyah, S.H", "198306212009031004", "Penata (III/c)", "Kepala Seksi Trantibum"),
		"trantibum",
		[
			(
				"TRA-01",
				"Jumlah patroli ketentraman dan ketertiban umum di kawasan perkotaan Paringin",
				"kali",
				"Positif",
				52,
				(13, 13, 13, 13),
				"14",
				PENDORONG,
			),
			(
				"TRA-02",
				"Jumlah pelanggaran Peraturan Daerah tentang ketertiban umum",
				"kasus",
				"Negatif",
				16,
				(5, 4, 4, 3),
				"6",
				PENGHAMBAT,
			),
			(
				"TRA-03",
				"Persentase gangguan trantibum yang ditangani kurang dari 24 jam",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"100",
				PENDORONG,
			),
			(
				"TRA-04",
				"Jumlah sosialisasi pencegahan kebakaran hutan dan lahan",
				"kegiatan",
				"Positif",
				6,
				(1, 2, 2, 1),
				"1",
				PENDORONG,
			),
		],
	),
	(
		"Seksi Pemberdayaan Masyarakat Desa",
		"Seksi",
		("Raudatul Jannah, S.Sos", "198601072010012009", "Penata (III/c)", "Kepala Seksi PMD"),
		"pmd",
		[
			(
				"PMD-01",
				"Persentase desa yang menyalurkan Dana Desa tahap I tepat waktu",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"93,8",
				PENGHAMBAT,
			),
			(
				"PMD-02",
				"Jumlah BUMDes aktif yang dibina",
				"BUMDes",
				"Nilai Akhir",
				10,
				(8, 8, 9, 10),
				"8",
				PENDORONG,
			),
			(
				"PMD-03",
				"Jumlah musyawarah perencanaan pembangunan desa yang difasilitasi",
				"kegiatan",
				"Positif",
				16,
				(16, 0, 0, 0),
				"16",
				PENDORONG,
			),
			(
				"PMD-04",
				"Jumlah posyandu aktif yang dibina dalam percepatan penurunan stunting",
				"posyandu",
				"Nilai Akhir",
				24,
				(20, 22, 23, 24),
				"21",
				PENDORONG,
			),
		],
	),
	(
		"Subbag Perencanaan dan Keuangan",
		"Subbag",
		("Nurul Hidayah, S.E", "198805192012122003", "Penata (III/c)", "Kasubbag Perencanaan dan Keuangan"),
		"kasubbag.pk",
		[
			(
				"PK-01",
				"Persentase realisasi anggaran belanja kecamatan",
				"%",
				"Positif",
				95,
				(22, 25, 25, 23),
				"21,3",
				PENGHAMBAT,
			),
			(
				"PK-02",
				"Jumlah laporan keuangan bulanan yang tersusun tepat waktu",
				"dokumen",
				"Positif",
				12,
				(3, 3, 3, 3),
				"3",
				PENDORONG,
			),
			(
				"PK-03",
				"Persentase SPJ yang diverifikasi paling lambat 3 hari kerja",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"97",
				PENGHAMBAT,
			),
		],
	),
]

# each unit's singkatan, the label of its bar in the managers' chart
SINGKATAN = {
	"Sekretariat": "Sekret",
	"Seksi Pemerintahan": "Pem",
	"Seksi Ketentraman dan Ketertiban Umum": "Trantib",
	"Seksi Pemberdayaan Masyarakat Desa": "PMD",
	"Subbag Perencanaan dan Keuangan": "Renkeu",
}
