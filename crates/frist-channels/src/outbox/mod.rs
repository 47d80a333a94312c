//! The durable outbox every channel delivers through.
//!
//! A caseworker's message is stored as an outbox row ([`frist_store::OutboxStore`]) before the
//! page answers; the [`Dispatcher`] later claims due rows and hands each to the [`Delivery`] of
//! its channel (SMTP, a Digital Post or print directory, Facebook, …). Only an accepted delivery
//! records `message_sent` on the inquiry. Adding a channel means implementing [`Delivery`] and
//! registering it with the dispatcher; nothing else changes.
//!
//! Nothing here logs a body, a recipient or a CPR number.

pub mod auto_ack;
mod directory;
mod dispatch;
mod enqueue;
mod status_link;
pub mod text;

pub use directory::{JsonRender, OutboxDirectory, Render, RenderedFile};
pub use dispatch::{Dispatcher, RetryPolicy, RunSummary};
pub use enqueue::{NoRecipient, delivered_through_outbox, message_id, outbox_item, recipient};
pub use status_link::{PublicUrl, PublicUrlError};

use frist_policy::{Channel, Policy};
use frist_store::{Notice, OutboxItem, StoredInquiry};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What a delivery is given: the outbox row with its message, the inquiry it answers (reference,
/// sender, the citizen's own Message-ID), the policy version the inquiry was received under
/// (the municipality's name and contact details) and, when the row carries one, the absolute
/// status link to say in the text.
#[derive(Debug, Clone)]
pub struct OutboundItem {
    pub item: OutboxItem,
    pub inquiry: StoredInquiry,
    pub policy: Arc<Policy>,
    pub status_link: Option<String>,
}

/// How a delivery went. The reasons are shown to staff and logged: no body, no CPR number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The channel's server took responsibility for the message.
    Accepted,
    /// Try again later (connection refused, timeout, 4xx).
    Transient(String),
    /// Trying again will not help (5xx, no valid recipient).
    Permanent(String),
}

/// A boxed future, so that deliveries of every channel sit in one list.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Hands a message to a channel. Must be safe to call again for the same Message-ID after a
/// transient failure (a directory adapter, for instance, does not write a second copy).
pub trait Delivery: Send + Sync + std::fmt::Debug {
    /// The channel this delivers.
    fn channel(&self) -> Channel;
    fn deliver<'a>(&'a self, outbound: &'a OutboundItem) -> BoxFuture<'a, Outcome>;
    /// Sends a notice to staff (a digest, a warning, …); `None` when this delivery does not
    /// carry them. Only e-mail does: staff are told at their work address.
    fn deliver_notice<'a>(&'a self, _notice: &'a Notice) -> Option<BoxFuture<'a, Outcome>> {
        None
    }
}
