//! Loopback load generator for `make bench`: submissions per second and latency percentiles under N
//! concurrent clients, `/stats` latency, and the latency of any GET (the staff queue) with a bearer token.
//! Bounded by request count; it only talks to the URL given.
//!
//! cargo run --profile server --example loadgen -- <base-url> <submit|stats> <requests> <concurrency>
//! cargo run --profile server --example loadgen -- <base-url> get <requests> <concurrency> <path> <token> <label>

// A command-line tool: its report is its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[aduan_core::stats::percentile_rank(sorted.len(), p) - 1]
}

fn report(label: &str, mut times: Vec<Duration>, wall: Duration, errors: usize) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label}: {} requests in {:.2} s = {:.0}/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; errors {errors}",
        times.len(),
        wall.as_secs_f64(),
        times.len() as f64 / wall.as_secs_f64(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap()),
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (url, mode, requests, concurrency, get) = match args.as_slice() {
        [_, url, mode, requests, concurrency] if mode != "get" => (url, mode, requests, concurrency, None),
        [_, url, mode, requests, concurrency, path, token, label] if mode == "get" => (
            url,
            mode,
            requests,
            concurrency,
            Some((path.clone(), token.clone(), label.clone())),
        ),
        _ => {
            eprintln!("usage: loadgen <base-url> <submit|stats> <requests> <concurrency>");
            eprintln!("       loadgen <base-url> get <requests> <concurrency> <path> <bearer-token> <label>");
            std::process::exit(2);
        }
    };
    assert!(
        url.starts_with("http://127.") || url.starts_with("http://localhost"),
        "loopback only"
    );
    let requests: usize = requests.parse().unwrap();
    let concurrency: usize = concurrency.parse().unwrap();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .unwrap();
    let body = serde_json::json!({
        "kind": "complaint", "title": "Lampu jalan mati di Jl. Merdeka",
        "body": "Sudah seminggu lampu penerangan jalan mati sehingga jalan gelap dan rawan kecelakaan.",
        "incident_date": "2026-01-15", "category_id": "jalan", "region_id": "cempaka",
        "reporter": { "name": "Beban Uji", "email": "uji@contoh.id" }
    });
    let start = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let (client, url, mode, body, get) = (client.clone(), url.clone(), mode.clone(), body.clone(), get.clone());
        let share = requests / concurrency + usize::from(worker < requests % concurrency);
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(share);
            let mut errors = 0;
            for i in 0..share {
                let t = Instant::now();
                let res = if let Some((path, token, _)) = &get {
                    client.get(format!("{url}{path}")).bearer_auth(token).send().await
                } else if mode == "submit" {
                    client
                        .post(format!("{url}/api/v1/reports"))
                        .header("idempotency-key", format!("load-{worker}-{i}"))
                        .json(&body)
                        .send()
                        .await
                } else {
                    client.get(format!("{url}/api/v1/stats")).send().await
                };
                match res {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                    }
                    _ => errors += 1,
                }
                times.push(t.elapsed());
            }
            (times, errors)
        }));
    }
    let mut times = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (mut ts, e) = t.await.unwrap();
        times.append(&mut ts);
        errors += e;
    }
    let label = match &get {
        Some((_, _, label)) => format!("{label} ({concurrency} clients)"),
        None => format!("{mode} ({concurrency} clients)"),
    };
    report(&label, times, start.elapsed(), errors);
}
