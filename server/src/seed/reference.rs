//! The demo city, Kota Sukamaju: a fictional but believable Indonesian municipality's agencies, categories and
//! districts, and the words its demo reports are made of.

use aduan_core::{Agency, Category, Region};

use crate::db::portal::ReferenceData;

pub const REGIONS: &[(&str, &str)] = &[
    ("sukamaju-utara", "Sukamaju Utara"),
    ("sukamaju-selatan", "Sukamaju Selatan"),
    ("sukamaju-timur", "Sukamaju Timur"),
    ("sukamaju-barat", "Sukamaju Barat"),
    ("sukamaju-tengah", "Sukamaju Tengah"),
    ("cempaka", "Cempaka"),
    ("melati", "Melati"),
    ("kenanga", "Kenanga"),
    ("pelabuhan", "Pelabuhan"),
    ("bukit-indah", "Bukit Indah"),
];

pub const AGENCIES: &[(&str, &str, &str)] = &[
    ("dinkes", "Dinas Kesehatan", "Dinas"),
    ("rsud", "RSUD Kota Sukamaju", "Rumah sakit"),
    ("puskesmas-utara", "Puskesmas Sukamaju Utara", "Puskesmas"),
    ("puskesmas-selatan", "Puskesmas Sukamaju Selatan", "Puskesmas"),
    ("puskesmas-cempaka", "Puskesmas Cempaka", "Puskesmas"),
    ("puskesmas-melati", "Puskesmas Melati", "Puskesmas"),
    ("puskesmas-kenanga", "Puskesmas Kenanga", "Puskesmas"),
    ("puskesmas-pelabuhan", "Puskesmas Pelabuhan", "Puskesmas"),
    ("dinas-pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas"),
    ("dishub", "Dinas Perhubungan", "Dinas"),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas"),
    ("satpol-pp", "Satuan Polisi Pamong Praja", "Badan dan satuan"),
    ("disdik", "Dinas Pendidikan", "Dinas"),
    ("dinsos", "Dinas Sosial", "Dinas"),
    ("dlh", "Dinas Lingkungan Hidup", "Dinas"),
    ("disperkim", "Dinas Perumahan dan Kawasan Permukiman", "Dinas"),
    ("pdam", "Perumda Air Minum Tirta Sukamaju", "BUMD"),
    ("disnaker", "Dinas Tenaga Kerja", "Dinas"),
    ("disdag", "Dinas Perdagangan", "Dinas"),
    ("damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", "Dinas"),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "Badan dan satuan"),
    ("bapenda", "Badan Pendapatan Daerah", "Badan dan satuan"),
    (
        "dpmptsp",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Dinas",
    ),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "Dinas"),
    ("dispora", "Dinas Pemuda dan Olahraga", "Dinas"),
    ("dispar", "Dinas Pariwisata", "Dinas"),
    ("distan", "Dinas Pertanian dan Ketahanan Pangan", "Dinas"),
    ("inspektorat", "Inspektorat Daerah", "Badan dan satuan"),
    ("kel-sukamaju-utara", "Kelurahan Sukamaju Utara", "Kelurahan"),
    ("kel-sukamaju-selatan", "Kelurahan Sukamaju Selatan", "Kelurahan"),
    ("kel-sukamaju-timur", "Kelurahan Sukamaju Timur", "Kelurahan"),
    ("kel-sukamaju-barat", "Kelurahan Sukamaju Barat", "Kelurahan"),
    ("kel-sukamaju-tengah", "Kelurahan Sukamaju Tengah", "Kelurahan"),
    ("kel-cempaka", "Kelurahan Cempaka", "Kelurahan"),
    ("kel-melati", "Kelurahan Melati", "Kelurahan"),
    ("kel-kenanga", "Kelurahan Kenanga", "Kelurahan"),
    ("kel-pelabuhan", "Kelurahan Pelabuhan", "Kelurahan"),
    ("kel-bukit-indah", "Kelurahan Bukit Indah", "Kelurahan"),
];

pub struct CategorySeed {
    pub id: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    pub weight: u32,
    pub agencies: &'static [&'static str],
    pub titles: &'static [&'static str],
}

