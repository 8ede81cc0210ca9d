//! Sending the report as one Action. The draft's idempotency key goes with every attempt, so retries
//! (automatic with back-off, on reconnect, or by hand) make exactly one report; a backend without keys
//! (Open311) is retried only when the request cannot have left the device.

use std::time::Duration;

use aduan_core::{NewReport, ReportCreated};
use leptos::prelude::*;

use super::draft::Draft;
use super::draft_store;
use crate::api::{Answers, ApiError, Backend, Client};
use crate::storage;

/// One attempt: what is sent and the draft's key.
#[derive(Clone)]
pub struct Outgoing {
    pub report: NewReport,
    pub answers: Answers,
    pub idempotency_key: String,
}

pub type Sent = Result<ReportCreated, ApiError>;

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
    /// What a retry runs: the page's send, which checks the draft again before dispatching.
    resend: StoredValue<Option<Callback<()>>>,
}

/// Seconds before the next automatic retry: 2, 4, 8 … up to a minute.
pub fn backoff(attempt: u32) -> u64 {
    2u64.saturating_pow(attempt.min(6)).min(60)
}

impl Sending {
    pub fn new(client: Client, draft: RwSignal<Draft>) -> Sending {
        let idempotent = client.features().idempotent_sends;
        let action = Action::new_local(move |outgoing: &Outgoing| {
            let (client, outgoing) = (client.clone(), outgoing.clone());
            async move {
                let sent = client
                    .create_report(&outgoing.report, &outgoing.answers, &outgoing.idempotency_key)
                    .await;
                // Here rather than in an effect: if the citizen has left the page, the report is still
                // remembered and its draft is not kept to be sent again.
                if let Ok(created) = &sent {
                    storage::remember_report(&created.ticket);
                    let _ = draft.try_set(draft_store::start_afresh());
                }
                sent
            }
        });
        let answer = action.value();
        let failure = Memo::new(move |_| match answer.get() {
            Some(Err(e)) if e.field_errors().is_empty() => Some(e),
            _ => None,
        });
        let created = Memo::new(move |_| answer.get().and_then(Result::ok));
        let sending = Sending {
            action,
            pending: action.pending(),
            unsure: RwSignal::new(false),
            failure,
            created,
            resend: StoredValue::new(None),
        };
        sending.retry_failures(idempotent);
        sending
    }

    /// Sends unless a send is under way or the report was made: a double tap sends once.
    pub fn send(self, outgoing: Outgoing) {
        if self.busy() {
            return;
        }
        self.action.dispatch(outgoing);
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
            // Offline, the request cannot have left the device, so retrying is always safe.
            let safe = idempotent || !window().navigator().on_line();
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

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn retries_wait_twice_as_long_each_time_up_to_a_minute() {
        let waits: Vec<u64> = (1..=8).map(backoff).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 60, 60, 60]);
    }
}
