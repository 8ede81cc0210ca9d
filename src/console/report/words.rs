//! The report page's words, Bahasa Indonesia and English: its own pair of tables beside the console's
//! (`crate::console::i18n`), so that the two pages' words are edited apart. Button names and section titles
//! from the glossary ("Staff console" section of shared/ui-glossary.md) are used exactly. Look a word up with
//! the `word` method of [`use_report_words`].

use aduan_core::StepAction;

use crate::console::i18n::{PageWords, Table};

/// The page's words (its own tables, `ID` and `EN` below).
pub type ReportWords = PageWords;

pub fn use_report_words() -> ReportWords {
    PageWords::new(ID, EN)
}

/// The glossary's button name of a step.
pub fn step_key(action: StepAction) -> &'static str {
    match action {
        StepAction::Verify => "action.verify",
        StepAction::Reject => "action.reject",
        StepAction::Forward => "action.forward",
        StepAction::InitialResponse => "action.initial_response",
        StepAction::FollowUp => "action.follow_up",
        StepAction::Complete => "action.complete",
        StepAction::HandBack => "action.not_our_remit",
    }
}

/// The words for an audit entry's `action`: a step by its button name, a note and a correction by theirs;
/// `None` for an action this console does not know (shown as the server names it).
pub fn audit_action_key(action: &str) -> Option<&'static str> {
    match action {
        "note" => Some("audit.note"),
        "correct" => Some("audit.correct"),
        "record" => Some("audit.record"),
        "mark_duplicate" => Some("action.mark_duplicate"),
        other => StepAction::parse(other).map(step_key),
    }
}

