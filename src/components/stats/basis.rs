//! How figures computed from an Open311 server's lists were obtained, said on the statistics page when the
//! server's filters could not be trusted (see `aduan_core::open311::Basis`). The words are kept here, in
//! the statistics chunk, rather than in the shell's catalogues: only this page says them.

use aduan_core::open311::Basis;
use leptos::prelude::*;

use crate::i18n::{format_count, use_i18n, Lang};

/// The sentences that explain `basis` for a figure of `total` requests, or `None` when the server's filters
/// held and there is nothing to explain.
pub fn how_obtained(basis: &Basis, total: u64, lang: Lang) -> Option<String> {
    let en = lang == Lang::En;
    let n = |count: usize| format_count(count as u64, lang);
    if !basis.untrusted {
        return (basis.cross_checked && total == 0).then(|| {
            if en {
                "The server listed no requests for this period; its default list (its most recent requests) has none in it either.".to_string()
            } else {
                "Server tidak mencantumkan permintaan untuk periode ini; daftar bawaannya (permintaan terbarunya) juga tidak memuatnya.".to_string()
            }
        });
    }
    let mut said = vec![if en {
        "How these figures were obtained: the server's filter did not return just the requests asked for, so each request was checked here by its date, category and status.".to_string()
    } else {
        "Cara angka ini diperoleh: filter server tidak hanya mengembalikan permintaan yang diminta, jadi setiap permintaan diperiksa di sini menurut tanggal, kategori, dan statusnya.".to_string()
    }];
    if basis.mismatched > 0 {
        said.push(if en {
            let (requests, are, _) = english_number(basis.mismatched);
            format!(
                "{} {requests} the server sent did not match and {are} not counted.",
                n(basis.mismatched)
            )
        } else {
            format!(
                "{} permintaan yang dikirim server tidak cocok dan tidak dihitung.",
                n(basis.mismatched)
            )
        });
    }
    if basis.unchecked > 0 {
        said.push(if en {
            let (requests, are, _) = english_number(basis.unchecked);
            format!(
                "{} {requests} could not be checked (no date or category) and {are} not counted.",
                n(basis.unchecked)
            )
        } else {
            format!(
                "{} permintaan tidak dapat diperiksa (tanpa tanggal atau kategori) dan tidak dihitung.",
                n(basis.unchecked)
            )
        });
    }
    if basis.only_in_default > 0 {
        said.push(if en {
            let (requests, _, were) = english_number(basis.only_in_default);
            format!(
                "{} {requests} {were} found only in the server's default list, which holds just its most recent requests, so older ones may be missing.",
                n(basis.only_in_default)
            )
        } else {
            format!(
                "{} permintaan hanya ditemukan di daftar bawaan server, yang memuat permintaan terbarunya saja, sehingga yang lebih lama mungkin tidak terhitung.",
                n(basis.only_in_default)
            )
        });
    }
    Some(said.join(" "))
}

/// "request"/"requests", "is"/"are" and "was"/"were" for `count` in English (Indonesian does not change the
/// noun).
fn english_number(count: usize) -> (&'static str, &'static str, &'static str) {
    if count == 1 {
        ("request", "is", "was")
    } else {
        ("requests", "are", "were")
    }
}

#[component]
pub fn HowObtained(basis: Basis, total: u64) -> impl IntoView {
    let i18n = use_i18n();
    let shown = how_obtained(&basis, total, Lang::Id).is_some();
    shown.then(|| {
        view! {
            <p class="notice how-obtained" role="note">
                {move || how_obtained(&basis, total, i18n.lang())}
            </p>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_said_when_the_servers_filters_held() {
        assert_eq!(how_obtained(&Basis::default(), 3, Lang::En), None);
        let confirmed = Basis {
            cross_checked: true,
            ..Basis::default()
        };
        assert_eq!(how_obtained(&confirmed, 2, Lang::En), None);
        assert!(how_obtained(&confirmed, 0, Lang::Id)
            .unwrap()
            .contains("juga tidak memuatnya"));
    }

    #[test]
    fn an_untrusted_filter_is_explained_with_what_was_left_out_and_where_the_rest_came_from() {
        let basis = Basis {
            untrusted: true,
            mismatched: 2,
            unchecked: 1,
            cross_checked: true,
            only_in_default: 3,
        };
        let en = how_obtained(&basis, 3, Lang::En).unwrap();
        assert!(en.starts_with("How these figures were obtained"));
        assert!(en.contains("2 requests the server sent did not match"));
        assert!(en.contains("1 request could not be checked (no date or category) and is not counted."));
        assert!(en.contains("3 requests were found only in the server's default list"));
        let id = how_obtained(&basis, 3, Lang::Id).unwrap();
        assert!(id.starts_with("Cara angka ini diperoleh"));
        let only_mismatched = Basis {
            untrusted: true,
            mismatched: 1_200,
            ..Basis::default()
        };
        let one_each = Basis {
            untrusted: true,
            mismatched: 1,
            unchecked: 1,
            only_in_default: 1,
            ..Basis::default()
        };
        let en = how_obtained(&one_each, 3, Lang::En).unwrap();
        assert!(en.contains("1 request the server sent did not match and is not counted."));
        assert!(en.contains("1 request was found only in the server's default list"));
        assert!(!en.contains("1 requests"));
        let id = how_obtained(&only_mismatched, 3, Lang::Id).unwrap();
        assert!(id.contains("1.200 permintaan yang dikirim server tidak cocok"));
        assert!(!id.contains("daftar bawaan"));
    }
}
