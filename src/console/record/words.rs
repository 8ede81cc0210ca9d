//! The desk page's words, Bahasa Indonesia and English, in the console's chunk. "Kanal" and the channels' names
//! are the glossary's (`components::stats::channels`); the citizen's form brings its own words.

use crate::console::i18n::{PageWords, Table};

pub fn use_record_words() -> PageWords {
    PageWords::new(ID, EN)
}

pub const ID: Table = &[
    ("title", "Catat laporan"),
    ("lead", "Ketik laporan yang masuk lewat kotak saran, telepon, SMS, surat, atau datang langsung, dengan aturan dan formulir yang sama dengan laporan warga. Tanda terimanya (nomor tiket dan kode akses) dapat dicetak untuk pelapor."),
    ("admins_only", "Hanya admin yang dapat mencatat laporan dari kanal lain. Minta admin untuk mencatatnya."),
    ("channel.hint", "Dari mana laporan ini datang?"),
    ("channel.required", "Pilih kanal laporan ini"),
    ("another", "Catat laporan lain"),
];

pub const EN: Table = &[
    ("title", "Record a report"),
    ("lead", "Type in a report that came by suggestion box, phone, SMS, letter or walk-in, with the same rules and form as a citizen's report. Its receipt (ticket and access code) can be printed for the reporter."),
    ("admins_only", "Only administrators record reports from the other channels. Ask an administrator to record it."),
    ("channel.hint", "How did this report come in?"),
    ("channel.required", "Choose the channel this report came by"),
    ("another", "Record another report"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::i18n::tests::assert_same_keys;

    #[test]
    fn both_languages_have_every_word() {
        assert_same_keys(ID, EN);
    }

    #[test]
    fn every_word_used_exists() {
        crate::console::i18n::tests::assert_words_used_exist(ID, "record", &[".word(\""], &[], 5);
    }
}
