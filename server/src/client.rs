//! Who the client is: the socket's peer, or behind a trusted reverse proxy the address the proxy forwarded.
//! One middleware resolves it once per request; rate limits, throttles and logs read [`ClientAddr`].

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

/// The address a request is counted against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// Which forwarding header the proxies write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForwardedHeader {
    XForwardedFor,
    Forwarded,
}

#[derive(Clone)]
pub struct TrustedProxies {
    nets: Arc<Vec<IpNet>>,
    header: ForwardedHeader,
}

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>, header: ForwardedHeader) -> Self {
        TrustedProxies {
            nets: Arc::new(nets),
            header,
        }
    }

    pub fn from_config(config: &crate::Config) -> Self {
        let header = if config.forwarded_header == "forwarded" {
            ForwardedHeader::Forwarded
        } else {
            ForwardedHeader::XForwardedFor
        };
        Self::new(config.trusted_proxies.clone(), header)
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.nets.iter().any(|net| net.contains(&ip))
    }

    /// The client of a request that came from `peer`. Each proxy appends the address it received the
    /// request from, so walking the list right to left, the first address that is not a trusted proxy is
    /// the last one a trusted party vouched for; anything left of it may be forged by the client.
    pub fn client_of(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = canonical(peer);
        if !self.contains(peer) {
            return peer;
        }
        let hops = match self.header {
            ForwardedHeader::XForwardedFor => forwarded_for(headers),
            ForwardedHeader::Forwarded => forwarded(headers),
        };
        let mut client = peer;
        for hop in hops.iter().rev() {
            match hop {
                Some(ip) if self.contains(*ip) => client = *ip,
                Some(ip) => return *ip,
                // An entry that is no address ("unknown", garbage): nothing left of it can be trusted, so the
                // nearest proxy stands for the client (it shares that proxy's bucket, it cannot pick one).
                None => return client,
            }
        }
        client
    }
}

impl ClientAddr {
    /// What limits count against: the address, or for IPv6 its /64, since one subscriber is routinely given a
    /// whole /64 and could otherwise take a fresh address (and a fresh budget) for every request.
    pub fn limit_key(ip: IpAddr) -> IpAddr {
        match canonical(ip) {
            IpAddr::V6(v6) => {
                let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(prefix.into())
            }
            v4 => v4,
        }
    }
}

/// IPv4 clients of a dual-stack socket arrive as `::ffff:a.b.c.d`; they are counted and matched as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// One hop: `1.2.3.4`, `1.2.3.4:80`, `2001:db8::1`, `[2001:db8::1]:80`, quoted or not.
fn parse_hop(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    text.parse::<IpAddr>()
        .or_else(|_| text.parse::<SocketAddr>().map(|s| s.ip()))
        .or_else(|_| text.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>())
        .ok()
        .map(canonical)
}

fn header_values<'a>(headers: &'a HeaderMap, name: &str) -> impl Iterator<Item = &'a str> {
    // A value that is not text cannot be parsed; it counts as one unknown hop.
    headers.get_all(name).iter().map(|v| v.to_str().unwrap_or("?"))
}

fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    header_values(headers, "x-forwarded-for")
        .flat_map(|v| v.split(','))
        .map(parse_hop)
        .collect()
}

/// RFC 7239: `Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"`.
fn forwarded(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    header_values(headers, "forwarded")
        .flat_map(|v| v.split(','))
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.split_once('='))
                .find(|(key, _)| key.trim().eq_ignore_ascii_case("for"))
                .and_then(|(_, value)| parse_hop(value))
        })
        .collect()
}

/// Puts the request's [`ClientAddr`] into its extensions.
pub async fn resolve(State(proxies): State<TrustedProxies>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    let client = proxies.client_of(peer, req.headers());
    req.extensions_mut().insert(ClientAddr(client));
    next.run(req).await
}

impl ClientAddr {
    /// The resolved client, or the socket's peer when [`resolve`] did not run.
    pub fn of(parts: &axum::http::Extensions) -> ClientAddr {
        parts.get::<ClientAddr>().copied().unwrap_or_else(|| {
            ClientAddr(
                parts
                    .get::<ConnectInfo<SocketAddr>>()
                    .map_or(IpAddr::from([0, 0, 0, 0]), |c| canonical(c.0.ip())),
            )
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr::of(&parts.extensions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(header: ForwardedHeader) -> TrustedProxies {
        TrustedProxies::new(
            vec!["10.0.0.0/8".parse().unwrap(), "127.0.0.1/32".parse().unwrap()],
            header,
        )
    }

    fn headers(name: &'static str, values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(name, v.parse().unwrap());
        }
        h
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_last_untrusted_hop_is_the_client() {
        let p = proxies(ForwardedHeader::XForwardedFor);
        let h = headers("x-forwarded-for", &["6.6.6.6, 203.0.113.7", "10.1.2.3"]);
        assert_eq!(p.client_of(ip("127.0.0.1"), &h), ip("203.0.113.7"));
        assert_eq!(
            p.client_of(ip("198.51.100.1"), &h),
            ip("198.51.100.1"),
            "an untrusted peer's header is ignored"
        );
        assert_eq!(p.client_of(ip("::ffff:127.0.0.1"), &h), ip("203.0.113.7"));
        assert_eq!(p.client_of(ip("127.0.0.1"), &HeaderMap::new()), ip("127.0.0.1"));
        let garbage = headers("x-forwarded-for", &["203.0.113.7, nonsense"]);
        assert_eq!(p.client_of(ip("127.0.0.1"), &garbage), ip("127.0.0.1"));
        let all_trusted = headers("x-forwarded-for", &["10.9.9.9, 10.1.1.1"]);
        assert_eq!(p.client_of(ip("127.0.0.1"), &all_trusted), ip("10.9.9.9"));
    }

    #[test]
    fn ipv6_clients_are_limited_by_their_64() {
        assert_eq!(ClientAddr::limit_key(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(ClientAddr::limit_key(ip("2001:db8:1:2:ffff::9")), ip("2001:db8:1:2::"));
        assert_ne!(ClientAddr::limit_key(ip("2001:db8:1:3::1")), ip("2001:db8:1:2::"));
        assert_eq!(ClientAddr::limit_key(ip("::ffff:203.0.113.7")), ip("203.0.113.7"));
        assert_eq!(ClientAddr::limit_key(ip("203.0.113.7")), ip("203.0.113.7"));
    }

    #[test]
    fn rfc_7239_forwarded_is_read_only_when_chosen() {
        let p = proxies(ForwardedHeader::Forwarded);
        let h = headers(
            "forwarded",
            &[
                "for=6.6.6.6, for=\"[2001:db8::7]:4711\";proto=https",
                "For=10.0.0.2;by=10.0.0.1",
            ],
        );
        assert_eq!(p.client_of(ip("127.0.0.1"), &h), ip("2001:db8::7"));
        let xff = headers("x-forwarded-for", &["203.0.113.7"]);
        assert_eq!(p.client_of(ip("127.0.0.1"), &xff), ip("127.0.0.1"));
    }
}