pub const ID: Table = &[
    ("report.title", "Laporan {ticket}"),
    ("report.back", "Kembali ke antrean kerja"),
    ("report.loading", "Memuat laporan…"),
    ("report.not_found", "Laporan dengan nomor tiket ini tidak ada, atau tidak diteruskan ke instansi Anda."),
    ("report.failed", "Laporan belum dapat dimuat: jaringan atau server bermasalah."),
    ("report.retry", "Muat ulang laporan"),
    ("report.details", "Rincian laporan"),
    ("report.staff_only", "Hanya untuk petugas: identitas pelapor dan isi laporan rahasia tidak boleh dibagikan."),
    ("field.kind", "Klasifikasi laporan"),
    ("field.title", "Judul laporan"),
    ("field.body", "Isi laporan"),
    ("field.category", "Kategori"),
    ("field.agency", "Instansi tujuan"),
    ("field.region", "Lokasi kejadian"),
    ("field.address", "Alamat atau patokan"),
    ("field.incident_date", "Tanggal kejadian"),
    ("field.submitted", "Dikirim"),
    ("field.channel", "Kanal"),
    ("field.confidential", "Rahasia"),
    ("field.anonymous", "Anonim"),
    ("field.reporter", "Pelapor"),
    ("field.attachments", "Lampiran"),
    ("field.supports", "Dukungan warga"),
    ("field.handed_back", "Dikembalikan oleh instansi"),
    ("value.yes", "Ya"),
    ("value.no", "Tidak"),
    ("value.none", "—"),
    ("value.agency_pending", "Belum ditentukan"),
    ("value.anonymous", "Tidak ada: laporan anonim"),
    ("value.handed_back", "Ya: bukan wewenang instansi itu, perlu diteruskan ke instansi lain"),
    ("attachments.none", "Tidak ada lampiran."),
    ("attachments.failed", "Lampiran belum dapat diunduh. Coba lagi."),
    ("audit", "Jejak audit"),
    ("audit.lead", "Setiap langkah, catatan dan koreksi, dengan akun yang melakukannya. Tidak tampil untuk publik."),
    ("audit.none", "Belum ada tindakan petugas."),
    ("audit.at", "Waktu"),
    ("audit.who", "Petugas"),
    ("audit.role", "Peran"),
    ("audit.action", "Tindakan"),
    ("audit.message", "Pesan"),
    ("audit.note", "Catatan internal"),
    ("audit.correct", "Koreksi laporan"),
    ("audit.record", "Dicatat dari kanal lain"),
    ("internal_note", "Catatan internal"),
    ("notes.lead", "Hanya terlihat oleh petugas, tidak pernah oleh pelapor atau publik."),
    ("notes.none", "Belum ada catatan internal."),
    ("notes.new", "Tambah catatan internal"),
    ("notes.save", "Simpan catatan"),
    ("notes.saved", "Catatan tersimpan."),
    ("notes.required", "Tulis catatannya"),
    ("steps.title", "Langkah berikutnya"),
    ("templates.choose", "Templat tanggapan"),
    ("templates.choose_hint", "Mengisi pesan dengan templat untuk laporan ini; Anda tetap dapat mengubahnya sebelum mengirim."),
    ("templates.none", "Tanpa templat"),
    ("templates.language", "Bahasa templat"),
    ("templates.replace_confirm", "Ganti pesan yang sudah Anda ketik dengan templat ini?"),
    ("templates.unavailable", "Templat tanggapan tidak dapat dimuat saat ini; tulis pesan Anda sendiri atau muat ulang halaman."),
    ("steps.message", "Pesan untuk pelapor"),
    ("steps.message_hint", "Tampil di halaman pelacakan laporan atas nama peran Anda, tanpa nama Anda."),
    ("steps.message_needed", "Wajib untuk: {steps}."),
    ("steps.agency", "Instansi tujuan"),
    ("steps.agency_hint", "Untuk {step}."),
    ("steps.agency_choose", "Pilih instansi"),
    ("steps.none", "Tidak ada langkah yang dapat Anda ambil pada status laporan ini."),
    ("steps.read_only", "Sebagai pengawas, Anda dapat membaca seluruh laporan tetapi tidak dapat mengubah apa pun."),
    ("steps.done", "{step}: tersimpan. Status laporan sekarang: {status}."),
    ("steps.message_required", "Tulis pesan untuk pelapor: {step} memerlukannya"),
    ("steps.message_too_long", "Pesan paling banyak {max} karakter"),
    ("steps.message_invalid", "Hapus karakter tersembunyi dari pesan"),
    ("steps.agency_required", "Pilih instansi tujuan untuk {step}"),
    ("steps.agency_same", "Laporan ini sudah ada di instansi tersebut: pilih instansi lain"),
    ("steps.conflict", "Laporan ini baru saja dipindahkan oleh petugas lain, sehingga langkah ini tidak dapat diambil lagi. Muat ulang laporan untuk melihat keadaannya sekarang."),
    ("steps.forbidden", "Peran Anda tidak dapat mengambil langkah ini."),
    ("steps.gone", "Laporan ini tidak lagi berada di instansi Anda."),
    ("steps.failed", "Belum tersimpan: jaringan atau server bermasalah. Teks Anda tetap ada; coba lagi."),
    ("action.mark_duplicate", "Tandai duplikat"),
    ("duplicate.lead", "Laporan ini ditutup dan pelapornya diarahkan ke laporan utama; dukungan warga pindah ke sana, dan statistik menghitung laporan utama saja."),
    ("duplicate.ticket", "Nomor tiket laporan utama"),
    ("duplicate.ticket_hint", "9 karakter, misalnya K7M-3Q9-XRT."),
    ("duplicate.err_empty", "Masukkan nomor tiket laporan utama"),
    ("duplicate.err_length", "Nomor tiket terdiri dari 9 karakter"),
    ("duplicate.err_char", "Nomor tiket tidak memakai huruf O, I, L, angka 0, angka 1, atau tanda baca"),
    ("duplicate.err_typo", "Nomor tiket ini salah ketik: periksa setiap karakternya"),
    ("duplicate.unknown", "Tidak ada laporan dengan nomor tiket ini"),
    ("duplicate.of_itself", "Laporan tidak dapat menjadi duplikat dirinya sendiri: masukkan tiket laporan lain"),
    ("duplicate.main_is_duplicate", "Laporan itu sendiri duplikat dari laporan lain: masukkan tiket laporan utamanya"),
    ("duplicate.has_duplicates", "Laporan ini adalah laporan utama bagi duplikat lain, sehingga tidak dapat ditandai duplikat"),
    ("duplicate.already_duplicate", "Laporan ini sudah ditandai duplikat. Muat ulang laporan untuk melihat keadaannya sekarang"),
    ("duplicate.finished", "Laporan yang ditolak, selesai, atau ditutup tidak dapat ditandai duplikat"),
    ("duplicate.done", "Laporan ditandai duplikat dan ditutup. Pelapor diarahkan ke laporan utama."),
    ("duplicate.is_duplicate", "Duplikat dari laporan"),
    ("duplicate.list", "Duplikat laporan ini"),
    ("correction.title", "Koreksi laporan"),
    ("correction.lead", "Perbaiki pilihan pelapor. Alasannya tercatat di jejak audit; koreksi tidak tampil di riwayat penanganan publik."),
    ("correction.reason", "Alasan koreksi"),
    ("correction.reason_hint", "Tercatat di jejak audit bersama nama Anda."),
    ("correction.save", "Simpan koreksi"),
    ("correction.saved", "Koreksi tersimpan."),
    ("correction.reason_required", "Tulis alasan koreksi"),
    ("correction.unchanged", "Belum ada yang diubah: ubah salah satu isian di atas"),
    ("correction.category_unknown", "Pilih kategori dari daftar"),
    ("correction.region_unknown", "Pilih lokasi dari daftar"),
    ("action.verify", "Verifikasi"),
    ("action.reject", "Tolak"),
    ("action.forward", "Teruskan ke instansi"),
    ("action.initial_response", "Kirim tanggapan awal"),
    ("action.follow_up", "Kirim tindak lanjut"),
    ("action.complete", "Selesaikan"),
    ("action.not_our_remit", "Bukan wewenang kami"),
];

