//! What this portal asks beyond GeoReport v2's basic fields, for a client that sends only those: a title
//! taken from the description, and no district or incident date rather than made-up ones.

use aduan_core::validation::{validate_report, Required, Rule};
use aduan_core::{NewReport, Portal};
use chrono::NaiveDate;

/// A title from `description`: its first sentence when that fits the portal's title limits, else its first
/// words up to `max` characters (with an ellipsis when cut). Whitespace runs become single spaces.
pub fn derived_title(description: &str, min: usize, max: usize) -> String {
    let text = description.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence_end = text
        .char_indices()
        .find(|(i, c)| matches!(c, '.' | '!' | '?') && text[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = sentence_end {
        let sentence = &text[..end];
        if (min..=max).contains(&sentence.chars().count()) {
            return sentence.to_string();
        }
    }
    if text.chars().count() <= max {
        return text;
    }
    // Room for the ellipsis; cut at the last space inside it, or mid-word when there is none.
    let room: String = text.chars().take(max.saturating_sub(1)).collect();
    let ends_a_word = text[room.len()..].starts_with(' ');
    let cut = if ends_a_word {
        room.len()
    } else {
        room.rfind(' ')
            .filter(|&i| room[..i].chars().count() >= min)
            .unwrap_or(room.len())
    };
    format!("{}…", room[..cut].trim_end())
}

/// The portal's checks, except that an Open311 client may leave out the district and the incident date
/// (which `/api/v1` requires); one it gives is checked.
pub fn validate(input: &NewReport, portal: &Portal, today: NaiveDate) -> Result<NewReport, Vec<(&'static str, Rule)>> {
    validate_report(
        input,
        portal,
        today,
        Required {
            incident_date: false,
            region: false,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::derived_title;

    #[test]
    fn the_title_is_the_first_sentence_when_it_fits() {
        assert_eq!(
            derived_title("Lampu jalan mati.  Sudah seminggu gelap.", 10, 150),
            "Lampu jalan mati."
        );
        assert_eq!(
            derived_title("Jalan   berlubang\ndi depan pasar", 10, 150),
            "Jalan berlubang di depan pasar"
        );
    }

    #[test]
    fn a_short_first_sentence_gives_more_words_and_a_long_text_is_cut_at_a_word() {
        assert_eq!(
            derived_title("Rusak. Jembatan kayu di desa", 10, 150),
            "Rusak. Jembatan kayu di desa"
        );
        let long = "kata ".repeat(60);
        let title = derived_title(&long, 10, 30);
        assert!(title.chars().count() <= 30, "{title}");
        assert_eq!(title, "kata kata kata kata kata kata…");
        let one_word = "a".repeat(40);
        assert_eq!(derived_title(&one_word, 10, 20).chars().count(), 20);
    }
}
