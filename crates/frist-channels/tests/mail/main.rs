//! E-mail in: parsing real and hostile messages, intake (routing, absence, threading keys, CPR),
//! and fetching from a real IMAP server (Dovecot) on loopback.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

mod imap;
mod intake;
mod parse;
