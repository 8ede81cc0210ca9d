// Each test binary uses a different part of this helper.
#![allow(dead_code)]
//! Starts a real server on a free loopback port with a temporary database.

use std::path::PathBuf;

use aduan_server::Config;
use clap::Parser;

/// The server refuses an operator token shorter than 32 characters.
pub const TEST_OPERATOR_TOKEN: &str = "test-operator-token-of-at-least-32-chars";

pub struct TestServer {
    pub state: aduan_server::AppState,
    pub url: String,
    pub data: tempfile::TempDir,
    pub token: String,
    pub http: reqwest::Client,
}

/// The smallest PNG header the server's type sniffing accepts.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

impl TestServer {
    /// Posts one file to `/attachments` under `name`, claiming the content type `claimed`.
    pub async fn upload_as(&self, name: &str, bytes: Vec<u8>, claimed: &str) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str(claimed)
            .unwrap();
        self.post("/api/v1/attachments")
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .unwrap()
    }

    /// Uploads `bytes` as a PNG photo and returns the attachment's id.
    pub async fn upload(&self, bytes: Vec<u8>) -> String {
        let res = self.upload_as("foto.png", bytes, "image/png").await;
        assert_eq!(res.status(), 201);
        res.json::<serde_json::Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn start(extra: &[&str]) -> TestServer {
        TestServer::start_in(tempfile::tempdir().unwrap(), extra).await
    }

    /// Starts on a data directory that may hold an earlier server's database and key files.
    pub async fn start_in(data: tempfile::TempDir, extra: &[&str]) -> TestServer {
        let token = TEST_OPERATOR_TOKEN.to_string();
        let mut args = vec![
            "aduan-server",
            "--addr",
            "127.0.0.1:0",
            "--data",
            data.path().to_str().unwrap(),
            "--operator-token",
            &token,
        ];
        args.extend_from_slice(extra);
        let config = Config::parse_from(args);
        let (router, state) = aduan_server::build(&config).expect("server builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        // The real accept loop, with the timeouts and caps of `config`.
        tokio::spawn(async move {
            aduan_server::serve(listener, router, &config, std::future::pending())
                .await
                .unwrap();
        });
        TestServer {
            state,
            url: format!("http://{addr}"),
            data,
            token,
            http: reqwest::Client::new(),
        }
    }

    /// A GET of `path` to add headers to before sending.
    pub fn get_request(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.get(format!("{}{path}", self.url))
    }

    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.post(format!("{}{path}", self.url))
    }

    /// Submits a valid report (changed by `edit`) and returns (ticket, access code).
    pub async fn submit(&self, edit: impl FnOnce(&mut serde_json::Value)) -> (String, String) {
        let mut body = valid_report();
        edit(&mut body);
        let res = self.post("/api/v1/reports").json(&body).send().await.unwrap();
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
        let created: serde_json::Value = res.json().await.unwrap();
        (
            created["ticket"].as_str().unwrap().to_string(),
            created["access_code"].as_str().unwrap().to_string(),
        )
    }

    /// Moves a report through the operator API; panics unless the server answers `expect`.
    pub async fn transition(&self, ticket: &str, body: serde_json::Value, expect: u16) -> serde_json::Value {
        let res = self
            .post(&format!("/api/v1/operator/reports/{ticket}/transitions"))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let json: serde_json::Value = res.json().await.unwrap_or_default();
        assert_eq!(status, expect, "{body} -> {json}");
        json
    }

    /// Signs in through `POST /api/v1/staff/session`; panics unless it succeeds. Returns the session token.
    pub async fn sign_in(&self, username: &str, password: &str) -> String {
        let res = self
            .post("/api/v1/staff/session")
            .json(&serde_json::json!({ "username": username, "password": password }))
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let json: serde_json::Value = res.json().await.unwrap_or_default();
        assert_eq!(status, 201, "sign-in of {username}: {json}");
        json["token"].as_str().unwrap().to_string()
    }

    /// Creates a staff account straight in the database (display name "Name of {username}"), as the
    /// `create-admin` command does; `agencies` are agency ids, for an officer.
    pub async fn create_account(&self, username: &str, role: aduan_core::Role, agencies: &[&str], password: &str) {
        aduan_server::create_account(
            &self.state.db,
            username,
            &format!("Name of {username}"),
            role,
            agencies,
            password,
        )
        .await
        .expect("account created");
    }

    /// The listening address, for tests that speak raw TCP.
    /// `method` on a /staff `path` as `token`, with a JSON `body` if any, problems asked for in English.
    pub async fn staff_call(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> reqwest::Response {
        let mut req = self
            .http
            .request(method.parse().unwrap(), format!("{}/api/v1/staff{path}", self.url))
            .bearer_auth(token)
            .header("accept-language", "en");
        if let Some(body) = body {
            req = req.json(&body);
        }
        req.send().await.unwrap()
    }

    pub fn addr(&self) -> std::net::SocketAddr {
        self.url.trim_start_matches("http://").parse().unwrap()
    }

    pub fn db_path(&self) -> PathBuf {
        self.data.path().join("aduan.sqlite3")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(format!("{}{path}", self.url)).send().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let res = self.get(path).await;
        assert!(res.status().is_success(), "GET {path}: {}", res.status());
        res.json().await.unwrap()
    }
}

pub fn valid_report() -> serde_json::Value {
    serde_json::json!({
        "kind": "complaint",
        "title": "Lampu jalan mati di Jl. Merdeka",
        "body": "Sudah seminggu lampu penerangan jalan mati sehingga jalan gelap dan rawan kecelakaan.",
        "incident_date": "2026-01-15",
        "category_id": "jalan",
        "region_id": "cempaka",
        "address": "Jl. Merdeka dekat pasar",
        "anonymous": false,
        "confidential": false,
        "reporter": { "name": "Siti Aminah", "email": "siti@contoh.id", "phone": "" }
    })
}
