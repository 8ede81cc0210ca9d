//! Ticket numbers and access codes.
//!
//! The alphabet leaves out 0, O, 1, I and L so that a number read aloud or copied by hand cannot be
//! confused. It has 31 symbols, a prime, so a weighted check character modulo 31 with distinct non-zero
//! weights catches every single wrong character and every swap of two neighbours before any request.

use std::fmt;

pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters of a ticket before its check character.
pub const BODY_LEN: usize = 8;
pub const TICKET_LEN: usize = BODY_LEN + 1;
pub const ACCESS_CODE_LEN: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ticket(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TicketError {
    Empty,
    /// Not 9 characters once spaces and dashes are removed.
    Length,
    /// A character outside the alphabet, e.g. O or 1.
    Character(char),
    /// The check character does not match: a typo.
    Typo,
}

fn value_of(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The check character that makes Σ (i+1)·vᵢ ≡ 0 (mod 31) over all nine positions.
fn check_char(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, &c)| (i as u32 + 1) * value_of(c).unwrap())
        .sum();
    let weight = TICKET_LEN as u32;
    // Solve weight·x ≡ −sum (mod 31): 31 is prime, so weight has an inverse, found among the 31 residues.
    let inverse = (0..31).find(|x| (weight * x) % 31 == 1).unwrap();
    let x = ((31 - sum % 31) % 31 * inverse) % 31;
    ALPHABET[x as usize]
}

impl Ticket {
    /// A ticket from 64 random bits (the caller supplies randomness; this crate has none).
    pub fn from_random(mut bits: u64) -> Ticket {
        let mut s = Vec::with_capacity(TICKET_LEN);
        for _ in 0..BODY_LEN {
            s.push(ALPHABET[(bits % 31) as usize]);
            bits /= 31;
        }
        s.push(check_char(&s));
        Ticket(String::from_utf8(s).expect("alphabet is ASCII"))
    }

    /// Accepts any case, spaces and dashes; rejects anything that is not a valid ticket.
    pub fn parse(input: &str) -> Result<Ticket, TicketError> {
        let cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if cleaned.is_empty() {
            return Err(TicketError::Empty);
        }
        if let Some(bad) = cleaned.chars().find(|c| !c.is_ascii() || value_of(*c as u8).is_none()) {
            return Err(TicketError::Character(bad));
        }
        if cleaned.len() != TICKET_LEN {
            return Err(TicketError::Length);
        }
        let bytes = cleaned.as_bytes();
        if check_char(&bytes[..BODY_LEN]) != bytes[BODY_LEN] {
            return Err(TicketError::Typo);
        }
        Ok(Ticket(cleaned))
    }

    /// The canonical form used in URLs and storage, e.g. `K7M3Q9XRT`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Grouped for reading aloud, e.g. `K7M-3Q9-XRT`.
    pub fn grouped(&self) -> String {
        group(&self.0, 3)
    }
}

impl fmt::Display for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An access code from 64 random bits, grouped `ABCD-EFGH`.
pub fn access_code_from_random(mut bits: u64) -> String {
    let mut s = String::with_capacity(ACCESS_CODE_LEN);
    for _ in 0..ACCESS_CODE_LEN {
        s.push(ALPHABET[(bits % 31) as usize] as char);
        bits /= 31;
    }
    group(&s, 4)
}

/// Access codes compare case-insensitively and without dashes or spaces.
pub fn normalize_access_code(input: &str) -> String {
    input
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn group(s: &str, size: usize) -> String {
    s.as_bytes()
        .chunks(size)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: u64) -> Ticket {
        Ticket::from_random(n.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    #[test]
    fn generated_tickets_parse_back_in_any_presentation() {
        for n in 0..500 {
            let t = sample(n);
            assert_eq!(Ticket::parse(t.as_str()), Ok(t.clone()));
            assert_eq!(Ticket::parse(&t.grouped().to_lowercase()), Ok(t.clone()));
            assert_eq!(
                Ticket::parse(&format!("  {} ", t.grouped().replace('-', " "))),
                Ok(t.clone())
            );
        }
    }

    #[test]
    fn every_single_substitution_is_caught() {
        for n in 0..200 {
            let t = sample(n);
            for pos in 0..TICKET_LEN {
                for &c in ALPHABET.iter() {
                    let mut b = t.as_str().as_bytes().to_vec();
                    if b[pos] == c {
                        continue;
                    }
                    b[pos] = c;
                    let typo = String::from_utf8(b).unwrap();
                    assert_eq!(Ticket::parse(&typo), Err(TicketError::Typo), "{typo} from {t}");
                }
            }
        }
    }

    #[test]
    fn every_adjacent_swap_is_caught() {
        for n in 0..500 {
            let t = sample(n);
            for pos in 0..TICKET_LEN - 1 {
                let mut b = t.as_str().as_bytes().to_vec();
                if b[pos] == b[pos + 1] {
                    continue;
                }
                b.swap(pos, pos + 1);
                assert_eq!(Ticket::parse(std::str::from_utf8(&b).unwrap()), Err(TicketError::Typo));
            }
        }
    }

    #[test]
    fn ambiguous_characters_and_wrong_lengths_are_refused() {
        assert_eq!(Ticket::parse(""), Err(TicketError::Empty));
        assert_eq!(Ticket::parse(" - "), Err(TicketError::Empty));
        assert_eq!(Ticket::parse("O23456789"), Err(TicketError::Character('O')));
        assert_eq!(Ticket::parse("123456789"), Err(TicketError::Character('1')));
        assert_eq!(Ticket::parse("l23456789"), Err(TicketError::Character('L')));
        assert_eq!(Ticket::parse("ABCD"), Err(TicketError::Length));
        assert_eq!(Ticket::parse("é"), Err(TicketError::Character('é')));
    }

    #[test]
    fn tickets_are_not_sequential() {
        let a = Ticket::from_random(1);
        let b = Ticket::from_random(2);
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), TICKET_LEN);
    }

    #[test]
    fn access_codes_are_grouped_and_normalise() {
        let code = access_code_from_random(123_456_789_012);
        assert_eq!(code.len(), ACCESS_CODE_LEN + 1);
        assert_eq!(&code[4..5], "-");
        assert_eq!(normalize_access_code(&code.to_lowercase()), code.replace('-', ""));
    }
}
