//! Frist's channels: how inquiries reach Frist and how replies leave it.
//!
//! Adapters around the pure core: each turns what a channel delivers into a `NewInquiry` (or a
//! reply threaded to one) and each outgoing message into what the channel carries. Nothing a
//! citizen sent is dropped: what cannot be understood is kept raw and flagged for a person.

pub mod facebook;
pub mod mail;
pub mod outbox;
pub mod post;
pub mod smtp;

#[cfg(feature = "dovecot-tests")]
pub mod testing;
