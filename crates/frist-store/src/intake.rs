//! Receiving an inquiry before its reference number is known.
//!
//! The lifecycle decides everything (obligations, refusal) from the inquiry and the policy; the
//! number in the reference only comes from the database's counter. So intake runs the lifecycle
//! first with a provisional number — a refused inquiry never touches the database or uses up a
//! number — and the backend sets the real number inside its transaction.

use crate::types::{StoreError, StoreResult};
use frist_core::{Event, Inquiry, NewInquiry, Reference};
use frist_policy::{COPENHAGEN, Policy};
use std::collections::HashSet;

/// An inquiry that the lifecycle accepted, waiting for its number.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub inquiry: Inquiry,
    pub event: Event,
}

impl Received {
    /// Runs the lifecycle on `new`; a refusal becomes [`StoreError::Refused`].
    pub(crate) fn new(new: NewInquiry, policy: &Policy) -> StoreResult<Self> {
        let prefix = &policy.municipality.reference_prefix;
        let year = COPENHAGEN.to_datetime(new.received_at).year();
        let provisional = match Reference::new(prefix, year, 1) {
            Ok(reference) => reference,
            // A year outside 1900–2200 is outside the calendar too: let the lifecycle say so.
            Err(_) => Reference::new(prefix, 2000, 1).map_err(|_| {
                StoreError::Other(format!(
                    "the policy's reference prefix \"{prefix}\" is not valid"
                ))
            })?,
        };
        let (inquiry, event) = Inquiry::receive(provisional, new, policy)?;
        if inquiry.reference.year() != year {
            return Err(StoreError::Other(format!(
                "the year of receipt {year} cannot be part of a reference"
            )));
        }
        Ok(Self { inquiry, event })
    }

    /// The counter this inquiry draws its number from: (prefix, year of receipt).
    pub(crate) fn counter(&self) -> (&str, i16) {
        (
            self.inquiry.reference.prefix(),
            self.inquiry.reference.year(),
        )
    }

    /// Gives the inquiry its number.
    pub(crate) fn numbered(mut self, number: i64) -> StoreResult<Self> {
        let (prefix, year) = self.counter();
        let number = u32::try_from(number).map_err(|_| {
            StoreError::Other(format!("reference numbers for {prefix}-{year} are used up"))
        })?;
        self.inquiry.reference = Reference::new(prefix, year, number).map_err(|_| {
            StoreError::Other(format!("{prefix}-{year}-{number} is not a valid reference"))
        })?;
        Ok(self)
    }
}

/// Runs the lifecycle on every inquiry of a bulk import before anything is stored (one refused
/// inquiry refuses the batch) and drops repeats of a (channel, external id) within the batch.
/// Returns what to store and how many repeats were dropped.
pub(crate) fn receive_batch(
    batch: Vec<NewInquiry>,
    policy: &Policy,
) -> StoreResult<(Vec<Received>, u64)> {
    let mut seen = HashSet::new();
    let mut repeats = 0;
    let mut received = Vec::with_capacity(batch.len());
    for new in batch {
        if let Some(ext) = &new.external_id
            && !seen.insert((new.channel, ext.clone()))
        {
            repeats += 1;
            continue;
        }
        received.push(Received::new(new, policy)?);
    }
    Ok((received, repeats))
}

/// [`receive_batch`] on the blocking pool: deriving obligations and serialising thousands of
/// inquiries is CPU work that would otherwise hold an async worker thread (and with it the
/// SQLite writer task, which shares the runtime) for the whole batch.
pub(crate) async fn receive_batch_off_thread(
    batch: Vec<NewInquiry>,
    policy: std::sync::Arc<Policy>,
) -> StoreResult<(Vec<Received>, u64)> {
    tokio::task::spawn_blocking(move || receive_batch(batch, &policy))
        .await
        .map_err(|e| StoreError::Other(format!("preparing the import failed: {e}")))?
}
