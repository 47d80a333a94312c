//! Staff passwords: Argon2id with the crate's default parameters, stored as PHC strings.
//!
//! Verification compares in constant time (the `argon2` crate's own comparison). Signing in
//! with an unknown username still runs one verification, so timing does not reveal which
//! usernames exist.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::OnceLock;

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
#[error("the password could not be hashed: {0}")]
pub struct PasswordError(String);

/// The PHC string (`$argon2id$…`) for `password`, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
        .map_err(|e| PasswordError(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| PasswordError(e.to_string()))
}

/// Whether `password` matches the stored PHC string; a malformed string matches nothing.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// Spends the time of one verification, for a username that does not exist.
pub(crate) fn verify_nothing(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let phc = DUMMY.get_or_init(|| hash_password("frist: no such user").unwrap_or_default());
    let _ = verify_password(password, phc);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_password_verifies_and_another_does_not() {
        let phc = hash_password("korrekt hest batteri").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_password("korrekt hest batteri", &phc));
        assert!(!verify_password("korrekt hest", &phc));
        assert!(!verify_password("korrekt hest batteri", "not a hash"));
        assert_ne!(phc, hash_password("korrekt hest batteri").unwrap());
    }
}
