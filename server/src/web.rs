//! The built SPA: static files with a fallback to index.html, a strict Content-Security-Policy and cache
//! headers that let hashed assets live forever while index.html and config.json are always revalidated.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

use crate::config::Config;

pub fn router(config: &Config) -> Result<Router, String> {
    let Some(dir) = &config.static_dir else {
        return Ok(Router::new());
    };
    let index = dir.join("index.html");
    let policy = Arc::new(Policy {
        dir: dir.clone(),
        current: Mutex::new(None),
        embed_ancestors: embed_ancestors(&config.embed_origins)?,
    });
    policy
        .header(false)
        .map_err(|e| format!("cannot read {}: {e} (build the SPA first)", index.display()))?;
    // The build writes brotli (quality 11) and gzip copies of its hashed assets (scripts/precompress.mjs):
    // served as they are, they are a fifth smaller than compressing on the fly. Other files are compressed
    // per request, so an edited config.json is never served stale.
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(&index));
    let manifest_dir = dir.clone();
    Ok(Router::new()
        .route(
            "/manifest.webmanifest",
            axum::routing::get(move || manifest(manifest_dir.clone())),
        )
        .fallback_service(files)
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let policy = policy.clone();
            async move { security_headers(req, next, &policy).await }
        }))
        .layer(middleware::map_response(yaml_as_utf8))
        .layer(CompressionLayer::new()))
}

/// `/openapi.yaml` is UTF-8 (arrows, Indonesian names) but its guessed type, `text/x-yaml`, names no charset, and
/// a client may then read it as Latin-1. YAML's registered type is `application/yaml` (RFC 9512).
async fn yaml_as_utf8(mut res: Response) -> Response {
    let is_yaml = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| matches!(v.as_bytes(), b"text/x-yaml" | b"text/yaml" | b"application/yaml"));
    if is_yaml {
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/yaml; charset=utf-8"),
        );
    }
    res
}

/// The Content-Security-Policy of the SPA in `dir`, recomputed when `index.html` or `config.json` change, so
/// a new build deployed under a running server is allowed at once (its loader script has a new hash).
struct Policy {
    dir: PathBuf,
    current: Mutex<Option<StampedPolicy>>,
    /// Who may frame a page asked for in embed mode: `*`, or the origins of `--embed-origins`.
    embed_ancestors: String,
}

/// The policy (without `frame-ancestors`) with the modification times of `index.html` and `config.json` it
/// was computed from.
type StampedPolicy = (Option<SystemTime>, Option<SystemTime>, String);

/// The `frame-ancestors` sources of embed mode: any site unless `--embed-origins` names the sites.
fn embed_ancestors(origins: &[String]) -> Result<String, String> {
    let origins: Vec<&str> = origins
        .iter()
        .map(|o| o.trim().trim_end_matches('/'))
        .filter(|o| !o.is_empty())
        .collect();
    if origins.is_empty() {
        return Ok("*".to_string());
    }
    for origin in &origins {
        let host = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"))
            .unwrap_or("");
        // A CSP source is split on spaces and ended by `;` or `,`: only a plain origin may go in.
        if host.is_empty() || !host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]*".contains(c)) {
            return Err(format!(
                "--embed-origins: {origin} is not an origin like https://kota.example.go.id"
            ));
        }
    }
    Ok(origins.join(" "))
}

/// Whether the page was asked for in embed mode (`?embed=1`, as `public/embed.js` opens it).
fn is_embed_request(query: Option<&str>) -> bool {
    query.is_some_and(|q| q.split('&').any(|pair| pair == "embed=1"))
}

impl Policy {
    /// The policy for one page: only a page asked for in embed mode may be framed (by the embed origins), so
    /// the reply and rating forms of the full portal cannot be put under another site's clickjacking overlay.
    fn header(&self, embed: bool) -> std::io::Result<HeaderValue> {
        let ancestors = if embed { self.embed_ancestors.as_str() } else { "'none'" };
        let csp = format!("{}; frame-ancestors {ancestors}", self.base()?);
        HeaderValue::from_str(&csp).map_err(std::io::Error::other)
    }

    fn base(&self) -> std::io::Result<String> {
        let modified = |name: &str| std::fs::metadata(self.dir.join(name)).and_then(|m| m.modified()).ok();
        let (index_time, config_time) = (modified("index.html"), modified("config.json"));
        let mut current = self.current.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((i, c, value)) = current.as_ref() {
            if *i == index_time && *c == config_time {
                return Ok(value.clone());
            }
        }
        let html = std::fs::read_to_string(self.dir.join("index.html"))?;
        let csp = content_security_policy(&html, &backend_origins(&self.dir));
        *current = Some((index_time, config_time, csp.clone()));
        Ok(csp)
    }
}

