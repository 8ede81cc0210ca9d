//! The templates page's words, Bahasa Indonesia and English, in the console's chunk. "Templat tanggapan" is the
//! glossary's; the step names are the report page's (`report::words::step_key`).

use crate::console::i18n::{PageWords, Table};

/// The page's words (its own tables, `ID` and `EN` below).
pub type TemplateWords = PageWords;

pub fn use_template_words() -> TemplateWords {
    PageWords::new(ID, EN)
}

pub const ID: Table = &[
    ("title", "Templat tanggapan"),
    ("lead", "Pesan baku untuk setiap langkah, ditawarkan kepada petugas pada formulir langkah laporan dan diisi otomatis untuk laporan itu. Petugas masih dapat mengubahnya sebelum mengirim."),
    ("officer", "Templat tanggapan dikelola oleh admin. Anda memilihnya pada formulir langkah di halaman laporan."),
    ("read_only", "Sebagai pengawas, Anda dapat membaca templat tetapi tidak dapat mengubahnya."),
    ("loading", "Memuat templat…"),
    ("empty", "Belum ada templat untuk langkah ini."),
    ("all_categories", "Semua kategori"),
    ("text_id", "Teks Bahasa Indonesia"),
    ("text_en", "Teks bahasa Inggris"),
    ("updated", "Terakhir diubah oleh {who}"),
    ("edit", "Ubah"),
    ("edit_named", "Ubah templat {title}"),
    ("delete", "Hapus"),
    ("delete_named", "Hapus templat {title}"),
    ("delete_confirm", "Hapus templat “{title}”? Templat ini tidak lagi ditawarkan pada formulir langkah. Tindakan ini tidak dapat dibatalkan."),
    ("delete_yes", "Ya, hapus templat"),
    ("cancel", "Batal"),
    ("form.new", "Templat baru"),
    ("form.edit", "Ubah templat"),
    ("field.action", "Langkah"),
    ("field.action_hint", "Templat ditawarkan pada langkah ini."),
    ("field.action_choose", "Pilih langkah"),
    ("field.category", "Kategori"),
    ("field.category_hint", "Pilih “Semua kategori” agar ditawarkan untuk setiap laporan."),
    ("field.title", "Judul templat"),
    ("field.title_hint", "Nama singkat yang dilihat petugas di daftar pilihan, paling banyak {max} karakter."),
    ("field.text_id", "Teks Bahasa Indonesia"),
    ("field.text_en", "Teks bahasa Inggris"),
    ("field.text_hint", "Paling banyak {max} karakter. Kata pengganti yang diisi untuk setiap laporan: {placeholders}."),
    ("save_new", "Simpan templat"),
    ("save_edit", "Simpan perubahan"),
    ("saved", "Templat “{title}” tersimpan."),
    ("deleted", "Templat “{title}” dihapus."),
    ("error.action", "Pilih langkah yang mengirim pesan kepada pelapor"),
    ("error.category", "Pilih kategori dari daftar"),
    ("error.title_required", "Tulis judul templat"),
    ("error.title_too_long", "Judul paling banyak {max} karakter"),
    ("error.title_invalid", "Judul hanya satu baris, tanpa karakter tersembunyi"),
    ("error.text_id_required", "Tulis teks Bahasa Indonesia"),
    ("error.text_en_required", "Tulis teks bahasa Inggris"),
    ("error.text_too_long", "Teks paling banyak {max} karakter"),
    ("error.text_invalid", "Hapus karakter tersembunyi dari teks"),
    ("refused.forbidden", "Hanya admin yang dapat mengubah templat tanggapan."),
    ("refused.gone", "Templat ini sudah dihapus oleh admin lain. Daftar telah dimuat ulang."),
    ("refused.failed", "Belum tersimpan: jaringan atau server bermasalah. Isian Anda tetap ada; coba lagi."),
];

pub const EN: Table = &[
    ("title", "Response templates"),
    ("lead", "Standard messages for each step, offered to staff on a report's step form and filled in for that report. Staff can still edit them before sending."),
    ("officer", "Response templates are managed by administrators. You choose them on the step form of a report's page."),
    ("read_only", "As a supervisor you can read the templates but cannot change them."),
    ("loading", "Loading templates…"),
    ("empty", "No template for this step yet."),
    ("all_categories", "All categories"),
    ("text_id", "Indonesian text"),
    ("text_en", "English text"),
    ("updated", "Last changed by {who}"),
    ("edit", "Edit"),
    ("edit_named", "Edit template {title}"),
    ("delete", "Delete"),
    ("delete_named", "Delete template {title}"),
    ("delete_confirm", "Delete the template “{title}”? It will no longer be offered on the step form. This cannot be undone."),
    ("delete_yes", "Yes, delete the template"),
    ("cancel", "Cancel"),
    ("form.new", "New template"),
    ("form.edit", "Edit template"),
    ("field.action", "Step"),
    ("field.action_hint", "The template is offered at this step."),
    ("field.action_choose", "Choose a step"),
    ("field.category", "Category"),
    ("field.category_hint", "Choose “All categories” to offer it for every report."),
    ("field.title", "Template title"),
    ("field.title_hint", "A short name staff see in the list, at most {max} characters."),
    ("field.text_id", "Indonesian text"),
    ("field.text_en", "English text"),
    ("field.text_hint", "At most {max} characters. Placeholders filled in for each report: {placeholders}."),
    ("save_new", "Save template"),
    ("save_edit", "Save changes"),
    ("saved", "Template “{title}” saved."),
    ("deleted", "Template “{title}” deleted."),
    ("error.action", "Choose a step that sends a message to the reporter"),
    ("error.category", "Choose a category from the list"),
    ("error.title_required", "Enter the template's title"),
    ("error.title_too_long", "The title can be at most {max} characters"),
    ("error.title_invalid", "The title is one line, without hidden characters"),
    ("error.text_id_required", "Enter the Indonesian text"),
    ("error.text_en_required", "Enter the English text"),
    ("error.text_too_long", "The text can be at most {max} characters"),
    ("error.text_invalid", "Remove the hidden characters from the text"),
    ("refused.forbidden", "Only an administrator can change response templates."),
    ("refused.gone", "Another administrator has deleted this template. The list has been reloaded."),
    ("refused.failed", "Not saved: the network or the server failed. Your entries are kept; try again."),
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
        let chosen = super::super::rules::KEYS_CHOSEN_IN_CODE;
        crate::console::i18n::tests::assert_words_used_exist(ID, "templates", &["words.word(\""], &chosen, 21);
    }

    #[test]
    fn glossary_words_are_used_exactly() {
        assert_eq!(pick(Lang::Id, ID, EN, "title"), "Templat tanggapan");
    }
}
