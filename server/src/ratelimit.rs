//! Per-client token buckets: for POST requests, so one client cannot flood the portal with reports, and
//! separate ones for expensive reads (statistics, search) and the operator API.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::client::ClientAddr;
use crate::problem::ApiError;

/// The buckets, each with its own budget per client.
pub struct Limits {
    /// POSTs over both protocols, so a client has one budget for writing.
    pub posts: RateLimiter,
    pub stats: RateLimiter,
    /// Full-text searches and Open311 listings (up to 1000 requests each).
    pub searches: RateLimiter,
    pub operator: RateLimiter,
}

impl Limits {
    pub fn new(config: &crate::Config) -> Self {
        Limits {
            posts: RateLimiter::new(config.rate_limit),
            stats: RateLimiter::new(config.stats_rate_limit),
            searches: RateLimiter::new(config.search_rate_limit),
            operator: RateLimiter::new(config.operator_rate_limit),
        }
    }
}

#[derive(Clone)]
pub struct RateLimiter {
    per_minute: u32,
    buckets: Arc<Mutex<HashMap<IpAddr, (f64, Instant)>>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute,
            buckets: Arc::default(),
        }
    }

    /// Takes one token for `ip`; `Err(seconds)` tells how long until the next one.
    pub fn take(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let ip = ClientAddr::limit_key(ip);
        let capacity = self.per_minute as f64;
        let per_second = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() > 100_000 {
            // Forget clients whose buckets have refilled, so memory stays bounded.
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * per_second < capacity);
        }
        let (tokens, at) = buckets.entry(ip).or_insert((capacity, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * per_second).min(capacity);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / per_second).ceil() as u64)
        }
    }
}

/// Every POST takes a token.
pub async fn limit_posts(State(limiter): State<RateLimiter>, req: Request, next: Next) -> Response {
    let counted = req.method() == Method::POST;
    take_then_run(&limiter, counted, req, next).await
}

/// Every request takes a token: for routes that are all expensive or privileged.
pub async fn limit_all(State(limiter): State<RateLimiter>, req: Request, next: Next) -> Response {
    take_then_run(&limiter, true, req, next).await
}

/// A GET with a non-empty `q` (a full-text search) takes a token; plain listing pages do not.
pub async fn limit_searches(State(limiter): State<RateLimiter>, req: Request, next: Next) -> Response {
    let searches = req.method() == Method::GET
        && serde_urlencoded::from_str::<Vec<(String, String)>>(req.uri().query().unwrap_or(""))
            .is_ok_and(|pairs| pairs.iter().any(|(k, v)| k == "q" && !v.trim().is_empty()));
    take_then_run(&limiter, searches, req, next).await
}

async fn take_then_run(limiter: &RateLimiter, counted: bool, req: Request, next: Next) -> Response {
    if counted {
        let ClientAddr(ip) = ClientAddr::of(req.extensions());
        if let Err(wait) = limiter.take(ip, Instant::now()) {
            return ApiError::too_many_requests(wait).into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_is_allowed_then_refused_then_refilled() {
        let limiter = RateLimiter::new(6);
        let ip = IpAddr::from([127, 0, 0, 1]);
        let t0 = Instant::now();
        for _ in 0..6 {
            assert!(limiter.take(ip, t0).is_ok());
        }
        assert_eq!(limiter.take(ip, t0), Err(10));
        assert!(
            limiter.take(IpAddr::from([127, 0, 0, 2]), t0).is_ok(),
            "other clients are unaffected"
        );
        assert!(limiter.take(ip, t0 + Duration::from_secs(10)).is_ok());
        assert!(RateLimiter::new(0).take(ip, t0).is_ok(), "0 disables the limit");
    }

    #[test]
    fn one_ipv6_subscriber_has_one_bucket_whatever_address_it_takes() {
        let limiter = RateLimiter::new(2);
        let t0 = Instant::now();
        let ip = |text: &str| text.parse::<IpAddr>().unwrap();
        assert!(limiter.take(ip("2001:db8:0:7::1"), t0).is_ok());
        assert!(limiter.take(ip("2001:db8:0:7::2"), t0).is_ok());
        assert!(limiter.take(ip("2001:db8:0:7:abcd::3"), t0).is_err(), "the same /64");
        assert!(limiter.take(ip("2001:db8:0:8::1"), t0).is_ok(), "another /64");
    }
}
