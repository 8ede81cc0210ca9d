//! WCAG 2.1 contrast between two colours, so a municipality's theme colours can be checked where they are
//! applied (white text on the primary colour, the primary colour as link text on white).

/// `#rrggbb` or `#rgb`.
pub fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let hex = s.trim().strip_prefix('#')?;
    // Checked first, so slicing below always falls on character boundaries.
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digits: Vec<u8> = match hex.len() {
        6 => (0..3)
            .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
            .collect::<Option<_>>()?,
        3 => hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| (d * 17) as u8))
            .collect::<Option<_>>()?,
        _ => return None,
    };
    Some([digits[0], digits[1], digits[2]])
}

fn channel(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.03928 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

pub fn relative_luminance([r, g, b]: [u8; 3]) -> f64 {
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// From 1 (no contrast) to 21 (black on white).
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Normal text needs 4.5:1 for WCAG 2.1 AA.
pub const AA_TEXT: f64 = 4.5;
pub const WHITE: [u8; 3] = [255, 255, 255];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_pairs_have_their_published_ratios() {
        assert!((contrast_ratio([0, 0, 0], WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic just-passing grey: 4.54:1.
        let grey = contrast_ratio(parse_hex("#767676").unwrap(), WHITE);
        assert!(grey > AA_TEXT && grey < 4.6, "{grey}");
        // The shipped primary colour passes; a bright yellow does not.
        assert!(contrast_ratio(parse_hex("#0b5394").unwrap(), WHITE) > 7.0);
        assert!(contrast_ratio(parse_hex("#ffeb3b").unwrap(), WHITE) < 1.5);
    }

    #[test]
    fn hex_forms_parse_and_nonsense_does_not() {
        assert_eq!(parse_hex("#0B5394"), Some([11, 83, 148]));
        assert_eq!(parse_hex("#fff"), Some([255, 255, 255]));
        assert_eq!(parse_hex("0b5394"), None);
        assert_eq!(parse_hex("#12345g"), None);
        assert_eq!(parse_hex("#1234"), None);
        assert_eq!(
            parse_hex("#a€bc"),
            None,
            "six bytes that are not six digits must not be sliced"
        );
    }
}
