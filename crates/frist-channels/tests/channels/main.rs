//! Integration tests of the channels: letters and MeMo messages rendered for real (and the PDF
//! rasterised by poppler's `pdftoppm`), and the Messenger Send API against a local endpoint.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod letter;
mod memo;
mod send;
mod support;
