//! Words only the report form says, when a server refuses a report or a category's questions cannot be read.
//! They are kept here, in the form's chunk, rather than in the shell's catalogues (`crate::i18n`), which every
//! first visit downloads whatever page it opens.

use crate::i18n::{I18n, Lang};

type Table = &'static [(&'static str, &'static str)];

const ID: Table = &[
    ("submit.refused_title", "Laporan Anda tidak terkirim"),
    ("submit.refused", "Server menolak laporan ini dan tidak menyimpannya. Laporan tetap tersimpan di perangkat ini: ubah yang diminta server, lalu kirim lagi."),
    ("submit.refused_said", "Kata server:"),
    ("submit.refused_silent", "Server tidak memberi alasan (kode {status})."),
    ("submit.questions_unreadable", "Pertanyaan server untuk kategori ini tidak dapat dibaca, jadi tidak ditanyakan. Jika server memerlukan jawaban, server akan menyebutkannya saat laporan dikirim."),
];

const EN: Table = &[
    ("submit.refused_title", "Your report was not sent"),
    ("submit.refused", "The server refused this report and did not store it. It is still kept on this device: change what the server asks for, then send it again."),
    ("submit.refused_said", "The server said:"),
    ("submit.refused_silent", "The server gave no reason (code {status})."),
    ("submit.questions_unreadable", "The server's questions for this category could not be read, so they are not asked. If the server needs an answer, it will say so when the report is sent."),
];

fn own(lang: Lang, key: &str) -> Option<&'static str> {
    let table = match lang {
        Lang::Id => ID,
        Lang::En => EN,
    };
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The words for `key` in the page's language: this file's, else the shell catalogue's (reactive, as
/// [`I18n::t`]).
pub fn say(i18n: I18n, key: &'static str) -> &'static str {
    own(i18n.lang(), key).unwrap_or_else(|| i18n.t(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lookup;

    #[test]
    fn both_languages_have_the_same_words_and_none_is_also_in_the_shell_catalogue() {
        let keys = |t: Table| t.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(ID), keys(EN));
        for (key, _) in ID {
            assert_eq!(lookup(Lang::Id, key), *key, "{key} is in the shell catalogue too");
            assert!(own(Lang::En, key).is_some_and(|w| !w.is_empty()));
        }
        assert_eq!(own(Lang::En, "submit.refused_said"), Some("The server said:"));
        assert_eq!(
            own(Lang::Id, "submit.not_sent"),
            None,
            "the shell's words are the catalogue's"
        );
    }

    /// Every key handed to `say`, in the sources or chosen by the send-failure panel, has words in both
    /// languages, here or in the shell catalogue: a missing one would show the key itself.
    #[test]
    fn every_key_said_has_words_in_both_languages() {
        let mut said: Vec<&'static str> = Vec::new();
        for flags in 0..8 {
            let (title, body) = super::super::flow_form::failure_words(flags & 1 == 1, flags & 2 == 2, flags & 4 == 4);
            said.extend([title, body]);
        }
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        let mut scanned = 0;
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split("say(i18n, \"").skip(1) {
                    scanned += 1;
                    said.push(Box::leak(piece.split('"').next().unwrap().into()));
                }
            }
        }
        assert!(scanned >= 3, "the scan found too few keys: {scanned}");
        for lang in [Lang::Id, Lang::En] {
            let missing: Vec<_> = said
                .iter()
                .filter(|k| own(lang, k).is_none() && lookup(lang, k) == **k)
                .collect();
            assert!(missing.is_empty(), "{lang:?} has no words for {missing:?}");
        }
    }
}
