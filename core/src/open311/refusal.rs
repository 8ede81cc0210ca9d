//! The server's own words in a refusal, whatever shape they came in: the specification's error array, an
//! object with `description`, `message` or `error` (an API gateway's `{"type":"forbidden","message":"…"}`),
//! a bare JSON string, plain text, or an HTML page from a proxy. The words are quoted to the citizen as
//! text, so markup is reduced to a short plain excerpt and never rendered.

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// Longest excerpt quoted from a refusal; a proxy's page can be long.
pub const WORDS_MAX: usize = 300;

/// Members that carry an explanation, most telling first.
const MEMBERS: [&str; 6] = ["description", "message", "error", "detail", "title", "errors"];

/// The words of a JSON refusal, read with a small visitor (no `serde_json::Value` in the browser build).
struct Words(Option<String>);

struct WordsVisitor;

impl<'de> Visitor<'de> for WordsVisitor {
    type Value = Words;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an error document")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Words, E> {
        Ok(Words(Some(v.to_string())))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Words, E> {
        Ok(Words(None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Words, E> {
        Ok(Words(None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Words, E> {
        Ok(Words(None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Words, E> {
        Ok(Words(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Words, E> {
        Ok(Words(None))
    }

    /// Each element's words, joined: the specification's array has one description per problem.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Words, A::Error> {
        let mut all = Vec::new();
        while let Some(Words(words)) = seq.next_element()? {
            all.extend(words);
        }
        Ok(Words((!all.is_empty()).then(|| all.join(" "))))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Words, A::Error> {
        let mut found: [Option<String>; MEMBERS.len()] = Default::default();
        while let Some(member) = map.next_key::<String>()? {
            match MEMBERS.iter().position(|m| member.eq_ignore_ascii_case(m)) {
                Some(at) => found[at] = map.next_value::<Words>()?.0,
                None => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(Words(found.into_iter().flatten().find(|w| !w.trim().is_empty())))
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Words, D::Error> {
        d.deserialize_any(WordsVisitor)
    }
}

/// What the server said in `body`, as plain text of at most [`WORDS_MAX`] characters, or `None` when it
/// said nothing readable.
pub fn server_words(body: &str) -> Option<String> {
    let body = body.trim();
    let words = match serde_json::from_str::<Words>(body) {
        Ok(Words(words)) => words?,
        Err(_) if body.starts_with('<') => text_of_markup(body),
        Err(_) => body.to_string(),
    };
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    (!words.is_empty()).then(|| excerpt(&words))
}

/// The text of an HTML or XML page: its title if it has one (a proxy's "502 Bad Gateway"), else its text
/// without tags, scripts and styles.
fn text_of_markup(page: &str) -> String {
    let lower = page.to_ascii_lowercase();
    if let (Some(start), Some(end)) = (lower.find("<title>"), lower.find("</title>")) {
        let title = page.get(start + "<title>".len()..end).unwrap_or("").trim();
        if !title.is_empty() {
            return title.to_string();
        }
    }
    let mut text = String::new();
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let tag = &rest[open..];
        let tag_lower = tag.get(..7).unwrap_or(tag).to_ascii_lowercase();
        // The contents of scripts and styles are not words.
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|t| tag_lower.starts_with(*t))
            .and_then(|t| tag.to_ascii_lowercase().find(&format!("</{}", &t[1..])));
        let from = skip_to.unwrap_or(0);
        rest = match tag[from..].find('>') {
            Some(close) => &tag[from + close + 1..],
            None => "",
        };
    }
    text.push_str(rest);
    unescape(&text)
}

/// The few entities error pages use; anything else stays as written (it is shown as text either way).
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

fn excerpt(words: &str) -> String {
    if words.chars().count() <= WORDS_MAX {
        return words.to_string();
    }
    let cut: String = words.chars().take(WORDS_MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_specifications_array_gives_its_descriptions() {
        assert_eq!(
            server_words(include_str!("fixtures/errors.json")).as_deref(),
            Some("Invalid api_key received -- can't proceed with create_request.")
        );
        assert_eq!(
            server_words(r#"[{"code":400,"description":"a"},{"code":400,"description":"b"}]"#).as_deref(),
            Some("a b")
        );
    }

    #[test]
    fn objects_give_their_description_message_or_error() {
        let said = |body: &str| server_words(body);
        assert_eq!(
            said(r#"{"type":"forbidden","message":"API key  not valid"}"#).as_deref(),
            Some("API key not valid")
        );
        assert_eq!(
            said(r#"{"error":"Kunci API salah"}"#).as_deref(),
            Some("Kunci API salah")
        );
        assert_eq!(
            said(r#"{"error":{"code":403,"message":"Quota exceeded"}}"#).as_deref(),
            Some("Quota exceeded")
        );
        assert_eq!(
            said(r#"{"message":"m","description":"d"}"#).as_deref(),
            Some("d"),
            "the description is the most telling"
        );
        assert_eq!(
            said(r#"{"title":"Forbidden","status":403}"#).as_deref(),
            Some("Forbidden")
        );
        assert_eq!(said(r#""just a string""#).as_deref(), Some("just a string"));
        assert_eq!(said(r#"{"status":403}"#), None);
        assert_eq!(said("  "), None);
    }

    #[test]
    fn plain_text_is_quoted_and_markup_becomes_a_short_plain_excerpt() {
        assert_eq!(
            server_words("Missing field: description\n").as_deref(),
            Some("Missing field: description")
        );
        let proxy = "<!DOCTYPE html><html><head><title>403 Forbidden</title><style>h1{}</style></head>\
                     <body><h1>Forbidden</h1></body></html>";
        assert_eq!(server_words(proxy).as_deref(), Some("403 Forbidden"));
        let untitled =
            "<html><head><script>alert('x')</script></head><body><p>Akses &amp; kunci <b>ditolak</b></p></body></html>";
        assert_eq!(server_words(untitled).as_deref(), Some("Akses & kunci ditolak"));
        let long = "x ".repeat(400);
        let cut = server_words(&long).unwrap();
        assert_eq!(cut.chars().count(), WORDS_MAX);
        assert!(cut.ends_with('…'));
    }
}
