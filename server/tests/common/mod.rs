//! Starts a real server on a free loopback port with a temporary database.

use std::path::PathBuf;

use aduan_server::Config;
use clap::Parser;

pub struct TestServer {
    pub url: String,
    pub data: tempfile::TempDir,
    pub token: String,
    pub http: reqwest::Client,
}

impl TestServer {
    pub async fn start(extra: &[&str]) -> TestServer {
        let data = tempfile::tempdir().unwrap();
        let token = "test-operator-token".to_string();
        let mut args = vec!["aduan-server", "--addr", "127.0.0.1:0", "--data", data.path().to_str().unwrap(), "--operator-token", &token];
        args.extend_from_slice(extra);
        let config = Config::parse_from(args);
        let (router, _state) = aduan_server::build(&config).expect("server builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>()).await.unwrap();
        });
        TestServer { url: format!("http://{addr}"), data, token, http: reqwest::Client::new() }
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