async fn security_headers(req: Request, next: Next, policy: &Policy) -> Response {
    let path = req.uri().path().to_string();
    let embed = is_embed_request(req.uri().query());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // Without a readable index.html there is no SPA to protect; the fallback answers 404 then.
    if let Ok(csp) = policy.header(embed) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    if !embed {
        // For browsers that predate CSP's frame-ancestors.
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("geolocation=(self), camera=(self), microphone=()"),
    );
    // Precompressed files come as they are with Content-Encoding; shared caches must keep one per encoding.
    if !h.contains_key(header::VARY) {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    let cache = if is_hashed_asset(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res
}

/// `GET /manifest.webmanifest`: the built manifest with the name, language and theme colour of
/// config.json, so each city's portal installs under its own name and colour without a rebuild.
async fn manifest(dir: PathBuf) -> Response {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    match branded_manifest(&read("manifest.webmanifest"), &read("config.json")) {
        Some(body) => ([(header::CONTENT_TYPE, "application/manifest+json")], body).into_response(),
        None => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

fn branded_manifest(manifest: &str, config: &str) -> Option<String> {
    let mut m: serde_json::Value = serde_json::from_str(manifest).ok()?;
    let c: serde_json::Value = serde_json::from_str(config).unwrap_or_default();
    if let Some(name) = c["portal_name"].as_str().map(str::trim).filter(|n| !n.is_empty()) {
        m["name"] = name.into();
        m["short_name"] = name.into();
    }
    let colour = c["primary_color"]
        .as_str()
        .filter(|v| aduan_core::contrast::parse_hex(v).is_some());
    if let Some(colour) = colour {
        m["theme_color"] = colour.into();
    }
    if let Some(lang) = c["default_language"].as_str().filter(|l| matches!(*l, "id" | "en")) {
        m["lang"] = lang.into();
    }
    serde_json::to_string_pretty(&m).ok()
}

/// Trunk and scripts/build-wasm.mjs name built assets `name-<hash>.ext`.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    // The hash is a u64 in hex without leading zeros: 16 digits mostly, 15 one build in 16.
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Origins of a backend on another host named in config.json, which the SPA must be allowed to call.
fn backend_origins(dir: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(dir.join("config.json")) else {
        return vec![];
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return vec![];
    };
    let url = json["backend"]["base_url"].as_str().unwrap_or("");
    match url.split_once("://") {
        Some((scheme, rest)) if scheme == "http" || scheme == "https" => {
            let host = rest.split('/').next().unwrap_or("");
            if host.is_empty() || !host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c)) {
                vec![]
            } else {
                vec![format!("{scheme}://{host}")]
            }
        }
        _ => vec![],
    }
}

/// Allows exactly the inline scripts of the built index.html (Trunk's loader) by hash: no 'unsafe-inline'.
/// `frame-ancestors` is added per request (see [`Policy::header`]).
pub fn content_security_policy(html: &str, connect: &[String]) -> String {
    let mut hashes = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let tag_end = match rest[start..].find('>') {
            Some(i) => start + i + 1,
            None => break,
        };
        let open_tag = &rest[start..tag_end];
        let Some(close) = rest[tag_end..].find("</script>") else {
            break;
        };
        let body = &rest[tag_end..tag_end + close];
        if !open_tag.contains(" src=") && !body.trim().is_empty() {
            let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes()));
            hashes.push_str(&format!(" 'sha256-{digest}'"));
        }
        rest = &rest[tag_end + close..];
    }
    let connect = connect
        .iter()
        .fold(String::from("'self'"), |acc, o| format!("{acc} {o}"));
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; img-src 'self' data: blob: https:; \
         connect-src {connect}; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; manifest-src 'self'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_hashes_inline_scripts_only() {
        let html = r#"<script src="/x.js"></script><script type="module">import init from '/a.js';init();</script>"#;
        let csp = content_security_policy(html, &[]);
        let expected =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"import init from '/a.js';init();"));
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        assert_eq!(csp.matches("sha256-").count(), 1);
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn embed_mode_is_the_embed_parameter_only() {
        assert!(is_embed_request(Some("embed=1")));
        assert!(is_embed_request(Some("lang=id&embed=1&agency=dinkes")));
        assert!(!is_embed_request(None));
        assert!(!is_embed_request(Some("embed=0")));
        assert!(!is_embed_request(Some("xembed=1")));
        assert!(!is_embed_request(Some("embed=10")));
    }

    #[test]
    fn embed_origins_must_be_plain_origins() {
        assert_eq!(embed_ancestors(&[]).unwrap(), "*");
        let two = [
            "https://kota.example.go.id/".to_string(),
            " http://127.0.0.1:8000".to_string(),
        ];
        assert_eq!(
            embed_ancestors(&two).unwrap(),
            "https://kota.example.go.id http://127.0.0.1:8000"
        );
        for bad in [
            "kota.example.go.id",
            "https://a.example; script-src *",
            "https://a b",
            "javascript:x",
        ] {
            assert!(embed_ancestors(&[bad.to_string()]).is_err(), "{bad}");
        }
    }

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("/aduan-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed_asset("/aduan-1a2b3c4d5e6f7a8b.js"));
        // The lazily loaded chunks and their loader (scripts/build-wasm.mjs).
        assert!(is_hashed_asset("/chunk_7-1a2b3c4d5e6f7a8b.wasm"));
        assert!(is_hashed_asset(
            "/split___stats_route_view_4266700204094709929-1a2b3c4d5e6f7a8b.wasm"
        ));
        assert!(is_hashed_asset("/__wasm_split-1a2b3c4d5e6f7a8b.js"));
        assert!(!is_hashed_asset("/sw.js"));
        assert!(!is_hashed_asset("/config.json"));
        assert!(!is_hashed_asset("/index.html"));
    }
}
