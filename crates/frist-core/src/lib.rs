//! The domain core of Frist: inquiries and the events that change them, the obligations they
//! carry and whether those were met, the rules on what the municipality sends, and detection of
//! CPR numbers in text.
//!
//! No I/O and no clock: storage, HTTP and channels sit around this crate, and every function
//! that depends on time takes "now" as a parameter, so deadlines, reminders and reports are
//! reproducible.

pub mod alerts;
pub mod cpr;
mod delivery;
pub mod event;
pub mod incoming;
pub mod inquiry;
pub mod message;
pub mod obligation;
pub mod reference;
pub mod rules;
pub mod sender;
pub mod service;

pub use event::{CloseReason, Event, EventKind};
pub use incoming::CitizenMessage;
pub use inquiry::{Attachment, Inquiry, InquiryState, LifecycleError, NewInquiry};
pub use message::{ComplaintGuidance, MessageKind, OutgoingMessage};
pub use obligation::{ObligationState, TrackedObligation};
pub use reference::{Reference, ReferenceError};
pub use sender::{Cvr, CvrError, Sender, SenderKind, email_key, phone_key};