pub const EN: Table = &[
    ("report.title", "Report {ticket}"),
    ("report.back", "Back to the work queue"),
    ("report.loading", "Loading the report…"),
    ("report.not_found", "There is no report with this ticket number, or it was not forwarded to your agency."),
    ("report.failed", "The report could not be loaded: the network or the server failed."),
    ("report.retry", "Reload the report"),
    ("report.details", "Report details"),
    ("report.staff_only", "For staff only: do not share the reporter's identity or a confidential report's content."),
    ("field.kind", "Type of report"),
    ("field.title", "Report title"),
    ("field.body", "Report details"),
    ("field.category", "Category"),
    ("field.agency", "Agency"),
    ("field.region", "Location"),
    ("field.address", "Address or landmark"),
    ("field.incident_date", "Date of incident"),
    ("field.submitted", "Sent"),
    ("field.channel", "Channel"),
    ("field.confidential", "Confidential"),
    ("field.anonymous", "Anonymous"),
    ("field.reporter", "Reporter"),
    ("field.attachments", "Attachments"),
    ("field.supports", "Citizens' support"),
    ("field.handed_back", "Handed back by the agency"),
    ("value.yes", "Yes"),
    ("value.no", "No"),
    ("value.none", "—"),
    ("value.agency_pending", "Not chosen yet"),
    ("value.anonymous", "None: an anonymous report"),
    ("value.handed_back", "Yes: not that agency's remit, to be forwarded to another"),
    ("attachments.none", "No attachments."),
    ("attachments.failed", "The attachment could not be downloaded. Try again."),
    ("audit", "Audit trail"),
    ("audit.lead", "Every step, note and correction, with the account that made it. Never shown to the public."),
    ("audit.none", "No staff action yet."),
    ("audit.at", "Time"),
    ("audit.who", "Staff member"),
    ("audit.role", "Role"),
    ("audit.action", "Action"),
    ("audit.message", "Message"),
    ("audit.note", "Internal note"),
    ("audit.correct", "Report corrected"),
    ("audit.record", "Recorded from another channel"),
    ("internal_note", "Internal note"),
    ("notes.lead", "Seen only by staff, never by the reporter or the public."),
    ("notes.none", "No internal notes yet."),
    ("notes.new", "Add an internal note"),
    ("notes.save", "Save note"),
    ("notes.saved", "Note saved."),
    ("notes.required", "Write the note"),
    ("steps.title", "Next step"),
    ("templates.choose", "Response template"),
    ("templates.choose_hint", "Fills the message with the template for this report; you can still change it before sending."),
    ("templates.none", "No template"),
    ("templates.language", "Template language"),
    ("templates.replace_confirm", "Replace the message you typed with this template?"),
    ("templates.unavailable", "Response templates cannot be loaded right now; write your own message or reload the page."),
    ("steps.message", "Message to the reporter"),
    ("steps.message_hint", "Shown on the report's tracking page under your role, without your name."),
    ("steps.message_needed", "Required for: {steps}."),
    ("steps.agency", "Agency"),
    ("steps.agency_hint", "For {step}."),
    ("steps.agency_choose", "Choose an agency"),
    ("steps.none", "There is no step for you to take at this report's status."),
    ("steps.read_only", "As a supervisor you can read the whole report but cannot change anything."),
    ("steps.done", "{step}: done. The report's status is now: {status}."),
    ("steps.message_required", "Write a message to the reporter: {step} needs one"),
    ("steps.message_too_long", "The message can be at most {max} characters"),
    ("steps.message_invalid", "Remove the hidden characters from the message"),
    ("steps.agency_required", "Choose the agency for {step}"),
    ("steps.agency_same", "The report is already with that agency: choose another"),
    ("steps.conflict", "Someone else has just moved this report, so this step can no longer be taken. Reload the report to see where it is now."),
    ("steps.forbidden", "Your role cannot take this step."),
    ("steps.gone", "This report is no longer with your agency."),
    ("steps.failed", "Not saved: the network or the server failed. Your text is kept; try again."),
    ("action.mark_duplicate", "Mark as duplicate"),
    ("duplicate.lead", "This report is closed and its reporter sent to the main report; citizens' supports move there, and the statistics count the main report only."),
    ("duplicate.ticket", "Ticket of the main report"),
    ("duplicate.ticket_hint", "9 characters, for example K7M-3Q9-XRT."),
    ("duplicate.err_empty", "Enter the main report's ticket"),
    ("duplicate.err_length", "A ticket has 9 characters"),
    ("duplicate.err_char", "Tickets do not use the letters O, I, L, the digits 0 and 1, or punctuation"),
    ("duplicate.err_typo", "This ticket has a typo: check each character"),
    ("duplicate.unknown", "There is no report with this ticket"),
    ("duplicate.of_itself", "A report cannot be a duplicate of itself: enter another report's ticket"),
    ("duplicate.main_is_duplicate", "That report is itself a duplicate of another: enter the ticket of its main report"),
    ("duplicate.has_duplicates", "This report is the main report of other duplicates, so it cannot be marked a duplicate"),
    ("duplicate.already_duplicate", "This report is already marked a duplicate. Reload the report to see where it stands now"),
    ("duplicate.finished", "A rejected, completed or closed report cannot be marked a duplicate"),
    ("duplicate.done", "Report marked as a duplicate and closed. Its reporter is sent to the main report."),
    ("duplicate.is_duplicate", "Duplicate of report"),
    ("duplicate.list", "Duplicates of this report"),
    ("correction.title", "Correct the report"),
    ("correction.lead", "Correct what the reporter chose. The reason goes to the audit trail; a correction is not shown in the public timeline."),
    ("correction.reason", "Reason for the correction"),
    ("correction.reason_hint", "Recorded in the audit trail with your name."),
    ("correction.save", "Save correction"),
    ("correction.saved", "Correction saved."),
    ("correction.reason_required", "Write the reason for the correction"),
    ("correction.unchanged", "Nothing is changed yet: change one of the fields above"),
    ("correction.category_unknown", "Choose a category from the list"),
    ("correction.region_unknown", "Choose a location from the list"),
    ("action.verify", "Verify"),
    ("action.reject", "Reject"),
    ("action.forward", "Forward to agency"),
    ("action.initial_response", "Send initial response"),
    ("action.follow_up", "Send follow-up"),
    ("action.complete", "Complete"),
    ("action.not_our_remit", "Not our remit"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::i18n::pick;
    use crate::console::i18n::tests::{assert_same_keys, assert_words_used_exist};
    use crate::i18n::Lang;

    #[test]
    fn both_languages_have_every_word() {
        assert_same_keys(ID, EN);
    }

    /// Every word looked up in the report page's sources, and every key chosen in code, is in both tables.
    #[test]
    fn every_word_used_exists() {
        let mut chosen: Vec<&str> = StepAction::ALL.map(step_key).to_vec();
        chosen.extend(["note", "correct", "record"].iter().filter_map(|a| audit_action_key(a)));
        assert_words_used_exist(ID, "report", &[".word(\"", "label_key=\""], &chosen, 31);
    }

    #[test]
    fn glossary_words_are_used_exactly() {
        let id = |k| pick(Lang::Id, ID, EN, k);
        let en = |k| pick(Lang::En, ID, EN, k);
        let buttons: Vec<_> = StepAction::ALL.map(|a| (id(step_key(a)), en(step_key(a)))).to_vec();
        assert_eq!(
            buttons,
            [
                ("Verifikasi", "Verify"),
                ("Tolak", "Reject"),
                ("Teruskan ke instansi", "Forward to agency"),
                ("Kirim tanggapan awal", "Send initial response"),
                ("Kirim tindak lanjut", "Send follow-up"),
                ("Selesaikan", "Complete"),
                ("Bukan wewenang kami", "Not our remit"),
            ]
        );
        assert_eq!((id("audit"), en("audit")), ("Jejak audit", "Audit trail"));
        assert_eq!(
            (id("internal_note"), en("internal_note")),
            ("Catatan internal", "Internal note")
        );
        assert_eq!(audit_action_key("hand_back"), Some("action.not_our_remit"));
        assert_eq!(audit_action_key("something_new"), None);
        // The desk's "Catat laporan" writes `record` (server/src/db/reports.rs): its row must not show a raw word.
        assert_eq!(id(audit_action_key("record").unwrap()), "Dicatat dari kanal lain");
    }
}
