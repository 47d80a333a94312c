//! Search by reference, citizen and words, shared by both backends: what an inquiry is found by
//! (its *words*), what a typed search asks for ([`TextQuery`]), and the statements that keep the
//! index and read it.
//!
//! The words are made here, in Rust, once for both engines: the reference, the sender's name,
//! e-mail address, phone number (also as its digits, the way the desk writes it) and CVR number,
//! the subject and the body — of the inquiry as received, which never changes, so an inquiry is
//! indexed once, in the transaction that stores it. CPR numbers are cut out (not just masked:
//! not even the birth date goes in), and the text is split into lower-case words of letters and
//! digits. Both engines then only split on spaces: SQLite's FTS5 (`unicode61` without removing
//! diacritics, so "å" stays "å") and PostgreSQL's `simple` configuration (no stemming and no
//! stop words: names, addresses and reference numbers are not Danish prose, and a stemmer would
//! make the two engines answer differently). A search finds the inquiries that have every word
//! typed, newest first: ranking by relevance would have to score every match, where newest first
//! walks the index backwards and stops after a page, which keeps a common word fast at a million
//! inquiries.

use crate::cursor::Cursor;
use crate::rows::{SUMMARY_COLUMNS, SummaryRecord};
use crate::sql::Conn;
use crate::types::{InquiryId, Page, StoreResult};
use frist_core::{Inquiry, Reference};

/// The lower-case words of `text` (runs of letters and digits), CPR numbers left out.
fn words_of(text: &str, out: &mut Vec<String>) {
    let mut rest = String::with_capacity(text.len());
    let mut copied = 0;
    for found in frist_core::cpr::find_all(text) {
        rest.push_str(text.get(copied..found.start).unwrap_or_default());
        rest.push(' ');
        copied = found.end;
    }
    rest.push_str(text.get(copied..).unwrap_or_default());
    out.extend(
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase),
    );
}

/// What `inquiry` is found by, as one space-separated text of words.
pub(crate) fn document(inquiry: &Inquiry) -> String {
    with_reference(&inquiry.reference, &words_besides_reference(inquiry))
}

/// The words of `reference`, then `other_words`: an inquiry's document, given the words of
/// [`words_besides_reference`] (made before the reference number is known).
pub(crate) fn with_reference(reference: &Reference, other_words: &str) -> String {
    let mut words = Vec::new();
    words_of(&reference.to_string(), &mut words);
    if !other_words.is_empty() {
        words.push(other_words.to_owned());
    }
    words.join(" ")
}

/// What `inquiry` is found by besides its reference.
pub(crate) fn words_besides_reference(inquiry: &Inquiry) -> String {
    let received = &inquiry.received;
    let sender = &received.sender;
    let mut words = Vec::new();
    for text in [&sender.name, &sender.email, &sender.phone]
        .into_iter()
        .flatten()
    {
        words_of(text, &mut words);
    }
    if let Some(key) = sender.phone.as_deref().and_then(frist_core::phone_key) {
        words_of(&key, &mut words);
    }
    if let Some(cvr) = &sender.cvr {
        words_of(cvr.as_str(), &mut words);
    }
    words_of(&received.subject, &mut words);
    words_of(&received.body, &mut words);
    words.join(" ")
}

/// A typed search: inquiries having every word of any one alternative. Build it with
/// [`TextQuery::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextQuery {
    alternatives: Vec<Vec<String>>,
    /// Whether a CPR number was typed and left out: CPR numbers are never searched for.
    pub cpr_left_out: bool,
}

impl TextQuery {
    /// The words of `text`, CPR numbers left out. Text that looks like a phone number ("43 59
    /// 10 00", "+45 4359 1000") is also searched as the number's digits.
    pub fn parse(text: &str) -> Self {
        let cpr_left_out = frist_core::cpr::contains(text);
        let mut words = Vec::new();
        words_of(text, &mut words);
        let mut alternatives = Vec::new();
        let phone_like = !cpr_left_out
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c))
            && text.chars().filter(char::is_ascii_digit).count() >= 8;
        if let Some(key) = frist_core::phone_key(text).filter(|_| phone_like && words.len() > 1) {
            alternatives.push(vec![key]);
        }
        if !words.is_empty() {
            alternatives.push(words);
        }
        Self {
            alternatives,
            cpr_left_out,
        }
    }

    /// Whether nothing is left to search for.
    pub fn is_empty(&self) -> bool {
        self.alternatives.is_empty()
    }

    /// FTS5's query: `("a" "b") OR ("c")`. Words are letters and digits only, so quoting them
    /// is all the escaping they need.
    fn fts5(&self) -> String {
        self.alternatives
            .iter()
            .map(|words| {
                let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
                format!("({})", quoted.join(" "))
            })
            .collect::<Vec<_>>()
            .join(" OR ")
    }
}

