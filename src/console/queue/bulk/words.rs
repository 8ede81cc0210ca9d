//! The queue's bulk selection words, Bahasa Indonesia and English, in the console's chunk. The step names
//! ("Verifikasi", "Teruskan ke instansi") and the form's field words are the report page's (`report::words`), so
//! that a step reads the same in the queue and on a report.

use crate::console::i18n::{PageWords, Table};

/// The selection's words (its own tables, `ID` and `EN` below).
pub type BulkWords = PageWords;

pub fn use_bulk_words() -> BulkWords {
    PageWords::new(ID, EN)
}

pub const ID: Table = &[
    ("pick", "Pilih {ticket}"),
    ("pick_all", "Pilih semua di halaman ini"),
    ("title", "Langkah untuk laporan yang dipilih"),
    ("selected.one", "{n} laporan dipilih"),
    ("selected.other", "{n} laporan dipilih"),
    ("clear", "Batalkan pilihan"),
    ("message_hint", "Tidak wajib. Dikirim sama untuk setiap laporan yang dipilih dan tampil di halaman pelacakannya atas nama peran Anda."),
    ("sending", "Mengirim…"),
    ("done.verify.one", "{n} laporan diverifikasi"),
    ("done.verify.other", "{n} laporan diverifikasi"),
    ("done.forward.one", "{n} laporan diteruskan ke instansi"),
    ("done.forward.other", "{n} laporan diteruskan ke instansi"),
    ("failed.one", "{n} laporan tidak dapat diproses:"),
    ("failed.other", "{n} laporan tidak dapat diproses:"),
    ("failed_kept", "Laporan yang gagal tetap dipilih."),
    ("reason.conflict", "sudah dipindahkan oleh petugas lain, atau statusnya tidak memungkinkan langkah ini"),
    ("reason.not_found", "laporan tidak ditemukan"),
    ("reason.forbidden", "peran Anda tidak dapat mengambil langkah ini"),
    ("reason.invalid", "isian ditolak untuk laporan ini"),
    ("reason.failed", "belum tersimpan: server bermasalah"),
    ("refused", "Belum terkirim: jaringan atau server bermasalah. Pilihan Anda tetap ada; coba lagi."),
    ("refused_role", "Hanya admin yang dapat mengambil langkah untuk beberapa laporan sekaligus."),
];

pub const EN: Table = &[
    ("pick", "Select {ticket}"),
    ("pick_all", "Select all on this page"),
    ("title", "Step for the selected reports"),
    ("selected.one", "{n} report selected"),
    ("selected.other", "{n} reports selected"),
    ("clear", "Clear selection"),
    (
        "message_hint",
        "Optional. The same message goes to every selected report and is shown on its tracking page under your role.",
    ),
    ("sending", "Sending…"),
    ("done.verify.one", "{n} report verified"),
    ("done.verify.other", "{n} reports verified"),
    ("done.forward.one", "{n} report forwarded to the agency"),
    ("done.forward.other", "{n} reports forwarded to the agency"),
    ("failed.one", "{n} report could not be processed:"),
    ("failed.other", "{n} reports could not be processed:"),
    ("failed_kept", "The reports that failed stay selected."),
    (
        "reason.conflict",
        "someone else has moved it, or its status does not allow this step",
    ),
    ("reason.not_found", "no such report"),
    ("reason.forbidden", "your role cannot take this step"),
    ("reason.invalid", "the entries were refused for this report"),
    ("reason.failed", "not saved: the server failed"),
    (
        "refused",
        "Not sent: the network or the server failed. Your selection is kept; try again.",
    ),
    (
        "refused_role",
        "Only an administrator can take a step for several reports at once.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        crate::console::i18n::tests::assert_same_keys(ID, EN);
    }

    #[test]
    fn every_word_used_exists() {
        let chosen = super::super::outcome::KEYS_CHOSEN_IN_CODE;
        crate::console::i18n::tests::assert_words_used_exist(ID, "queue/bulk", &["bulk_words.word(\""], &chosen, 9);
    }
}
