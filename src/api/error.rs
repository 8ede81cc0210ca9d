//! What went wrong with a request, and the one place that says which catalogue message explains it.

use aduan_core::Problem;

use crate::i18n::field_errors;

/// What went wrong with a request, in terms a page can explain to a citizen.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer: offline, DNS, CORS or the server is down.
    Network,
    /// The server answered with an error status; validation errors arrive in `problem.errors`.
    Status { status: u16, problem: Option<Problem> },
    /// The server answered something this client cannot read.
    Decode,
    /// The server answered in XML; only the JSON format of Open311 is read.
    XmlOnly,
}

/// A send the server refused: nothing was stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub status: u16,
    /// What the server said, as plain text, when it said anything.
    pub words: Option<String>,
}

/// Where an error is explained, which decides the words for the cases that mean something else there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorPlace {
    /// A page or part of a page that could not be loaded (`components::error_panel`).
    Panel,
    /// The reporter's own forms on the tracking page (access code, reply, rating), where the server refuses
    /// what was entered.
    ReporterForm,
}

impl ApiError {
    /// Field errors of a validation problem (422), as `(field, code)`.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        match self {
            ApiError::Status { problem: Some(p), .. } => {
                p.errors.iter().map(|e| (e.field.clone(), e.code.clone())).collect()
            }
            _ => vec![],
        }
    }

    /// What a page gets if it asks a backend for something its protocol has no place for; pages check
    /// [`super::Features`] first, so a citizen never meets it.
    pub fn not_in_protocol() -> ApiError {
        ApiError::Status {
            status: 501,
            problem: None,
        }
    }

    /// The server's refusal of an idempotency key already used with another body: a 422 that names no field
    /// (a refused report always names one).
    pub fn is_key_reused(&self) -> bool {
        matches!(self, ApiError::Status { status: 422, .. }) && self.field_errors().is_empty()
    }

    /// That refusal, as the server words it.
    pub fn key_reused() -> ApiError {
        ApiError::Status {
            status: 422,
            problem: Some(Problem {
                kind: "about:blank".into(),
                title: "Idempotency-Key reused".into(),
                status: 422,
                detail: None,
                errors: vec![],
            }),
        }
    }

    /// Problems the server put in its own words (Open311 error arrays), as `(field, message)`.
    pub fn messages(&self) -> Vec<(String, String)> {
        match self {
            ApiError::Status { problem: Some(p), .. } => p
                .errors
                .iter()
                .filter(|e| e.code == aduan_core::open311::SERVER_WORDS)
                .map(|e| (e.field.clone(), e.message.clone()))
                .collect(),
            _ => vec![],
        }
    }

    /// A refusal a server worded outside the specification's error array (an object, text, a proxy's page):
    /// its own words, as plain text, are the problem's detail.
    pub fn refused(status: u16, words: Option<String>) -> ApiError {
        ApiError::Status {
            status,
            problem: Some(Problem {
                kind: "about:blank".into(),
                title: words.clone().unwrap_or_default(),
                status,
                detail: words,
                errors: vec![],
            }),
        }
    }

    /// Whether the server answered that it did not store the request: any 4xx (a refusal, or "too many
    /// requests"), so that sending it again cannot make a second report.
    pub fn was_not_stored(&self) -> bool {
        matches!(self, ApiError::Status { status, .. } if (400..500).contains(status))
    }

    /// What a failed send means for the report. A 4xx other than 429 is a refusal: the report was not stored,
    /// and the server's words (when it gave any) say why. A 429 is no refusal of the report: it asks to wait,
    /// and the form sends again by itself. No answer, a 5xx or an answer that cannot be read leaves it unknown
    /// whether the report arrived (`None`).
    pub fn refusal(&self) -> Option<Refusal> {
        match self {
            ApiError::Status { status, problem } if self.was_not_stored() && *status != 429 => Some(Refusal {
                status: *status,
                words: problem
                    .as_ref()
                    .and_then(|p| p.detail.clone().or_else(|| Some(p.title.clone())))
                    .filter(|w| !w.trim().is_empty()),
            }),
            _ => None,
        }
    }

    /// Worth trying again: the network or the server failed, not the request.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network => true,
            ApiError::Status { status, .. } => *status >= 500 || *status == 429,
            ApiError::Decode | ApiError::XmlOnly => false,
        }
    }

    /// The catalogue key of the message that explains this error at `place`. A failed load is the server's or
    /// the network's fault unless the thing is not there; a reporter's form was refused because of what was
    /// entered (a wrong code, a finished report, a field's rule), and anything else is the server's fault.
    // Inlined, so that each caller keeps only its place's cases: the error panel is in the shell, and the
    // field rules' wording (`field_errors::key`) would otherwise come into it with the reporter's cases.
    #[inline(always)]
    pub fn message_key(&self, place: ErrorPlace) -> &'static str {
        use ErrorPlace::*;
        match (self, place) {
            (ApiError::Network, _) => "error.network",
            (ApiError::Status { status: 404, .. }, Panel) => "error.not_found",
            (ApiError::Status { status: 401 | 403, .. }, ReporterForm) => "err.access_code.wrong",
            (ApiError::Status { status: 409, .. }, ReporterForm) => "err.report_finished",
            (ApiError::Status { status: 422, .. }, ReporterForm) => match self.field_errors().first() {
                Some((field, code)) => field_errors::key(field, field_errors::rule_from_code(code)),
                None => "err.generic",
            },
            (ApiError::XmlOnly, Panel) => "error.xml_only",
            (ApiError::Status { .. } | ApiError::Decode, Panel) if !self.is_retryable() => "error.decode",
            (ApiError::Status { .. } | ApiError::Decode | ApiError::XmlOnly, _) => "error.server",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aduan_core::{FieldError, Problem};

    fn status(status: u16) -> ApiError {
        ApiError::Status { status, problem: None }
    }

    #[test]
    fn retryable_errors_are_the_ones_not_caused_by_the_request() {
        assert!(ApiError::Network.is_retryable());
        assert!(status(503).is_retryable());
        assert!(status(429).is_retryable());
        assert!(!status(422).is_retryable());
        assert!(!ApiError::Decode.is_retryable());
    }

    #[test]
    fn a_send_answered_with_any_4xx_is_a_refusal_and_only_no_answer_or_a_5xx_may_have_arrived() {
        let forbidden = ApiError::refused(403, Some("API key not valid".into()));
        assert_eq!(
            forbidden.refusal(),
            Some(Refusal {
                status: 403,
                words: Some("API key not valid".into())
            })
        );
        assert!(!forbidden.is_retryable());
        assert_eq!(
            ApiError::refused(400, None).refusal(),
            Some(Refusal {
                status: 400,
                words: None
            })
        );
        assert_eq!(status(404).refusal().map(|r| r.status), Some(404));
        // A rate limit is a wait, not a refusal of what the citizen wrote; it was not stored all the same.
        assert_eq!(status(429).refusal(), None);
        assert!(status(429).was_not_stored() && status(404).was_not_stored());
        assert!(!status(500).was_not_stored() && !ApiError::Network.was_not_stored());
        for unsure in [
            ApiError::Network,
            status(500),
            status(502),
            ApiError::Decode,
            ApiError::XmlOnly,
        ] {
            assert_eq!(unsure.refusal(), None, "{unsure:?}");
        }
        // Our contract's problem documents are quoted by their detail, or their title.
        let titled = ApiError::Status {
            status: 413,
            problem: Some(Problem {
                kind: "about:blank".into(),
                title: "Payload Too Large".into(),
                status: 413,
                detail: None,
                errors: vec![],
            }),
        };
        assert_eq!(
            titled.refusal().and_then(|r| r.words).as_deref(),
            Some("Payload Too Large")
        );
    }

    #[test]
    fn a_failed_load_says_whose_fault_it_is() {
        let key = |e: &ApiError| e.message_key(ErrorPlace::Panel);
        assert_eq!(key(&ApiError::Network), "error.network");
        assert_eq!(key(&status(404)), "error.not_found");
        assert_eq!(key(&status(500)), "error.server");
        assert_eq!(key(&status(429)), "error.server");
        assert_eq!(key(&status(403)), "error.decode");
        assert_eq!(key(&status(422)), "error.decode");
        assert_eq!(key(&ApiError::Decode), "error.decode");
        assert_eq!(key(&ApiError::XmlOnly), "error.xml_only");
    }

    #[test]
    fn a_refused_reporter_form_says_what_was_wrong_with_the_entry() {
        let key = |e: &ApiError| e.message_key(ErrorPlace::ReporterForm);
        assert_eq!(key(&ApiError::Network), "error.network");
        assert_eq!(key(&status(401)), "err.access_code.wrong");
        assert_eq!(key(&status(403)), "err.access_code.wrong");
        assert_eq!(key(&status(409)), "err.report_finished");
        assert_eq!(key(&status(422)), "err.generic");
        let too_long = ApiError::Status {
            status: 422,
            problem: Some(Problem {
                errors: vec![FieldError {
                    field: "body".into(),
                    code: "too_long".into(),
                    message: String::new(),
                }],
                kind: "about:blank".into(),
                title: String::new(),
                status: 422,
                detail: None,
            }),
        };
        assert_eq!(
            key(&too_long),
            field_errors::key("body", field_errors::rule_from_code("too_long"))
        );
        assert_eq!(key(&status(404)), "error.server");
        assert_eq!(key(&status(500)), "error.server");
        assert_eq!(key(&ApiError::Decode), "error.server");
        assert_eq!(key(&ApiError::XmlOnly), "error.server");
    }
}
