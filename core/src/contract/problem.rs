//! Errors as RFC 9457 problem documents, with the validation failures they carry.

use serde::{Deserialize, Serialize};

/// One validation failure, as carried in a problem document's `errors`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// RFC 9457 `application/problem+json`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

fn about_blank() -> String {
    "about:blank".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_uses_type_field_and_omits_empty_errors() {
        let p = Problem {
            kind: "about:blank".into(),
            title: "Not found".into(),
            status: 404,
            detail: None,
            errors: vec![],
        };
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["type"], "about:blank");
        assert!(v.get("errors").is_none());
        let back: Problem = serde_json::from_str(
            r#"{"title":"t","status":422,"errors":[{"field":"title","code":"required","message":"m"}]}"#,
        )
        .unwrap();
        assert_eq!(back.kind, "about:blank");
        assert_eq!(back.errors[0].field, "title");
    }
}
