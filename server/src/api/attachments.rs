//! Uploads: one file per request, type sniffed from its bytes, stored on disk by content hash.

use aduan_core::validation::{field_errors, refuse_direction_controls};
use aduan_core::Attachment;
use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use chrono::Utc;

use super::reports::{access_code, behind_code_throttle};
use crate::attachment_files;
use crate::client::ClientAddr;
use crate::crypto::{secure_random, sha256_hex};
use crate::db;
use crate::db::reports::{locate, Audience};
use crate::http::wants_english;
use crate::problem::ApiError;
use crate::AppState;

/// The content type from the file's first bytes; the client's claim is not trusted.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        [b'%', b'P', b'D', b'F', b'-', ..] => Some("application/pdf"),
        _ => None,
    }
}

/// A file name safe to store and show: no path, no control characters, at most 100 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(100).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "lampiran".to_string()
    } else {
        cleaned.to_string()
    }
}

fn too_large(max: u64) -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "File too large").detail(format!("A file may be at most {max} bytes."))
}

/// `POST /attachments` (multipart, field `file`) → 201 `{ id, name, size, content_type }`.
pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Attachment>), ApiError> {
    let mut multipart = multipart.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let limits = &state.portal.limits;
    let max = limits.attachment_max_bytes;
    let bad = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large(max)
        } else {
            ApiError::bad_request(e.body_text())
        }
    };
    // Exactly one part, named `file` (the contract's `additionalProperties: false`): a part that would not be
    // read is refused, so a client that sent two files is not told that both were taken.
    let one_part = || ApiError::bad_request("Send one multipart part, named \"file\", and nothing else.");
    let mut field = multipart.next_field().await.map_err(bad)?.ok_or_else(one_part)?;
    if field.name() != Some("file") {
        return Err(one_part());
    }
    let raw_name = field.file_name().unwrap_or("");
    // Refused rather than cleaned: a name that reads differently from what it is (`gpj.exe` shown as
    // `exe.jpg`) is worth telling the citizen about, and the SPA checks the same rule before uploading.
    refuse_direction_controls(raw_name)
        .map_err(|rule| ApiError::validation(field_errors(&[("file", rule)], wants_english(&headers))))?;
    let name = clean_file_name(raw_name);
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(bad)? {
        if bytes.len() as u64 + chunk.len() as u64 > max {
            return Err(too_large(max));
        }
        bytes.extend_from_slice(&chunk);
    }
    drop(field);
    if multipart.next_field().await.map_err(bad)?.is_some() {
        return Err(one_part());
    }
    if bytes.is_empty() {
        return Err(ApiError::bad_request("The file is empty."));
    }
    let content_type = sniff(&bytes)
        .filter(|t| limits.attachment_types.iter().any(|a| a == t))
        .ok_or_else(|| {
            ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported file type")
                .detail("Send a JPEG, PNG or WebP image, or a PDF.")
        })?;
    let hash = sha256_hex(&bytes);
    let attachment = Attachment {
        id: format!("{:016x}", secure_random()),
        name,
        size: bytes.len() as u64,
        content_type: content_type.to_string(),
    };
    let (row, row_hash) = (attachment.clone(), hash.clone());
    // The row first: from then on the sweep leaves the file of this hash alone (see `attachment_files`).
    state
        .db
        .write(move |conn| Ok(db::attachments::insert(conn, &row, &row_hash, Utc::now())?))
        .await?;
    attachment_files::store(attachment_files::dir(&state.data_dir), hash, bytes)
        .await
        .map_err(ApiError::internal)?;
    Ok((StatusCode::CREATED, Json(attachment)))
}

/// `GET /reports/{ticket}/attachments/{id}`, with the same access rules as the report's content.
pub async fn download(
    State(state): State<AppState>,
    Path((ticket, id)): Path<(String, String)>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let code = access_code(&headers);
    let (wanted, secrets, sent) = (ticket.clone(), state.secrets.clone(), code.clone());
    let read = state.db.read(move |conn| {
        let found = locate(conn, &secrets, &wanted, sent.as_deref())?;
        if found.confidential && found.audience == Audience::Public {
            return Err(ApiError::not_found());
        }
        db::attachments::find(conn, found.id, &id)?.ok_or_else(ApiError::not_found)
    });
    let file = behind_code_throttle(&state, &ticket, code.as_deref(), client, read).await?;
    send_file(&state, file).await
}

/// The stored file of an attachment the caller may read, as a download that no browser runs or sniffs.
pub async fn send_file(state: &AppState, file: db::attachments::StoredFile) -> Result<Response, ApiError> {
    let (name, content_type) = (file.name, file.content_type);
    let bytes = tokio::fs::read(attachment_files::dir(&state.data_dir).join(file.sha256))
        .await
        .map_err(ApiError::internal)?;
    let ascii_name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .header(
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{ascii_name}\""),
        )
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        )
        .header(header::CACHE_CONTROL, "private, no-store")
        .body(Body::from(bytes))
        .map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_sniffed_from_bytes() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Some("image/jpeg"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff(b"%PDF-1.7"), Some("application/pdf"));
        assert_eq!(sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn file_names_lose_paths_and_control_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\x\\foto jalan.jpg"), "foto jalan.jpg");
        assert_eq!(clean_file_name("a\u{0}b\nc.png"), "abc.png");
        assert_eq!(clean_file_name(""), "lampiran");
        assert_eq!(clean_file_name(&"x".repeat(300)).len(), 100);
    }
}
