//! What each message of a batch comes to, and storing that, alike on both backends.
//!
//! A backend looks up what is already stored ([`Wanted`] → [`Known`]) inside its write
//! transaction and offers a few primitive writes ([`MailTx`]); [`plan`] decides from that and
//! from the batch itself, without SQL, and [`store_batch`] carries the decision out. A batch is
//! one transaction, so its rows, inquiries and events are committed together or not at all.
//!
//! Inside a batch, order does not matter: a reply threads to an original later in the batch, and
//! a copy is a duplicate of whichever came first. A chain of replies is resolved depth first;
//! batches are at most a few thousand messages, which bounds the depth.

use crate::intake::Received;
use crate::mail::{IncomingMail, MailContent, MailId, MailOutcome, MailReceipt};
use crate::ops::append::append;
use crate::policies::PolicyCache;
use crate::sql::Conn;
use crate::types::{InquiryId, PolicyId, StoreError, StoreResult, StoredInquiry};
use frist_core::{Event, LifecycleError};
use frist_policy::Policy;
use std::collections::HashMap;
use std::future::Future;

/// Longest stored subject (characters); the full one is in the raw bytes.
const SUBJECT_CHARS: usize = 300;

/// A message with the lifecycle's verdict on the inquiry it would make.
#[derive(Clone)]
pub(crate) struct Prepared {
    pub mail: IncomingMail,
    /// `None` when the channel flagged it; `Err` with the reason when the lifecycle refused it.
    received: Option<Result<Received, String>>,
}

/// Runs the lifecycle on every readable message (obligations, refusal) before the transaction.
pub(crate) fn prepare(batch: Vec<IncomingMail>, policy: &Policy) -> Vec<Prepared> {
    batch
        .into_iter()
        .map(|mail| {
            let received = match &mail.content {
                MailContent::Readable(readable) => Some(
                    Received::new(readable.inquiry.clone(), policy).map_err(|e| match e {
                        StoreError::Refused(why) => format!("the inquiry was refused: {why}"),
                        other => format!("the inquiry could not be received: {other}"),
                    }),
                ),
                MailContent::Flagged { .. } => None,
            };
            Prepared { mail, received }
        })
        .collect()
}

/// [`prepare`] on the blocking pool: CPU work that would otherwise hold an async worker.
pub(crate) async fn prepare_off_thread(
    batch: Vec<IncomingMail>,
    policy: std::sync::Arc<Policy>,
) -> StoreResult<Vec<Prepared>> {
    tokio::task::spawn_blocking(move || prepare(batch, &policy))
        .await
        .map_err(|e| StoreError::Other(format!("preparing the mail failed: {e}")))
}

/// What a backend must look up for a batch.
#[derive(Debug, Default)]
pub(crate) struct Wanted {
    pub sha256s: Vec<String>,
    /// The messages' own ids and the ids they answer.
    pub message_ids: Vec<String>,
    pub references: Vec<String>,
}

/// What is stored, as far as the batch is concerned.
#[derive(Debug, Default)]
pub(crate) struct Known {
    /// Stored rows by SHA-256: (row, its inquiry).
    pub by_sha256: HashMap<String, (MailId, Option<InquiryId>)>,
    /// Stored rows that are not duplicates, by message id: their inquiry.
    pub by_message_id: HashMap<String, Option<InquiryId>>,
    /// Stored e-mail inquiries by external id (an inquiry made from a message id through
    /// another path, e.g. the API, still counts).
    pub by_external_id: HashMap<String, InquiryId>,
    /// Stored inquiries by reference.
    pub by_reference: HashMap<String, InquiryId>,
}

/// The primitive writes of a backend, inside its transaction.
/// A backend's connection inside the batch's transaction, with the policy versions appends need.
pub(crate) struct MailConn<'c, C> {
    pub conn: &'c mut C,
    pub policies: &'c PolicyCache,
}

