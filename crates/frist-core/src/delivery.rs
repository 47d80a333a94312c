//! Messages through the outbox: queued, then delivered or given up on.
//!
//! A message counts from the moment it is queued (`message_queued`): the caseworker's part is
//! done then, and the dispatcher normally delivers it within seconds. So the obligations it
//! meets are met at the time of queueing, and an acknowledgment's promised date is tracked at
//! once. Delivery (`message_sent` with the same `outbox_id`) only settles the row. Should the
//! outbox give up (`message_failed`), the citizen never got the message, and what it did is taken
//! back: the obligations it met are open again (paused again while the inquiry awaits the
//! citizen), and a promise only it carried is withdrawn, unless an extension has since told the
//! citizen a date. Triage stays met: the inquiry was handled. Whether an answer was sent
//! (`answered`) stays as it is; the failed row shows on the staff pages until someone acts.

use crate::EventKind;
use crate::inquiry::{Inquiry, LifecycleError};
use crate::message::OutgoingMessage;
use crate::obligation::TrackedObligation;
use frist_policy::Policy;
use jiff::Timestamp;

impl Inquiry {
    /// Whether `kind` settles a row this inquiry has in the outbox: allowed even after closing,
    /// since an answer is often queued and the inquiry closed in the same minute.
    pub(crate) fn settles_queued(&self, kind: &EventKind) -> bool {
        let id = match kind {
            EventKind::MessageSent {
                outbox_id: Some(id),
                ..
            }
            | EventKind::MessageFailed { outbox_id: id } => *id,
            _ => return false,
        };
        self.in_outbox.contains(&id)
    }

    pub(crate) fn message_queued(
        &mut self,
        message: &OutgoingMessage,
        outbox_id: i64,
        at: Timestamp,
        policy: &Policy,
    ) -> Result<(), LifecycleError> {
        if self.in_outbox.contains(&outbox_id) {
            return Err(LifecycleError::AlreadyQueued { outbox_id });
        }
        let open_before: Vec<bool> = self
            .obligations
            .iter()
            .map(TrackedObligation::is_open)
            .collect();
        self.message_sent(message, at, policy)?;
        for (i, o) in self.obligations.iter_mut().enumerate() {
            let newly_met = open_before.get(i).is_some_and(|open| *open) && !o.is_open();
            let new_promise = i >= open_before.len();
            if newly_met || new_promise {
                o.outbox = Some(outbox_id);
            }
        }
        self.in_outbox.push(outbox_id);
        Ok(())
    }

    /// A message reached the citizen. One queued by this inquiry had its effect then; any other
    /// (no delivery needed, or recorded before the outbox counted at queueing) has it now.
    pub(crate) fn message_delivered(
        &mut self,
        message: &OutgoingMessage,
        outbox_id: Option<i64>,
        at: Timestamp,
        policy: &Policy,
    ) -> Result<(), LifecycleError> {
        match outbox_id {
            Some(id) if self.in_outbox.contains(&id) => {
                self.in_outbox.retain(|queued| *queued != id);
                Ok(())
            }
            _ => self.message_sent(message, at, policy),
        }
    }

    pub(crate) fn message_failed(&mut self, outbox_id: i64) {
        if !self.in_outbox.contains(&outbox_id) {
            return;
        }
        self.in_outbox.retain(|queued| *queued != outbox_id);
        self.obligations
            .retain(|o| !(o.outbox == Some(outbox_id) && o.promised && o.is_open() && !o.extended));
        let awaiting = self.awaiting_since.is_some();
        for o in &mut self.obligations {
            if o.outbox != Some(outbox_id) {
                continue;
            }
            o.outbox = None;
            if let Some(met) = o.met_at.take() {
                o.met_working_days = None;
                if awaiting {
                    // Meeting it ended its pause at `met`; it has been waiting since.
                    o.pause(met);
                }
            }
        }
    }
}
