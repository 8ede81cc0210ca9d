use std::path::PathBuf;

use base64::Engine;
use clap::Parser;

/// The whole command line: the server's options, or a sub-command.
#[derive(Parser, Debug)]
#[command(name = "aduan-server", about = "Reference backend for the Aduan complaint portal")]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Creates an administrator account (the first one, or one more); the password is read from
    /// ADUAN_ADMIN_PASSWORD or else from the first line of standard input, never from the command line.
    CreateAdmin(CreateAdmin),
}

#[derive(clap::Args, Debug)]
pub struct CreateAdmin {
    /// The server's data directory (its database).
    #[arg(long, env = "ADUAN_DATA", default_value = "data")]
    pub data: PathBuf,
    /// 3–32 of a-z, 0-9, '.', '_', '-'.
    #[arg(long)]
    pub username: String,
    /// The name shown in the console and the audit trail.
    #[arg(long)]
    pub display_name: String,
    /// If the username exists, give it the new password (and end its sessions) instead of refusing.
    #[arg(long)]
    pub reset_password: bool,
}

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
    /// The `jurisdiction_id` of this portal's Open311 endpoint; requests naming another are refused (400).
    /// Unset: the endpoint serves one city and ignores `jurisdiction_id`.
    #[arg(long, env = "ADUAN_OPEN311_JURISDICTION")]
    pub open311_jurisdiction: Option<String>,
    /// The contact (address, telephone, e-mail) given in the Open311 discovery document.
    #[arg(long, env = "ADUAN_OPEN311_CONTACT")]
    pub open311_contact: Option<String>,
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
    /// Seconds a client has to send a request's headers; also how long a kept-alive connection may wait idle
    /// for its next request (hyper runs the same timer then).
    #[arg(long, env = "ADUAN_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,
    /// Seconds a client has to send a request's whole body, plus one per 8 KiB it declares; a slower one gets 408
    /// and the connection is closed.
    #[arg(long, env = "ADUAN_BODY_TIMEOUT", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub body_timeout: u64,
    /// Seconds a connection may go without a byte moving either way, e.g. a client that stops reading a
    /// response; it is closed then.
    #[arg(long, env = "ADUAN_IDLE_TIMEOUT", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout: u64,
    /// Open connections allowed from one client address; more are closed at once (0: no cap). Connections
    /// from a trusted proxy are not capped: the proxy itself carries many clients.
    #[arg(long, env = "ADUAN_MAX_CONNECTIONS_PER_CLIENT", default_value_t = 64)]
    pub max_connections_per_client: usize,
    /// Reverse proxies (comma-separated addresses or CIDR ranges, e.g. `127.0.0.1,10.0.0.0/8`) whose
    /// forwarding header names the client. Without it the header is ignored and the socket's peer is the client.
    #[arg(long, env = "ADUAN_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Which header the trusted proxies append the client to: `x-forwarded-for` (nginx's
    /// `$proxy_add_x_forwarded_for`) or `forwarded` (RFC 7239). The other one is ignored, since a client can
    /// send it through a proxy that does not rewrite it.
    #[arg(long, env = "ADUAN_FORWARDED_HEADER", default_value = "x-forwarded-for", value_parser = ["x-forwarded-for", "forwarded"])]
    pub forwarded_header: String,
    /// `GET /api/v1/stats` requests allowed per client per minute (0 disables the limit).
    #[arg(long, env = "ADUAN_STATS_RATE_LIMIT", default_value_t = 60)]
    pub stats_rate_limit: u32,
    /// Searches (`GET /api/v1/reports?q=`) and Open311 `GET requests.json` allowed per client per minute
    /// (0 disables the limit).
    #[arg(long, env = "ADUAN_SEARCH_RATE_LIMIT", default_value_t = 60)]
    pub search_rate_limit: u32,
    /// Operator API requests allowed per client per minute (0 disables the limit).
    #[arg(long, env = "ADUAN_OPERATOR_RATE_LIMIT", default_value_t = 300)]
    pub operator_rate_limit: u32,
    /// Wrong access codes for one ticket in 15 minutes after which that ticket refuses every code, even the
    /// right one, until the 15 minutes are over (0 disables).
    #[arg(long, env = "ADUAN_CODE_FAILURES_PER_TICKET", default_value_t = 10)]
    pub code_failures_per_ticket: u32,
    /// Wrong access codes from one client in 15 minutes, over all tickets, after which it is refused (0 disables).
    #[arg(long, env = "ADUAN_CODE_FAILURES_PER_CLIENT", default_value_t = 30)]
    pub code_failures_per_client: u32,
    /// Wrong operator tokens from one client in 15 minutes after which it is refused (0 disables).
    #[arg(long, env = "ADUAN_TOKEN_FAILURES_PER_CLIENT", default_value_t = 10)]
    pub token_failures_per_client: u32,
    /// Failed staff sign-ins for one username after which it must wait before each further try: 30 seconds,
    /// doubled per further failure up to 15 minutes; forgotten 15 minutes after the last wait (0 disables).
    #[arg(long, env = "ADUAN_SIGN_IN_FAILURES_PER_ACCOUNT", default_value_t = 5)]
    pub sign_in_failures_per_account: u32,
    /// Failed staff sign-ins from one client, over all usernames, after which it waits the same way (0 disables).
    #[arg(long, env = "ADUAN_SIGN_IN_FAILURES_PER_CLIENT", default_value_t = 20)]
    pub sign_in_failures_per_client: u32,
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
    crate::files::write_private(&path, token.as_bytes(), false)?;
    Ok((token, TokenOrigin::Generated))
}