pub const CATEGORIES: &[CategorySeed] = &[
    CategorySeed {
        id: "jalan",
        name: "Jalan, jembatan dan drainase",
        name_en: "Roads, bridges and drainage",
        weight: 18,
        agencies: &["dinas-pupr", "disperkim", "kel"],
        titles: &[
            "Jalan berlubang di {place}",
            "Drainase tersumbat di {place} menyebabkan genangan",
            "Lampu penerangan jalan mati di {place}",
            "Jembatan kayu rusak dekat {place}",
        ],
    },
    CategorySeed {
        id: "kesehatan",
        name: "Kesehatan",
        name_en: "Health",
        weight: 12,
        agencies: &["dinkes", "rsud", "puskesmas"],
        titles: &[
            "Antrean pasien BPJS di puskesmas terlalu lama",
            "Obat tidak tersedia di apotek RSUD",
            "Petugas IGD kurang ramah kepada pasien",
            "Jadwal dokter spesialis tidak sesuai pengumuman",
        ],
    },
    CategorySeed {
        id: "pendidikan",
        name: "Pendidikan",
        name_en: "Education",
        weight: 9,
        agencies: &["disdik"],
        titles: &[
            "Pungutan sekolah di luar ketentuan",
            "Atap ruang kelas SD di {place} bocor",
            "Pendaftaran PPDB daring sering gagal",
            "Dana PIP belum diterima siswa",
        ],
    },
    CategorySeed {
        id: "adminduk",
        name: "Administrasi kependudukan",
        name_en: "Civil registration",
        weight: 11,
        agencies: &["disdukcapil", "kel"],
        titles: &[
            "KTP elektronik belum jadi setelah tiga bulan",
            "Antrean akta kelahiran sangat panjang",
            "Data kartu keluarga salah cetak",
            "Layanan daring Disdukcapil tidak bisa diakses",
        ],
    },
    CategorySeed {
        id: "lingkungan",
        name: "Lingkungan hidup dan kebersihan",
        name_en: "Environment and waste",
        weight: 12,
        agencies: &["dlh", "kel"],
        titles: &[
            "Sampah menumpuk di {place}",
            "Truk sampah tidak datang selama seminggu",
            "Pembakaran sampah liar dekat permukiman",
            "Sungai di {place} tercemar limbah",
        ],
    },
    CategorySeed {
        id: "perhubungan",
        name: "Transportasi dan perhubungan",
        name_en: "Transport",
        weight: 8,
        agencies: &["dishub"],
        titles: &[
            "Lampu lalu lintas mati di simpang {place}",
            "Parkir liar memenuhi badan jalan di {place}",
            "Angkot berhenti sembarangan di {place}",
            "Rambu lalu lintas hilang di {place}",
        ],
    },
    CategorySeed {
        id: "ketertiban",
        name: "Ketertiban umum",
        name_en: "Public order",
        weight: 7,
        agencies: &["satpol-pp", "kel"],
        titles: &[
            "Pedagang kaki lima menutup trotoar di {place}",
            "Reklame liar dipasang di pohon {place}",
            "Kebisingan tempat hiburan malam",
            "Bangunan tanpa izin di {place}",
        ],
    },
    CategorySeed {
        id: "air-bersih",
        name: "Air bersih",
        name_en: "Clean water",
        weight: 7,
        agencies: &["pdam"],
        titles: &[
            "Air PDAM tidak mengalir tiga hari",
            "Air PDAM keruh dan berbau",
            "Pipa PDAM bocor di {place}",
            "Tagihan air naik tidak wajar",
        ],
    },
    CategorySeed {
        id: "sosial",
        name: "Sosial dan bantuan",
        name_en: "Social assistance",
        weight: 6,
        agencies: &["dinsos", "kel"],
        titles: &[
            "Bantuan sosial tidak tepat sasaran",
            "Lansia belum menerima bantuan langsung tunai",
            "Data DTKS belum diperbarui",
            "Anak jalanan di simpang {place}",
        ],
    },
    CategorySeed {
        id: "perizinan",
        name: "Perizinan dan investasi",
        name_en: "Permits and investment",
        weight: 4,
        agencies: &["dpmptsp"],
        titles: &[
            "Izin usaha lambat diproses",
            "Persyaratan PBG tidak jelas",
            "Sistem perizinan daring sering galat",
            "Diminta biaya tambahan saat mengurus izin",
        ],
    },
    CategorySeed {
        id: "ketenagakerjaan",
        name: "Ketenagakerjaan",
        name_en: "Employment",
        weight: 2,
        agencies: &["disnaker"],
        titles: &[
            "Upah pekerja di bawah UMK",
            "Kartu pencari kerja sulit diurus",
            "Pelatihan kerja tidak sesuai jadwal",
        ],
    },
    CategorySeed {
        id: "pajak",
        name: "Pajak dan retribusi daerah",
        name_en: "Local taxes and levies",
        weight: 2,
        agencies: &["bapenda", "disdag"],
        titles: &[
            "Tagihan PBB tidak sesuai luas tanah",
            "Pembayaran pajak daerah daring gagal",
            "Retribusi pasar dipungut dua kali",
        ],
    },
    CategorySeed {
        id: "bencana",
        name: "Kebencanaan",
        name_en: "Disasters",
        weight: 2,
        agencies: &["bpbd", "damkar"],
        titles: &[
            "Banjir setiap hujan deras di {place}",
            "Pohon tumbang menutup jalan di {place}",
            "Tanah longsor mengancam rumah warga di {place}",
        ],
    },
];

