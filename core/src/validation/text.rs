//! The rules for free text shared by every field: trimming, length in characters, control characters, what
//! counts as empty, and the characters that change the direction of text.

use super::Rule;

/// Characters that show nothing: zero-width space, non-joiner, joiner, word joiner, and the byte order mark.
/// Text made only of these (and whitespace) looks empty, so it counts as empty.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks
/// (U+200E, U+200F, U+061C). In a title, a name or a file name they can make text read differently from what
/// it is (`gpj.exe` shown as `exe.jpg`) wherever it is shown out of context (lists, the staff console);
/// right-to-left words display correctly without them.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// [`Rule::DirectionCharacters`] when `text` has a character of [`is_direction_control`].
pub fn refuse_direction_controls(text: &str) -> Result<(), Rule> {
    if text.chars().any(is_direction_control) {
        Err(Rule::DirectionCharacters)
    } else {
        Ok(())
    }
}

/// Trims `input` (whitespace and invisible characters at either end) and checks its length in characters and
/// that it carries no control characters (line breaks and tabs are allowed where `multiline`). Text of only
/// invisible characters is empty. Returns the cleaned text.
pub fn clean_text(input: &str, min: usize, max: usize, multiline: bool) -> Result<String, Rule> {
    let normalized = input.replace("\r\n", "\n");
    let text = normalized.trim_matches(is_invisible);
    let bad = |c: char| c.is_control() && !(multiline && (c == '\n' || c == '\t'));
    if text.chars().any(bad) {
        return Err(Rule::ControlCharacters);
    }
    let len = text.chars().count();
    if len == 0 && min > 0 {
        return Err(Rule::Required);
    }
    if len < min {
        return Err(Rule::TooShort);
    }
    if len > max {
        return Err(Rule::TooLong);
    }
    Ok(text.to_string())
}

/// A pragmatic check: one `@`, something before it, a dotted domain after it, no spaces.
pub fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Indonesian and international numbers: digits with an optional leading +, spaces and dashes allowed,
/// 8 to 15 digits.
pub fn is_plausible_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let allowed = s
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == ' ' || c == '-' || (i == 0 && c == '+'));
    allowed && (8..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(clean_text(&"é".repeat(150), 1, 150, false).is_ok());
        assert_eq!(clean_text(&"😀".repeat(151), 1, 150, false), Err(Rule::TooLong));
    }
}
