//! The GeoReport v2 documents (JSON format), written by the reference server under `/open311/v2/` and read
//! by the SPA when `config.json` says `backend.kind = "open311"`. Optional fields without a value are left
//! out when written (strict schema validators refuse `null`), and read as absent whether left out or null.

use serde::{Deserialize, Serialize};

use super::lenient::{coordinate, each, flag, nested_key, nested_name, optional_text, optional_whole, text, yes};

/// `GET services.json`: one entry.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Service {
    #[serde(deserialize_with = "text")]
    pub service_code: String,
    pub service_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether `services/{code}.json` has attributes to ask for.
    #[serde(default, deserialize_with = "flag")]
    pub metadata: bool,
    /// `realtime`, `batch` or `blackbox`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keywords: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// `GET services/{code}.json`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ServiceDefinition {
    #[serde(deserialize_with = "text")]
    pub service_code: String,
    /// Read one by one: an attribute that cannot be read is skipped (and counted), not the whole definition.
    #[serde(default, deserialize_with = "each")]
    pub attributes: Vec<Attribute>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Attribute {
    /// `false` for information to show, not a question to ask.
    #[serde(default = "yes", deserialize_with = "flag")]
    pub variable: bool,
    #[serde(deserialize_with = "text")]
    pub code: String,
    /// `string`, `number`, `datetime`, `text`, `singlevaluelist` or `multivaluelist`.
    pub datatype: String,
    #[serde(default, deserialize_with = "flag")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datatype_description: Option<String>,
    #[serde(
        default,
        deserialize_with = "optional_whole",
        skip_serializing_if = "Option::is_none"
    )]
    pub order: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Only list datatypes have values; other attributes leave the field out. Read one by one.
    #[serde(default, deserialize_with = "each", skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<AttributeValue>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AttributeValue {
    /// Also read from a nested `{"key":{"key":123,"name":"Ford"}}`, as some servers write it.
    #[serde(deserialize_with = "nested_key")]
    pub key: String,
    #[serde(deserialize_with = "nested_name")]
    pub name: String,
}

/// One entry of the answer to `POST requests.json`: an id at once, or a token to resolve later.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct RequestCreated {
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub service_request_id: Option<String>,
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_notice: Option<String>,
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// `GET tokens/{token}.json`: one entry.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TokenAnswer {
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub service_request_id: Option<String>,
    #[serde(deserialize_with = "text")]
    pub token: String,
}

/// `GET requests.json` and `GET requests/{id}.json`: one entry.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ServiceRequest {
    #[serde(deserialize_with = "text")]
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub service_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_responsible: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_notice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_datetime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_datetime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_datetime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub address_id: Option<String>,
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub zipcode: Option<String>,
    #[serde(default, deserialize_with = "coordinate", skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, deserialize_with = "coordinate", skip_serializing_if = "Option::is_none")]
    pub long: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
}

/// An error document is an array of these.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Open311Error {
    #[serde(deserialize_with = "text")]
    pub code: String,
    pub description: String,
}

