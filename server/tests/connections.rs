//! The accept loop over raw sockets: clients that send slowly, hold connections idle or open too many are
//! cut off, and the server keeps answering everyone else. Each wait is bounded generously (ten times the
//! timeout and more): the machine may be busy, so nothing here asserts that anything is fast.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use common::TestServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// Far more than any timeout set below (1 s): a socket still open after this is held forever.
const BOUND: Duration = Duration::from_secs(20);

/// Everything the server sends until it closes the connection, or `None` if it is still open after `BOUND`.
async fn read_until_closed(stream: &mut TcpStream) -> Option<String> {
    let mut received = Vec::new();
    let mut buf = [0u8; 4096];
    let outcome = tokio::time::timeout(BOUND, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    outcome.ok().map(|()| String::from_utf8_lossy(&received).into_owned())
}

/// One whole response on a kept-alive connection, read up to its body `ok`.
async fn get_healthz(stream: &mut TcpStream) -> String {
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .unwrap();
    let mut received = Vec::new();
    let mut buf = [0u8; 1024];
    tokio::time::timeout(BOUND, async {
        while !received.ends_with(b"ok") {
            let n = stream.read(&mut buf).await.unwrap();
            assert!(
                n > 0,
                "closed before the response: {}",
                String::from_utf8_lossy(&received)
            );
            received.extend_from_slice(&buf[..n]);
        }
    })
    .await
    .expect("a response");
    String::from_utf8_lossy(&received).into_owned()
}

/// A connection from another loopback address than 127.0.0.1, i.e. another client.
async fn connect_from(source: [u8; 4], server: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from((source, 0))).unwrap();
    socket.connect(server).await.unwrap()
}

#[tokio::test]
async fn a_half_sent_header_is_closed_after_the_header_timeout() {
    let s = TestServer::start(&["--header-timeout", "1"]).await;
    let mut slow = TcpStream::connect(s.addr()).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: te").await.unwrap();
    assert!(
        read_until_closed(&mut slow).await.is_some(),
        "still open after {BOUND:?}"
    );
    assert_eq!(s.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn a_stalled_body_gets_408_and_the_connection_is_closed() {
    let s = TestServer::start(&["--body-timeout", "1"]).await;
    let mut slow = TcpStream::connect(s.addr()).await.unwrap();
    slow.write_all(
        b"POST /api/v1/reports HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
          Content-Length: 1000\r\n\r\n{\"kind\": \"compl",
    )
    .await
    .unwrap();
    let answer = read_until_closed(&mut slow).await.expect("closed eventually");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    let s = TestServer::start(&["--header-timeout", "1"]).await;
    let mut idle = TcpStream::connect(s.addr()).await.unwrap();
    let first = get_healthz(&mut idle).await;
    assert!(first.starts_with("HTTP/1.1 200"), "{first}");
    assert!(
        read_until_closed(&mut idle).await.is_some(),
        "still open after {BOUND:?}"
    );
}

#[tokio::test]
async fn connections_beyond_the_cap_from_one_address_are_closed() {
    let s = TestServer::start(&["--max-connections-per-client", "4"]).await;
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut stream = TcpStream::connect(s.addr()).await.unwrap();
        // A whole request each, so the server has certainly accepted all four before the fifth arrives.
        get_healthz(&mut stream).await;
        held.push(stream);
    }
    let mut extra = TcpStream::connect(s.addr()).await.unwrap();
    assert_eq!(
        read_until_closed(&mut extra).await.as_deref(),
        Some(""),
        "the fifth is closed unanswered"
    );
    // Another client is not affected; the held connections still work.
    let mut other = connect_from([127, 0, 0, 2], s.addr()).await;
    assert!(get_healthz(&mut other).await.starts_with("HTTP/1.1 200"));
    assert!(get_healthz(&mut held[0]).await.starts_with("HTTP/1.1 200"));
    // Once one is closed, its place is free again (the server notices the close a little later).
    drop(held.pop());
    let reopened = tokio::time::timeout(BOUND, async {
        loop {
            let mut stream = TcpStream::connect(s.addr()).await.unwrap();
            if stream
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
                .await
                .is_ok()
            {
                let mut buf = [0u8; 64];
                if matches!(stream.read(&mut buf).await, Ok(n) if n > 0) {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    assert!(reopened.is_ok(), "no place freed after {BOUND:?}");
}

#[tokio::test]
async fn the_server_stops_accepting_when_told_to_shut_down() {
    let data = tempfile::tempdir().unwrap();
    let config =
        <aduan_server::Config as clap::Parser>::parse_from(["aduan-server", "--data", data.path().to_str().unwrap()]);
    let (router, _) = aduan_server::build(&config).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        aduan_server::serve(listener, router, &config, async {
            let _ = stopped.await;
        })
        .await
    });
    let mut before = TcpStream::connect(addr).await.unwrap();
    assert!(get_healthz(&mut before).await.starts_with("HTTP/1.1 200"));
    stop.send(()).unwrap();
    let finished = tokio::time::timeout(BOUND, server).await;
    assert!(matches!(finished, Ok(Ok(Ok(())))), "serve did not return");
    assert!(TcpStream::connect(addr).await.is_err(), "the listener is closed");
}

#[tokio::test]
async fn a_client_that_stops_reading_a_response_is_cut_off() {
    let s = TestServer::start(&["--idle-timeout", "1"]).await;
    // A file far larger than what the socket buffers hold, so the server's writes block.
    let size = 4 * 1024 * 1024;
    let bytes = [b"\x89PNG\r\n\x1a\n".as_slice(), &vec![0u8; size]].concat();
    let id = s.upload(bytes).await;
    let (ticket, _) = s.submit(|b| b["attachment_ids"] = serde_json::json!([id])).await;

    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut reader = socket.connect(s.addr()).await.unwrap();
    let request = format!("GET /api/v1/reports/{ticket}/attachments/{id} HTTP/1.1\r\nHost: test\r\n\r\n");
    reader.write_all(request.as_bytes()).await.unwrap();
    // Ten times the idle timeout without reading a byte; then whatever was sent is drained.
    tokio::time::sleep(Duration::from_secs(10)).await;
    let received = read_until_closed(&mut reader).await.expect("closed eventually");
    assert!(
        received.starts_with("HTTP/1.1 200"),
        "{}",
        &received[..received.len().min(200)]
    );
    assert!(
        received.len() < size,
        "the whole file arrived: the connection was not cut off"
    );
}

#[tokio::test]
async fn a_large_upload_that_arrives_steadily_is_not_cut_off() {
    let s = TestServer::start(&["--body-timeout", "1"]).await;
    let mut file = b"\x89PNG\r\n\x1a\n".to_vec();
    file.resize(256 * 1024, 0);
    let mut body = b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\
                     Content-Type: image/png\r\n\r\n"
        .to_vec();
    body.extend_from_slice(&file);
    body.extend_from_slice(b"\r\n--x--\r\n");
    let mut upload = TcpStream::connect(s.addr()).await.unwrap();
    let head = format!(
        "POST /api/v1/attachments HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary=x\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    upload.write_all(head.as_bytes()).await.unwrap();
    // Longer than the 1 s body timeout in all, but far faster than 8 KiB/s.
    for chunk in body.chunks(body.len() / 10 + 1) {
        upload.write_all(chunk).await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let answer = read_until_closed(&mut upload).await.expect("an answer");
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
}
