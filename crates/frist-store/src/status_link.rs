//! Status links: the citizen's unguessable way to an inquiry's status page.
//!
//! A token is 32 random bytes in URL-safe base64 (43 characters). Only its SHA-256 (hex) is
//! kept in `status_links`, so the database alone opens no status page. A message that carries
//! a link keeps the token in its outbox row until it is sent or given up on, because the
//! citizen's text is composed at delivery (see migration 0013); no event ever holds it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// A new status link token (never stored in clear but in an unsent outbox row).
pub fn new_status_token() -> String {
    URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

/// What `status_links` stores for `token`: its SHA-256 as 64 lowercase hex digits.
pub fn status_token_hash(token: &str) -> String {
    crate::policies::sha256_hex(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_43_url_safe_characters_and_differ() {
        let (a, b) = (new_status_token(), new_status_token());
        assert_eq!(a.len(), 43);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_ne!(a, b);
        assert_eq!(status_token_hash(&a).len(), 64);
        assert_ne!(status_token_hash(&a), status_token_hash(&b));
    }
}