/// Results per page are capped like the queue's.
const MAX_LIMIT: u32 = 500;

/// Rows per multi-row insert into SQLite's index (2 bound parameters each).
const SEARCH_ROWS_PER_INSERT: usize = 1800;

/// Adds the words of new inquiries to the index, in the caller's transaction.
pub(crate) async fn index(mut conn: Conn<'_>, docs: &[(InquiryId, &str)]) -> StoreResult<()> {
    if docs.is_empty() {
        return Ok(());
    }
    match conn.re() {
        Conn::Sqlite(c) => {
            // Under SQLite's bound-parameter limit, as the other multi-row inserts; only the
            // full-size statement is kept prepared (see `sqlite/write.rs`).
            for part in docs.chunks(SEARCH_ROWS_PER_INSERT) {
                let mut q = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                    "INSERT INTO inquiry_search (rowid, words) ",
                );
                q.push_values(part, |mut b, (id, words)| {
                    b.push_bind(*id).push_bind(*words);
                });
                q.build()
                    .persistent(part.len() == SEARCH_ROWS_PER_INSERT)
                    .execute(&mut *c)
                    .await?;
            }
        }
        Conn::Postgres(c) => {
            sqlx::query(
                "INSERT INTO inquiry_search (inquiry_id, words) \
                 SELECT id, to_tsvector('simple', w) FROM UNNEST($1::bigint[], $2::text[]) AS t(id, w)",
            )
            .bind(docs.iter().map(|(id, _)| *id).collect::<Vec<_>>())
            .bind(docs.iter().map(|(_, w)| *w).collect::<Vec<_>>())
            .execute(&mut *c)
            .await?;
        }
    }
    Ok(())
}

/// Matches from which PostgreSQL walks the primary key backwards instead of sorting them.
const DENSE: i64 = 2000;

/// `words @@ (…)`: one plainto_tsquery per alternative (it never fails on odd input), joined by
/// OR.
fn push_match(q: &mut sqlx::QueryBuilder<'_, sqlx::Postgres>, query: &TextQuery) {
    q.push("words @@ (");
    for (i, words) in query.alternatives.iter().enumerate() {
        if i > 0 {
            q.push(" || ");
        }
        q.push("plainto_tsquery('simple', ")
            .push_bind(words.join(" "))
            .push(")");
    }
    q.push(")");
}

/// One page of the inquiries `query` finds, newest (highest id) first, after the cursor's id.
pub(crate) async fn search(
    mut conn: Conn<'_>,
    query: &TextQuery,
    cursor: Option<&str>,
    limit: u32,
) -> StoreResult<Page> {
    let after = cursor.map(Cursor::decode).transpose()?;
    let limit = limit.clamp(1, MAX_LIMIT);
    if query.is_empty() {
        return Ok(Page {
            items: Vec::new(),
            next_cursor: None,
        });
    }
    let before = after.map_or(i64::MAX, |c| c.id);
    let fetch = i64::from(limit) + 1;
    let records: Vec<SummaryRecord> = match conn.re() {
        Conn::Sqlite(c) => {
            sqlx::query_as(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM inquiries WHERE id IN (SELECT rowid FROM \
                 inquiry_search WHERE inquiry_search MATCH $1 AND rowid < $2 \
                 ORDER BY rowid DESC LIMIT $3) ORDER BY id DESC"
            ))
            .bind(query.fts5())
            .bind(before)
            .bind(fetch)
            .fetch_all(&mut *c)
            .await?
        }
        Conn::Postgres(c) => {
            // Walking the primary key backwards stops after a page when matches are many, but
            // reads the whole table when they are few or none, and the planner cannot tell the
            // two apart for a word it has no statistics on. So first count the matches, up to
            // DENSE, through the GIN index; below that, the matches are read from the index and
            // sorted (`inquiry_id + 0` keeps the planner off the primary key).
            let mut probe = sqlx::QueryBuilder::<sqlx::Postgres>::new(
                "SELECT count(*) FROM (SELECT 1 FROM inquiry_search WHERE ",
            );
            push_match(&mut probe, query);
            probe
                .push(" AND inquiry_id < ")
                .push_bind(before)
                .push(" LIMIT ")
                .push_bind(DENSE)
                .push(") AS t");
            let matches: i64 = probe.build_query_scalar().fetch_one(&mut *c).await?;
            let order = if matches < DENSE {
                "inquiry_id + 0"
            } else {
                "inquiry_id"
            };
            let mut q = sqlx::QueryBuilder::<sqlx::Postgres>::new(format!(
                "SELECT {SUMMARY_COLUMNS} FROM inquiries WHERE id IN (SELECT inquiry_id FROM \
                 inquiry_search WHERE "
            ));
            push_match(&mut q, query);
            q.push(" AND inquiry_id < ")
                .push_bind(before)
                .push(format!(" ORDER BY {order} DESC LIMIT "))
                .push_bind(fetch)
                .push(") ORDER BY id DESC");
            q.build_query_as().fetch_all(&mut *c).await?
        }
    };
    let more = records.len() > usize::try_from(limit).unwrap_or(usize::MAX);
    let mut records = records;
    records.truncate(usize::try_from(limit).unwrap_or(1));
    let next_cursor = if more {
        records.last().map(|r| {
            Cursor {
                queue_key: 0,
                id: r.id,
            }
            .encode()
        })
    } else {
        None
    };
    let items = records
        .into_iter()
        .map(SummaryRecord::into_summary)
        .collect::<StoreResult<_>>()?;
    Ok(Page { items, next_cursor })
}

