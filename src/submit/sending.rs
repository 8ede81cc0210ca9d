//! Sending the report as one Action. The draft's idempotency key goes with every attempt, so retries
//! (automatic with back-off, on reconnect, or by hand) make exactly one report; a backend without keys
//! (Open311) is retried only when the request cannot have left the device. With keys, every exact body sent
//! is kept with the draft, so that a send after an edit finds out which version arrived (`resolve`).

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

use aduan_core::{NewReport, ReportCreated};
use leptos::prelude::*;

use super::draft::{new_idempotency_key, Draft};
use super::draft_store::{self, DraftStore};
use super::resolve::{resolve, Attempt, Held};
use crate::api::{Answers, ApiError, Backend, Client};
use crate::storage;

/// Posts a body byte for byte with an idempotency key: another route than the citizen's (the staff desk's).
pub type SendExact = Rc<dyn Fn(String, String) -> Pin<Box<dyn Future<Output = Result<ReportCreated, ApiError>>>>>;

/// Where a flow keeps its draft and where it sends it: the citizen's own (`Via::citizen`), or the staff desk's
/// (`console::record`), which keeps its draft apart and sends through the staff client with its session.
#[derive(Clone)]
pub struct Via {
    pub store: DraftStore,
    /// `None`: the citizen's backend (`Client`).
    pub send: Option<SendExact>,
    /// Whether a sent report's ticket (and category) is remembered on this device as its user's own: a
    /// citizen's, not a report typed in at the desk for someone else.
    pub remember_on_device: bool,
}

impl Via {
    pub fn citizen() -> Via {
        Via {
            store: draft_store::CITIZEN,
            send: None,
            remember_on_device: true,
        }
    }
}

/// One attempt: what is sent and the draft's key.
#[derive(Clone)]
pub struct Outgoing {
    pub report: NewReport,
    pub answers: Answers,
    pub idempotency_key: String,
    /// `report` as the exact JSON sent.
    pub body: String,
    /// The bodies sent earlier with the same key (see `Draft::sent_bodies`).
    pub earlier: Vec<String>,
}

/// The report the server holds, and whether the draft says something else, which was not sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrived {
    pub created: ReportCreated,
    pub changes_not_sent: bool,
}

pub type Sent = Result<Arrived, ApiError>;

#[derive(Clone, Copy)]
pub struct Sending {
    pub action: Action<Outgoing, Sent>,
    pub pending: Memo<bool>,
    /// The last send failed while online, to a backend without idempotency keys: it may have arrived, so it
    /// is not repeated automatically.
    pub unsure: RwSignal<bool>,
    /// A failure that is not the report's fault (network, server), while it stands.
    pub failure: Memo<Option<ApiError>>,
    /// The report, once the server has it.
    pub created: Memo<Option<ReportCreated>>,
    /// The report that arrived is an earlier version of the draft; the draft keeps the later changes.
    pub changes_not_sent: Memo<bool>,
    /// What a retry runs: the page's send, which checks the draft again before dispatching.
    resend: StoredValue<Option<Callback<()>>>,
    draft: RwSignal<Draft>,
    store: DraftStore,
    idempotent: bool,
}

/// Seconds before the next automatic retry: 2, 4, 8 … up to a minute.
pub fn backoff(attempt: u32) -> u64 {
    2u64.saturating_pow(attempt.min(6)).min(60)
}

impl Sending {
    pub fn new(client: Client, draft: RwSignal<Draft>, via: Via) -> Sending {
        let Via {
            store,
            send: exact,
            remember_on_device,
        } = via;
        let idempotent = exact.is_some() || client.features().idempotent_sends;
        let action = Action::new_local(move |outgoing: &Outgoing| {
            let (client, outgoing, exact) = (client.clone(), outgoing.clone(), exact.clone());
            async move {
                let held = if idempotent {
                    let attempt = Attempt {
                        key: &outgoing.idempotency_key,
                        earlier: &outgoing.earlier,
                        body: &outgoing.body,
                    };
                    resolve(attempt, |body, key| {
                        let (client, exact) = (client.clone(), exact.clone());
                        async move {
                            match exact {
                                Some(send) => send(body, key).await,
                                None => client.create_report_exact(&body, &key).await,
                            }
                        }
                    })
                    .await?
                } else {
                    let created = client
                        .create_report(&outgoing.report, &outgoing.answers, &outgoing.idempotency_key)
                        .await?;
                    Held {
                        created,
                        body: outgoing.body.clone(),
                    }
                };
                // Here rather than in an effect: if the citizen has left the page, the report is still
                // remembered and its draft is not kept to be sent again.
                if remember_on_device {
                    storage::remember_report(&held.created.ticket);
                    if let Some(category) = &outgoing.report.category_id {
                        storage::remember_category(&held.created.ticket, category);
                    }
                }
                let changes_not_sent = settle_draft(draft, store, &outgoing.idempotency_key, &held, idempotent);
                Sent::Ok(Arrived {
                    created: held.created,
                    changes_not_sent,
                })
            }
        });
        let answer = action.value();
        let failure = Memo::new(move |_| match answer.get() {
            Some(Err(e)) if e.field_errors().is_empty() => Some(e),
            _ => None,
        });
        let created = Memo::new(move |_| answer.get().and_then(Result::ok).map(|a| a.created));
        let changes_not_sent = Memo::new(move |_| answer.with(|a| matches!(a, Some(Ok(a)) if a.changes_not_sent)));
        let sending = Sending {
            action,
            pending: action.pending(),
            unsure: RwSignal::new(false),
            failure,
            created,
            changes_not_sent,
            resend: StoredValue::new(None),
            draft,
            store,
            idempotent,
        };
        sending.retry_failures(idempotent);
        sending
    }