pub const ASPIRATIONS: &[(&str, &str)] = &[
    ("Usulan taman bermain anak di {place}", "disperkim"),
    ("Usulan penambahan halte bus di {place}", "dishub"),
    ("Mohon pelatihan UMKM di tingkat kelurahan", "disdag"),
    ("Usulan jalur sepeda di {place}", "dishub"),
    ("Usulan lapangan olahraga untuk pemuda", "dispora"),
    ("Usulan Wi-Fi gratis di taman kota", "diskominfo"),
];

pub const INFORMATION: &[(&str, &str)] = &[
    ("Informasi jadwal imunisasi anak", "dinkes"),
    ("Syarat pembuatan Kartu Identitas Anak", "disdukcapil"),
    ("Informasi pendaftaran beasiswa daerah", "disdik"),
    ("Informasi jadwal pengangkutan sampah", "dlh"),
    ("Informasi program pupuk bersubsidi", "distan"),
];

pub const PLACES: &[&str] = &[
    "Jl. Sudirman",
    "Jl. Ahmad Yani",
    "Jl. Diponegoro",
    "Jl. Gajah Mada",
    "Jl. Hasanuddin",
    "Jl. Pattimura",
    "Jl. Veteran",
    "Jl. Kartini",
    "Jl. Imam Bonjol",
    "Jl. Merdeka",
    "Gang Melati",
    "Jl. Pahlawan",
    "Pasar Raya",
    "Terminal Sukamaju",
    "Jl. Cut Nyak Dien",
];

pub const DETAILS: &[&str] = &[
    "Kondisi ini sudah berlangsung lebih dari dua minggu.",
    "Sudah pernah disampaikan ke RT/RW tetapi belum ada tindakan.",
    "Banyak warga terdampak, terutama anak-anak dan lansia.",
    "Saya khawatir terjadi kecelakaan jika dibiarkan.",
    "Mohon ada kepastian kapan akan ditangani.",
];

pub const NAMES: &[&str] = &[
    "Siti Aminah",
    "Budi Santoso",
    "Dewi Lestari",
    "Agus Saputra",
    "Rina Wulandari",
    "Andi Pratama",
    "Nur Hidayah",
    "Hendra Gunawan",
    "Yuni Kartika",
    "Rudi Hartono",
    "Fitri Handayani",
    "Joko Susilo",
    "Maria Simanjuntak",
    "I Made Suardana",
    "Ahmad Fauzi",
    "Lina Marlina",
];

pub const REJECT_REASONS: &[&str] = &[
    "Laporan tidak dapat diproses karena informasi kurang lengkap. Silakan kirim laporan baru dengan lokasi yang jelas.",
    "Laporan ini sama dengan laporan lain yang sudah ditangani.",
    "Hal yang dilaporkan bukan kewenangan pemerintah kota.",
];

pub const RESOLUTIONS: &[&str] = &[
    "Petugas telah menangani laporan di lapangan. Terima kasih atas laporan Anda.",
    "Perbaikan telah selesai dilakukan.",
    "Informasi yang diminta telah disampaikan kepada pelapor.",
    "Telah dilakukan koordinasi dan penertiban bersama pihak terkait.",
];

/// The demo city's lists, in the order they are stored (categories keep it; the portal lists them so).
pub fn reference_data() -> ReferenceData {
    ReferenceData {
        agencies: AGENCIES
            .iter()
            .map(|(id, name, group)| Agency {
                id: id.to_string(),
                name: name.to_string(),
                group: Some(group.to_string()),
            })
            .collect(),
        categories: CATEGORIES
            .iter()
            .map(|c| Category {
                id: c.id.to_string(),
                name: c.name.to_string(),
                name_en: Some(c.name_en.to_string()),
            })
            .collect(),
        regions: REGIONS
            .iter()
            .map(|(id, name)| Region {
                id: id.to_string(),
                name: name.to_string(),
            })
            .collect(),
    }
}
