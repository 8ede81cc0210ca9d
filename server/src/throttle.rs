//! Counts wrong secrets (access codes, operator tokens) so they cannot be guessed at network speed: past a
//! threshold in a window, the ticket or the client is refused with 429, even with the right secret, until
//! the window is over; otherwise guessing would simply go on.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::client::ClientAddr;
use crate::problem::ApiError;

/// How long failures are remembered, counted from the first one.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// More keys than this and expired ones are dropped; if all are live the oldest window goes first, so memory
/// stays bounded whatever an attacker sends.
const MAX_KEYS: usize = 100_000;

/// Failures per key within a fixed window that starts at the key's first failure.
pub struct FailureCounter<K> {
    limit: u32,
    window: Duration,
    entries: Mutex<HashMap<K, (u32, Instant)>>,
}

impl<K: Hash + Eq + Clone> FailureCounter<K> {
    /// `limit` 0 never refuses.
    pub fn new(limit: u32, window: Duration) -> Self {
        FailureCounter {
            limit,
            window,
            entries: Mutex::default(),
        }
    }

    /// `Some(seconds)` until the key may try again, when it has used up its failures.
    pub fn locked(&self, key: &K, now: Instant) -> Option<u64> {
        if self.limit == 0 {
            return None;
        }
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (count, since) = entries.get(key)?;
        let left = self
            .window
            .checked_sub(now.duration_since(*since))
            .filter(|l| !l.is_zero())?;
        // Rounded up: a client that waits as told is let in.
        (*count >= self.limit).then(|| left.as_secs() + u64::from(left.subsec_nanos() > 0))
    }

    pub fn record(&self, key: K, now: Instant) {
        if self.limit == 0 {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if entries.len() >= MAX_KEYS && !entries.contains_key(&key) {
            let window = self.window;
            entries.retain(|_, (_, since)| now.duration_since(*since) < window);
            if entries.len() >= MAX_KEYS {
                if let Some(oldest) = entries
                    .iter()
                    .min_by_key(|(_, (_, since))| *since)
                    .map(|(k, _)| k.clone())
                {
                    entries.remove(&oldest);
                }
            }
        }
        let entry = entries.entry(key).or_insert((0, now));
        if now.duration_since(entry.1) >= self.window {
            *entry = (0, now);
        }
        entry.0 = entry.0.saturating_add(1);
    }
}

/// The counters the API shares.
pub struct Throttles {
    code_per_ticket: FailureCounter<String>,
    code_per_client: FailureCounter<IpAddr>,
    token_per_client: FailureCounter<IpAddr>,
}

impl Throttles {
    pub fn new(config: &crate::Config) -> Self {
        Throttles {
            code_per_ticket: FailureCounter::new(config.code_failures_per_ticket, WINDOW),
            code_per_client: FailureCounter::new(config.code_failures_per_client, WINDOW),
            token_per_client: FailureCounter::new(config.token_failures_per_client, WINDOW),
        }
    }

    /// Before an access code for `ticket` is checked: 429 while the ticket or the client is locked out.
    pub fn admit_code(&self, ticket: &str, client: IpAddr) -> Result<(), ApiError> {
        let now = Instant::now();
        let wait = self
            .code_per_ticket
            .locked(&ticket_key(ticket), now)
            .max(self.code_per_client.locked(&ClientAddr::limit_key(client), now));
        match wait {
            Some(seconds) => Err(ApiError::too_many_requests(seconds)
                .detail(format!("Too many wrong access codes. Try again in {seconds} seconds."))),
            None => Ok(()),
        }
    }

    pub fn code_failed(&self, ticket: &str, client: IpAddr) {
        let now = Instant::now();
        let key = ticket_key(ticket);
        tracing::warn!(ticket = %key, %client, "wrong access code");
        self.code_per_ticket.record(key, now);
        self.code_per_client.record(ClientAddr::limit_key(client), now);
    }

    /// Before an operator token is checked: 429 while the client is locked out.
    pub fn admit_token(&self, client: IpAddr) -> Result<(), ApiError> {
        match self
            .token_per_client
            .locked(&ClientAddr::limit_key(client), Instant::now())
        {
            Some(seconds) => Err(ApiError::too_many_requests(seconds).detail(format!(
                "Too many wrong operator tokens. Try again in {seconds} seconds."
            ))),
            None => Ok(()),
        }
    }

    pub fn token_failed(&self, client: IpAddr) {
        tracing::warn!(%client, "wrong operator token");
        self.token_per_client
            .record(ClientAddr::limit_key(client), Instant::now());
    }
}

/// The ticket as stored, so `k7m-3q9-xrt` and `K7M3Q9XRT` share one counter.
fn ticket_key(ticket: &str) -> String {
    aduan_core::ticket::Ticket::parse(ticket)
        .map(|t| t.as_str().to_string())
        .unwrap_or_else(|_| ticket.chars().take(64).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_locked_after_the_limit_until_the_window_ends() {
        let counter = FailureCounter::new(3, Duration::from_secs(60));
        let t0 = Instant::now();
        for _ in 0..2 {
            counter.record("a", t0);
        }
        assert_eq!(counter.locked(&"a", t0), None);
        counter.record("a", t0);
        assert_eq!(counter.locked(&"a", t0 + Duration::from_secs(20)), Some(40));
        assert_eq!(counter.locked(&"b", t0), None, "other keys are unaffected");
        assert_eq!(counter.locked(&"a", t0 + Duration::from_secs(60)), None);
        counter.record("a", t0 + Duration::from_secs(61));
        assert_eq!(
            counter.locked(&"a", t0 + Duration::from_secs(61)),
            None,
            "a new window starts"
        );
        let off = FailureCounter::new(0, Duration::from_secs(60));
        off.record("a", t0);
        assert_eq!(off.locked(&"a", t0), None, "0 disables");
    }

    #[test]
    fn memory_stays_bounded() {
        let counter = FailureCounter::new(1, Duration::from_secs(60));
        let t0 = Instant::now();
        for i in 0..(MAX_KEYS as u32 + 10) {
            counter.record(i, t0 + Duration::from_millis(u64::from(i)));
        }
        let len = counter.entries.lock().unwrap().len();
        assert!(len <= MAX_KEYS, "{len}");
    }
}
