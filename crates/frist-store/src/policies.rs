//! Registered policy versions: content addressing and an in-memory cache of parsed policies.
//!
//! Every inquiry keeps the policy version it was received under, so appending an event needs
//! that version's parsed form; parsing TOML and building the calendar on every event would
//! dominate the cost, hence the cache. Ids are never reused for other texts (PostgreSQL
//! sequences never go back; the SQLite writer clears the cache when a commit fails), so a cached
//! entry stays valid for the life of the process.

use crate::types::{PolicyId, StoreError, StoreResult};
use frist_policy::Policy;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, PoisonError, RwLock};

#[derive(Debug, Default)]
pub(crate) struct PolicyCache(RwLock<HashMap<PolicyId, Arc<Policy>>>);

impl PolicyCache {
    pub(crate) fn get(&self, id: PolicyId) -> Option<Arc<Policy>> {
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
            .cloned()
    }

    pub(crate) fn insert(&self, id: PolicyId, policy: Arc<Policy>) {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id, policy);
    }

    pub(crate) fn clear(&self) {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }
}

/// The SHA-256 of a policy text, as 64 lowercase hex digits: identical texts share one id.
pub(crate) fn sha256_hex(bytes: impl AsRef<[u8]>) -> String {
    Sha256::digest(bytes.as_ref())
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// Parses a stored policy text. It parsed when it was registered, so a failure here means this
/// build reads the format differently: an operator's problem, not the caller's.
pub(crate) fn parse_stored(id: PolicyId, name: &str, text: &str) -> StoreResult<Arc<Policy>> {
    Policy::from_toml(name, text).map(Arc::new).map_err(|e| {
        StoreError::Other(format!(
            "stored policy version {id} ({name}) no longer reads: {e}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_of_a_text_is_its_sha256_in_hex() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