impl<C> MailConn<'_, C>
where
    for<'a> &'a mut C: Into<Conn<'a>>,
{
    /// The connection, for the writes both backends share (new inquiries, events).
    fn shared(&mut self) -> (Conn<'_>, &PolicyCache) {
        ((&mut *self.conn).into(), self.policies)
    }
}

pub(crate) trait MailTx: Send {
    fn lookup(&mut self, wanted: &Wanted) -> impl Future<Output = StoreResult<Known>> + Send;
    /// Numbers and inserts new inquiries; their ids, in order.
    /// Inserts the rows (at least one); their ids, in order.
    fn insert_rows(
        &mut self,
        rows: &[MailRow<'_>],
    ) -> impl Future<Output = StoreResult<Vec<MailId>>> + Send;
}

/// One `mail_messages` row to insert.
#[derive(Debug)]
pub(crate) struct MailRow<'a> {
    pub message_id: &'a str,
    pub sha256: &'a str,
    pub source: &'a str,
    pub received_at: i64,
    pub outcome: &'static str,
    pub inquiry_id: Option<InquiryId>,
    pub flag_reason: Option<String>,
    pub subject: String,
    pub from: Option<&'a str>,
    pub absent_caseworker: Option<&'a str>,
    pub auto_reply_due: bool,
    pub raw: &'a [u8],
}

/// Where a message's inquiry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Stored(InquiryId),
    /// The one message `n` of this batch makes.
    New(usize),
}

/// What one message comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Plan {
    /// The same bytes are stored: nothing new.
    Identical {
        mail_id: MailId,
        inquiry: Option<InquiryId>,
    },
    /// The same bytes as message `n` of this batch: nothing new.
    IdenticalTo(usize),
    /// Another copy of a stored message id.
    Duplicate(Option<Target>),
    /// Another copy of message `n` of this batch.
    DuplicateOf(usize),
    Flagged {
        reason: String,
        inquiry: Option<Target>,
    },
    New,
    Reply(Target),
    /// Readable, not yet decided (only while planning).
    Open,
}

/// What to look up for `batch`.
pub(crate) fn wanted(batch: &[Prepared]) -> Wanted {
    let mut w = Wanted::default();
    for p in batch {
        w.sha256s.push(p.mail.sha256().to_owned());
        w.message_ids.push(p.mail.message_id.clone());
        if let MailContent::Readable(r) = &p.mail.content {
            w.message_ids.extend(r.thread.message_ids.iter().cloned());
            w.references
                .extend(r.thread.references.iter().map(|r| r.to_string()));
        }
    }
    for list in [&mut w.sha256s, &mut w.message_ids, &mut w.references] {
        list.sort_unstable();
        list.dedup();
    }
    w
}

/// Decides what each message of `batch` comes to.
fn plan(batch: &[Prepared], known: &Known) -> Vec<Plan> {
    let mut plans = Vec::with_capacity(batch.len());
    let mut first_sha256: HashMap<&str, usize> = HashMap::new();
    let mut first_id: HashMap<&str, usize> = HashMap::new();
    for (i, p) in batch.iter().enumerate() {
        let m = &p.mail;
        let id = m.message_id.as_str();
        let plan = if let Some(&(mail_id, inquiry)) = known.by_sha256.get(m.sha256()) {
            Plan::Identical { mail_id, inquiry }
        } else if let Some(&n) = first_sha256.get(m.sha256()) {
            Plan::IdenticalTo(n)
        } else if let Some(&inquiry) = known.by_message_id.get(id) {
            Plan::Duplicate(inquiry.map(Target::Stored))
        } else if let Some(&inquiry) = known.by_external_id.get(id) {
            Plan::Duplicate(Some(Target::Stored(inquiry)))
        } else if let Some(&n) = first_id.get(id) {
            Plan::DuplicateOf(n)
        } else {
            match &p.received {
                None => Plan::Flagged {
                    reason: match &m.content {
                        MailContent::Flagged { reason } => reason.clone(),
                        MailContent::Readable(_) => "not readable".into(),
                    },
                    inquiry: None,
                },
                Some(Err(reason)) => Plan::Flagged {
                    reason: reason.clone(),
                    inquiry: None,
                },
                Some(Ok(_)) => Plan::Open,
            }
        };
        first_sha256.entry(m.sha256()).or_insert(i);
        if matches!(plan, Plan::Open | Plan::Flagged { .. }) {
            first_id.entry(id).or_insert(i);
        }
        plans.push(plan);
    }
    let mut planner = Planner {
        batch,
        known,
        first_id: &first_id,
        plans,
        roots: vec![Root::Unvisited; batch.len()],
    };
    for i in 0..batch.len() {
        planner.root(i);
    }
    planner.plans
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Root {
    Unvisited,
    Visiting,
    Done(Option<Target>),
}

struct Planner<'a> {
    batch: &'a [Prepared],
    known: &'a Known,
    first_id: &'a HashMap<&'a str, usize>,
    plans: Vec<Plan>,
    roots: Vec<Root>,
}

