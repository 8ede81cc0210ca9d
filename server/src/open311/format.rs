//! GeoReport v2's two formats: JSON, and XML with the specification's root and element names
//! (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`), written with quick-xml.

use aduan_core::open311::{AttributeValue, ServiceDefinition};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The format a path asks for by its suffix.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    /// `services.xml` → (`services`, Xml); `None` without one of the two suffixes.
    pub fn split(name: &str) -> Option<(&str, Format)> {
        name.strip_suffix(".json")
            .map(|n| (n, Format::Json))
            .or_else(|| name.strip_suffix(".xml").map(|n| (n, Format::Xml)))
    }

    pub fn suffix(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Xml => "xml",
        }
    }

    /// The format of a path that may not name an endpoint: XML when it ends `.xml`, else JSON.
    pub fn of_path(path: &str) -> Format {
        if path.ends_with(".xml") {
            Format::Xml
        } else {
            Format::Json
        }
    }
}

/// A list as `root` holding one `item` element per entry.
#[derive(Serialize)]
struct XmlList<'a, T> {
    #[serde(rename = "$value")]
    items: Vec<XmlItem<'a, T>>,
}

/// One entry under its element name: quick-xml names a `$value` sequence's elements by enum variant.
struct XmlItem<'a, T>(&'static str, &'a T);

impl<T: Serialize> Serialize for XmlItem<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_variant("item", 0, self.0, self.1)
    }
}

/// `items` as a GeoReport v2 document in `format`, with `status`.
pub fn answer<T: Serialize>(
    status: StatusCode,
    format: Format,
    root: &str,
    item: &'static str,
    items: &[T],
) -> Response {
    match format {
        Format::Json => (status, axum::Json(items)).into_response(),
        Format::Xml => xml(
            status,
            root,
            &XmlList {
                items: items.iter().map(|i| XmlItem(item, i)).collect(),
            },
        ),
    }
}

/// `document` as XML under `root`, with `status`.
pub fn xml<T: Serialize>(status: StatusCode, root: &str, document: &T) -> Response {
    match quick_xml::se::to_string_with_root(root, document) {
        Ok(body) => (
            status,
            [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
            format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>{body}"),
        )
            .into_response(),
        Err(e) => {
            tracing::error!("cannot write an Open311 XML answer: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `<service_definition>` with XML's wrapper elements: `<attributes><attribute>…<values><value>`.
pub fn definition_xml(definition: &ServiceDefinition) -> Response {
    #[derive(Serialize)]
    struct Definition<'a> {
        service_code: &'a str,
        attributes: Attributes<'a>,
    }
    #[derive(Serialize)]
    struct Attributes<'a> {
        attribute: Vec<XmlAttribute<'a>>,
    }
    #[derive(Serialize)]
    struct XmlAttribute<'a> {
        variable: bool,
        code: &'a str,
        datatype: &'a str,
        required: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        datatype_description: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        order: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        description: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        values: Option<Values<'a>>,
    }
    #[derive(Serialize)]
    struct Values<'a> {
        value: &'a [AttributeValue],
    }
    let attribute = definition
        .attributes
        .iter()
        .map(|a| XmlAttribute {
            variable: a.variable,
            code: &a.code,
            datatype: &a.datatype,
            required: a.required,
            datatype_description: a.datatype_description.as_deref(),
            order: a.order,
            description: a.description.as_deref(),
            values: (!a.values.is_empty()).then_some(Values { value: &a.values }),
        })
        .collect();
    let document = Definition {
        service_code: &definition.service_code,
        attributes: Attributes { attribute },
    };
    xml(StatusCode::OK, "service_definition", &document)
}