/// The example documents of the GeoReport v2 specification, typed in as fixtures (`fixtures/`).
#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn read<T: serde::de::DeserializeOwned>(text: &str) -> T {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn the_service_list_example_decodes() {
        let services: Vec<Service> = read(include_str!("fixtures/services.json"));
        assert_eq!(services.len(), 3);
        assert_eq!(services[0].service_code, "001");
        assert_eq!(services[0].service_name, "Cans left out 24x7");
        assert!(services[0].metadata);
        assert_eq!(services[0].kind.as_deref(), Some("realtime"));
        assert_eq!(services[0].group.as_deref(), Some("sanitation"));
    }

    #[test]
    fn the_service_definition_example_keeps_its_attribute_and_numeric_keys() {
        let def: ServiceDefinition = read(include_str!("fixtures/service_definition.json"));
        assert_eq!(def.service_code, "DMV66");
        let a = &def.attributes[0];
        assert_eq!(
            (a.code.as_str(), a.datatype.as_str(), a.required, a.variable, a.order),
            ("WHISHETN", "singlevaluelist", true, true, Some(1))
        );
        assert_eq!(a.description.as_deref(), Some("What is the ticket/tag/DL number?"));
        assert_eq!(
            a.values,
            vec![
                AttributeValue {
                    key: "123".into(),
                    name: "Ford".into()
                },
                AttributeValue {
                    key: "124".into(),
                    name: "Chrysler".into()
                }
            ]
        );
    }

    #[test]
    fn the_post_answers_and_the_token_example_decode_with_numeric_ids() {
        let created: Vec<RequestCreated> = read(include_str!("fixtures/post_request.json"));
        assert_eq!(created[0].service_request_id.as_deref(), Some("293944"));
        assert!(created[0]
            .service_notice
            .as_deref()
            .unwrap()
            .starts_with("The City will inspect"));
        assert_eq!(created[0].token, None);
        let tokens: Vec<TokenAnswer> = read(include_str!("fixtures/token.json"));
        assert_eq!(
            (tokens[0].service_request_id.as_deref(), tokens[0].token.as_str()),
            (Some("638344"), "12345")
        );
        let pending: Vec<RequestCreated> = read(r#"[{"token":"abc-1","service_request_id":null}]"#);
        assert_eq!(
            (pending[0].service_request_id.as_deref(), pending[0].token.as_deref()),
            (None, Some("abc-1"))
        );
    }

    #[test]
    fn the_service_request_examples_decode() {
        let list: Vec<ServiceRequest> = read(include_str!("fixtures/requests.json"));
        assert_eq!(list.len(), 2);
        let first = &list[0];
        assert_eq!(
            (first.service_request_id.as_str(), first.status.as_str()),
            ("638344", "closed")
        );
        assert_eq!(first.status_notes.as_deref(), Some("Duplicate request."));
        assert_eq!(first.service_code.as_deref(), Some("006"));
        assert_eq!(first.zipcode.as_deref(), Some("94122"));
        assert_eq!(first.address_id.as_deref(), Some("545483"));
        assert!(first.lat.is_some() && first.long.is_some());
        assert_eq!(first.agency_responsible, None);
        assert_eq!(list[1].status_notes, None);
        let one: Vec<ServiceRequest> = read(include_str!("fixtures/request.json"));
        assert_eq!(one[0].service_request_id, "638344");
        assert!(one[0]
            .requested_datetime
            .as_deref()
            .unwrap()
            .parse::<DateTime<chrono::FixedOffset>>()
            .is_ok());
    }

    #[test]
    fn servers_that_write_flags_orders_and_coordinates_as_text_are_read() {
        let def: ServiceDefinition = read(
            r#"{"service_code":"x","attributes":[{"variable":"false","code":"a","datatype":"string","required":"true","order":"2","values":[]},
                {"code":"b","datatype":"string","required":null,"order":"soon"}]}"#,
        );
        let (a, b) = (&def.attributes[0], &def.attributes[1]);
        assert_eq!((a.variable, a.required, a.order), (false, true, Some(2)));
        assert_eq!((b.variable, b.required, b.order), (true, false, None));
        let services: Vec<Service> = read(r#"[{"service_code":1,"service_name":"Jalan","metadata":"true"}]"#);
        assert!(services[0].metadata);
        let r: Vec<ServiceRequest> = read(r#"[{"service_request_id":7,"status":"open","lat":"-6.2","long":106}]"#);
        assert_eq!((r[0].lat, r[0].long), (None, Some(106.0)));
    }

    #[test]
    fn the_error_example_decodes() {
        let errors: Vec<Open311Error> = read(include_str!("fixtures/errors.json"));
        assert_eq!(errors[0].code, "403");
        assert!(errors[0].description.starts_with("Invalid api_key"));
    }

    #[test]
    fn what_we_write_reads_back() {
        let r = ServiceRequest {
            service_request_id: "K7M3Q9XRT".into(),
            status: "open".into(),
            status_notes: None,
            service_name: Some("Jalan".into()),
            service_code: Some("jalan".into()),
            description: None,
            agency_responsible: None,
            service_notice: None,
            requested_datetime: Some("2026-11-27T02:00:00Z".into()),
            updated_datetime: None,
            expected_datetime: None,
            address: None,
            address_id: None,
            zipcode: None,
            lat: None,
            long: None,
            media_url: None,
        };
        let back: ServiceRequest = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }
}