impl Planner<'_> {
    /// The inquiry message `i` ends up in (deciding open messages on the way); `None` when it
    /// makes none (flagged) or while it is being decided (a cycle of replies).
    fn root(&mut self, i: usize) -> Option<Target> {
        match self.roots.get(i).copied() {
            Some(Root::Done(target)) => return target,
            Some(Root::Visiting) | None => return None,
            Some(Root::Unvisited) => {}
        }
        if let Some(r) = self.roots.get_mut(i) {
            *r = Root::Visiting;
        }
        let plan = self.plans.get(i).cloned().unwrap_or(Plan::New);
        let target = match plan {
            Plan::Identical { inquiry, .. } => inquiry.map(Target::Stored),
            Plan::IdenticalTo(n) | Plan::DuplicateOf(n) => self.root(n),
            Plan::Duplicate(target) => target,
            Plan::Flagged { .. } => None,
            Plan::New => Some(Target::New(i)),
            Plan::Reply(target) => Some(target),
            Plan::Open => {
                let decided = match self.thread(i) {
                    Some(target) => Plan::Reply(target),
                    None => Plan::New,
                };
                let target = match decided {
                    Plan::Reply(target) => target,
                    _ => Target::New(i),
                };
                if let Some(p) = self.plans.get_mut(i) {
                    *p = decided;
                }
                Some(target)
            }
        };
        if let Some(r) = self.roots.get_mut(i) {
            *r = Root::Done(target);
        }
        target
    }

    /// The inquiry an open message threads to: by the ids it answers (stored, then in the
    /// batch), then by the references it names.
    fn thread(&mut self, i: usize) -> Option<Target> {
        let batch = self.batch;
        let MailContent::Readable(readable) = &batch.get(i)?.mail.content else {
            return None;
        };
        for id in &readable.thread.message_ids {
            if let Some(Some(inquiry)) = self.known.by_message_id.get(id) {
                return Some(Target::Stored(*inquiry));
            }
            if let Some(inquiry) = self.known.by_external_id.get(id) {
                return Some(Target::Stored(*inquiry));
            }
            if let Some(&n) = self.first_id.get(id.as_str())
                && n != i
                && let Some(target) = self.root(n)
            {
                return Some(target);
            }
        }
        readable
            .thread
            .references
            .iter()
            .find_map(|r| self.known.by_reference.get(&r.to_string()))
            .map(|id| Target::Stored(*id))
    }
}

