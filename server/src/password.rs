//! Staff passwords: argon2id hashes in PHC strings, made and checked off the async runtime, a few at a time.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

/// OWASP's argon2id parameters (password storage cheat sheet): 19 MiB of memory, 2 passes, 1 lane.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

/// The shortest password an account may have (one rule with the console's).
pub const MIN_CHARS: usize = aduan_core::staff::PASSWORD_MIN_CHARS;
/// The longest: hashing is linear in it, and nobody types more.
pub const MAX_CHARS: usize = 256;

/// Each hash holds 19 MiB for its duration: a burst of sign-ins waits here instead of exhausting memory.
const CONCURRENT_HASHES: usize = 2;

fn hasher() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("OWASP's argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| Semaphore::new(CONCURRENT_HASHES))
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) stored for `password`, with a fresh random salt.
pub fn hash_blocking(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| format!("no randomness for a password salt: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| format!("cannot encode a salt: {e}"))?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("cannot hash a password: {e}"))
}

/// The dummy hash that [`verify_blocking`] checks when there is no account: made once, at start, so that the
/// first unknown username does not take longer than the others.
fn dummy() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("not the password of any account").unwrap_or_default())
}

/// Makes the dummy hash now (at start) rather than at the first sign-in.
pub fn warm_up() {
    dummy();
}

/// Whether `password` is the one `stored` was made from. With no stored hash (an unknown user, the service
/// account) a dummy hash is checked all the same, so the answer takes as long as for a real account and does
/// not tell which usernames exist.
pub fn verify_blocking(password: &str, stored: Option<&str>) -> bool {
    let (phc, real) = match stored {
        Some(s) => (s, true),
        None => (dummy(), false),
    };
    let Ok(parsed) = PasswordHash::new(phc) else {
        tracing::error!("a stored password hash is not a PHC string");
        return false;
    };
    hasher().verify_password(password.as_bytes(), &parsed).is_ok() && real
}

/// [`hash_blocking`] on a blocking thread, at most [`CONCURRENT_HASHES`] at a time.
pub async fn hash(password: String) -> Result<String, String> {
    let _permit = permits().acquire().await.map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|e| e.to_string())?
}

/// [`verify_blocking`] on a blocking thread, at most [`CONCURRENT_HASHES`] at a time.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    let Ok(_permit) = permits().acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || verify_blocking(&password, stored.as_deref()))
        .await
        .unwrap_or(false)
}

/// Why `password` may not be used by `username`, as a validation rule code: too short, too long, or the username.
pub fn weakness(password: &str, username: &str) -> Option<&'static str> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        Some("too_short")
    } else if chars > MAX_CHARS {
        Some("too_long")
    } else if password.trim().eq_ignore_ascii_case(username.trim()) {
        Some("same_as_username")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_salted_argon2id_at_owasp_parameters_and_verifies_only_its_password() {
        let stored = hash_blocking("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");
        assert!(!stored.contains("correct horse"));
        assert_ne!(
            stored,
            hash_blocking("correct horse battery").unwrap(),
            "a fresh salt each time"
        );
        assert!(verify_blocking("correct horse battery", Some(&stored)));
        assert!(!verify_blocking("correct horse batterz", Some(&stored)));
        assert!(
            !verify_blocking("not the password of any account", None),
            "the dummy never lets anyone in"
        );
        assert!(!verify_blocking("x", Some("not a phc string")));
    }

    #[test]
    fn weak_passwords_are_named() {
        assert_eq!(weakness("short", "budi"), Some("too_short"));
        assert_eq!(weakness("petugas-budi", "Petugas-Budi"), Some("same_as_username"));
        assert_eq!(weakness(&"x".repeat(MAX_CHARS + 1), "budi"), Some("too_long"));
        assert_eq!(weakness("twelve chars", "budi"), None);
    }
}
