//! Receiving an inquiry before its reference number is known.
//!
//! The lifecycle decides everything (obligations, refusal) from the inquiry and the policy; the
//! number in the reference only comes from the database's counter. So intake runs the lifecycle
//! first with a provisional number — a refused inquiry never touches the database or uses up a
//! number — and the backend sets the real number inside its transaction. The rows to store are
//! made here too, all but the number (`rows::UnnumberedRows`), so that the writer only numbers.

use crate::rows::{NewRows, UnnumberedRows};
use crate::types::{InquiryId, PolicyId, StoreError, StoreResult};
use frist_core::{Inquiry, NewInquiry, Reference};
use frist_policy::{COPENHAGEN, Policy};
use std::collections::HashSet;

/// An inquiry that the lifecycle accepted, waiting for its number, with its rows made but for
/// the number.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub inquiry: Inquiry,
    rows: UnnumberedRows,
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
        let rows = UnnumberedRows::of(&inquiry, &event)?;
        Ok(Self { inquiry, rows })
    }

    /// The counter this inquiry draws its number from: (prefix, year of receipt).
    pub(crate) fn counter(&self) -> (&str, i16) {
        (
            self.inquiry.reference.prefix(),
            self.inquiry.reference.year(),
        )
    }

    /// Gives the inquiry its number and its id: the inquiry and its rows to insert.
    pub(crate) fn numbered(
        mut self,
        number: i64,
        id: InquiryId,
        policy_id: PolicyId,
    ) -> StoreResult<(Inquiry, NewRows)> {
        let (prefix, year) = self.counter();
        let number = u32::try_from(number).map_err(|_| {
            StoreError::Other(format!("reference numbers for {prefix}-{year} are used up"))
        })?;
        self.inquiry.reference = Reference::new(prefix, year, number).map_err(|_| {
            StoreError::Other(format!("{prefix}-{year}-{number} is not a valid reference"))
        })?;
        let rows = self.rows.numbered(id, policy_id, &self.inquiry)?;
        Ok((self.inquiry, rows))
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::Received;
    use crate::rows::{EventRow, InquiryRow};
    use frist_core::{Inquiry, NewInquiry, Sender};
    use frist_policy::{Addressee, Channel, InquiryKind, Policy};

    const ROSKILDE: &str = include_str!("../../../policies/roskilde.toml");

    fn mail() -> NewInquiry {
        NewInquiry {
            channel: Channel::Email,
            to: Addressee::General,
            unit: None,
            caseworker: None,
            kind: InquiryKind::GeneralQuestion,
            case_type: None,
            received_at: "2026-03-02T09:00:00+01:00".parse().unwrap(),
            sender: Sender {
                name: Some("Åse \"Citat\" Ørum".into()),
                email: Some("ase@example.dk".into()),
                phone: Some("+45 43 59 10 00".into()),
                ..Sender::default()
            },
            language: None,
            subject: "Spørgsmål om affald".into(),
            body: "Hvornår bliver mit affald hentet? ROS-2026-000001".into(),
            attachments: Vec::new(),
            external_id: Some("<m1@example.dk>".into()),
        }
    }

    #[test]
    fn rows_made_before_numbering_are_the_rows_of_the_numbered_inquiry() {
        let policy = Policy::from_toml("roskilde", ROSKILDE).unwrap();
        for number in [1, 42, 999_999, 1_234_567] {
            let received = Received::new(mail(), &policy).unwrap();
            let (inquiry, rows) = received.numbered(number, 7, 3).unwrap();
            assert_eq!(inquiry.reference.number(), u32::try_from(number).unwrap());
            // What the rows would be if made from scratch now.
            let fresh = InquiryRow::of(&inquiry, 1).unwrap();
            assert_eq!(rows.inquiry.reference, fresh.reference);
            assert_eq!(rows.inquiry.projection, fresh.projection);
            let stored: Inquiry = serde_json::from_str(&rows.inquiry.projection).unwrap();
            assert_eq!(stored.reference, inquiry.reference);
            assert_eq!(rows.words, crate::fulltext::document(&inquiry));
            assert!(rows.words.starts_with("ros 2026 "), "{}", rows.words);
            let (_, event) = Inquiry::receive(inquiry.reference.clone(), mail(), &policy).unwrap();
            assert_eq!(rows.event.data, EventRow::of(1, &event).unwrap().data);
            assert_eq!((rows.id, rows.policy_id), (7, 3));
        }
    }
}
