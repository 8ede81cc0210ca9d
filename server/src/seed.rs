//! Reference data (agencies, categories, regions) and the demo city, Kota Sukamaju: a fictional but
//! believable Indonesian municipality. The demo reports are deterministic for a given seed and seeding day.

use aduan_core::{
    Actor, Agency, Category, Kind, Limits, NewReport, Portal, Region, Reporter, SlaRules, Status, WorkingCalendar,
};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rusqlite::params;

use crate::db::Db;
use crate::store::{apply_transition, insert_report, Transition};

const REGIONS: &[(&str, &str)] = &[
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

const AGENCIES: &[(&str, &str, &str)] = &[
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

struct CategorySeed {
    id: &'static str,
    name: &'static str,
    name_en: &'static str,
    weight: u32,
    agencies: &'static [&'static str],
    titles: &'static [&'static str],
}

const CATEGORIES: &[CategorySeed] = &[
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

const ASPIRATIONS: &[(&str, &str)] = &[
    ("Usulan taman bermain anak di {place}", "disperkim"),
    ("Usulan penambahan halte bus di {place}", "dishub"),
    ("Mohon pelatihan UMKM di tingkat kelurahan", "disdag"),
    ("Usulan jalur sepeda di {place}", "dishub"),
    ("Usulan lapangan olahraga untuk pemuda", "dispora"),
    ("Usulan Wi-Fi gratis di taman kota", "diskominfo"),
];

const INFORMATION: &[(&str, &str)] = &[
    ("Informasi jadwal imunisasi anak", "dinkes"),
    ("Syarat pembuatan Kartu Identitas Anak", "disdukcapil"),
    ("Informasi pendaftaran beasiswa daerah", "disdik"),
    ("Informasi jadwal pengangkutan sampah", "dlh"),
    ("Informasi program pupuk bersubsidi", "distan"),
];

const PLACES: &[&str] = &[
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

const DETAILS: &[&str] = &[
    "Kondisi ini sudah berlangsung lebih dari dua minggu.",
    "Sudah pernah disampaikan ke RT/RW tetapi belum ada tindakan.",
    "Banyak warga terdampak, terutama anak-anak dan lansia.",
    "Saya khawatir terjadi kecelakaan jika dibiarkan.",
    "Mohon ada kepastian kapan akan ditangani.",
];

const NAMES: &[&str] = &[
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

const REJECT_REASONS: &[&str] = &[
    "Laporan tidak dapat diproses karena informasi kurang lengkap. Silakan kirim laporan baru dengan lokasi yang jelas.",
    "Laporan ini sama dengan laporan lain yang sudah ditangani.",
    "Hal yang dilaporkan bukan kewenangan pemerintah kota.",
];

const RESOLUTIONS: &[&str] = &[
    "Petugas telah menangani laporan di lapangan. Terima kasih atas laporan Anda.",
    "Perbaikan telah selesai dilakukan.",
    "Informasi yang diminta telah disampaikan kepada pelapor.",
    "Telah dilakukan koordinasi dan penertiban bersama pihak terkait.",
];

/// Writes agencies, categories and regions when the tables are empty.
pub fn ensure_reference_data(db: &Db) -> rusqlite::Result<()> {
    db.with_writer(|conn| {
        let empty: bool = conn.query_row("SELECT NOT EXISTS(SELECT 1 FROM agencies)", [], |r| r.get(0))?;
        if !empty {
            return Ok(());
        }
        let tx = conn.transaction()?;
        for (id, name, group) in AGENCIES {
            tx.execute(
                "INSERT INTO agencies (id, name, grp) VALUES (?1, ?2, ?3)",
                params![id, name, group],
            )?;
        }
        for c in CATEGORIES {
            tx.execute(
                "INSERT INTO categories (id, name, name_en) VALUES (?1, ?2, ?3)",
                params![c.id, c.name, c.name_en],
            )?;
        }
        for (id, name) in REGIONS {
            tx.execute("INSERT INTO regions (id, name) VALUES (?1, ?2)", params![id, name])?;
        }
        tx.commit()
    })
}

pub fn load_portal(db: &Db, cal: &WorkingCalendar, name: &str) -> rusqlite::Result<Portal> {
    db.with_writer(|conn| {
        let agencies = conn
            .prepare("SELECT id, name, grp FROM agencies ORDER BY name")?
            .query_map([], |r| {
                Ok(Agency {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    group: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let categories = conn
            .prepare("SELECT id, name, name_en FROM categories ORDER BY rowid")?
            .query_map([], |r| {
                Ok(Category {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    name_en: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let regions = conn
            .prepare("SELECT id, name FROM regions ORDER BY name")?
            .query_map([], |r| {
                Ok(Region {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Portal {
            name: name.to_string(),
            kinds: Kind::ALL.to_vec(),
            categories,
            agencies,
            regions,
            limits: Limits::default(),
            sla: SlaRules::default(),
            holidays: cal.holidays().cloned().collect(),
            completion_target: 0.9,
        })
    })
}

struct Gen {
    rng: fastrand::Rng,
}

impl Gen {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.usize(..items.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    /// An agency for a category's agency list, where "kel"/"puskesmas" mean the one of the report's region.
    fn agency_for(&mut self, cat: &CategorySeed, region: &str) -> String {
        match *self.pick(cat.agencies) {
            "kel" => format!("kel-{region}"),
            "puskesmas" => {
                let ps: Vec<&str> = AGENCIES
                    .iter()
                    .map(|a| a.0)
                    .filter(|a| a.starts_with("puskesmas-"))
                    .collect();
                self.pick(&ps).to_string()
            }
            other => other.to_string(),
        }
    }

    /// A moment during office hours (08:00–16:00 WIB) on `day`, strictly after `after`.
    fn office_time(&mut self, day: NaiveDate, after: DateTime<Utc>) -> DateTime<Utc> {
        let minutes = self.rng.i64(8 * 60..16 * 60);
        let local = day.and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(minutes);
        let at = Utc.from_utc_datetime(&(local - Duration::hours(7)));
        if at > after {
            at
        } else {
            after + Duration::minutes(self.rng.i64(10..180))
        }
    }
}

/// Seeds `count` demo reports over the last 24 months when there are none yet. Returns how many it made.
pub fn seed_demo_if_empty(db: &Db, cal: &WorkingCalendar, count: usize, seed: u64) -> rusqlite::Result<usize> {
    db.with_writer(|conn| {
        let empty: bool = conn.query_row("SELECT NOT EXISTS(SELECT 1 FROM reports)", [], |r| r.get(0))?;
        if !empty || count == 0 {
            return Ok(0);
        }
        let now = Utc::now();
        let start = now - Duration::days(730);
        let sla = SlaRules::default();
        let mut g = Gen {
            rng: fastrand::Rng::with_seed(seed),
        };
        let span = (now - start).num_seconds();
        // Reports grow over time as the portal becomes known: draw with a density rising by half.
        let mut times: Vec<DateTime<Utc>> = (0..count)
            .map(|_| {
                let u = g.rng.f64();
                // Inverse of the distribution function of the density (1 + x) / 1.5 on [0, 1].
                let x = (1.0 + 3.0 * u).sqrt() - 1.0;
                start + Duration::seconds((x.min(1.0) * span as f64) as i64)
            })
            .collect();
        times.sort();
        let tx = conn.transaction()?;
        for created in times {
            seed_one(&tx, &mut g, cal, &sla, created, now)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(format!("{e:?}").into()))?;
        }
        tx.commit()?;
        Ok(count)
    })
}

fn seed_one(
    conn: &rusqlite::Connection,
    g: &mut Gen,
    cal: &WorkingCalendar,
    sla: &SlaRules,
    created: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let region = g.pick(REGIONS).0;
    let place = *g.pick(PLACES);
    let kind_roll = g.rng.f64();
    let cat = {
        let total: u32 = CATEGORIES.iter().map(|c| c.weight).sum();
        let mut n = g.rng.u32(..total);
        CATEGORIES
            .iter()
            .find(|c| {
                if n < c.weight {
                    true
                } else {
                    n -= c.weight;
                    false
                }
            })
            .unwrap()
    };
    let (kind, title, natural_agency) = if kind_roll < 0.76 {
        (
            Kind::Complaint,
            g.pick(cat.titles).to_string(),
            g.agency_for(cat, region),
        )
    } else if kind_roll < 0.9 {
        let (t, a) = *g.pick(ASPIRATIONS);
        (Kind::Aspiration, t.to_string(), a.to_string())
    } else {
        let (t, a) = *g.pick(INFORMATION);
        (Kind::Information, t.to_string(), a.to_string())
    };
    let title = title.replace("{place}", place);
    let region_name = REGIONS.iter().find(|r| r.0 == region).unwrap().1;
    let body = format!(
        "{title}. Lokasi di sekitar {place}, Kecamatan {region_name}. {} Mohon segera ditindaklanjuti. Terima kasih.",
        g.pick(DETAILS)
    );
    let anonymous = g.chance(0.15);
    let name = *g.pick(NAMES);
    let reporter = (!anonymous).then(|| Reporter {
        name: name.to_string(),
        email: if g.chance(0.7) {
            format!("{}@contoh.id", name.to_lowercase().replace(' ', "."))
        } else {
            String::new()
        },
        phone: format!("0812{:08}", g.rng.u32(..100_000_000)),
    });
    let report = NewReport {
        kind,
        title,
        body,
        incident_date: Some(cal.local_date(created) - Duration::days(g.rng.i64(0..10))),
        category_id: Some(cat.id.to_string()),
        agency_id: g.chance(0.3).then(|| natural_agency.clone()),
        region_id: Some(region.to_string()),
        address: place.to_string(),
        location: None,
        attachment_ids: vec![],
        anonymous,
        confidential: g.chance(0.08),
        reporter,
    };
    let mut bits = || g.rng.u64(..);
    let inserted = insert_report(conn, &report, created, cal, sla, &mut bits).map_err(|e| e.to_string())?;

    let day0 = cal.local_date(created);
    let mut at = created;
    let step = |g: &mut Gen,
                wd: u32,
                to: Status,
                actor: Actor,
                message: Option<String>,
                agency: Option<&str>,
                at: &mut DateTime<Utc>|
     -> Result<bool, String> {
        let day = cal.add_working_days(cal.local_date(*at).max(day0), wd);
        let when = g.office_time(day, *at);
        if when > now {
            return Ok(false);
        }
        *at = when;
        let t = Transition {
            to,
            at: when,
            actor,
            message: message.as_deref(),
            agency_id: agency,
        };
        apply_transition(conn, inserted.id, &t, cal, sla).map_err(|e| format!("{e:?}"))?;
        Ok(true)
    };

    if g.chance(0.06) {
        let reason = g.pick(REJECT_REASONS).to_string();
        let wd = g.rng.u32(1..=3);
        step(g, wd, Status::Rejected, Actor::Admin, Some(reason), None, &mut at)?;
        return Ok(());
    }
    let verify_wd = *g.pick(&[0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5]);
    if !step(
        g,
        verify_wd,
        Status::Verified,
        Actor::Admin,
        Some("Laporan telah diverifikasi dan akan diteruskan ke instansi yang berwenang.".into()),
        None,
        &mut at,
    )? {
        return Ok(());
    }
    let mut agency = natural_agency;
    let agency_name = |id: &str| {
        AGENCIES
            .iter()
            .find(|a| a.0 == id)
            .map(|a| a.1)
            .unwrap_or(id)
            .to_string()
    };
    let msg = format!("Laporan didisposisikan ke {}.", agency_name(&agency));
    let wd = g.rng.u32(0..=1);
    if !step(
        g,
        wd,
        Status::Dispositioned,
        Actor::Admin,
        Some(msg),
        Some(&agency),
        &mut at,
    )? {
        return Ok(());
    }
    if g.chance(0.05) {
        let other = AGENCIES[g.rng.usize(..AGENCIES.len())].0.to_string();
        if other != agency {
            let msg = format!(
                "Dikembalikan oleh {} karena bukan kewenangannya; didisposisikan ulang ke {}.",
                agency_name(&agency),
                agency_name(&other)
            );
            let wd = g.rng.u32(1..=2);
            if !step(
                g,
                wd,
                Status::Dispositioned,
                Actor::Admin,
                Some(msg),
                Some(&other),
                &mut at,
            )? {
                return Ok(());
            }
            agency = other;
        }
    }
    let escalate_due = cal.add_working_days(day0, sla.escalate_days);
    let escalate = |g: &mut Gen, at: &mut DateTime<Utc>| -> Result<(), String> {
        let when = g.office_time(escalate_due, *at);
        if when <= now {
            let t = Transition {
                to: Status::Escalated,
                at: when,
                actor: Actor::System,
                message: Some("Laporan belum diselesaikan dalam 60 hari kerja dan dieskalasi ke Ombudsman RI."),
                agency_id: None,
            };
            apply_transition(conn, inserted.id, &t, cal, sla).map_err(|e| format!("{e:?}"))?;
        }
        Ok(())
    };
    let response_roll = g.rng.f64();
    if response_roll < 0.07 {
        return escalate(g, &mut at);
    }
    let respond_wd = if response_roll < 0.55 {
        g.rng.u32(1..=5)
    } else if response_roll < 0.85 {
        g.rng.u32(6..=10)
    } else {
        g.rng.u32(11..=20)
    };
    let msg = format!("{} sedang menindaklanjuti laporan ini.", agency_name(&agency));
    if !step(
        g,
        respond_wd,
        Status::InProgress,
        Actor::Agency,
        Some(msg),
        None,
        &mut at,
    )? {
        return Ok(());
    }
    if g.chance(0.06) {
        return escalate(g, &mut at);
    }
    let finish_wd = g.rng.u32(0..=10);
    let resolution = g.pick(RESOLUTIONS).to_string();
    if !step(
        g,
        finish_wd,
        Status::Completed,
        Actor::Agency,
        Some(resolution),
        None,
        &mut at,
    )? {
        return Ok(());
    }
    if g.chance(0.45) {
        let rating = *g.pick(&[5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1]);
        conn.execute(
            "UPDATE reports SET rating = ?1, rating_comment = ?2 WHERE id = ?3",
            params![rating, Option::<String>::None, inserted.id],
        )
        .map_err(|e| e.to_string())?;
    }
    step(
        g,
        sla.auto_close_days,
        Status::Closed,
        Actor::System,
        Some("Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja.".into()),
        None,
        &mut at,
    )?;
    Ok(())
}
