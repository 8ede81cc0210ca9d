//! Open311 GeoReport v2 documents (JSON format), written by the reference server under `/open311/v2/` and
//! read by the SPA when `config.json` says `backend.kind = "open311"`. Real servers write ids, keys and zip
//! codes sometimes as numbers and sometimes as strings, so those are read as either and kept as text.

use chrono::{DateTime, Utc};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// Reads a JSON string or whole number as text, with a small visitor rather than an untagged enum, whose
/// buffering would cost the browser build kilobytes.
struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string or a whole number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
}

/// Text read by [`TextVisitor`], so that `Option` can wrap it.
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_any(TextVisitor).map(Text)
    }
}

/// A flag some servers write as `true` and others as `"true"`; anything else reads as false.
struct FlagVisitor;

impl<'de> Visitor<'de> for FlagVisitor {
    type Value = bool;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a boolean")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(v.trim().eq_ignore_ascii_case("true"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
}

fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    d.deserialize_any(FlagVisitor)
}

/// `variable` defaults to true when absent, whatever form it takes when present.
fn yes() -> bool {
    true
}

/// A whole number or its text (`"2"`); other text reads as none rather than failing the whole document.
struct WholeVisitor;

impl<'de> Visitor<'de> for WholeVisitor {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<i64>, E> {
        Ok(Some(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<i64>, E> {
        Ok(i64::try_from(v).ok())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<i64>, E> {
        Ok(v.trim().parse().ok())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<i64>, E> {
        Ok(None)
    }
}

fn optional_whole<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(WholeVisitor)
}

/// A coordinate as a number; written as text it is not read (the app does not use coordinates, and reading
/// text as a float would add the standard float parser to the browser build).
struct CoordinateVisitor;

impl<'de> Visitor<'de> for CoordinateVisitor {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<f64>, E> {
        Ok(Some(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<f64>, E> {
        Ok(Some(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<f64>, E> {
        Ok(Some(v as f64))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Option<f64>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<f64>, E> {
        Ok(None)
    }
}

fn coordinate<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_any(CoordinateVisitor)
}

/// `+07:00` for an offset in seconds, as Open311 dates and times write it.
pub fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// An Open311 date and time. The specification asks for an offset; one written without it is read in the
/// portal's zone (`utc_offset_seconds` east of UTC), and a bare date as its start.
pub fn instant(text: &Option<String>, utc_offset_seconds: i32) -> Option<DateTime<Utc>> {
    let text = text.as_deref()?.trim();
    let read = |t: &str| DateTime::parse_from_rfc3339(t).ok().map(|d| d.with_timezone(&Utc));
    // Most servers write the offset: the zone is spelled out only for those that do not.
    read(text).or_else(|| {
        let zone = offset_text(utc_offset_seconds);
        match text.len() {
            10 => read(&format!("{text}T00:00:00{zone}")),
            _ => read(&format!("{text}{zone}")),
        }
    })
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(TextVisitor)
}

fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Text>::deserialize(d)?.map(|t| t.0))
}

/// `GET services.json`: one entry.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Service {
    #[serde(deserialize_with = "text")]
    pub service_code: String,
    pub service_name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Whether `services/{code}.json` has attributes to ask for.
    #[serde(default, deserialize_with = "flag")]
    pub metadata: bool,
    /// `realtime`, `batch` or `blackbox`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub keywords: Option<String>,
    #[serde(default)]
    pub group: Option<String>,
}

/// `GET services/{code}.json`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ServiceDefinition {
    #[serde(deserialize_with = "text")]
    pub service_code: String,
    #[serde(default)]
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
    #[serde(default)]
    pub datatype_description: Option<String>,
    #[serde(default, deserialize_with = "optional_whole")]
    pub order: Option<i64>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub values: Vec<AttributeValue>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AttributeValue {
    #[serde(deserialize_with = "text")]
    pub key: String,
    pub name: String,
}

/// One entry of the answer to `POST requests.json`: an id at once, or a token to resolve later.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct RequestCreated {
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub service_request_id: Option<String>,
    #[serde(default, deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default)]
    pub service_notice: Option<String>,
    #[serde(default, deserialize_with = "optional_text")]
    pub account_id: Option<String>,
}

/// `GET tokens/{token}.json`: one entry.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TokenAnswer {
    #[serde(default, deserialize_with = "optional_text")]
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
    #[serde(default)]
    pub status_notes: Option<String>,
    #[serde(default)]
    pub service_name: Option<String>,
    #[serde(default, deserialize_with = "optional_text")]
    pub service_code: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub agency_responsible: Option<String>,
    #[serde(default)]
    pub service_notice: Option<String>,
    #[serde(default)]
    pub requested_datetime: Option<String>,
    #[serde(default)]
    pub updated_datetime: Option<String>,
    #[serde(default)]
    pub expected_datetime: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "optional_text")]
    pub address_id: Option<String>,
    #[serde(default, deserialize_with = "optional_text")]
    pub zipcode: Option<String>,
    #[serde(default, deserialize_with = "coordinate")]
    pub lat: Option<f64>,
    #[serde(default, deserialize_with = "coordinate")]
    pub long: Option<f64>,
    #[serde(default)]
    pub media_url: Option<String>,
}

/// An error document is an array of these.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Open311Error {
    #[serde(deserialize_with = "text")]
    pub code: String,
    pub description: String,
}

/// Our submission fields and the Open311 request parameters that carry them. The first pair of a field is
/// the parameter it is sent as; every pair reads back, so an error naming a parameter finds its input.
pub const PARAMETERS: &[(&str, &str)] = &[
    ("category_id", "service_code"),
    ("body", "description"),
    ("address", "address_string"),
    ("address", "address_id"),
    ("location", "lat"),
    ("location", "long"),
    ("reporter.name", "first_name"),
    ("reporter.name", "last_name"),
    ("reporter.email", "email"),
    ("reporter.phone", "phone"),
];

/// The Open311 parameter a field of ours is sent as.
pub fn parameter_of(field: &str) -> Option<&'static str> {
    PARAMETERS.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)
}

