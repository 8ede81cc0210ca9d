// Each staff test binary uses a different part of this helper.
#![allow(dead_code)]
//! The staff console's calls as the workflow tests make them: accounts of each role, and the /staff routes.

use aduan_core::Role;
use serde_json::{json, Value};

use crate::common::TestServer;

pub const PASSWORD: &str = "kata-sandi-uji-2026";

/// A server with an administrator, a supervisor and an officer of each of two agencies, signed in.
pub struct Desk {
    pub s: TestServer,
    pub admin: String,
    pub supervisor: String,
    /// The officer of `dinas-pupr`.
    pub pupr: String,
    /// The officer of `dinkes`.
    pub dinkes: String,
}

impl Desk {
    pub async fn open() -> Desk {
        Desk::open_with(&[]).await
    }

    /// The desk on a server started with `args` (e.g. without the per-client limits, for a large crafted set).
    pub async fn open_with(args: &[&str]) -> Desk {
        let s = TestServer::start(args).await;
        let accounts = [
            ("admin-uji", Role::Admin, &[][..]),
            ("pengawas-uji", Role::Supervisor, &[][..]),
            ("petugas-pupr-uji", Role::Officer, &["dinas-pupr"][..]),
            ("petugas-dinkes-uji", Role::Officer, &["dinkes"][..]),
        ];
        let mut tokens = Vec::new();
        for (username, role, agencies) in accounts {
            s.create_account(username, role, agencies, PASSWORD).await;
            tokens.push(s.sign_in(username, PASSWORD).await);
        }
        let [admin, supervisor, pupr, dinkes] = tokens.try_into().unwrap();
        Desk {
            s,
            admin,
            supervisor,
            pupr,
            dinkes,
        }
    }

    /// `method` on a /staff `path` as `token`, with a JSON `body` if any: (status, body). English problems.
    pub async fn call(&self, token: &str, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let res = self.s.staff_call(method, path, token, body).await;
        (res.status().as_u16(), res.json().await.unwrap_or_default())
    }

    /// `POST /staff/reports/{ticket}/steps` as `token`: (status, body).
    pub async fn step(&self, token: &str, ticket: &str, body: Value) -> (u16, Value) {
        let res = self
            .s
            .post(&format!("/api/v1/staff/reports/{ticket}/steps"))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.json().await.unwrap_or_default())
    }

    /// A step that must succeed; the report after it.
    pub async fn take(&self, token: &str, ticket: &str, action: &str, agency: Option<&str>) -> Value {
        let body = json!({ "action": action, "message": format!("Pesan langkah {action}"), "agency_id": agency });
        let (status, view) = self.step(token, ticket, body).await;
        assert_eq!(status, 200, "{action}: {view}");
        view
    }

    /// `GET` of a /staff path as `token`: (status, body).
    pub async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let res = self
            .s
            .get_request(&format!("/api/v1/staff{path}"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.json().await.unwrap_or_default())
    }

    pub async fn note(&self, token: &str, ticket: &str, text: &str) -> (u16, Value) {
        let res = self
            .s
            .post(&format!("/api/v1/staff/reports/{ticket}/notes"))
            .bearer_auth(token)
            .json(&json!({ "text": text }))
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.json().await.unwrap_or_default())
    }

    pub async fn correct(&self, token: &str, ticket: &str, body: Value) -> (u16, Value) {
        let res = self
            .s
            .http
            .patch(format!("{}/api/v1/staff/reports/{ticket}", self.s.url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.json().await.unwrap_or_default())
    }

    /// A report submitted, verified and forwarded to `agency` by the administrator.
    pub async fn forwarded_to(&self, agency: &str) -> String {
        let (ticket, _) = self.s.submit(|_| {}).await;
        self.take(&self.admin, &ticket, "verify", None).await;
        self.take(&self.admin, &ticket, "forward", Some(agency)).await;
        ticket
    }
}
