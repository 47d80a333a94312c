//! Integration tests of the channels against real parts: letters and MeMo messages rendered for
//! real (the PDF rasterised by poppler's `pdftoppm`), the Messenger Send API against a local
//! endpoint, SMTP (aiosmtpd, started here) and the directory outboxes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test fails loudly

mod directory;
mod helpers;
mod letter;
mod memo;
mod post_outbox;
mod send;
mod smtp;
mod support;
