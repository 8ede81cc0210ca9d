//! The monitoring page's words, Bahasa Indonesia and English, in the console's chunk. "Pemantauan" and
//! "Unduh CSV" are the glossary's; the columns follow the definitions of `aduan_core::monitoring`.

use crate::console::i18n::{PageWords, Table};

/// The page's words (its own tables, `ID` and `EN` below).
pub type MonitoringWords = PageWords;

pub fn use_monitoring_words() -> MonitoringWords {
    PageWords::new(ID, EN)
}

pub const ID: Table = &[
    ("title", "Pemantauan"),
    ("lead", "Kinerja setiap instansi atas laporan yang masuk pada periode dan filter yang dipilih, dengan peringkat instansi."),
    ("officer", "Pemantauan hanya untuk pengawas dan admin."),
    ("caption", "Kinerja per instansi, diurutkan menurut peringkat"),
    ("scroll", "Tabel kinerja per instansi, dapat digeser ke samping"),
    ("col.rank", "Peringkat"),
    ("col.agency", "Instansi"),
    ("col.received", "Diterima"),
    ("col.open", "Terbuka"),
    ("col.overdue", "Lewat batas waktu"),
    ("col.response", "Tanggapan awal sesuai batas waktu"),
    ("col.follow_up", "Tindak lanjut sesuai batas waktu"),
    ("col.completed", "Selesai"),
    ("col.median", "Median waktu tanggapan (hari kerja)"),
    ("col.rating", "Kepuasan (1–5)"),
    ("unassigned", "Belum ada instansi"),
    ("total", "Semua instansi"),
    ("not_ranked", "Tidak diperingkat"),
    ("rule", "Peringkat: bagian tanggapan awal sesuai batas waktu, lalu tingkat penyelesaian, lalu paling sedikit lewat batas waktu, lalu nama. Instansi dengan kurang dari {n} laporan pada periode ini ditampilkan tanpa peringkat."),
    ("empty", "Tidak ada laporan untuk filter ini."),
    ("csv_failed", "CSV tidak dapat diunduh. Coba lagi."),
];

pub const EN: Table = &[
    ("title", "Monitoring"),
    ("lead", "How each agency handles the reports received in the chosen period and filters, with the agencies' ranking."),
    ("officer", "Monitoring is for supervisors and administrators."),
    ("caption", "Performance by agency, in ranking order"),
    ("scroll", "Performance by agency table, scrolls sideways"),
    ("col.rank", "Rank"),
    ("col.agency", "Agency"),
    ("col.received", "Received"),
    ("col.open", "Open"),
    ("col.overdue", "Overdue now"),
    ("col.response", "Initial response within deadline"),
    ("col.follow_up", "Follow-up within deadline"),
    ("col.completed", "Completed"),
    ("col.median", "Median response time (working days)"),
    ("col.rating", "Satisfaction (1–5)"),
    ("unassigned", "No agency yet"),
    ("total", "All agencies"),
    ("not_ranked", "Not ranked"),
    ("rule", "Ranking: share of initial responses within deadline, then completion rate, then fewest overdue, then name. Agencies with fewer than {n} reports in the period are listed without a rank."),
    ("empty", "No reports match these filters."),
    ("csv_failed", "The CSV could not be downloaded. Try again."),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::i18n::pick;
    use crate::i18n::Lang;

    #[test]
    fn both_languages_have_the_same_keys() {
        crate::console::i18n::tests::assert_same_keys(ID, EN);
    }

    #[test]
    fn every_word_used_exists() {
        let columns = super::super::table::COLUMNS;
        crate::console::i18n::tests::assert_words_used_exist(ID, "monitoring", &[".word(\""], &columns, 21);
    }

    #[test]
    fn glossary_words_are_used_exactly() {
        assert_eq!(pick(Lang::Id, ID, EN, "title"), "Pemantauan");
        assert_eq!(pick(Lang::En, ID, EN, "title"), "Monitoring");
    }
}