    /// Sends unless a send is under way or the report was made: a double tap sends once. With keys, the
    /// body is kept with the draft (and stored) before it goes, so that a reload during the send loses nothing.
    pub fn send(self, outgoing: Outgoing) {
        if self.busy() {
            return;
        }
        if self.idempotent {
            self.draft.update(|d| d.record_sent(&outgoing.body));
            self.draft.with_untracked(|d| draft_store::save(self.store, d));
        }
        self.action.dispatch(outgoing);
    }

    /// Sends carry an idempotency key (see [`crate::api::Features::idempotent_sends`]).
    pub fn idempotent(self) -> bool {
        self.idempotent
    }

    pub fn busy(self) -> bool {
        self.pending.get_untracked() || self.created.with_untracked(Option::is_some)
    }

    /// What an automatic retry runs.
    pub fn retry_with(self, send: Callback<()>) {
        self.resend.set_value(Some(send));
    }

    /// Forgets the last failure (the citizen starts again).
    pub fn clear(self) {
        self.action.clear();
    }

    fn resend(self) {
        if let Some(send) = self.resend.try_get_value().flatten() {
            send.run(());
        }
    }

    fn retry_failures(self, idempotent: bool) {
        let attempts = StoredValue::new(0u32);
        // On every answer, not on `failure`: a memo would not wake for the same failure twice.
        let answer = self.action.value();
        Effect::new(move |_| {
            let Some(Err(error)) = answer.get() else { return };
            if !error.field_errors().is_empty() {
                return;
            }
            // Offline, the request cannot have left the device, and a refused one was not stored: retrying
            // either is safe.
            let safe = idempotent || error.was_not_stored() || !window().navigator().on_line();
            self.unsure.set(!safe);
            if !(error.is_retryable() && safe) {
                return;
            }
            attempts.update_value(|a| *a += 1);
            set_timeout(
                // Only while the failure stands: a send that has since been answered needs none.
                move || {
                    if self.failure.try_get_untracked().flatten().is_some() {
                        self.resend();
                    }
                },
                Duration::from_secs(backoff(attempts.get_value())),
            );
        });
        // Back online: try at once instead of waiting for the next retry.
        let online = window_event_listener(leptos::ev::online, move |_| {
            if self.failure.try_get_untracked().flatten().is_some() && !self.unsure.get_untracked() {
                self.resend();
            }
        });
        on_cleanup(move || online.remove());
    }
}

/// The draft once the server holds `held` for `key`: gone if it says what arrived; kept under a new key, with
/// the ticket of what arrived, if it says something else (edited after an earlier send, or during this one);
/// left alone if the citizen has started another (its key differs). Answers whether changes were not sent.
fn settle_draft(draft: RwSignal<Draft>, store: DraftStore, key: &str, held: &Held, idempotent: bool) -> bool {
    // The page may have gone; the kept draft is the same one then.
    let mut now = draft.try_get_untracked().unwrap_or_else(|| draft_store::load(store));
    if now.idempotency_key != key {
        return false;
    }
    // Open311 has no keys: there the report is made from the draft as sent, as before.
    if !idempotent || now.contract_body() == held.body {
        let _ = draft.try_set(draft_store::start_afresh(store));
        return false;
    }
    now.keep_as_unsent_changes(&held.created.ticket, new_idempotency_key(js_sys::Math::random));
    draft_store::save(store, &now);
    let _ = draft.try_set(now);
    true
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn retries_wait_twice_as_long_each_time_up_to_a_minute() {
        let waits: Vec<u64> = (1..=8).map(backoff).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 60, 60, 60]);
    }
}
