use std::path::PathBuf;

use base64::Engine;
use clap::Parser;

/// Command line, each with an environment equivalent.
#[derive(Parser, Debug, Clone)]
#[command(name = "aduan-server", about = "Reference backend for the Aduan complaint portal")]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "ADUAN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Directory for the SQLite database, uploads and the operator token.
    #[arg(long, env = "ADUAN_DATA", default_value = "data")]
    pub data: PathBuf,
    /// The built SPA (Trunk's dist/); served with a fallback to index.html.
    #[arg(long = "static", env = "ADUAN_STATIC")]
    pub static_dir: Option<PathBuf>,
    /// Seed demo data into an empty database.
    #[arg(long, env = "ADUAN_DEMO")]
    pub demo: bool,
    /// How many demo reports to seed.
    #[arg(long, env = "ADUAN_DEMO_REPORTS", default_value_t = 5000)]
    pub demo_reports: usize,
    /// Seed of the demo data generator; the same seed gives the same city.
    #[arg(long, env = "ADUAN_DEMO_SEED", default_value_t = 2026)]
    pub demo_seed: u64,
    /// Bearer token for the operator API. When unset, one is generated at first start and kept in the data dir.
    #[arg(long, env = "ADUAN_OPERATOR_TOKEN", hide_env_values = true)]
    pub operator_token: Option<String>,
    /// Portal name reported by GET /api/v1/portal.
    #[arg(long, env = "ADUAN_PORTAL_NAME", default_value = "Aduan Kota Sukamaju")]
    pub portal_name: String,
    /// POST requests allowed per client per minute (0 disables the limit).
    #[arg(long, env = "ADUAN_RATE_LIMIT", default_value_t = 30)]
    pub rate_limit: u32,
    /// A JSON file of holidays (`[{"date": "2027-03-20", "name": "...", "collective_leave": false}]`) that
    /// replaces the built-in Indonesian table, e.g. when the government publishes next year's decree.
    #[arg(long, env = "ADUAN_HOLIDAYS")]
    pub holidays: Option<PathBuf>,
    /// The portal's time zone, WIB, WITA or WIT: deadlines are counted in its dates. The SPA's config.json
    /// names the same zone (`time_zone`).
    #[arg(long, env = "ADUAN_TIME_ZONE", default_value = "WIB", value_parser = time_zone)]
    pub time_zone: aduan_core::calendar::TimeZone,
    /// How often the escalation and auto-close rules run, in seconds.
    #[arg(long, env = "ADUAN_SWEEP_SECONDS", default_value_t = 600)]
    pub sweep_seconds: u64,
    /// Origins allowed to call the API from a browser (comma-separated), e.g. a municipality's own site.
    #[arg(long, env = "ADUAN_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,
    /// Sites allowed to show the portal in an iframe (comma-separated origins, e.g. https://kota.example.go.id).
    /// Only pages opened in embed mode (`?embed=1`, as embed.js opens them) may be framed at all; without
    /// this list any site may frame those.
    #[arg(long, env = "ADUAN_EMBED_ORIGINS", value_delimiter = ',')]
    pub embed_origins: Vec<String>,
}

fn time_zone(text: &str) -> Result<aduan_core::calendar::TimeZone, String> {
    aduan_core::calendar::TimeZone::parse(text).ok_or_else(|| format!("{text} is not WIB, WITA or WIT"))
}

/// The file in the data directory that keeps a generated operator token.
pub const TOKEN_FILE: &str = "operator-token";
/// Shorter tokens are refused: the operator API shows every reporter's identity.
const TOKEN_MIN_CHARS: usize = 32;

/// Where this start's operator token came from; it is printed only when it was generated now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenOrigin {
    Configured,
    Kept,
    Generated,
}

fn long_enough(token: &str, source: &str) -> Result<(), String> {
    let chars = token.chars().count();
    if chars < TOKEN_MIN_CHARS {
        return Err(format!(
            "the operator token {source} has {chars} characters: it needs at least {TOKEN_MIN_CHARS} characters \
             (or leave it unset to have one generated)"
        ));
    }
    Ok(())
}

/// The configured token, or the one kept in `<data>/operator-token`, created (mode 0600) on first start from
/// the operating system's random source: 32 bytes as 43 characters of URL-safe base64.
pub fn operator_token(config: &Config) -> Result<(String, TokenOrigin), String> {
    if let Some(t) = config.operator_token.as_ref().filter(|t| !t.trim().is_empty()) {
        long_enough(t.trim(), "given by --operator-token (ADUAN_OPERATOR_TOKEN)")?;
        return Ok((t.trim().to_string(), TokenOrigin::Configured));
    }
    let path = config.data.join(TOKEN_FILE);
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if !existing.trim().is_empty() {
            long_enough(existing.trim(), &format!("in {}", path.display()))?;
            return Ok((existing.trim().to_string(), TokenOrigin::Kept));
        }
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness for an operator token: {e}"))?;
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    crate::crypto::write_private(&path, token.as_bytes(), false)?;
    Ok((token, TokenOrigin::Generated))
}
