//! How an Open311 server's error answers are read: a load's failure, and a send's, which also quotes the
//! server's own words when they are not the spec's error array.

use super::Open311Client;
use crate::api::ApiError;

fn words(error: &ApiError) -> Option<String> {
    error.refusal().and_then(|r| r.words)
}

#[test]
fn the_spec_error_array_is_read_the_same_for_a_load_and_a_send() {
    let body = r#"[{"code":400,"description":"service_code: not found"}]"#;
    let load = Open311Client::failure(400, body);
    assert_eq!(load, Open311Client::send_failure(400, body));
    assert!(
        matches!(
            &load,
            ApiError::Status {
                status: 400,
                problem: Some(_)
            }
        ),
        "{load:?}"
    );
    assert_eq!(load.field_errors().len(), 1, "{load:?}");
}

#[test]
fn a_send_refused_in_another_shape_quotes_the_server_and_a_load_does_not() {
    let object = r#"{"type":"forbidden","message":"API key not valid"}"#;
    assert_eq!(
        words(&Open311Client::send_failure(403, object)).as_deref(),
        Some("API key not valid")
    );
    assert_eq!(
        Open311Client::failure(403, object),
        ApiError::Status {
            status: 403,
            problem: None
        }
    );
    assert_eq!(
        words(&Open311Client::send_failure(400, "Bad service code")).as_deref(),
        Some("Bad service code")
    );
    // An XML error document refuses a send like any other 4xx; on a load it says the server speaks XML only.
    let xml = "<?xml version=\"1.0\"?><errors><error><description>nope</description></error></errors>";
    assert!(Open311Client::send_failure(400, xml).refusal().is_some());
    assert_eq!(Open311Client::failure(400, xml), ApiError::XmlOnly);
}

#[test]
fn a_server_error_on_a_send_is_no_refusal() {
    let html = "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>";
    let error = Open311Client::send_failure(502, html);
    assert_eq!(
        error,
        ApiError::Status {
            status: 502,
            problem: None
        }
    );
    assert_eq!(error.refusal(), None);
}
