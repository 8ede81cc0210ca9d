//! Hashes and unpredictable numbers: what the server needs of cryptography, in one place.

use aduan_core::ticket::normalize_access_code;
use sha2::{Digest, Sha256};

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Access codes are stored hashed: a leaked database does not open confidential reports.
pub fn access_code_hash(code: &str) -> String {
    sha256_hex(normalize_access_code(code).as_bytes())
}

/// Random bits from the operating system: tickets and access codes must not be predictable.
pub fn secure_random() -> u64 {
    let mut buf = [0u8; 8];
    getrandom::fill(&mut buf).expect("the operating system provides randomness");
    u64::from_le_bytes(buf)
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
    fn access_codes_hash_the_same_however_they_are_typed() {
        let code = aduan_core::ticket::access_code_from_random(42);
        assert_eq!(access_code_hash(&code), access_code_hash(&code.to_lowercase()));
        assert_ne!(access_code_hash(&code), sha256_hex(b""));
    }

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(secrets_match("token", "token"));
        assert!(!secrets_match("token", "tokem"));
        assert!(!secrets_match("", "token"));
    }
}
