//! A deadline for the whole request body. tower-http's `RequestBodyTimeoutLayer` times the gap between two
//! chunks, so a client dripping one byte every few seconds would still hold the connection for as long as it
//! likes; here the whole body has to arrive in time. Whatever the handler made of a truncated body, the
//! client gets a 408 problem and the connection is closed. A large body (a photo sent over a slow mobile
//! link) gets one more second per [`MIN_BYTES_PER_SECOND`] it declares in `Content-Length`.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use tokio::time::Sleep;

use crate::problem::ApiError;

/// The slowest upload that is still served: 8 KiB/s, a poor 2G link. Bodies larger than a route takes are
/// refused (413) before they are read, so this cannot stretch the deadline of a JSON route by much.
pub const MIN_BYTES_PER_SECOND: u64 = 8 * 1024;

struct DeadlineBody {
    inner: Body,
    deadline: Pin<Box<Sleep>>,
    expired: Arc<AtomicBool>,
}

impl HttpBody for DeadlineBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame);
        }
        if this.deadline.as_mut().poll(cx).is_ready() {
            this.expired.store(true, Ordering::Relaxed);
            return Poll::Ready(Some(Err(axum::Error::new("the request body did not arrive in time"))));
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// Gives the body `base` from the moment its headers were read, more if it is large.
pub async fn limit_body_time(State(base): State<Duration>, req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let limit = base + Duration::from_secs(declared / MIN_BYTES_PER_SECOND);
    let expired = Arc::new(AtomicBool::new(false));
    let flag = expired.clone();
    let req = req.map(|inner| {
        Body::new(DeadlineBody {
            inner,
            deadline: Box::pin(tokio::time::sleep(limit)),
            expired: flag,
        })
    });
    let res = next.run(req).await;
    if !expired.load(Ordering::Relaxed) {
        return res;
    }
    tracing::warn!(seconds = limit.as_secs(), "request body timed out");
    let mut res = ApiError::new(StatusCode::REQUEST_TIMEOUT, "Request timeout")
        .detail(format!(
            "The request body must arrive within {} seconds.",
            limit.as_secs()
        ))
        .into_response();
    // The rest of the body may still be on its way: this connection cannot carry another request.
    res.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
}
