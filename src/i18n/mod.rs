//! Message catalogues (Bahasa Indonesia first, English second) and language-aware number formatting.
//! Every visible string comes from `id.rs` / `en.rs`; the tests below fail when a key is missing in either.

mod en;
mod english;
pub mod field_errors;
mod id;
pub mod names;

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn catalogue(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Id => id::MESSAGES,
            // Until the English chunk is here the page is not in English (I18n::settle, I18n::set).
            Lang::En => english::messages().unwrap_or(id::MESSAGES),
        }
    }
}

/// The message for `key`; the key itself if it is missing (the tests make sure none is).
pub fn lookup(lang: Lang, key: &'static str) -> &'static str {
    lang.catalogue()
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .unwrap_or(key)
}

const STORAGE_KEY: &str = "aduan.lang";

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    /// English only once its catalogue is here: until then, and if it cannot be fetched, Bahasa Indonesia.
    lang: RwSignal<Lang>,
    /// Chosen through the URL or remembered; the portal's default then does not override it.
    chosen: Option<Lang>,
}

impl I18n {
    /// `?lang=` wins, then the language a `?lang=` chose earlier in this tab's session (links do not carry
    /// it, and a page opened from a link or reloaded must stay in it), then the citizen's remembered choice,
    /// then the portal's default ([`I18n::settle`], once the configuration is known).
    pub fn provide() -> I18n {
        let from_url = crate::url::query_param("lang").as_deref().and_then(Lang::parse);
        if let Some(lang) = from_url {
            crate::storage::session_set(STORAGE_KEY, lang.code());
        }
        let this_session = crate::storage::session_get(STORAGE_KEY)
            .as_deref()
            .and_then(Lang::parse);
        let remembered = crate::storage::get(STORAGE_KEY).as_deref().and_then(Lang::parse);
        let i18n = I18n {
            lang: RwSignal::new(Lang::Id),
            chosen: from_url.or(this_session).or(remembered),
        };
        provide_context(i18n);
        i18n
    }

