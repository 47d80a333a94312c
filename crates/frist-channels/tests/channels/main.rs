//! Channels against real servers on loopback: SMTP (aiosmtpd, started here) and the directory
//! outboxes.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

mod directory;
mod helpers;
mod smtp;
