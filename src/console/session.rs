//! The signed-in staff session: kept in `sessionStorage` (key `aduan.staff`: the tab's session ends with the
//! tab, and another tab signs in on its own), shared through a context, and ended on the first 401 of any
//! call. Every console page reads it with [`use_session`].

use aduan_core::{Role, StaffAccount, StaffSession};
use leptos::prelude::*;

use super::api::StaffApi;
use crate::api::{AduanClient, Client};

pub const STORAGE_KEY: &str = "aduan.staff";
/// Why the last session of this tab ended, so that the sign-in form can say it on whichever page it shows.
const REASON_KEY: &str = "aduan.staff.ended";

// `sessionStorage` is reached by name (crate::js) and its items removed by deleting the property (the Web
// Storage API's named deleter): the console's own bindings would each be a wasm import, and every import and
// its JS glue stays in the shell every citizen downloads. `getItem`/`setItem` are the citizen pages' own.
fn session_storage() -> Option<web_sys::Storage> {
    use wasm_bindgen::JsCast;
    Some(crate::js::property(&web_sys::window()?.into(), "sessionStorage")?.unchecked_into())
}

/// A value kept in `sessionStorage` (the console's session, and drafts the console keeps while a
/// session ends: by ticket, see the report page).
pub fn stored(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

pub fn store(key: &str, value: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn forget(key: &str) {
    if let Some(s) = session_storage() {
        let _ = js_sys::Reflect::delete_property(&s, &key.into());
    }
}

/// Why the sign-in form is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedOutReason {
    /// Not signed in in this tab yet.
    Never,
    /// The server refused the token (expired, revoked elsewhere, account disabled): sign in again to go on
    /// where you were.
    Ended,
    /// The user signed out.
    SignedOut,
}

/// The console's session, shared by every console page through a context.
#[derive(Clone, Copy)]
pub struct Session {
    current: RwSignal<Option<StaffSession>>,
    reason: RwSignal<SignedOutReason>,
    /// The `/api/v1` backend; none with an Open311 backend, which has no staff side.
    backend: StoredValue<Option<AduanClient>>,
}

/// The session of this tab; the first console page to ask reads it from `sessionStorage`.
pub fn use_session() -> Session {
    if let Some(session) = use_context::<Session>() {
        return session;
    }
    let backend = match expect_context::<Client>() {
        Client::Aduan(c) => Some(c),
        Client::Open311(_) => None,
    };
    let current = stored(STORAGE_KEY)
        .and_then(|json| serde_json::from_str::<StaffSession>(&json).ok())
        .filter(|s| s.token.is_some());
    let session = Session {
        current: RwSignal::new(current),
        reason: RwSignal::new(match stored(REASON_KEY).as_deref() {
            Some("ended") => SignedOutReason::Ended,
            Some("signed_out") => SignedOutReason::SignedOut,
            _ => SignedOutReason::Never,
        }),
        backend: StoredValue::new(backend),
    };
    provide_context(session);
    session
}

impl Session {
    /// Whether this backend has a staff side at all.
    pub fn is_offered(&self) -> bool {
        self.backend.with_value(Option::is_some)
    }

    /// The signed-in account (reactive).
    pub fn account(&self) -> Option<StaffAccount> {
        self.current.with(|s| s.as_ref().map(|s| s.account.clone()))
    }

    pub fn is_signed_in(&self) -> bool {
        self.current.with(Option::is_some)
    }

    pub fn role(&self) -> Option<Role> {
        self.current.with(|s| s.as_ref().map(|s| s.account.role))
    }

    /// Why no one is signed in (reactive).
    pub fn signed_out_reason(&self) -> SignedOutReason {
        self.reason.get()
    }

    /// The client with this session's token; a 401 it meets ends the session (see [`Session::end`]).
    pub fn api(&self) -> StaffApi {
        let this = *self;
        let token = self
            .current
            .with_untracked(|s| s.as_ref().and_then(|s| s.token.clone()));
        // One task later: the call that met the 401 belongs to a view that ending the session removes, and it
        // must finish (its resource takes the error) before that view is disposed.
        let end_later = move |()| set_timeout(move || this.end(), std::time::Duration::ZERO);
        self.client(token, Some(Callback::new(end_later)))
    }

    /// The client without a token, for signing in.
    pub fn anonymous_api(&self) -> StaffApi {
        self.client(None, None)
    }

    fn client(&self, token: Option<String>, on_signed_out: Option<Callback<()>>) -> StaffApi {
        let backend = self.backend.get_value().unwrap_or_else(|| AduanClient::new("/api/v1"));
        StaffApi::new(&backend, token, on_signed_out)
    }

    /// Keeps a new session (from sign-in) for this tab.
    pub fn start(&self, session: StaffSession) {
        store(STORAGE_KEY, &serde_json::to_string(&session).unwrap_or_default());
        forget(REASON_KEY);
        self.reason.set(SignedOutReason::Never);
        self.current.set(Some(session));
    }

    /// The account as the server now describes it (display name, role, agencies), keeping the token.
    pub fn refresh_account(&self, account: StaffAccount) {
        // Asked for after an await: the console may have been left meanwhile.
        let mut session = self.current.try_get_untracked().flatten();
        if let Some(s) = session.as_mut() {
            s.account = account;
            store(STORAGE_KEY, &serde_json::to_string(s).unwrap_or_default());
            self.current.try_set(session);
        }
    }

    /// The server no longer accepts the token: back to the sign-in form, at the same URL, which signing in
    /// again returns to. Drafts kept in `sessionStorage` stay.
    pub fn end(&self) {
        // The console may have been left meanwhile (its signals disposed): then only storage is cleared.
        if self.current.try_with_untracked(Option::is_some) != Some(false) {
            forget(STORAGE_KEY);
            store(REASON_KEY, "ended");
            self.reason.try_set(SignedOutReason::Ended);
            self.current.try_set(None);
        }
    }

    /// Signs out: revokes the token on the server (whatever it answers, this tab forgets it).
    pub async fn sign_out(&self) {
        let api = self.client(
            self.current
                .with_untracked(|s| s.as_ref().and_then(|s| s.token.clone())),
            None,
        );
        let _ = api.sign_out().await;
        forget(STORAGE_KEY);
        // A report half typed in at the desk holds a reporter's details: not for whoever signs in next in this tab.
        // (A session that merely ended keeps it, to go on after signing in again.)
        forget(super::record::DRAFT_KEY);
        store(REASON_KEY, "signed_out");
        self.reason.try_set(SignedOutReason::SignedOut);
        self.current.try_set(None);
    }
}
