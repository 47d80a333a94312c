//! Bearer API tokens: `Authorization: Bearer frist_…`. Only the SHA-256 of a token is stored,
//! so a leaked database does not leak working tokens.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use frist_store::{Role, Store, StoreError};
use sha2::{Digest, Sha256};

const TOKEN_PREFIX: &str = "frist_";

/// A new token and its hash: `frist_` and 64 hex digits (32 bytes from `rand`'s thread-local
/// generator, a CSPRNG seeded by the operating system). Show the token once; store only the
/// hash.
pub fn new_token() -> (String, String) {
    let bytes: [u8; 32] = rand::random();
    let token = format!("{TOKEN_PREFIX}{}", hex::encode(bytes));
    let hash = hash_token(&token);
    (token, hash)
}

/// The stored form of a token: lowercase hex SHA-256 of its text.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The caller, as identified by a bearer token.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The token's name: recorded as the actor of events and the viewer in the access log.
    pub name: String,
    pub role: Role,
}

impl Caller {
    /// Refuses unless the caller has one of `roles`.
    pub fn require(&self, roles: &[Role], needed: &'static str) -> Result<(), ApiError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden { needed })
        }
    }

    pub fn require_admin(&self) -> Result<(), ApiError> {
        self.require(&[Role::Admin], "admin")
    }

    pub fn require_lead(&self) -> Result<(), ApiError> {
        self.require(&[Role::Lead, Role::Admin], "lead or admin")
    }
}

impl<S: Store + 'static> FromRequestParts<AppState<S>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState<S>,
    ) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
            return Err(ApiError::Unauthenticated { presented: false });
        };
        let token = value
            .to_str()
            .ok()
            .and_then(|v| {
                let (scheme, rest) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
            })
            .filter(|t| !t.is_empty())
            .ok_or(ApiError::Unauthenticated { presented: true })?;
        match state.store.token_by_hash(&hash_token(token)).await {
            Ok(found) => Ok(Self {
                name: found.name,
                role: found.role,
            }),
            Err(StoreError::NotFound) => Err(ApiError::Unauthenticated { presented: true }),
            Err(other) => Err(other.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_tokens_are_prefixed_random_and_hash_to_lowercase_hex() {
        let (a, hash_a) = new_token();
        let (b, _) = new_token();
        assert!(a.starts_with("frist_"));
        assert_eq!(a.len(), 6 + 64);
        assert_ne!(a, b);
        assert_eq!(hash_a, hash_token(&a));
        assert_eq!(hash_a.len(), 64);
        assert!(
            hash_a
                .bytes()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        );
    }

    #[test]
    fn the_hash_is_sha256_of_the_token_text() {
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
