//! The console's words, Bahasa Indonesia and English, in the console's chunk (the shell's catalogues in
//! `crate::i18n` stay the citizen's). Glossary words ("Staff console" section of shared/ui-glossary.md) are
//! used exactly. The language is the portal's current one (`crate::i18n::I18n`). Look a word up with
//! `words.word("key")`; another part of the console may keep its own pair of tables and use [`pick`].

use aduan_core::{QueueTab, Role};

use crate::i18n::{use_i18n, I18n, Lang};

/// A catalogue: `(key, words)`.
pub type Table = &'static [(&'static str, &'static str)];

/// The words for `key` in `lang` from a pair of tables; the key itself if it is missing (tests make sure
/// none is).
pub fn pick(lang: Lang, id: Table, en: Table, key: &'static str) -> &'static str {
    let table = match lang {
        Lang::Id => id,
        Lang::En => en,
    };
    table.iter().find(|(k, _)| *k == key).map_or(key, |(_, v)| *v)
}

/// A console page's own pair of tables (the report page's, the monitoring page's) in the current language;
/// reactive when read inside a closure of a view.
#[derive(Clone, Copy)]
pub struct PageWords {
    i18n: I18n,
    id: Table,
    en: Table,
}

impl PageWords {
    pub fn new(id: Table, en: Table) -> PageWords {
        PageWords {
            i18n: use_i18n(),
            id,
            en,
        }
    }

    pub fn word(&self, key: &'static str) -> &'static str {
        pick(self.i18n.lang(), self.id, self.en, key)
    }

    pub fn lang(&self) -> Lang {
        self.i18n.lang()
    }

    /// The portal's own catalogue, for the words a page shares with the citizen pages (status names).
    pub fn i18n(&self) -> I18n {
        self.i18n
    }
}

/// The console's words in the current language; reactive when read inside a closure of a view.
#[derive(Clone, Copy)]
pub struct Words(I18n);

pub fn use_words() -> Words {
    Words(use_i18n())
}

impl Words {
    pub fn word(&self, key: &'static str) -> &'static str {
        pick(self.0.lang(), ID, EN, key)
    }

    pub fn lang(&self) -> Lang {
        self.0.lang()
    }

    /// The words for a key made at run time (a field and a server's error code), if there are any.
    pub fn word_for(&self, key: &str) -> Option<&'static str> {
        let table = match self.0.lang() {
            Lang::Id => ID,
            Lang::En => EN,
        };
        table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// A server's field error (`field`, `code`) on a form whose words start with `prefix`: the words for
    /// `{prefix}.{field}.{code}`, else for `{prefix}.{field}.invalid`, else a general one.
    pub fn field_error(&self, prefix: &str, field: &str, code: &str) -> &'static str {
        self.word_for(&format!("{prefix}.{field}.{code}"))
            .or_else(|| self.word_for(&format!("{prefix}.{field}.invalid")))
            .unwrap_or_else(|| self.word("accounts.field.invalid"))
    }

    /// The portal's own catalogue, for the words the console shares with the citizen pages (status names).
    pub fn i18n(&self) -> I18n {
        self.0
    }
}

pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Admin => "role.admin",
        Role::Officer => "role.officer",
        Role::Supervisor => "role.supervisor",
    }
}

pub fn tab_key(tab: QueueTab) -> &'static str {
    match tab {
        QueueTab::ToVerify => "queue.to_verify",
        QueueTab::ForwardedToMe => "queue.forwarded_to_me",
        QueueTab::HandedBack => "queue.handed_back",
        QueueTab::Overdue => "queue.overdue",
        QueueTab::DueSoon => "queue.due_soon",
        QueueTab::All => "queue.all",
    }
}