    /// The page's language, given the portal's default: fetches the English catalogue first when it is English,
    /// before anything is drawn in it.
    pub async fn settle(self, portal_default: Option<Lang>) {
        let lang = self.chosen.or(portal_default).unwrap_or(Lang::Id);
        if lang == Lang::Id || english::load().await {
            self.lang.set(lang);
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The citizen's choice, remembered; English once its catalogue is fetched.
    pub fn set(&self, lang: Lang) {
        let this = *self;
        leptos::task::spawn_local(async move {
            if lang == Lang::En && !english::load().await {
                return;
            }
            crate::storage::set(STORAGE_KEY, lang.code());
            // A choice made on the page outranks an earlier `?lang=` of this session.
            crate::storage::session_set(STORAGE_KEY, lang.code());
            this.lang.set(lang);
        });
    }

    /// Reactive: call inside a closure in a view so the text follows the language.
    pub fn t(&self, key: &'static str) -> &'static str {
        lookup(self.lang.get(), key)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// 1.234.567 in Indonesian, 1,234,567 in English.
pub fn format_count(n: u64, lang: Lang) -> String {
    let (thousands, _) = separators(lang);
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(c);
    }
    out
}

/// A number with up to `decimals` places, trailing zeros dropped: 8 / 8,5 / 1.234,5.
/// Integer arithmetic only: Rust's float formatting would add about 11 KB to the wasm.
pub fn format_decimal(x: f64, decimals: usize, lang: Lang) -> String {
    let (_, decimal) = separators(lang);
    let scale = 10u64.pow(decimals.min(9) as u32);
    let scaled = (x.abs() * scale as f64).round() as u64;
    let mut out = String::new();
    if x < 0.0 && scaled > 0 {
        out.push('-');
    }
    out.push_str(&format_count(scaled / scale, lang));
    let mut frac = scaled % scale;
    let mut digits = Vec::new();
    for _ in 0..decimals.min(9) {
        digits.push((b'0' + (frac % 10) as u8) as char);
        frac /= 10;
    }
    let frac: String = digits
        .into_iter()
        .rev()
        .collect::<String>()
        .trim_end_matches('0')
        .to_string();
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(&frac);
    }
    out
}

/// A rate 0–1 as a percentage with one decimal: 73,8 % / 73.8 %.
pub fn format_percent(rate: f64, lang: Lang) -> String {
    format!("{} %", format_decimal(rate * 100.0, 1, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: Lang) -> BTreeSet<&'static str> {
        lang.catalogue().iter().map(|(k, _)| *k).collect()
    }

    #[test]
    fn both_catalogues_have_the_same_keys_without_duplicates() {
        for lang in [Lang::Id, Lang::En] {
            assert_eq!(
                keys(lang).len(),
                lang.catalogue().len(),
                "duplicate key in {}",
                lang.code()
            );
            for (k, v) in lang.catalogue() {
                assert!(!v.trim().is_empty(), "empty message {k} in {}", lang.code());
            }
        }
        let (id, en) = (keys(Lang::Id), keys(Lang::En));
        assert!(
            id.difference(&en).next().is_none(),
            "missing in en: {:?}",
            id.difference(&en).collect::<Vec<_>>()
        );
        assert!(
            en.difference(&id).next().is_none(),
            "missing in id: {:?}",
            en.difference(&id).collect::<Vec<_>>()
        );
    }

    /// Every key looked up with `I18n::t` in the sources exists in the catalogue.
    #[test]
    fn every_key_used_in_the_sources_exists() {
        let known = keys(Lang::Id);
        let mut used = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // Keys are looked up directly, or handed to components that look them up.
                for marker in [".t(\"", " label=\"", " all=\"", " share_title=\"", " title=\""] {
                    for piece in text.split(marker).skip(1) {
                        let key = piece.split('"').next().unwrap();
                        used.push((path.display().to_string(), key.to_string()));
                    }
                }
            }
        }
        assert!(used.len() > 20, "the scan found too few keys: {}", used.len());
        let missing: Vec<_> = used.iter().filter(|(_, k)| !known.contains(k.as_str())).collect();
        assert!(missing.is_empty(), "keys used but not in the catalogue: {missing:?}");
    }

    /// Keys chosen in code by a match or a table, which the source scan cannot see.
    #[test]
    fn keys_named_in_code_exist_in_both_languages() {
        use crate::components::stats::agency_table::heading_key;
        let mut named: Vec<&'static str> = aduan_core::agency_table::Column::ALL
            .iter()
            .map(|c| heading_key(*c))
            .collect();
        named.extend(
            aduan_core::listing::Period::ALL
                .iter()
                .map(|p| crate::components::filters::period_key(*p)),
        );
        named.extend(
            [
                aduan_core::Actor::Citizen,
                aduan_core::Actor::Admin,
                aduan_core::Actor::Agency,
                aduan_core::Actor::System,
            ]
            .map(names::actor_key),
        );
        named.extend(
            crate::components::tracking::timeline::KINDS.map(|kind| {
                crate::components::tracking::timeline::heading_key(Some(kind), aduan_core::Status::Submitted)
            }),
        );
        named.extend([
            "rating.1",
            "rating.2",
            "rating.3",
            "rating.4",
            "rating.5",
            "days.one",
            "days.other",
        ]);
        for lapor_workflow in [true, false] {
            named.extend(crate::pages::home::step_keys(lapor_workflow));
            named.push(crate::components::layout::about_key(lapor_workflow));
        }
        for lang in [Lang::Id, Lang::En] {
            let known = keys(lang);
            let missing: Vec<_> = named.iter().filter(|k| !known.contains(*k)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    /// Keys built at run time from contract names.
    #[test]
    fn every_status_and_kind_has_a_name() {
        let known = keys(Lang::Id);
        for s in aduan_core::Status::ALL {
            assert!(known.contains(format!("status.{}", s.as_str()).as_str()), "{s:?}");
        }
        for k in aduan_core::Kind::ALL {
            assert!(known.contains(format!("kind.{}", k.as_str()).as_str()), "{k:?}");
        }
    }

    #[test]
    fn glossary_names_are_used_exactly() {
        assert_eq!(lookup(Lang::Id, "nav.submit"), "Sampaikan Laporan");
        assert_eq!(lookup(Lang::En, "nav.submit"), "Submit a report");
        assert_eq!(lookup(Lang::Id, "stats.completion_rate"), "Tingkat penyelesaian");
        assert_eq!(lookup(Lang::En, "status.escalated"), "Escalated to the Ombudsman");
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(format_count(1_234_567, Lang::Id), "1.234.567");
        assert_eq!(format_count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_count(999, Lang::Id), "999");
        assert_eq!(format_count(0, Lang::En), "0");
        assert_eq!(format_percent(0.7384, Lang::Id), "73,8 %");
        assert_eq!(format_percent(0.7384, Lang::En), "73.8 %");
        assert_eq!(format_percent(0.9, Lang::Id), "90 %");
        assert_eq!(format_decimal(1234.5, 1, Lang::Id), "1.234,5");
        assert_eq!(format_decimal(8.0, 1, Lang::En), "8");
        assert_eq!(format_decimal(-0.04, 1, Lang::En), "0");
        assert_eq!(format_decimal(-6.20001, 5, Lang::Id), "-6,20001");
        assert_eq!(format_decimal(106.05, 2, Lang::En), "106.05");
        assert_eq!(format_decimal(0.999, 1, Lang::En), "1");
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
    }
}