/// Indexes the inquiries a migration left waiting (`search_backfill`: every inquiry stored
/// before the index existed), a batch per transaction, until none are left. Run when a store
/// is opened, before it serves anything; a run that stops half-way goes on at the next opening.
///
/// With nothing waiting (every opening but the first after the migration) it only reads: a
/// write here, in a transaction that began by reading, could not wait for another process's
/// writer on SQLite (its snapshot would be stale) and would fail the opening with "database is
/// locked". A batch on SQLite takes the write lock first (`BEGIN IMMEDIATE`), which does wait.
pub(crate) async fn backfill(mut conn: Conn<'_>) -> StoreResult<u64> {
    use sqlx::Connection;
    let waiting: Option<(i64,)> =
        crate::sql::query("SELECT inquiry_id FROM search_backfill LIMIT 1")
            .fetch_optional(conn.re())
            .await?;
    if waiting.is_none() {
        return Ok(0);
    }
    let mut done = 0u64;
    loop {
        let indexed = match conn.re() {
            Conn::Sqlite(c) => {
                let mut tx = c.begin_with("BEGIN IMMEDIATE").await?;
                let n = backfill_batch(Conn::Sqlite(&mut tx)).await?;
                tx.commit().await?;
                n
            }
            Conn::Postgres(c) => {
                let mut tx = c.begin().await?;
                let n = backfill_batch(Conn::Postgres(&mut tx)).await?;
                tx.commit().await?;
                n
            }
        };
        if indexed == 0 {
            return Ok(done);
        }
        done += indexed;
    }
}

async fn backfill_batch(mut conn: Conn<'_>) -> StoreResult<u64> {
    let batch: Vec<(i64, crate::sql::JsonColumn)> = crate::sql::query(
        "SELECT i.id, i.projection FROM search_backfill b JOIN inquiries i ON i.id = b.inquiry_id \
         ORDER BY b.inquiry_id LIMIT 2000",
    )
    .fetch_all(conn.re())
    .await?;
    let Some(last) = batch.last().map(|(id, _)| *id) else {
        // Rows whose inquiry is gone (none should be) would otherwise stay forever.
        crate::sql::query("DELETE FROM search_backfill")
            .execute(conn.re())
            .await?;
        return Ok(0);
    };
    let mut docs = Vec::with_capacity(batch.len());
    for (id, projection) in &batch {
        let inquiry = crate::rows::parse_projection(*id, projection.as_str())?;
        docs.push((*id, document(&inquiry)));
    }
    let refs: Vec<(InquiryId, &str)> = docs.iter().map(|(id, d)| (*id, d.as_str())).collect();
    index(conn.re(), &refs).await?;
    crate::sql::query("DELETE FROM search_backfill WHERE inquiry_id <= $1")
        .bind(last)
        .execute(conn.re())
        .await?;
    Ok(u64::try_from(batch.len()).unwrap_or(0))
}
