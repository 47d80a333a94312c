//! Paper letters and Digital Post: an outgoing message that must go securely is rendered as a
//! PDF letter ([`letter`]) and, for Digital Post, wrapped in a MeMo message ([`memo`]).
//! Pure renderers: no I/O, the date is passed in; sending is the outbox's job.

pub mod layout;
pub mod letter;
pub mod memo;
mod pdf;

pub use letter::{Letter, LetterError, Recipient, render_letter};
pub use memo::{MEMO_NAMESPACE, MemoError, MemoMessage, new_message_uuid, render_memo};
