//! Fields that real servers write in more than one form: ids, keys and zip codes sometimes as numbers and
//! sometimes as strings (read as either and kept as text), flags as booleans or text, orders and coordinates
//! as numbers or text. These readers are named in the documents' `deserialize_with` attributes.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

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

pub(super) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    d.deserialize_any(FlagVisitor)
}

/// `variable` defaults to true when absent, whatever form it takes when present.
pub(super) fn yes() -> bool {
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

pub(super) fn optional_whole<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
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

pub(super) fn coordinate<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_any(CoordinateVisitor)
}

pub(super) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(TextVisitor)
}

pub(super) fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Text>::deserialize(d)?.map(|t| t.0))
}

/// A key or name that some servers nest in an object of both (`{"key":{"key":123,"name":"Ford"}}`): the
/// text itself, or the member called `member` of such an object.
struct NestedVisitor(&'static str);

impl<'de> Visitor<'de> for NestedVisitor {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string, a whole number or an object holding one")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
        let mut found = None;
        while let Some(member) = map.next_key::<String>()? {
            if member == self.0 && found.is_none() {
                found = Some(map.next_value::<Text>()?.0);
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        found.ok_or_else(|| de::Error::missing_field(self.0))
    }
}

pub(super) fn nested_key<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(NestedVisitor("key"))
}

pub(super) fn nested_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(NestedVisitor("name"))
}

thread_local! {
    /// Elements skipped by [`each`] inside the document being read by [`read_each`]. A `deserialize_with`
    /// reader can only give the field's value, so what it skipped is counted here, per thread (the browser has
    /// one), and [`read_each`] sets it to zero before it reads.
    static SKIPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A list inside a document, element by element: an element that cannot be read is skipped and counted,
/// and `null` reads as an empty list.
pub(super) fn each<'de, D: Deserializer<'de>, T: de::DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    let raw = Option::<Vec<Box<serde_json::value::RawValue>>>::deserialize(d)?.unwrap_or_default();
    Ok(keep_readable(raw))
}

fn keep_readable<T: de::DeserializeOwned>(raw: Vec<Box<serde_json::value::RawValue>>) -> Vec<T> {
    let mut kept = Vec::with_capacity(raw.len());
    for element in raw {
        match serde_json::from_str(element.get()) {
            Ok(value) => kept.push(value),
            Err(_) => SKIPPED.with(|s| s.set(s.get() + 1)),
        }
    }
    kept
}

/// What could be read of a list answer (`services.json`, `requests.json`), and how many of its elements, or
/// of the lists inside them, could not be read and were skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct Readable<T> {
    pub items: Vec<T>,
    pub skipped: usize,
}

/// A JSON array answer read element by element; `Err` only when the answer is not an array at all.
pub fn read_each<T: de::DeserializeOwned>(body: &str) -> Result<Readable<T>, serde_json::Error> {
    SKIPPED.with(|s| s.set(0));
    let raw: Vec<Box<serde_json::value::RawValue>> = serde_json::from_str(body)?;
    let items = keep_readable(raw);
    Ok(Readable {
        items,
        skipped: SKIPPED.with(std::cell::Cell::take),
    })
}

/// One document (a service definition) whose lists are read by [`each`], and how many elements they skipped.
pub fn read_one<T: de::DeserializeOwned>(body: &str) -> Result<(T, usize), serde_json::Error> {
    SKIPPED.with(|s| s.set(0));
    let value = serde_json::from_str(body)?;
    Ok((value, SKIPPED.with(std::cell::Cell::take)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::open311::{Service, ServiceDefinition, ServiceRequest};

    #[test]
    fn a_list_keeps_what_it_can_read_and_counts_the_rest() {
        let services: Readable<Service> = read_each(
            r#"[{"service_code":1,"service_name":"Jalan"},{"service_code":"2","service_name":null},
                {"service_name":"tanpa kode"},"rubbish",{"service_code":"3","service_name":"Air"}]"#,
        )
        .unwrap();
        let codes: Vec<&str> = services.items.iter().map(|s| s.service_code.as_str()).collect();
        assert_eq!(codes, ["1", "3"]);
        assert_eq!(services.skipped, 3);
        let requests: Readable<ServiceRequest> = read_each(
            r#"[{"service_request_id":7,"status":"open"},{"service_request_id":8,"status":null},
                {"service_request_id":"9","status":"in_progress"}]"#,
        )
        .unwrap();
        assert_eq!(requests.items.len(), 2, "an unknown status is read, as received");
        assert_eq!(requests.skipped, 1);
        assert!(read_each::<Service>(r#"{"error":"not a list"}"#).is_err());
    }

    #[test]
    fn nested_values_are_read_and_a_bad_attribute_or_value_is_skipped_alone() {
        let (definition, skipped): (ServiceDefinition, usize) = read_one(
            r#"{"service_code":"DMV66","attributes":[
                {"code":"MAKE","datatype":"singlevaluelist","values":[
                    {"key":{"key":123,"name":"Ford"},"name":{"key":123,"name":"Ford"}},
                    {"key":"124","name":"Chrysler"},
                    {"key":125,"name":null}]},
                {"code":null,"datatype":"string"},
                {"code":"NOTE","datatype":"text","values":null}]}"#,
        )
        .unwrap();
        assert_eq!(skipped, 2, "the value without a name and the attribute without a code");
        let codes: Vec<&str> = definition.attributes.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(codes, ["MAKE", "NOTE"]);
        let values: Vec<(&str, &str)> = definition.attributes[0]
            .values
            .iter()
            .map(|v| (v.key.as_str(), v.name.as_str()))
            .collect();
        assert_eq!(values, [("123", "Ford"), ("124", "Chrysler")]);
        // The count starts again with each document.
        let (_, skipped): (ServiceDefinition, usize) = read_one(r#"{"service_code":"x"}"#).unwrap();
        assert_eq!(skipped, 0);
    }
}