/// Stores a batch inside the caller's transaction: looks up, plans, inserts the new inquiries,
/// appends replies and follow-up events, inserts the rows. One receipt per message, in order.
pub(crate) async fn store_batch<'x, C>(
    tx: &mut MailConn<'x, C>,
    mut batch: Vec<Prepared>,
    policy_id: PolicyId,
) -> StoreResult<Vec<MailReceipt>>
where
    MailConn<'x, C>: MailTx,
    for<'a> &'a mut C: Into<Conn<'a>>,
{
    let known = tx.lookup(&wanted(&batch)).await?;
    let mut plans = plan(&batch, &known);

    // New inquiries, numbered in batch order.
    let mut fresh = Vec::new();
    let mut fresh_of = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        if *plan == Plan::New
            && let Some(Some(Ok(received))) = batch.get_mut(i).map(|p| p.received.take())
        {
            fresh.push(received);
            fresh_of.push(i);
        }
    }
    let (conn, _) = tx.shared();
    let creations = fresh.into_iter().map(|r| (r, policy_id)).collect();
    let ids: Vec<InquiryId> = crate::creations::insert(conn, creations, false)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let created: HashMap<usize, InquiryId> = fresh_of.into_iter().zip(ids).collect();
    let resolve = |target: Option<Target>| -> Option<InquiryId> {
        match target? {
            Target::Stored(id) => Some(id),
            Target::New(n) => created.get(&n).copied(),
        }
    };

    // Events, in batch order: what follows a new inquiry, and replies.
    for (i, plan) in plans.iter_mut().enumerate() {
        let Some(MailContent::Readable(readable)) = batch.get(i).map(|p| &p.mail.content) else {
            continue;
        };
        match plan {
            Plan::New => {
                let Some(id) = created.get(&i).copied() else {
                    continue;
                };
                for event in &readable.then {
                    if let Err(e) = append_clamped(tx, id, event.clone()).await {
                        refused_or_fail(e)?;
                        // A note that cannot be added does not change what the message is.
                        tracing::warn!(inquiry = id, "a follow-up event was refused");
                    }
                }
            }
            Plan::Reply(target) => {
                let Some(id) = resolve(Some(*target)) else {
                    continue;
                };
                if let Err(e) = append_clamped(tx, id, readable.as_reply.clone()).await {
                    let why = refused_or_fail(e)?;
                    *plan = Plan::Flagged {
                        reason: format!("it could not be added to inquiry {id}: {why}"),
                        inquiry: Some(Target::Stored(id)),
                    };
                }
            }
            _ => {}
        }
    }

    // The rows.
    let mut rows = Vec::new();
    let mut row_of = Vec::with_capacity(batch.len());
    for (i, (p, plan)) in batch.iter().zip(&plans).enumerate() {
        let (outcome, inquiry_id, flag_reason) = match plan {
            Plan::Identical { .. } | Plan::IdenticalTo(_) | Plan::Open => {
                row_of.push(None);
                continue;
            }
            Plan::Duplicate(target) => (MailOutcome::Duplicate, resolve(*target), None),
            Plan::DuplicateOf(n) => (
                MailOutcome::Duplicate,
                root_of(&plans, *n).and_then(|t| resolve(Some(t))),
                None,
            ),
            Plan::Flagged { reason, inquiry } => (
                MailOutcome::Flagged,
                resolve(*inquiry),
                Some(reason.clone()),
            ),
            Plan::New => (MailOutcome::Inquiry, created.get(&i).copied(), None),
            Plan::Reply(target) => (MailOutcome::Reply, resolve(Some(*target)), None),
        };
        let readable = match &p.mail.content {
            MailContent::Readable(r) => Some(r),
            MailContent::Flagged { .. } => None,
        };
        row_of.push(Some(rows.len()));
        rows.push(MailRow {
            message_id: &p.mail.message_id,
            sha256: p.mail.sha256(),
            source: &p.mail.source,
            received_at: crate::time::to_db_clamped(p.mail.received_at),
            outcome: outcome.as_str(),
            inquiry_id,
            flag_reason,
            subject: list_subject(&p.mail.subject),
            from: p.mail.from.as_deref(),
            absent_caseworker: readable.and_then(|r| r.absent_caseworker.as_deref()),
            auto_reply_due: outcome == MailOutcome::Inquiry
                && readable.is_some_and(|r| r.auto_reply),
            raw: p.mail.raw(),
        });
    }
    let mail_ids = if rows.is_empty() {
        Vec::new()
    } else {
        tx.insert_rows(&rows).await?
    };

    let mut receipts: Vec<MailReceipt> = Vec::with_capacity(batch.len());
    for (i, plan) in plans.iter().enumerate() {
        let receipt = match plan {
            Plan::Identical { mail_id, inquiry } => MailReceipt {
                outcome: MailOutcome::Duplicate,
                mail_id: *mail_id,
                inquiry_id: *inquiry,
                flag_reason: None,
                auto_reply_due: false,
            },
            Plan::IdenticalTo(n) => {
                let first = receipts
                    .get(*n)
                    .cloned()
                    .ok_or_else(|| StoreError::Other("a copy came before its original".into()))?;
                MailReceipt {
                    outcome: MailOutcome::Duplicate,
                    flag_reason: None,
                    auto_reply_due: false,
                    ..first
                }
            }
            _ => {
                let row = row_of
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|r| rows.get(r).zip(mail_ids.get(r)))
                    .ok_or_else(|| StoreError::Other("a stored message has no row".into()))?;
                let (row, mail_id) = row;
                MailReceipt {
                    outcome: MailOutcome::parse(row.outcome).unwrap_or(MailOutcome::Flagged),
                    mail_id: *mail_id,
                    inquiry_id: row.inquiry_id,
                    flag_reason: row.flag_reason.clone(),
                    auto_reply_due: row.auto_reply_due,
                }
            }
        };
        receipts.push(receipt);
    }
    Ok(receipts)
}

