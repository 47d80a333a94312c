//! A sign-in in progress, kept in the browser between leaving for the provider and coming back:
//! the `state`, the `nonce`, the PKCE verifier and the page to return to, in a short-lived
//! HttpOnly cookie signed with HMAC-SHA256.
//!
//! In the browser rather than in the store, so that a sign-in started on one node of a
//! PostgreSQL cluster finishes on another, and nothing is left behind by the sign-ins people
//! abandon. The key is derived from the client secret, which every node has and no browser
//! sees. The cookie is sent only to the callback's path and lives ten minutes; it is removed
//! once the provider has answered, so a callback is used once.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::pages::visitor::OIDC_COOKIE as COOKIE;
/// How long a person may take at the provider (signing in, perhaps a second factor).
const LIFETIME: SignedDuration = SignedDuration::from_mins(10);

/// A sign-in in progress.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Pending {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
    /// Where to go once signed in ("" for where the role lands).
    pub next: String,
    /// Seconds since the epoch after which the cookie is not accepted.
    expires: i64,
}

impl std::fmt::Debug for Pending {
    /// Without the secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending")
            .field("next", &self.next)
            .field("expires", &self.expires)
            .finish_non_exhaustive()
    }
}

impl Pending {
    pub(crate) fn new(
        state: String,
        nonce: String,
        verifier: String,
        next: String,
        now: Timestamp,
    ) -> Self {
        Self {
            state,
            nonce,
            verifier,
            next,
            expires: now.as_second().saturating_add(LIFETIME.as_secs()),
        }
    }
}

impl Pending {
    /// Whether the provider's `state` is this sign-in's, compared without an early exit so
    /// that timing does not reveal how much of a guess was right.
    pub(crate) fn answers(&self, state: &str) -> bool {
        !state.is_empty()
            && self.state.len() == state.len()
            && self
                .state
                .bytes()
                .zip(state.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// The key the cookie is signed with.
#[derive(Clone)]
pub(crate) struct FlowKey([u8; 32]);

impl std::fmt::Debug for FlowKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FlowKey(…)")
    }
}

type HmacSha256 = Hmac<Sha256>;

impl FlowKey {
    /// Derived from the client secret: the same on every node, and of no use for anything else.
    pub(crate) fn from_secret(secret: &str) -> Self {
        let mut key = [0u8; 32];
        if let Ok(mut mac) = HmacSha256::new_from_slice(secret.as_bytes()) {
            mac.update(b"frist: the OpenID Connect sign-in cookie, version 1");
            key.copy_from_slice(&mac.finalize().into_bytes());
        }
        Self(key)
    }

    fn mac(&self) -> Option<HmacSha256> {
        HmacSha256::new_from_slice(&self.0).ok()
    }

    /// The cookie's value: the JSON, then its signature, both base64url.
    pub(crate) fn seal(&self, pending: &Pending) -> Option<String> {
        let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(pending).ok()?);
        let mut mac = self.mac()?;
        mac.update(body.as_bytes());
        let tag = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        Some(format!("{body}.{tag}"))
    }

    /// The sign-in in `value`, when this key signed it and it has not expired at `now`.
    pub(crate) fn open(&self, value: &str, now: Timestamp) -> Option<Pending> {
        let (body, tag) = value.split_once('.')?;
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        let mut mac = self.mac()?;
        mac.update(body.as_bytes());
        // Constant-time: a forger learns nothing from how long a refusal takes.
        mac.verify_slice(&tag).ok()?;
        let pending: Pending = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(body).ok()?).ok()?;
        (now.as_second() < pending.expires).then_some(pending)
    }
}

/// The `Set-Cookie` value that keeps `sealed` for the callback.
pub(crate) fn set_cookie(sealed: &str, secure: &str) -> String {
    format!(
        "{COOKIE}={sealed}; Path={}; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        crate::paths::LOGIN_OIDC,
        LIFETIME.as_secs()
    )
}

/// The `Set-Cookie` value that removes it.
pub(crate) fn cleared(secure: &str) -> String {
    format!(
        "{COOKIE}=; Path={}; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        crate::paths::LOGIN_OIDC
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn now() -> Timestamp {
        "2026-03-02T08:00:00Z".parse().unwrap()
    }

    fn pending() -> Pending {
        Pending::new(
            "st".into(),
            "no".into(),
            "ve".into(),
            "/sager/4".into(),
            now(),
        )
    }

    #[test]
    fn a_sealed_sign_in_opens_with_its_key_until_it_expires() {
        let key = FlowKey::from_secret("hemmelig");
        let sealed = key.seal(&pending()).unwrap();
        assert!(!sealed.contains("/sager"), "the value is encoded: {sealed}");
        assert_eq!(key.open(&sealed, now()), Some(pending()));
        let later = now().checked_add(LIFETIME).unwrap();
        assert_eq!(key.open(&sealed, later), None);
    }

    #[test]
    fn another_key_or_a_changed_value_opens_nothing() {
        let key = FlowKey::from_secret("hemmelig");
        let sealed = key.seal(&pending()).unwrap();
        assert_eq!(FlowKey::from_secret("en anden").open(&sealed, now()), None);
        let (body, tag) = sealed.split_once('.').unwrap();
        let mut other = pending();
        other.next = "//evil.example".into();
        let forged_body = key.seal(&other).unwrap();
        let forged = format!("{}.{tag}", forged_body.split_once('.').unwrap().0);
        assert_eq!(key.open(&forged, now()), None);
        assert_eq!(key.open(body, now()), None);
        assert_eq!(key.open("", now()), None);
        assert_eq!(key.open("a.b.c", now()), None);
    }

    #[test]
    fn only_the_same_state_answers_a_sign_in() {
        let p = pending();
        assert!(p.answers("st"));
        assert!(!p.answers("sT"));
        assert!(!p.answers("st2"));
        assert!(!p.answers(""));
    }

    #[test]
    fn the_cookie_goes_only_to_the_sign_in_paths_and_is_http_only() {
        let c = set_cookie("v", "; Secure");
        assert!(
            c.starts_with("frist_oidc=v; Path=/login/oidc; HttpOnly; SameSite=Lax; Max-Age=600")
        );
        assert!(c.ends_with("; Secure"));
        assert!(cleared("").contains("Max-Age=0"));
    }
}
