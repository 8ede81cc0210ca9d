//! Runtime configuration (`config.json`), fetched at start so that one build serves any municipality.

use aduan_core::calendar::TimeZone;
use serde::Deserialize;

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BackendKind {
    Aduan,
    Open311,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct BackendConfig {
    pub kind: BackendKind,
    /// Where the backend lives, e.g. `/api/v1` or `https://lapor.example.go.id/api/v1`.
    pub base_url: String,
    #[serde(default)]
    pub jurisdiction_id: Option<String>,
    #[serde(default)]
    pub api_key: Option<String>,
}

impl BackendConfig {
    /// The backend's base URL without a trailing slash.
    pub fn base_url(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct RuntimeConfig {
    pub portal_name: String,
    #[serde(default)]
    pub logo_url: Option<String>,
    #[serde(default)]
    pub primary_color: Option<String>,
    #[serde(default)]
    pub accent_color: Option<String>,
    #[serde(default = "default_language")]
    pub default_language: String,
    #[serde(default)]
    pub contact: Option<String>,
    /// `WIB` (the default), `WITA` or `WIT`: the zone the portal counts deadlines and shows times in.
    #[serde(default)]
    pub time_zone: Option<String>,
    pub backend: BackendConfig,
}

fn default_language() -> String {
    "id".into()
}

/// Why the configuration cannot be used; shown on the configuration error page.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigError {
    Unreachable(String),
    Invalid(String),
}

impl RuntimeConfig {
    pub fn parse(text: &str) -> Result<RuntimeConfig, ConfigError> {
        let cfg: RuntimeConfig = serde_json::from_str(text).map_err(|e| ConfigError::Invalid(e.to_string()))?;
        cfg.validate()?;
        Ok(cfg)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if self.portal_name.trim().is_empty() {
            return Err(ConfigError::Invalid("portal_name is empty".into()));
        }
        if self.backend.base_url.trim().is_empty() {
            return Err(ConfigError::Invalid("backend.base_url is empty".into()));
        }
        for (key, colour) in [
            ("primary_color", &self.primary_color),
            ("accent_color", &self.accent_color),
        ] {
            if colour
                .as_deref()
                .is_some_and(|c| aduan_core::contrast::parse_hex(c).is_none())
            {
                return Err(ConfigError::Invalid(format!("{key} must be a #rgb or #rrggbb colour")));
            }
        }
        if self.time_zone.as_deref().is_some_and(|z| TimeZone::parse(z).is_none()) {
            return Err(ConfigError::Invalid(
                "time_zone must be \"WIB\", \"WITA\" or \"WIT\"".into(),
            ));
        }
        if !matches!(self.default_language.as_str(), "id" | "en") {
            return Err(ConfigError::Invalid("default_language must be \"id\" or \"en\"".into()));
        }
        Ok(())
    }

    pub fn zone(&self) -> TimeZone {
        self.time_zone.as_deref().and_then(TimeZone::parse).unwrap_or_default()
    }
}

pub async fn load() -> Result<RuntimeConfig, ConfigError> {
    let res = gloo_net::http::Request::get("/config.json")
        .send()
        .await
        .map_err(|e| ConfigError::Unreachable(e.to_string()))?;
    if !res.ok() {
        return Err(ConfigError::Unreachable(format!("HTTP {}", res.status())));
    }
    let text = res.text().await.map_err(|e| ConfigError::Unreachable(e.to_string()))?;
    RuntimeConfig::parse(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"{"portal_name":"Aduan Kota Sukamaju","primary_color":"#0b5394","default_language":"id",
        "backend":{"kind":"aduan","base_url":"/api/v1/"}}"##;

    #[test]
    fn parses_the_shipped_shape() {
        let cfg = RuntimeConfig::parse(SAMPLE).unwrap();
        assert_eq!(cfg.backend.kind, BackendKind::Aduan);
        assert_eq!(cfg.backend.base_url(), "/api/v1");
    }

    #[test]
    fn the_shipped_config_json_is_valid() {
        let text = include_str!("../public/config.json");
        assert!(RuntimeConfig::parse(text).is_ok());
    }

    #[test]
    fn rejects_missing_backend_bad_colour_and_language() {
        assert!(matches!(
            RuntimeConfig::parse(r#"{"portal_name":"x"}"#),
            Err(ConfigError::Invalid(_))
        ));
        let bad_colour = SAMPLE.replace("#0b5394", "blue; background:url(x)");
        assert!(
            matches!(RuntimeConfig::parse(&bad_colour), Err(ConfigError::Invalid(m)) if m.contains("primary_color"))
        );
        let bad_lang = SAMPLE.replace("\"id\"", "\"fr\"");
        assert!(RuntimeConfig::parse(&bad_lang).is_err());
        assert!(RuntimeConfig::parse("not json").is_err());
    }

    #[test]
    fn the_time_zone_is_wib_unless_named() {
        assert_eq!(RuntimeConfig::parse(SAMPLE).unwrap().zone(), TimeZone::Wib);
        let wita = SAMPLE.replace("\"default_language\"", "\"time_zone\":\"WITA\",\"default_language\"");
        assert_eq!(RuntimeConfig::parse(&wita).unwrap().zone(), TimeZone::Wita);
        let unknown = SAMPLE.replace("\"default_language\"", "\"time_zone\":\"UTC+8\",\"default_language\"");
        assert!(matches!(RuntimeConfig::parse(&unknown), Err(ConfigError::Invalid(m)) if m.contains("time_zone")));
    }

    #[test]
    fn open311_kind_is_understood() {
        let cfg = RuntimeConfig::parse(&SAMPLE.replace("\"aduan\"", "\"open311\"")).unwrap();
        assert_eq!(cfg.backend.kind, BackendKind::Open311);
    }
}
