//! Hashes, keys and unpredictable numbers: what the server needs of cryptography, in one place.

use std::path::Path;

use aduan_core::ticket::normalize_access_code;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// The file in the data directory that holds the server's secret key.
pub const KEY_FILE: &str = "secret-key";
const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;

/// Keys derived from `<data>/secret-key`, which never enters the database: with the database alone, neither an
/// access code nor an idempotency key can be recovered or tested. One key per purpose, so that a value made for
/// one use is worthless in another.
pub struct Secrets {
    access_codes: [u8; 32],
    idempotency_keys: [u8; 32],
    session_tokens: [u8; 32],
    sealing: XChaCha20Poly1305,
    fingerprint: String,
}

impl Secrets {
    pub fn from_key(key: &[u8; KEY_LEN]) -> Secrets {
        let sealing = hmac(key, b"aduan idempotency answers v1");
        Secrets {
            access_codes: hmac(key, b"aduan access codes v1"),
            idempotency_keys: hmac(key, b"aduan idempotency keys v1"),
            session_tokens: hmac(key, b"aduan staff session tokens v1"),
            sealing: XChaCha20Poly1305::new(&sealing.into()),
            fingerprint: hex(&hmac(key, b"aduan key fingerprint v1")),
        }
    }

    /// Reads the key file, or creates it (mode 0600, synced to disk) when `may_create`; a file that exists but
    /// cannot be read or has the wrong length stops the start rather than being replaced.
    pub fn load_or_create(dir: &Path, may_create: bool) -> Result<Secrets, String> {
        let path = dir.join(KEY_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let key: [u8; KEY_LEN] = bytes.try_into().map_err(|bytes: Vec<u8>| {
                    format!(
                        "{} holds {} bytes, not the 32 bytes of a key: restore it from the backup of this data \
                         directory",
                        path.display(),
                        bytes.len()
                    )
                })?;
                Ok(Secrets::from_key(&key))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && may_create => {
                let mut key = [0u8; KEY_LEN];
                getrandom::fill(&mut key).map_err(|e| format!("no randomness for a new key: {e}"))?;
                crate::files::write_private(&path, &key, true)?;
                tracing::info!(
                    "created the secret key {}: back it up with the database",
                    path.display()
                );
                Ok(Secrets::from_key(&key))
            }
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    /// Identifies the key without revealing it: the database records it to refuse a start with another key.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// What is stored of an access code: HMAC-SHA256 under the server key of the code's unkeyed hash, so that
    /// hashes stored before the key existed can be upgraded by [`Secrets::upgrade_unkeyed_hash`].
    pub fn access_code_hash(&self, code: &str) -> String {
        self.upgrade_unkeyed_hash(&sha256_hex(normalize_access_code(code).as_bytes()))
    }

    /// The keyed hash of an access code whose unkeyed SHA-256 (lowercase hex) is all that is known.
    pub fn upgrade_unkeyed_hash(&self, unkeyed: &str) -> String {
        hex(&hmac(&self.access_codes, unkeyed.as_bytes()))
    }

    /// Whether `code` is the one `stored` was made from, in time that does not depend on where they differ.
    pub fn access_code_matches(&self, code: &str, stored: &str) -> bool {
        self.access_code_hash(code).as_bytes().ct_eq(stored.as_bytes()).into()
    }

    /// What is stored of an idempotency key: the client's key may be guessable (a draft number), its hash not.
    pub fn idempotency_key_hash(&self, key: &str) -> String {
        hex(&hmac(&self.idempotency_keys, key.as_bytes()))
    }

    /// What is stored of a staff session token: a copy of the database alone gives no token that signs in.
    pub fn session_token_hash(&self, token: &str) -> String {
        hex(&hmac(&self.session_tokens, token.as_bytes()))
    }

    /// Encrypts `secret` bound to `context`: the result opens only with the same context.
    pub fn seal(&self, secret: &str, context: &str) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).expect("the operating system provides randomness");
        let payload = Payload {
            msg: secret.as_bytes(),
            aad: context.as_bytes(),
        };
        let sealed = self
            .sealing
            .encrypt(XNonce::from_slice(&nonce), payload)
            .expect("XChaCha20-Poly1305 encrypts any short message");
        [nonce.as_slice(), &sealed].concat()
    }

    /// The secret [`Secrets::seal`] encrypted with `context`, or None if it was altered or sealed otherwise.
    pub fn open(&self, sealed: &[u8], context: &str) -> Option<String> {
        let (nonce, ciphertext) = sealed.split_at_checked(NONCE_LEN)?;
        let payload = Payload {
            msg: ciphertext,
            aad: context.as_bytes(),
        };
        let plain = self.sealing.decrypt(XNonce::from_slice(nonce), payload).ok()?;
        String::from_utf8(plain).ok()
    }
}

/// Random bits from the operating system: tickets and access codes must not be predictable.
pub fn secure_random() -> u64 {
    let mut buf = [0u8; 8];
    getrandom::fill(&mut buf).expect("the operating system provides randomness");
    u64::from_le_bytes(buf)
}

/// A bearer token: 32 bytes from the operating system as 43 characters of URL-safe base64.
pub fn new_token() -> Result<String, String> {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness for a token: {e}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// Compares digests so the time taken does not reveal how much of a guessed secret was right.
pub fn secrets_match(given: &str, expected: &str) -> bool {
    Sha256::digest(given.as_bytes()) == Sha256::digest(expected.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn access_codes_hash_the_same_however_they_are_typed_and_only_under_their_key() {
        let secrets = Secrets::from_key(&[1; 32]);
        let code = aduan_core::ticket::access_code_from_random(42);
        let stored = secrets.access_code_hash(&code);
        assert_eq!(stored, secrets.access_code_hash(&code.to_lowercase()));
        assert!(secrets.access_code_matches(&code.to_lowercase(), &stored));
        assert!(!secrets.access_code_matches("ZZZZ-ZZZZ", &stored));
        assert!(!Secrets::from_key(&[2; 32]).access_code_matches(&code, &stored));
        let unkeyed = sha256_hex(normalize_access_code(&code).as_bytes());
        assert_ne!(stored, unkeyed);
        assert_eq!(secrets.upgrade_unkeyed_hash(&unkeyed), stored);
    }

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_context() {
        let secrets = Secrets::from_key(&[1; 32]);
        let sealed = secrets.seal("ABCD-EFGH", "key-1");
        assert!(!sealed.windows(9).any(|w| w == b"ABCD-EFGH"));
        assert_ne!(sealed, secrets.seal("ABCD-EFGH", "key-1"), "a fresh nonce every time");
        assert_eq!(secrets.open(&sealed, "key-1").as_deref(), Some("ABCD-EFGH"));
        assert_eq!(secrets.open(&sealed, "key-2"), None);
        assert_eq!(Secrets::from_key(&[2; 32]).open(&sealed, "key-1"), None);
        assert_eq!(secrets.open(&sealed[..10], "key-1"), None);
    }

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(secrets_match("token", "token"));
        assert!(!secrets_match("token", "tokem"));
        assert!(!secrets_match("", "token"));
    }
}