pub const ID: Table = &[
    ("nav.console", "Petugas"),
    ("console.title", "Konsol petugas"),
    ("console.sign_in", "Masuk"),
    ("console.username", "Nama pengguna"),
    ("console.password", "Kata sandi"),
    ("console.sign_out", "Keluar"),
    ("console.queue", "Antrean kerja"),
    ("console.account", "Akun"),
    ("console.monitoring", "Pemantauan"),
    ("console.templates", "Templat tanggapan"),
    ("console.record", "Catat laporan"),
    ("console.nav", "Menu petugas"),
    ("console.signed_in_as", "Masuk sebagai"),
    ("console.not_offered", "Konsol petugas tidak tersedia untuk backend ini. Portal ini terhubung ke server Open311 GeoReport v2, yang tidak memiliki bagian untuk petugas: laporan ditangani di sistem instansi itu sendiri."),
    ("signin.lead", "Halaman ini khusus petugas pengelola pengaduan. Masuk dengan akun yang diberikan admin."),
    ("signin.wrong", "Nama pengguna atau kata sandi salah."),
    ("signin.throttled", "Terlalu banyak percobaan masuk. Silakan coba lagi dalam {wait}."),
    ("minutes.one", "1 menit"),
    ("minutes.other", "{n} menit"),
    ("signin.ended", "Sesi Anda telah berakhir. Silakan masuk lagi; Anda akan kembali ke halaman ini."),
    ("signin.signed_out", "Anda telah keluar."),
    ("signin.username.required", "Masukkan nama pengguna"),
    ("signin.password.required", "Masukkan kata sandi"),
    ("role.admin", "Admin"),
    ("role.officer", "Pejabat penghubung"),
    ("role.supervisor", "Pengawas"),
    ("queue.tabs", "Tab antrean"),
    ("queue.to_verify", "Perlu diverifikasi"),
    ("queue.forwarded_to_me", "Diteruskan ke instansi saya"),
    ("queue.handed_back", "Dikembalikan"),
    ("queue.overdue", "Terlambat"),
    ("queue.due_soon", "Segera jatuh tempo"),
    ("queue.all", "Semua"),
    ("queue.count", "{n} laporan"),
    ("queue.none", "Tidak ada laporan di sini."),
    ("queue.due_in", "{days} lagi"),
    ("queue.due_today", "Jatuh tempo hari ini"),
    ("queue.late", "terlambat {days}"),
    ("queue.no_deadline", "Tanpa batas waktu"),
    ("queue.confidential", "Rahasia"),
    ("queue.agency_pending", "Belum ditentukan"),
    ("queue.deadline", "Batas waktu"),
    ("filter.title", "Saring laporan"),
    ("filter.q", "Kata kunci atau nomor tiket"),
    ("account.title", "Akun saya"),
    ("account.password", "Ganti kata sandi"),
    ("account.current_password", "Kata sandi saat ini"),
    ("account.new_password", "Kata sandi baru"),
    ("account.new_password.hint", "Minimal 12 karakter dan tidak sama dengan nama pengguna."),
    ("account.save_password", "Simpan kata sandi"),
    ("account.password_changed", "Kata sandi telah diganti. Sesi lain akun ini telah dikeluarkan."),
    ("account.current_password.required", "Masukkan kata sandi saat ini"),
    ("account.current_password.wrong", "Kata sandi saat ini salah"),
    ("account.new_password.required", "Masukkan kata sandi baru"),
    ("account.new_password.too_short", "Kata sandi baru minimal 12 karakter"),
    ("account.new_password.same_as_username", "Kata sandi baru tidak boleh sama dengan nama pengguna"),
    ("account.new_password.invalid", "Kata sandi baru tidak dapat dipakai"),
    ("account.new_password.too_long", "Kata sandi baru terlalu panjang"),
    ("account.current_password.invalid", "Kata sandi saat ini salah"),
    ("accounts.title", "Akun petugas"),
    ("accounts.display_name", "Nama tampilan"),
    ("accounts.role", "Peran"),
    ("accounts.agencies", "Instansi"),
    ("accounts.state", "Keadaan"),
    ("accounts.active", "Aktif"),
    ("accounts.disabled", "Nonaktif"),
    ("accounts.disable", "Nonaktifkan"),
    ("accounts.enable", "Aktifkan"),
    ("accounts.you", "(Anda)"),
    ("accounts.create", "Buat akun"),
    ("accounts.created", "Akun {username} telah dibuat."),
    ("accounts.password.hint", "Minimal 12 karakter. Sampaikan kepada pemilik akun secara langsung."),
    ("accounts.agencies.hint", "Wajib untuk pejabat penghubung: laporan yang diteruskan ke instansi ini yang dapat dilihatnya."),
    ("accounts.username.hint", "3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung."),
    ("accounts.username.too_short", "Nama pengguna minimal 3 karakter"),
    ("accounts.username.required", "Masukkan nama pengguna"),
    ("accounts.username.taken", "Nama pengguna ini sudah dipakai"),
    ("accounts.username.invalid", "Nama pengguna hanya boleh berisi huruf kecil, angka, titik, garis bawah dan tanda hubung"),
    ("accounts.display_name.required", "Masukkan nama tampilan"),
    ("accounts.agency_ids.required", "Pilih sedikitnya satu instansi untuk pejabat penghubung"),
    ("accounts.agency_ids.unknown", "Instansi yang dipilih tidak dikenal"),
    ("accounts.password.required", "Masukkan kata sandi"),
    ("accounts.password.too_short", "Kata sandi minimal 12 karakter"),
    ("accounts.password.same_as_username", "Kata sandi tidak boleh sama dengan nama pengguna"),
    ("accounts.password.too_long", "Kata sandi terlalu panjang"),
    ("accounts.username.too_long", "Nama pengguna terlalu panjang"),
    ("accounts.display_name.too_long", "Nama tampilan terlalu panjang"),
    ("accounts.field.invalid", "Isian ini tidak dapat dipakai"),
    ("accounts.self_disable", "Anda tidak dapat menonaktifkan akun Anda sendiri."),
    ("err.forbidden", "Peran Anda tidak boleh melakukan ini."),
];

