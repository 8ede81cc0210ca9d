//! The Aduan reference backend: the `/api/v1` contract over embedded SQLite, plus the built SPA.

mod api;
mod config;
mod crypto;
mod db;
mod http;
mod open311;
mod problem;
mod ratelimit;
mod seed;
mod web;

use std::sync::Arc;

use aduan_core::{Portal, WorkingCalendar};
use axum::Router;

pub use config::Config;
pub use db::Db;

/// Shared by every request handler.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub portal: Arc<Portal>,
    pub calendar: Arc<WorkingCalendar>,
    pub operator_token: Arc<str>,
    pub data_dir: Arc<std::path::PathBuf>,
}

/// Opens (and if asked, seeds) the database and builds the whole router; tests call this directly.
pub fn build(config: &Config) -> Result<(Router, AppState), String> {
    std::fs::create_dir_all(&config.data)
        .map_err(|e| format!("cannot create data dir {}: {e}", config.data.display()))?;
    let db = Db::open(&config.data.join("aduan.sqlite3")).map_err(|e| format!("cannot open database: {e}"))?;
    let calendar = Arc::new(match &config.holidays {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read holidays {}: {e}", path.display()))?;
            let holidays: Vec<aduan_core::Holiday> = serde_json::from_str(&text)
                .map_err(|e| format!("holidays {} is not a holiday list: {e}", path.display()))?;
            WorkingCalendar::new(holidays, config.time_zone.utc_offset_seconds())
        }
        None => WorkingCalendar::indonesia_in(config.time_zone),
    });
    seed::ensure_reference_data(&db).map_err(|e| format!("cannot write reference data: {e}"))?;
    if config.demo {
        let made = seed::seed_demo_if_empty(&db, &calendar, config.demo_reports, config.demo_seed)
            .map_err(|e| format!("cannot seed demo data: {e}"))?;
        if made > 0 {
            tracing::info!("seeded {made} demo reports");
        }
    }
    let portal = db
        .with_writer(|conn| db::portal::load_portal(conn, &calendar, &config.portal_name))
        .map_err(|e| format!("cannot load portal: {e}"))?;
    let portal = Arc::new(portal);
    let operator_token = config::operator_token(config)?;
    let state = AppState {
        db,
        portal,
        calendar,
        operator_token: operator_token.into(),
        data_dir: Arc::new(config.data.clone()),
    };
    let limiter = ratelimit::RateLimiter::new(config.rate_limit);
    let router = api::router(state.clone(), limiter.clone(), &config.cors_origins)
        .merge(open311::router(state.clone(), limiter, &config.cors_origins))
        .merge(web::router(config)?);
    Ok((router, state))
}

/// Applies the periodic workflow rules (escalation, auto-close) as of `now`. Returns (escalated, closed).
pub async fn sweep(state: &AppState, now: chrono::DateTime<chrono::Utc>) -> Result<(usize, usize), String> {
    let (cal, sla) = (state.calendar.clone(), state.portal.sla);
    state
        .db
        .write(move |conn| db::workflow::sweep(conn, &cal, &sla, now).map_err(problem::ApiError::from))
        .await
        .map_err(|e| format!("{e:?}"))
}

pub async fn run(config: Config) -> Result<(), String> {
    let (router, state) = build(&config)?;
    let sweeper = state.clone();
    let every = std::time::Duration::from_secs(config.sweep_seconds.max(1));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match sweep(&sweeper, chrono::Utc::now()).await {
                Ok((0, 0)) => {}
                Ok((escalated, closed)) => tracing::info!(escalated, closed, "sweep"),
                Err(e) => tracing::error!("sweep failed: {e}"),
            }
        }
    });
    let listener = tokio::net::TcpListener::bind(&config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!("Aduan is running on http://{addr}/");
    tracing::info!("Operator token: {}", state.operator_token);
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| e.to_string())
}
