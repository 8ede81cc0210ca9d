//! Answers to a service's attributes (its extra questions): checked as the citizen types them, and
//! prepared for sending.

use std::collections::BTreeMap;

use super::Attribute;
use crate::validation::Rule;

/// Whether an answer reads as a decimal number (`12`, `-3,5`, `0.25`), checked by its characters rather
/// than by the standard float parser, which the browser build would otherwise carry only for this.
fn reads_as_number(v: &str) -> bool {
    let digits = v.strip_prefix(['-', '+']).unwrap_or(v);
    let mut parts = digits.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(|f| all_digits(f) && !f.is_empty()) && !whole.is_empty()
}

/// An answer to one of a service's attributes, as it will be sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub code: String,
    pub values: Vec<String>,
    /// A `multivaluelist`: sent as `attribute[code][]` even with one value.
    pub list: bool,
}

/// The answers to send for the current questions, in their order: empty ones and any left over from another
/// category are left out, and a number's decimal comma becomes the point servers parse.
pub fn answers_to_send(questions: &[Attribute], given: &BTreeMap<String, Vec<String>>) -> Vec<Answer> {
    questions
        .iter()
        .filter(|q| q.variable)
        .filter_map(|q| {
            let values: Vec<String> = given
                .get(&q.code)?
                .iter()
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .map(|v| {
                    if q.datatype == "number" {
                        v.replace(',', ".")
                    } else {
                        v.to_string()
                    }
                })
                .collect();
            (!values.is_empty()).then(|| Answer {
                code: q.code.clone(),
                values,
                list: q.datatype == "multivaluelist",
            })
        })
        .collect()
}

/// The field name of a service attribute in our form's problems (`attribute.{code}`).
pub fn answer_field(code: &str) -> String {
    format!("attribute.{code}")
}

/// Problems with the answers to a service's attributes, in the attributes' order: a required one left empty,
/// a number or date that does not read as one, a choice that is not on the list. Informational attributes
/// (`variable: false`) ask nothing.
pub fn answer_problems(attributes: &[Attribute], answers: &BTreeMap<String, Vec<String>>) -> Vec<(String, Rule)> {
    let mut problems = Vec::new();
    for a in attributes.iter().filter(|a| a.variable) {
        let given: Vec<&str> = answers
            .get(&a.code)
            .map(|v| v.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        let fits = |v: &str| match a.datatype.as_str() {
            "number" => reads_as_number(v),
            "datetime" => v.get(..10).is_some_and(|d| d.parse::<chrono::NaiveDate>().is_ok()),
            "singlevaluelist" | "multivaluelist" => a.values.iter().any(|choice| choice.key == v),
            _ => true,
        };
        let problem = if given.is_empty() {
            a.required.then_some(Rule::Required)
        } else if a.datatype == "singlevaluelist" && given.len() > 1 {
            Some(Rule::TooMany)
        } else if !given.iter().all(|v| fits(v)) {
            Some(Rule::Unknown)
        } else {
            None
        };
        if let Some(rule) = problem {
            problems.push((answer_field(&a.code), rule));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_checked_against_the_spec_definition() {
        let def: crate::open311::ServiceDefinition =
            serde_json::from_str(include_str!("fixtures/service_definition.json")).unwrap();
        let answers = |pairs: &[(&str, &[&str])]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.iter().map(ToString::to_string).collect()))
                .collect::<BTreeMap<_, _>>()
        };
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[])),
            vec![("attribute.WHISHETN".to_string(), Rule::Required)]
        );
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[("WHISHETN", &["  "])])),
            vec![("attribute.WHISHETN".to_string(), Rule::Required)]
        );
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[("WHISHETN", &["999"])])),
            vec![("attribute.WHISHETN".to_string(), Rule::Unknown)]
        );
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[("WHISHETN", &["123", "124"])])),
            vec![("attribute.WHISHETN".to_string(), Rule::TooMany)]
        );
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[("WHISHETN", &["124"])])),
            vec![]
        );
        let typed = |datatype: &str, required: bool| Attribute {
            variable: true,
            code: "x".into(),
            datatype: datatype.into(),
            required,
            datatype_description: None,
            order: None,
            description: None,
            values: vec![],
        };
        assert_eq!(
            answer_problems(&[typed("number", false)], &answers(&[("x", &["3,5"])])),
            vec![]
        );
        assert_eq!(
            answer_problems(&[typed("number", false)], &answers(&[("x", &["tiga"])])).len(),
            1
        );
        assert_eq!(
            answer_problems(&[typed("datetime", true)], &answers(&[("x", &["2026-11-20"])])),
            vec![]
        );
        assert_eq!(
            answer_problems(&[typed("datetime", true)], &answers(&[("x", &["20/11/2026"])])).len(),
            1
        );
        assert_eq!(
            answer_problems(&[typed("text", false)], &answers(&[])),
            vec![],
            "optional and empty is fine"
        );
        let shown_only = Attribute {
            variable: false,
            ..typed("string", true)
        };
        assert_eq!(
            answer_problems(&[shown_only], &answers(&[])),
            vec![],
            "information asks nothing"
        );
    }

    #[test]
    fn only_current_non_empty_answers_are_sent_with_numbers_in_point_notation() {
        let question = |code: &str, datatype: &str, variable: bool| Attribute {
            variable,
            code: code.into(),
            datatype: datatype.into(),
            required: false,
            datatype_description: None,
            order: None,
            description: None,
            values: vec![],
        };
        let given: BTreeMap<String, Vec<String>> = [
            ("judul", vec![" Jalan rusak "]),
            ("kosong", vec!["  "]),
            ("lama", vec!["dari kategori lain"]),
            ("lebar", vec!["3,5"]),
            ("jenis", vec!["a"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
        .collect();
        let questions = [
            question("judul", "string", true),
            question("kosong", "string", true),
            question("info", "string", false),
            question("lebar", "number", true),
            question("jenis", "multivaluelist", true),
        ];
        let sent = answers_to_send(&questions, &given);
        let expected = vec![
            Answer {
                code: "judul".into(),
                values: vec!["Jalan rusak".into()],
                list: false,
            },
            Answer {
                code: "lebar".into(),
                values: vec!["3.5".into()],
                list: false,
            },
            Answer {
                code: "jenis".into(),
                values: vec!["a".into()],
                list: true,
            },
        ];
        assert_eq!(sent, expected);
    }

    #[test]
    fn numbers_are_read_with_a_decimal_point_or_comma() {
        for (text, ok) in [
            ("12", true),
            ("-3,5", true),
            ("+0.25", true),
            ("1.", false),
            (".5", false),
            ("1.2.3", false),
            ("tiga", false),
            ("", false),
            ("1e3", false),
        ] {
            assert_eq!(reads_as_number(text), ok, "{text}");
        }
    }
}
