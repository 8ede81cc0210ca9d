//! Sending a draft whose earlier sends went unanswered. A send can reach the server and store the report while
//! the browser sees only a failure; if the citizen then changes the draft, the changed body under the same
//! idempotency key is refused ("key reused") and, resent as it was, the citizen would never learn the ticket
//! of the report that was saved. So the draft keeps every exact body it sent with its key, and a send finds
//! out which one, if any, the server holds.

use std::future::Future;

use aduan_core::ReportCreated;

use crate::api::ApiError;

/// What one send needs: the draft's key, the bodies already sent with it, and the body as it is now.
pub struct Attempt<'a> {
    pub key: &'a str,
    /// Exact bodies sent earlier with `key` whose answer was not seen, oldest first. The server holds at most
    /// one of them (a key makes at most one report).
    pub earlier: &'a [String],
    pub body: &'a str,
}

/// The report the server holds for the key, and the exact body it was made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    pub created: ReportCreated,
    pub body: String,
}

/// Finds the report the server holds for the attempt's key, making it from the current body if there is none.
/// `send(body, key)` posts `body` byte for byte.
///
/// The current body goes first, under the same key. The server keeps at most one body per key, so this
/// either stores it (no earlier send arrived: the report is then the version the citizen has now, made
/// once), replays it (it is the version that arrived), or is refused as "key reused" (an earlier version
/// arrived). Only then are the earlier bodies replayed, newest first, to find the one that arrived and show
/// its receipt; as the key is taken, a replay can never create a second report. Replaying the first body
/// before anything else would, when it had not arrived, turn the superseded version into the report.
///
/// A network or server failure at any point returns that error: the outcome stays unknown and nothing is
/// lost, because the kept bodies and the key are unchanged.
pub async fn resolve<F, Fut>(attempt: Attempt<'_>, send: F) -> Result<Held, ApiError>
where
    F: Fn(String, String) -> Fut,
    Fut: Future<Output = Result<ReportCreated, ApiError>>,
{
    let held = |created, body: &str| Held {
        created,
        body: body.to_string(),
    };
    match send(attempt.body.to_string(), attempt.key.to_string()).await {
        Ok(created) => return Ok(held(created, attempt.body)),
        Err(e) if e.is_key_reused() => {}
        Err(e) => return Err(e),
    }
    let mut refusal = None;
    for body in attempt.earlier.iter().rev().filter(|b| b.as_str() != attempt.body) {
        match send(body.clone(), attempt.key.to_string()).await {
            Ok(created) => return Ok(held(created, body)),
            // Another body holds the key, or this one never could be stored (refused as it stands): not this.
            Err(e) if e.is_key_reused() || !e.field_errors().is_empty() => refusal = Some(e),
            Err(e) => return Err(e),
        }
    }
    // None of the kept bodies holds the key (a draft kept before bodies were, or one sent from another
    // device): the "key reused" refusal, which the page explains with a way to send this as a new report.
    Err(refusal.unwrap_or(ApiError::key_reused()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aduan_core::{FieldError, Problem, Status};
    use chrono::{TimeZone, Utc};
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::future::{ready, Ready};
    use std::task::{Context, Poll, Waker};

    /// The server's rules for one key: the first body stored under it is kept; the same body again is replayed,
    /// another is "key reused". `down` answers nothing.
    #[derive(Default)]
    struct FakeServer {
        stored: RefCell<BTreeMap<String, String>>,
        tickets: RefCell<Vec<String>>,
        sent: RefCell<Vec<String>>,
        down: bool,
        invalid: Vec<String>,
    }

    impl FakeServer {
        fn post(&self, body: String, key: String) -> Ready<Result<ReportCreated, ApiError>> {
            self.sent.borrow_mut().push(body.clone());
            if self.down {
                return ready(Err(ApiError::Network));
            }
            if self.invalid.contains(&body) {
                return ready(Err(invalid()));
            }
            let existing = self.stored.borrow().get(&key).cloned();
            ready(match existing {
                Some(held) if held == body => Ok(created(&body)),
                Some(_) => Err(ApiError::key_reused()),
                None => {
                    self.stored.borrow_mut().insert(key, body.clone());
                    self.tickets.borrow_mut().push(body.clone());
                    Ok(created(&body))
                }
            })
        }
    }

    fn created(body: &str) -> ReportCreated {
        ReportCreated {
            ticket: format!("T-{body}"),
            access_code: "code".into(),
            status: Status::Submitted,
            created_at: Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap(),
            notice: None,
        }
    }

    fn invalid() -> ApiError {
        ApiError::Status {
            status: 422,
            problem: Some(Problem {
                kind: "about:blank".into(),
                title: "Unprocessable".into(),
                status: 422,
                detail: None,
                errors: vec![FieldError {
                    field: "title".into(),
                    code: "too_short".into(),
                    message: String::new(),
                }],
            }),
        }
    }

    /// Runs a future that never waits (the fake server answers at once).
    fn now<T>(future: impl Future<Output = T>) -> T {
        let mut future = std::pin::pin!(future);
        match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("the fake server never waits"),
        }
    }

    fn run(server: &FakeServer, earlier: &[&str], body: &str) -> Result<Held, ApiError> {
        let earlier: Vec<String> = earlier.iter().map(ToString::to_string).collect();
        now(resolve(
            Attempt {
                key: "K",
                earlier: &earlier,
                body,
            },
            |b, k| server.post(b, k),
        ))
    }

    fn storing(bodies: &[&str]) -> FakeServer {
        let server = FakeServer::default();
        for b in bodies {
            server.stored.borrow_mut().insert("K".into(), b.to_string());
        }
        server
    }

    #[test]
    fn a_first_send_stores_the_body_once() {
        let server = FakeServer::default();
        assert_eq!(run(&server, &["v1"], "v1").unwrap().body, "v1");
        assert_eq!(
            run(&server, &["v1"], "v1").unwrap().created.ticket,
            "T-v1",
            "a retry replays"
        );
        assert_eq!(*server.tickets.borrow(), ["v1"]);
    }

    #[test]
    fn an_edit_after_an_earlier_version_arrived_shows_that_versions_receipt_and_makes_nothing() {
        let server = storing(&["v1"]);
        let held = run(&server, &["v1", "v2"], "v3").unwrap();
        assert_eq!((held.body.as_str(), held.created.ticket.as_str()), ("v1", "T-v1"));
        assert!(server.tickets.borrow().is_empty(), "no new report");
        assert_eq!(
            *server.sent.borrow(),
            ["v3", "v2", "v1"],
            "current first, then newest first"
        );
    }

    #[test]
    fn an_edit_after_a_send_that_never_arrived_becomes_the_report_under_the_same_key() {
        let server = FakeServer::default();
        let held = run(&server, &["v1"], "v2").unwrap();
        assert_eq!(held.body, "v2");
        assert_eq!(
            *server.tickets.borrow(),
            ["v2"],
            "the earlier version is not made the report"
        );
    }

    #[test]
    fn a_failure_while_finding_out_leaves_the_outcome_unknown() {
        let server = FakeServer {
            down: true,
            ..storing(&["v1"])
        };
        assert_eq!(run(&server, &["v1"], "v2"), Err(ApiError::Network));
        assert_eq!(
            *server.sent.borrow(),
            ["v2"],
            "nothing else is tried while the network is down"
        );
    }

    #[test]
    fn a_refused_current_version_is_reported_as_it_is() {
        let server = FakeServer {
            invalid: vec!["v2".into()],
            ..FakeServer::default()
        };
        assert_eq!(run(&server, &["v1"], "v2"), Err(invalid()));
        assert!(server.stored.borrow().is_empty());
    }

    #[test]
    fn a_key_held_by_a_body_this_draft_does_not_know_is_key_reused() {
        let server = storing(&["elsewhere"]);
        let error = run(&server, &["v1"], "v2").unwrap_err();
        assert!(error.is_key_reused(), "{error:?}");
        assert!(server.tickets.borrow().is_empty());
    }
}