/// Our field for an Open311 parameter.
pub fn field_of(parameter: &str) -> Option<&'static str> {
    PARAMETERS.iter().find(|(_, p)| *p == parameter).map(|(f, _)| *f)
}

/// Our status for an Open311 one.
pub fn status_from_open311(status: &str) -> crate::Status {
    if status.eq_ignore_ascii_case("closed") {
        crate::Status::Completed
    } else {
        crate::Status::Submitted
    }
}

/// The Open311 status of one of ours: only open and closed exist there.
pub fn status_of(status: crate::Status) -> &'static str {
    if status.is_unfinished() {
        "open"
    } else {
        "closed"
    }
}

/// The example documents of the GeoReport v2 specification, typed in as fixtures (`open311_fixtures/`).
#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: de::DeserializeOwned>(text: &str) -> T {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn the_service_list_example_decodes() {
        let services: Vec<Service> = read(include_str!("open311_fixtures/services.json"));
        assert_eq!(services.len(), 3);
        assert_eq!(services[0].service_code, "001");
        assert_eq!(services[0].service_name, "Cans left out 24x7");
        assert!(services[0].metadata);
        assert_eq!(services[0].kind.as_deref(), Some("realtime"));
        assert_eq!(services[0].group.as_deref(), Some("sanitation"));
    }

    #[test]
    fn the_service_definition_example_keeps_its_attribute_and_numeric_keys() {
        let def: ServiceDefinition = read(include_str!("open311_fixtures/service_definition.json"));
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
        let created: Vec<RequestCreated> = read(include_str!("open311_fixtures/post_request.json"));
        assert_eq!(created[0].service_request_id.as_deref(), Some("293944"));
        assert!(created[0]
            .service_notice
            .as_deref()
            .unwrap()
            .starts_with("The City will inspect"));
        assert_eq!(created[0].token, None);
        let tokens: Vec<TokenAnswer> = read(include_str!("open311_fixtures/token.json"));
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
        let list: Vec<ServiceRequest> = read(include_str!("open311_fixtures/requests.json"));
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
        let one: Vec<ServiceRequest> = read(include_str!("open311_fixtures/request.json"));
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
    fn times_without_an_offset_are_read_in_the_portals_zone() {
        let wib = crate::calendar::TimeZone::Wib.utc_offset_seconds();
        let t = |s: &str| instant(&Some(s.to_string()), wib);
        assert_eq!(t("2026-11-27T08:00:00+07:00"), t("2026-11-27T01:00:00Z"));
        assert_eq!(t("2026-11-27T08:00:00"), t("2026-11-27T01:00:00Z"));
        assert_eq!(t("2026-11-27"), t("2026-11-26T17:00:00Z"));
        assert_eq!(t("kemarin"), None);
        assert_eq!(instant(&None, wib), None);
        // In a WIT portal, 08:00 is 23:00 UTC the day before; a time with an offset keeps it.
        let wit = crate::calendar::TimeZone::Wit.utc_offset_seconds();
        assert_eq!(
            instant(&Some("2026-11-27T08:00:00".into()), wit),
            t("2026-11-26T23:00:00Z")
        );
        assert_eq!(
            instant(&Some("2026-11-27T08:00:00+07:00".into()), wit),
            t("2026-11-27T01:00:00Z")
        );
    }

    #[test]
    fn the_error_example_decodes() {
        let errors: Vec<Open311Error> = read(include_str!("open311_fixtures/errors.json"));
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
        assert_eq!(status_of(crate::Status::Escalated), "open");
        assert_eq!(status_of(crate::Status::Rejected), "closed");
        for s in crate::Status::ALL {
            assert_eq!(
                status_of(status_from_open311(status_of(s))),
                status_of(s),
                "open and closed read back"
            );
        }
        for (field, _) in PARAMETERS {
            assert_eq!(
                field_of(parameter_of(field).unwrap()),
                Some(*field),
                "{field} reads back"
            );
        }
    }
}
