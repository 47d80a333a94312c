//! E-mail in: mailboxes configured per unit (general, department, personal) are read over IMAP,
//! `.eml` files are imported in bulk, and both go through the same intake.
//!
//! - [`parse`] reads a message with a maintained MIME parser (never panics on any bytes);
//! - [`route`] decides addressee, unit and caseworker from the mailbox (absence → substitute);
//! - [`thread`] finds what ties a reply to its inquiry;
//! - [`intake`] turns bytes into what the store receives ([`frist_store::IncomingMail`]);
//! - [`loops`] and [`auto_reply`]: whether an absence auto-reply may go, and its text;
//! - [`respond`] queues the due auto-replies in the outbox;
//! - [`imap`] fetches mailboxes: store, commit, and only then mark or move on the server.
//!
//! What becomes of a message (inquiry, reply, duplicate, flagged) is decided by the store in the
//! transaction that stores its raw bytes; see [`frist_store::MailStore`].

pub mod auto_reply;
pub mod config;
pub mod imap;
pub mod intake;
pub mod loops;
pub mod parse;
pub mod respond;
pub mod route;
pub mod thread;

pub use auto_reply::{AbsenceNotice, AutoReply, absence_reply, return_date};
pub use config::{After, Mailbox, MailboxKind};
pub use imap::{FetchError, Fetcher, fetch_all_once, spawn_fetchers};
pub use intake::{Arrival, Intake, WhenReceived};
pub use loops::auto_reply_allowed;
pub use parse::{ParsedAttachment, ParsedMail, Unparseable, parse};
pub use respond::{AUTO_REPLY_ACTOR, queue_auto_replies};
pub use route::{AbsentOwner, Directory, Route};
pub use thread::{references_in, thread_keys};
