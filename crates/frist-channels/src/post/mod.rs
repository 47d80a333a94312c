//! Paper letters and Digital Post: an outgoing message that must go securely is rendered as a
//! PDF letter ([`letter`]) and, for Digital Post, wrapped in a MeMo message ([`memo`]).
//! `letter` and `memo` are pure renderers (no I/O, the date is passed in); [`PostRender`] plugs
//! them into the outbox directories, with today's date.

pub mod layout;
pub mod letter;
pub mod memo;
mod pdf;
mod render;

pub use letter::{Letter, LetterError, Recipient, render_letter};
pub use memo::{MEMO_NAMESPACE, MemoError, MemoMessage, new_message_uuid, render_memo};
pub use render::PostRender;