pub const EN: Table = &[
    ("nav.console", "Staff"),
    ("console.title", "Staff console"),
    ("console.sign_in", "Sign in"),
    ("console.username", "Username"),
    ("console.password", "Password"),
    ("console.sign_out", "Sign out"),
    ("console.queue", "Work queue"),
    ("console.account", "Account"),
    ("console.monitoring", "Monitoring"),
    ("console.templates", "Response templates"),
    ("console.record", "Record a report"),
    ("console.nav", "Staff menu"),
    ("console.signed_in_as", "Signed in as"),
    ("console.not_offered", "The staff console is not offered for this backend. This portal is connected to an Open311 GeoReport v2 server, which has no staff side: reports are handled in the agency's own system."),
    ("signin.lead", "This page is for the staff who handle reports. Sign in with the account your administrator gave you."),
    ("signin.wrong", "Wrong username or password."),
    ("signin.throttled", "Too many sign-in attempts. Please try again in {wait}."),
    ("minutes.one", "1 minute"),
    ("minutes.other", "{n} minutes"),
    ("signin.ended", "Your session has ended. Please sign in again; you will come back to this page."),
    ("signin.signed_out", "You have signed out."),
    ("signin.username.required", "Enter your username"),
    ("signin.password.required", "Enter your password"),
    ("role.admin", "Administrator"),
    ("role.officer", "Agency officer"),
    ("role.supervisor", "Supervisor"),
    ("queue.tabs", "Queue tabs"),
    ("queue.to_verify", "To verify"),
    ("queue.forwarded_to_me", "Forwarded to my agency"),
    ("queue.handed_back", "Handed back"),
    ("queue.overdue", "Overdue"),
    ("queue.due_soon", "Due soon"),
    ("queue.all", "All"),
    ("queue.count", "{n} reports"),
    ("queue.none", "No reports here."),
    ("queue.due_in", "due in {days}"),
    ("queue.due_today", "Due today"),
    ("queue.late", "late by {days}"),
    ("queue.no_deadline", "No deadline"),
    ("queue.confidential", "Confidential"),
    ("queue.agency_pending", "Not chosen yet"),
    ("queue.deadline", "Deadline"),
    ("filter.title", "Filter reports"),
    ("filter.q", "Words or ticket number"),
    ("account.title", "My account"),
    ("account.password", "Change password"),
    ("account.current_password", "Current password"),
    ("account.new_password", "New password"),
    ("account.new_password.hint", "At least 12 characters, and not your username."),
    ("account.save_password", "Save password"),
    ("account.password_changed", "Your password has been changed. Your other sessions have been signed out."),
    ("account.current_password.required", "Enter your current password"),
    ("account.current_password.wrong", "Your current password is wrong"),
    ("account.new_password.required", "Enter a new password"),
    ("account.new_password.too_short", "The new password must be at least 12 characters"),
    ("account.new_password.same_as_username", "The new password must not be your username"),
    ("account.new_password.invalid", "This new password cannot be used"),
    ("account.new_password.too_long", "The new password is too long"),
    ("account.current_password.invalid", "Your current password is wrong"),
    ("accounts.title", "Staff accounts"),
    ("accounts.display_name", "Display name"),
    ("accounts.role", "Role"),
    ("accounts.agencies", "Agencies"),
    ("accounts.state", "State"),
    ("accounts.active", "Active"),
    ("accounts.disabled", "Disabled"),
    ("accounts.disable", "Disable"),
    ("accounts.enable", "Enable"),
    ("accounts.you", "(you)"),
    ("accounts.create", "Create account"),
    ("accounts.created", "The account {username} has been created."),
    ("accounts.password.hint", "At least 12 characters. Give it to the account's owner in person."),
    ("accounts.agencies.hint", "Required for an agency officer: they see the reports forwarded to these agencies."),
    ("accounts.username.hint", "3–32 lower-case letters, digits, dots, underscores or hyphens."),
    ("accounts.username.too_short", "The username must be at least 3 characters"),
    ("accounts.username.required", "Enter a username"),
    ("accounts.username.taken", "This username is already taken"),
    ("accounts.username.invalid", "A username may only have lower-case letters, digits, dots, underscores and hyphens"),
    ("accounts.display_name.required", "Enter a display name"),
    ("accounts.agency_ids.required", "Choose at least one agency for an agency officer"),
    ("accounts.agency_ids.unknown", "The chosen agency is not known"),
    ("accounts.password.required", "Enter a password"),
    ("accounts.password.too_short", "The password must be at least 12 characters"),
    ("accounts.password.same_as_username", "The password must not be the username"),
    ("accounts.password.too_long", "The password is too long"),
    ("accounts.username.too_long", "The username is too long"),
    ("accounts.display_name.too_long", "The display name is too long"),
    ("accounts.field.invalid", "This entry cannot be used"),
    ("accounts.self_disable", "You cannot disable your own account."),
    ("err.forbidden", "Your role may not do this."),
];

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every word a page's sources look up (the text after one of `markers`, in the files of `src/console/{dir}`)
    /// and every key chosen in code is in `table`; `at_least` words must be found, so that a scan that finds
    /// nothing cannot pass.
    pub fn assert_words_used_exist(
        table: Table,
        dir: &str,
        markers: &[&str],
        chosen_in_code: &[&str],
        at_least: usize,
    ) {
        let known: BTreeSet<_> = table.iter().map(|(k, _)| *k).collect();
        let mut used: Vec<String> = chosen_in_code.iter().map(ToString::to_string).collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/console")
            .join(dir);
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for marker in markers {
                for piece in text.split(marker).skip(1) {
                    used.push(piece.split('"').next().unwrap().to_string());
                }
            }
        }
        assert!(used.len() >= at_least, "the scan found too few words: {}", used.len());
        let missing: Vec<_> = used.iter().filter(|k| !known.contains(k.as_str())).collect();
        assert!(missing.is_empty(), "words used but not in the tables: {missing:?}");
    }

    /// Both tables have the same keys, once each, and no empty words; for any pair of console tables.
    pub fn assert_same_keys(id: Table, en: Table) {
        for (name, table) in [("id", id), ("en", en)] {
            let keys: BTreeSet<_> = table.iter().map(|(k, _)| *k).collect();
            assert_eq!(keys.len(), table.len(), "a key appears twice in {name}");
            assert!(
                table.iter().all(|(_, v)| !v.trim().is_empty()),
                "an empty word in {name}"
            );
        }
        let keys = |t: Table| t.iter().map(|(k, _)| *k).collect::<BTreeSet<_>>();
        let (id, en) = (keys(id), keys(en));
        assert_eq!(
            id.difference(&en).collect::<Vec<_>>(),
            Vec::<&&str>::new(),
            "missing in en"
        );
        assert_eq!(
            en.difference(&id).collect::<Vec<_>>(),
            Vec::<&&str>::new(),
            "missing in id"
        );
    }

    #[test]
    fn both_languages_have_every_word() {
        assert_same_keys(ID, EN);
    }

    /// Every `.word("…")` in the console's sources, and every key chosen in code, is in both tables.
    #[test]
    fn every_word_used_exists() {
        let known: BTreeSet<_> = ID.iter().map(|(k, _)| *k).collect();
        let mut used: Vec<String> = Role::ALL.map(role_key).map(String::from).to_vec();
        used.extend(QueueTab::ALL.map(tab_key).map(String::from));
        used.extend(["minutes.one", "minutes.other"].map(String::from));
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/console"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                // The report, monitoring, templates and desk pages and the queue's bulk selection keep their own
                // tables.
                if !["report", "monitoring", "bulk", "templates", "record"]
                    .iter()
                    .any(|own| path.ends_with(own))
                {
                    stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                }
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in [".word(\"", "label_key=\"", "hint_key=\""] {
                    for piece in text.split(marker).skip(1) {
                        used.push(piece.split('"').next().unwrap().to_string());
                    }
                }
            }
        }
        assert!(used.len() > 15, "the scan found too few words: {}", used.len());
        let missing: Vec<_> = used.iter().filter(|k| !known.contains(k.as_str())).collect();
        assert!(missing.is_empty(), "words used but not in the tables: {missing:?}");
    }

    #[test]
    fn glossary_words_are_used_exactly() {
        assert_eq!(pick(Lang::Id, ID, EN, "console.sign_in"), "Masuk");
        assert_eq!(
            pick(Lang::En, ID, EN, "queue.forwarded_to_me"),
            "Forwarded to my agency"
        );
        assert_eq!(pick(Lang::Id, ID, EN, "role.officer"), "Pejabat penghubung");
        assert_eq!(pick(Lang::En, ID, EN, "role.admin"), "Administrator");
        assert_eq!(pick(Lang::Id, ID, EN, "queue.due_soon"), "Segera jatuh tempo");
    }
}
