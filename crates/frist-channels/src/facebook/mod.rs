//! Facebook Messenger: the webhook Meta calls when a citizen writes to the municipality's page,
//! and the Send API that carries replies back.
//!
//! - [`signature`]: `X-Hub-Signature-256` checked over the raw body in constant time, before
//!   anything in the body is believed.
//! - [`webhook`]: a verified body turned into one [`frist_core::NewInquiry`] per citizen
//!   message (external id = Meta's message id, so a redelivery is the same inquiry).
//! - [`window`]: when a reply may still go out on Messenger (24 hours, 7 days with the
//!   `HUMAN_AGENT` tag) — pure, "now" passed in.
//! - [`send`]: the Send API client, with messages split at Messenger's 2,000-character limit.
//!
//! What this module must not do: log message text, PSIDs or the page access token.

mod config;
mod delivery;
pub mod send;
pub mod signature;
pub mod webhook;
pub mod window;

pub use config::{DEFAULT_API_BASE_URL, FacebookConfig};
pub use delivery::FacebookDelivery;
pub use send::{SendError, send_text, split_text};
pub use signature::{SIGNATURE_HEADER, SignatureError, sign, verify};
pub use webhook::{WebhookError, inquiries};
pub use window::{ReplyWindow, human_agent_until, reply_window, standard_reply_until, window_for};
