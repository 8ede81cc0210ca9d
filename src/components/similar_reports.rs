//! While a citizen types a title, public reports that look like the same problem, so they can support one
//! instead of sending it again. Looked up after a pause in typing; typing never waits for it.

use std::time::Duration;

use aduan_core::listing::ListQuery;
use aduan_core::ReportSummary;
use leptos::prelude::*;

use crate::api::{Backend, Client};
use crate::clock::today;
use crate::components::support_button::SupportButton;
use crate::i18n::names::status_key;
use crate::i18n::use_i18n;

/// The searches worth making, most precise first: the first three words of four letters or more (so "di",
/// "ke" and "Jl" do not count), then the first two, since every word must match.
pub fn searches(title: &str) -> Vec<String> {
    let words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .take(3)
        .collect();
    let mut out = Vec::new();
    if words.len() == 3 {
        out.push(words.join(" "));
    }
    if words.len() >= 2 {
        out.push(words[..2].join(" "));
    }
    out
}

#[component]
pub fn SimilarReports(title: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let found = RwSignal::new(Vec::<ReportSummary>::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let asked = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let tries = searches(&title.get());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let Some(key) = tries.first().cloned() else {
            found.set(vec![]);
            return;
        };
        if asked.get_value().as_deref() == Some(key.as_str()) {
            return;
        }
        let client = client.clone();
        let handle = set_timeout_with_handle(
            move || {
                asked.set_value(Some(key));
                // A read, so not an Action; nor a LocalResource: read while loading, a resource suspends the
                // nearest <Suspense> (the whole form's, in WithPortal) for every search as the citizen types.
                leptos::task::spawn_local(async move {
                    let mut items = vec![];
                    for q in tries {
                        let query = ListQuery {
                            q,
                            page: 1,
                            ..Default::default()
                        };
                        // A failed look-up only means no suggestions; the form goes on.
                        items = client
                            .reports(&query, today(), 3)
                            .await
                            .map(|p| p.items)
                            .unwrap_or_default();
                        if !items.is_empty() {
                            break;
                        }
                    }
                    found.set(items.into_iter().filter(|r| r.title.is_some()).collect());
                });
            },
            Duration::from_millis(500),
        );
        pending.set_value(handle.ok());
    });
    view! {
        <Show when=move || !found.read().is_empty()>
            <aside class="similar notice" aria-labelledby="similar-title">
                <h3 id="similar-title">{move || i18n.t("similar.title")}</h3>
                <p>{move || i18n.t("similar.lead")}</p>
                <ul class="plain-list">
                    <For each=move || found.get() key=|r| r.ticket.clone() let:r>
                        <li class="similar-item">
                            <a href=format!("/lacak/{}", r.ticket) target="_blank" rel="noopener">
                                {r.title.clone().unwrap_or_default()}
                            </a>
                            " "
                            <span class="status-badge small" data-status=r.status.as_str()>
                                {move || i18n.t(status_key(r.status))}
                            </span>
                            <SupportButton ticket=r.ticket.clone() count=r.supports />
                        </li>
                    </For>
                </ul>
            </aside>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::searches;

    #[test]
    fn short_words_are_left_out_and_the_search_widens_once() {
        assert_eq!(
            searches("Lampu jalan mati di Jl. Merdeka"),
            ["Lampu jalan mati", "Lampu jalan"]
        );
        assert_eq!(searches("Jalan berlubang"), ["Jalan berlubang"]);
        assert!(searches("Jalan di RT 5").is_empty());
        assert!(searches("").is_empty());
    }
}
