"""Kecamatan Batumandi, Kabupaten Balangan: the office of the SOP, with plausible data.

Each unit: (name, kind, head's Pejabat, indicators). Each indicator: (kode, uraian, satuan,
jenis, annual target, quarterly targets TW I–IV, realisasi TW I, faktor). Names other than the
Camat's (from the SOP itself) are invented.
"""

KECAMATAN = {
	"nama_kecamatan": "Batumandi",
	"kabupaten": "Balangan",
	"provinsi": "Kalimantan Selatan",
	"alamat": "Jalan Jenderal Ahmad Yani No. 10 RT. 04 Desa Batumandi",
	"kode_pos": "71671",
}
TAHUN = 2024
PASSWORD = "Kinerja#2024"  # every demo login's, Paringin's and the kabupaten's too
DOMAIN = "batumandi.test"  # its officers' logins: camat@batumandi.test, …

# its SOP as the seed numbers it, made from the kabupaten's procedure; its times are the procedure's
NOMOR_SOP = "067/001/KEC.BTM/BLG/2024"
SOP_TIMES = {}  # step → waktu where the kecamatan's SOP differs from the procedure
SOP_REVISED = None

# its history: the year's quarters archived, and the quarter in progress at step 4 with the units
# not yet submitted and those excused
ARCHIVED = ("I", "II", "III", "IV")
CURRENT = (TAHUN + 1, "I")
LATE = ("Seksi Ketentraman dan Ketertiban Umum", "Seksi Pemberdayaan Masyarakat Desa")
EXCUSED = {
	"Seksi Kesejahteraan Sosial": "Kepala seksi menjalani cuti sakit; data diserahkan pada triwulan berikut"
}
# the monitoring team finds one reported value off: 90 % is really 95 %
CORRECTION = (
	"TRA-03",
	{
		"hasil_verifikasi": "Tidak Sesuai",
		"nilai_terverifikasi": "95",
		"bukti_dilihat": "Buku register pengaduan",
	},
)

# the Camat as the SOP names him; the other officials are fictional
CAMAT = ("Abdul Khair, S.Pd", "198904131988041001", "Pembina (IV/a)", "Camat Batumandi")
SEKRETARIS = (
	"Hj. Noor Aida, S.Sos., M.AP",
	"197805122005022003",
	"Penata Tingkat I (III/d)",
	"Sekretaris Kecamatan",
)
PELAKSANA = ("Rizky Fadillah, S.Kom", "199507202020121004", "Penata Muda (III/a)", "Pelaksana Monev Kinerja")

PENGHAMBAT = {
	"faktor_penghambat": "Keterbatasan anggaran dan sarana pendukung",
	"tindak_lanjut": "Diusulkan tambahan anggaran pada perubahan APBD",
}
PENDORONG = {"faktor_pendorong": "Koordinasi yang baik dengan pemerintah desa"}

