//! `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the raw request body under the app
//! secret. Checked before the body is parsed, in constant time (`Mac::verify_slice`), so a
//! forged request learns nothing from how long the refusal took.
//!
//! A missing header and a wrong signature are authentication failures (HTTP 401); a header that
//! is not `sha256=` followed by 64 hexadecimal digits is a malformed request (HTTP 400).

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The header Meta signs webhook deliveries with (lower case, as `http` names headers).
pub const SIGNATURE_HEADER: &str = "x-hub-signature-256";

type HmacSha256 = Hmac<Sha256>;

/// Why a delivery's signature was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the X-Hub-Signature-256 header is missing")]
    Missing,
    #[error("the X-Hub-Signature-256 header must be \"sha256=\" followed by 64 hexadecimal digits")]
    Malformed,
    #[error("the X-Hub-Signature-256 signature does not match the body")]
    Mismatch,
}

/// The header value Meta would send for `body`: `sha256=` and the lowercase hex HMAC.
pub fn sign(app_secret: &[u8], body: &[u8]) -> String {
    format!(
        "sha256={}",
        hex::encode(mac(app_secret, body).finalize().into_bytes())
    )
}

/// Checks the header value (`None` when absent) against `body`.
pub fn verify(app_secret: &[u8], header: Option<&[u8]>, body: &[u8]) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let digits = header
        .strip_prefix(b"sha256=")
        .filter(|d| d.len() == 64)
        .ok_or(SignatureError::Malformed)?;
    let expected = hex::decode(digits).map_err(|_| SignatureError::Malformed)?;
    mac(app_secret, body)
        .verify_slice(&expected)
        .map_err(|_| SignatureError::Mismatch)
}

fn mac(app_secret: &[u8], body: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
    let mut mac = <HmacSha256 as Mac>::new_from_slice(app_secret)
        .unwrap_or_else(|_| unreachable_key_length());
    mac.update(body);
    mac
}

#[cold]
fn unreachable_key_length() -> HmacSha256 {
    // Not reachable (HMAC accepts every key length); an empty-key MAC keeps this total
    // without a panic path.
    <HmacSha256 as Mac>::new(&Default::default())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    const SECRET: &[u8] = b"app-secret";

    #[test]
    fn a_signature_made_with_the_secret_is_accepted() {
        let body = br#"{"object":"page","entry":[]}"#;
        let header = sign(SECRET, body);
        assert_eq!(verify(SECRET, Some(header.as_bytes()), body), Ok(()));
    }

    #[test]
    fn the_known_answer_matches_hmac_sha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assert_eq!(
            sign(b"Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn missing_malformed_and_wrong_signatures_are_told_apart() {
        let body = b"{}";
        let good = sign(SECRET, body);
        assert_eq!(verify(SECRET, None, body), Err(SignatureError::Missing));
        for bad in [
            "",
            "sha256=",
            "sha1=0123",
            "sha256=abc",
            &good.replace("sha256=", "sha512="),
            &format!("{good}00"),
            &format!("sha256={}", "g".repeat(64)),
        ] {
            assert_eq!(
                verify(SECRET, Some(bad.as_bytes()), body),
                Err(SignatureError::Malformed),
                "{bad}"
            );
        }
        assert_eq!(
            verify(b"another secret", Some(good.as_bytes()), body),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(SECRET, Some(good.as_bytes()), b"{} "),
            Err(SignatureError::Mismatch)
        );
    }

    proptest! {
        #[test]
        fn arbitrary_headers_never_verify_and_never_panic(
            header in proptest::collection::vec(any::<u8>(), 0..100),
            body in proptest::collection::vec(any::<u8>(), 0..200),
        ) {
            let good = sign(SECRET, &body);
            prop_assume!(header != good.as_bytes());
            prop_assert!(verify(SECRET, Some(&header), &body).is_err());
        }
    }
}
