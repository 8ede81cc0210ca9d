//! Wrong passwords are counted per account and per client. Past a few free tries the account (or client) is
//! refused for a delay that doubles with every further failure, up to [`MAX_DELAY`]: a guesser is slowed to a
//! handful of tries an hour, while a person who mistypes a few times waits half a minute.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::client::ClientAddr;
use crate::problem::ApiError;

/// Failures are forgotten this long after the last one (or after the refusal it caused ended).
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// The first refusal, once the free tries are used up.
pub const FIRST_DELAY: Duration = Duration::from_secs(30);
pub const MAX_DELAY: Duration = Duration::from_secs(15 * 60);
/// Bounds memory whatever an attacker sends: past it, forgotten entries go first, then the oldest.
const MAX_KEYS: usize = 100_000;

/// Failures per key with exponential back-off.
pub struct BackOff<K> {
    free: u32,
    entries: Mutex<HashMap<K, (u32, Instant)>>,
}

impl<K: Hash + Eq + Clone> BackOff<K> {
    /// `free` failures are allowed before the first refusal; 0 never refuses.
    pub fn new(free: u32) -> Self {
        BackOff {
            free,
            entries: Mutex::default(),
        }
    }

    /// When a key with `failures`, the last at `last`, may try again.
    fn until(&self, failures: u32, last: Instant) -> Instant {
        if failures < self.free {
            return last;
        }
        let doublings = (failures - self.free).min(16);
        last + (FIRST_DELAY * 2u32.pow(doublings)).min(MAX_DELAY)
    }

    fn forgotten(&self, failures: u32, last: Instant, now: Instant) -> bool {
        now.saturating_duration_since(self.until(failures, last)) >= WINDOW
    }

    /// `Some(seconds)` until the key may try again.
    pub fn locked(&self, key: &K, now: Instant) -> Option<u64> {
        if self.free == 0 {
            return None;
        }
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let &(failures, last) = entries.get(key)?;
        if failures < self.free {
            return None;
        }
        let left = self
            .until(failures, last)
            .checked_duration_since(now)
            .filter(|l| !l.is_zero())?;
        // Rounded up: a client that waits as told is let in.
        Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
    }

    pub fn record(&self, key: K, now: Instant) {
        if self.free == 0 {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if entries.len() >= MAX_KEYS && !entries.contains_key(&key) {
            entries.retain(|_, (failures, last)| !self.forgotten(*failures, *last, now));
            if entries.len() >= MAX_KEYS {
                if let Some(oldest) = entries
                    .iter()
                    .min_by_key(|(_, (_, last))| *last)
                    .map(|(k, _)| k.clone())
                {
                    entries.remove(&oldest);
                }
            }
        }
        let entry = entries.entry(key).or_insert((0, now));
        if self.forgotten(entry.0, entry.1, now) {
            *entry = (0, now);
        }
        *entry = (entry.0.saturating_add(1), now);
    }

    pub fn clear(&self, key: &K) {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(key);
    }
}

/// The sign-in counters: per account (any username typed, known or not, so the answer does not reveal which
/// exist) and per client.
pub struct SignInThrottle {
    per_account: BackOff<String>,
    per_client: BackOff<IpAddr>,
}

/// The counter key of a typed username: the stored form, bounded in length.
fn account_key(username: &str) -> String {
    username.trim().to_lowercase().chars().take(64).collect()
}

impl SignInThrottle {
    pub fn new(config: &crate::Config) -> Self {
        SignInThrottle {
            per_account: BackOff::new(config.sign_in_failures_per_account),
            per_client: BackOff::new(config.sign_in_failures_per_client),
        }
    }

    /// Before a password is checked: 429 while the account or the client must wait, even with the right password.
    pub fn admit(&self, username: &str, client: IpAddr) -> Result<(), ApiError> {
        let now = Instant::now();
        let wait = self
            .per_account
            .locked(&account_key(username), now)
            .max(self.per_client.locked(&ClientAddr::limit_key(client), now));
        match wait {
            Some(seconds) => Err(ApiError::too_many_requests(seconds)
                .detail(format!("Too many failed sign-ins. Try again in {seconds} seconds."))),
            None => Ok(()),
        }
    }

    pub fn failed(&self, username: &str, client: IpAddr) {
        let now = Instant::now();
        self.per_account.record(account_key(username), now);
        self.per_client.record(ClientAddr::limit_key(client), now);
    }

    /// A successful sign-in clears the account's failures (not the client's: one right password must not
    /// reset a client that guesses at many accounts).
    pub fn succeeded(&self, username: &str) {
        self.per_account.clear(&account_key(username));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_start_after_the_free_tries_and_double_up_to_the_cap() {
        let backoff = BackOff::new(3);
        let t0 = Instant::now();
        for _ in 0..2 {
            backoff.record("a", t0);
        }
        assert_eq!(backoff.locked(&"a", t0), None);
        backoff.record("a", t0);
        assert_eq!(backoff.locked(&"a", t0), Some(30));
        assert_eq!(backoff.locked(&"b", t0), None, "other keys are unaffected");
        let t1 = t0 + Duration::from_secs(30);
        assert_eq!(backoff.locked(&"a", t1), None, "let in once the delay is over");
        backoff.record("a", t1);
        assert_eq!(backoff.locked(&"a", t1), Some(60), "doubled");
        // Each further failure as soon as the refusal ends.
        let mut t = t1;
        for _ in 0..10 {
            t += Duration::from_secs(backoff.locked(&"a", t).unwrap_or(0));
            backoff.record("a", t);
        }
        assert_eq!(backoff.locked(&"a", t), Some(MAX_DELAY.as_secs()), "capped");
        backoff.clear(&"a");
        assert_eq!(backoff.locked(&"a", t), None);
        let off = BackOff::new(0);
        off.record("a", t0);
        assert_eq!(off.locked(&"a", t0), None, "0 disables");
    }

    #[test]
    fn failures_are_forgotten_a_window_after_the_refusal_ends() {
        let backoff = BackOff::new(2);
        let t0 = Instant::now();
        backoff.record("a", t0);
        backoff.record("a", t0);
        assert_eq!(backoff.locked(&"a", t0), Some(30));
        // 30 s of refusal, then a window: a failure now starts a new count.
        let later = t0 + FIRST_DELAY + WINDOW;
        backoff.record("a", later);
        assert_eq!(backoff.locked(&"a", later), None);
        // Before that the count goes on.
        let b = BackOff::new(2);
        b.record("a", t0);
        b.record("a", t0);
        let soon = t0 + FIRST_DELAY + Duration::from_secs(60);
        b.record("a", soon);
        assert_eq!(b.locked(&"a", soon), Some(60));
    }
}