UNITS = [
	(
		"Sekretariat",
		"Sekretariat",
		SEKRETARIS,
		"sekretaris",
		[
			(
				"SEK-01",
				"Persentase dokumen perencanaan dan pelaporan yang tersusun tepat waktu",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"100",
				PENDORONG,
			),
			(
				"SEK-02",
				"Nilai Survei Kepuasan Masyarakat (SKM) pelayanan kecamatan",
				"nilai",
				"Nilai Akhir",
				82,
				(80, 80, 81, 82),
				"81,2",
				PENDORONG,
			),
			(
				"SEK-03",
				"Jumlah pengaduan masyarakat yang belum ditindaklanjuti",
				"pengaduan",
				"Negatif",
				4,
				(4, 4, 4, 4),
				"3",
				PENDORONG,
			),
			(
				"SEK-04",
				"Persentase surat masuk yang didisposisi dalam 1 hari kerja",
				"%",
				"Nilai Akhir",
				95,
				(95, 95, 95, 95),
				"92",
				PENGHAMBAT,
			),
		],
	),
	(
		"Subbag Umum dan Kepegawaian",
		"Subbag",
		("Ahmad Rifani, S.AP", "198203152009011002", "Penata (III/c)", "Kasubbag Umum dan Kepegawaian"),
		"umum",
		[
			(
				"UMP-01",
				"Persentase ASN yang mengisi e-Kinerja tepat waktu",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"96",
				PENGHAMBAT,
			),
			(
				"UMP-02",
				"Persentase barang milik daerah yang tercatat dan berlabel",
				"%",
				"Nilai Akhir",
				100,
				(85, 90, 95, 100),
				"85",
				PENDORONG,
			),
			(
				"UMP-03",
				"Jumlah hari keterlambatan pembayaran tagihan listrik, air dan telepon",
				"hari",
				"Negatif",
				0,
				(0, 0, 0, 0),
				"0",
				PENDORONG,
			),
			(
				"UMP-04",
				"Persentase ASN yang mengikuti pengembangan kompetensi",
				"%",
				"Positif",
				100,
				(25, 25, 25, 25),
				"20",
				PENGHAMBAT,
			),
			(
				"UMP-05",
				"Tingkat kehadiran apel pagi ASN",
				"%",
				"Nilai Akhir",
				95,
				(95, 95, 95, 95),
				"97,5",
				PENDORONG,
			),
		],
	),
	(
		"Subbag Perencanaan dan Keuangan",
		"Subbag",
		("Siti Rahmah, S.E", "198711082011012006", "Penata (III/c)", "Kasubbag Perencanaan dan Keuangan"),
		"kasubbag.pk",
		[
			(
				"PK-01",
				"Persentase realisasi anggaran belanja kecamatan",
				"%",
				"Positif",
				95,
				(20, 25, 25, 25),
				"18,4",
				PENGHAMBAT,
			),
			(
				"PK-02",
				"Jumlah dokumen laporan keuangan yang tersusun tepat waktu",
				"dokumen",
				"Positif",
				12,
				(3, 3, 3, 3),
				"3",
				PENDORONG,
			),
			(
				"PK-03",
				"Jumlah temuan pemeriksaan keuangan yang belum ditindaklanjuti",
				"temuan",
				"Negatif",
				2,
				(2, 2, 2, 2),
				"2",
				PENDORONG,
			),
			(
				"PK-04",
				"Persentase SPJ yang diverifikasi paling lambat 3 hari kerja",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"100",
				PENDORONG,
			),
		],
	),
	(
		"Seksi Pemerintahan",
		"Seksi",
		(
			"Muhammad Yusuf, S.IP",
			"198105232006041009",
			"Penata Tingkat I (III/d)",
			"Kepala Seksi Pemerintahan",
		),
		"pemerintahan",
		[
			(
				"PEM-01",
				"Jumlah desa yang menyampaikan Laporan Penyelenggaraan Pemerintahan Desa tepat waktu",
				"desa",
				"Positif",
				18,
				(18, 0, 0, 0),
				"17",
				PENGHAMBAT,
			),
			(
				"PEM-02",
				"Persentase desa yang menetapkan APBDes tepat waktu",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"94,4",
				PENGHAMBAT,
			),
			(
				"PEM-03",
				"Jumlah pembinaan administrasi pemerintahan desa",
				"kegiatan",
				"Positif",
				36,
				(9, 9, 9, 9),
				"10",
				PENDORONG,
			),
			(
				"PEM-04",
				"Jumlah sengketa batas desa yang belum terselesaikan",
				"kasus",
				"Negatif",
				1,
				(2, 2, 1, 1),
				"2",
				PENDORONG,
			),
			(
				"PEM-05",
				"Persentase rekomendasi administrasi kependudukan yang selesai 1 hari",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"100",
				PENDORONG,
			),
		],
	),
	(
		"Seksi Ketentraman dan Ketertiban Umum",
		"Seksi",
		("Syahrani, S.H", "197909142008011011", "Penata (III/c)", "Kepala Seksi Trantibum"),
		"trantibum",
		[
			(
				"TRA-01",
				"Jumlah patroli ketentraman dan ketertiban umum",
				"kali",
				"Positif",
				48,
				(12, 12, 12, 12),
				"13",
				PENDORONG,
			),
			(
				"TRA-02",
				"Jumlah pelanggaran ketertiban umum yang terjadi",
				"kasus",
				"Negatif",
				20,
				(7, 6, 5, 5),
				"6,5",
				PENDORONG,
			),
			(
				"TRA-03",
				"Persentase gangguan trantibum yang ditangani kurang dari 24 jam",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"90",
				PENGHAMBAT,
			),
			(
				"TRA-04",
				"Jumlah desa dengan Satlinmas aktif",
				"desa",
				"Nilai Akhir",
				18,
				(15, 16, 17, 18),
				"15",
				PENDORONG,
			),
			(
				"TRA-05",
				"Jumlah sosialisasi pencegahan kebakaran hutan dan lahan",
				"kegiatan",
				"Positif",
				8,
				(1, 3, 3, 1),
				"1",
				PENDORONG,
			),
		],
	),
	(
		"Seksi Pemberdayaan Masyarakat Desa",
		"Seksi",
		("Norhayati, S.Sos", "198402262010012014", "Penata (III/c)", "Kepala Seksi PMD"),
		"pmd",
		[
			(
				"PMD-01",
				"Persentase desa yang menyalurkan Dana Desa tahap I tepat waktu",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"88,9",
				PENGHAMBAT,
			),
			(
				"PMD-02",
				"Jumlah BUMDes aktif yang dibina",
				"BUMDes",
				"Nilai Akhir",
				12,
				(10, 10, 11, 12),
				"10",
				PENDORONG,
			),
			(
				"PMD-03",
				"Jumlah musyawarah perencanaan pembangunan desa yang difasilitasi",
				"kegiatan",
				"Positif",
				18,
				(18, 0, 0, 0),
				"18",
				PENDORONG,
			),
			(
				"PMD-04",
				"Persentase kegiatan fisik Dana Desa sesuai spesifikasi teknis",
				"%",
				"Nilai Akhir",
				100,
				(100, 100, 100, 100),
				"95",
				PENGHAMBAT,
			),
			(
				"PMD-05",
				"Jumlah kader pemberdayaan masyarakat desa yang dilatih",
				"orang",
				"Positif",
				36,
				(0, 18, 18, 0),
				None,
				None,
			),
		],
	),
	(
		"Seksi Kesejahteraan Sosial",
		"Seksi",
		(
			"H. Rahmadi, S.Ag",
			"197612182003121005",
			"Penata Tingkat I (III/d)",
			"Kepala Seksi Kesejahteraan Sosial",
		),
		"kesos",
		[
			(
				"KES-01",
				"Persentase data DTKS desa yang dimutakhirkan",
				"%",
				"Positif",
				100,
				(25, 25, 25, 25),
				"27",
				PENDORONG,
			),
			(
				"KES-02",
				"Jumlah penyaluran bantuan sosial yang dipantau",
				"kegiatan",
				"Positif",
				12,
				(3, 3, 3, 3),
				"3",
				PENDORONG,
			),
			(
				"KES-03",
				"Jumlah kasus gizi buruk pada balita",
				"kasus",
				"Negatif",
				3,
				(3, 3, 3, 3),
				"4",
				PENGHAMBAT,
			),
			(
				"KES-04",
				"Persentase rumah ibadah yang dibina",
				"%",
				"Nilai Akhir",
				80,
				(70, 75, 80, 80),
				"72",
				PENDORONG,
			),
			(
				"KES-05",
				"Jumlah kegiatan keagamaan dan sosial kemasyarakatan yang difasilitasi",
				"kegiatan",
				"Positif",
				24,
				(6, 6, 6, 6),
				"8",
				PENDORONG,
			),
		],
	),
]

# each unit's singkatan, the label of its bar in the managers' chart
SINGKATAN = {
	"Sekretariat": "Sekret",
	"Subbag Umum dan Kepegawaian": "Umpeg",
	"Subbag Perencanaan dan Keuangan": "Renkeu",
	"Seksi Pemerintahan": "Pem",
	"Seksi Ketentraman dan Ketertiban Umum": "Trantib",
	"Seksi Pemberdayaan Masyarakat Desa": "PMD",
	"Seksi Kesejahteraan Sosial": "Kessos",
}