/// The inquiry of message `n` once planned (its own, or the one it threads to or copies).
fn root_of(plans: &[Plan], n: usize) -> Option<Target> {
    let mut n = n;
    // Each step moves to an earlier message, so this ends; the bound is a guard.
    for _ in 0..=plans.len() {
        match plans.get(n)? {
            Plan::New => return Some(Target::New(n)),
            Plan::Reply(t) => return Some(*t),
            Plan::Duplicate(t) => return *t,
            Plan::Identical { inquiry, .. } => return inquiry.map(Target::Stored),
            Plan::IdenticalTo(m) | Plan::DuplicateOf(m) => n = *m,
            Plan::Flagged { .. } | Plan::Open => return None,
        }
    }
    None
}

/// Appends `event`, moving it up to the inquiry's receipt or latest event when it lies before
/// it: a message dated before the inquiry it answers (a wrong clock, an import out of order) is
/// still added.
async fn append_clamped<C>(
    tx: &mut MailConn<'_, C>,
    id: InquiryId,
    event: Event,
) -> StoreResult<StoredInquiry>
where
    for<'a> &'a mut C: Into<Conn<'a>>,
{
    let mut event = event;
    // Twice at most: moved up to the receipt, it may still lie before the latest event.
    for _ in 0..2 {
        let (conn, policies) = tx.shared();
        match append(conn, policies, id, event.clone()).await {
            Err(StoreError::Refused(
                LifecycleError::BeforeReceipt { received: at, .. }
                | LifecycleError::BeforeLatestEvent { latest: at, .. },
            )) => event.at = at,
            other => return other,
        }
    }
    let (conn, policies) = tx.shared();
    append(conn, policies, id, event).await
}

/// A lifecycle refusal as a reason; any other error fails the batch.
fn refused_or_fail(e: StoreError) -> StoreResult<String> {
    match e {
        StoreError::Refused(why) => Ok(why.to_string()),
        other => Err(other),
    }
}

/// The subject as lists store it: CPR numbers masked, at most [`SUBJECT_CHARS`] characters.
fn list_subject(subject: &str) -> String {
    let masked = frist_core::cpr::mask(subject);
    match masked.char_indices().nth(SUBJECT_CHARS) {
        Some((cut, _)) => format!("{}…", masked.get(..cut).unwrap_or_default()),
        None => masked,
    }
}
