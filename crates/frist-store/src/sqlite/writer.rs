//! The SQLite writer: one connection, one task, group commit.
//!
//! SQLite allows one writer at a time, and with `synchronous = FULL` every commit waits for the
//! disk. One commit per request would cap durable writes at the disk's flush rate; instead every
//! write is queued here, and the writer runs all requests waiting (up to [`MAX_BATCH`]) in one
//! transaction, commits once, and only then answers each caller. Each request runs inside its
//! own SAVEPOINT, so a refused or failed request is rolled back alone and the others commit.
//! If the commit itself fails, every request of the batch is answered with that failure.
//!
//! Creations, the hot path, are coalesced: all creations of a batch are stored by one call
//! (a few multi-row statements instead of a handful per inquiry: on two cores the cost of a
//! statement is mostly the hop to SQLite's thread). Should that call fail, they are run again
//! one by one, each in its own savepoint, so that a failure stays with its own request.

use super::checkpoint::Checkpointer;
use crate::creations::Creation;
use crate::intake::Received;
use crate::policies::PolicyCache;
use crate::sql::Conn;
use crate::types::{Created, PolicyId, StoreError, StoreResult};
use sqlx::SqliteConnection;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Most requests committed together.
const MAX_BATCH: usize = 256;
/// Scheduler rounds the writer waits for more requests while they keep arriving.
const LINGER_ROUNDS: usize = 64;
/// Requests that may wait before callers are slowed down.
const QUEUE: usize = 4096;

pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Answers the caller once the batch's commit succeeded (`Ok`) or failed (`Err`).
type Finish = Box<dyn FnOnce(Result<(), &StoreError>) + Send>;

/// A queued operation: runs on the writer's connection inside its own savepoint and says
/// whether its changes are kept.
type Job = Box<
    dyn for<'c> FnOnce(&'c mut SqliteConnection, &'c PolicyCache) -> BoxFuture<'c, (bool, Finish)>
        + Send,
>;

enum Request {
    Create {
        creation: Box<Creation>,
        answer: oneshot::Sender<StoreResult<Created>>,
    },
    Job(Job),
}

/// A handle to the writer task; cheap to clone. The task ends when the last handle is dropped.
#[derive(Clone)]
pub(crate) struct Writer {
    queue: mpsc::Sender<Request>,
}

impl fmt::Debug for Writer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Writer")
            .field("queued", &(QUEUE - self.queue.capacity()))
            .finish()
    }
}

impl Writer {
    /// Starts the writer task on `conn` (already migrated), waking `checkpointer` after each
    /// commit. Must be called inside a Tokio runtime.
    pub(crate) fn start(
        conn: SqliteConnection,
        policies: Arc<PolicyCache>,
        checkpointer: Checkpointer,
    ) -> Self {
        let (queue, requests) = mpsc::channel(QUEUE);
        tokio::spawn(serve(conn, requests, policies, checkpointer));
        Self { queue }
    }

    /// Stores a received inquiry (see [`write::create_many`]) in the next batch.
    pub(crate) async fn create(
        &self,
        received: Received,
        policy_id: PolicyId,
    ) -> StoreResult<Created> {
        let (answer, answered) = oneshot::channel();
        self.send(Request::Create {
            creation: Box::new((received, policy_id)),
            answer,
        })
        .await?;
        answered.await.map_err(|_| not_carried_out())?
    }

    /// Runs `op` in the next batch and returns its result after the batch is durably committed.
    pub(crate) async fn run<T, F>(&self, op: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(
                &'c mut SqliteConnection,
                &'c PolicyCache,
            ) -> BoxFuture<'c, StoreResult<T>>
            + Send
            + 'static,
    {
        self.submit(op).await?.await
    }

    /// Queues `op` and returns a future of its committed result, so that a caller can queue
    /// several requests before waiting for the first.
    pub(crate) async fn submit<T, F>(
        &self,
        op: F,
    ) -> StoreResult<impl Future<Output = StoreResult<T>> + use<T, F>>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(
                &'c mut SqliteConnection,
                &'c PolicyCache,
            ) -> BoxFuture<'c, StoreResult<T>>
            + Send
            + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move |conn, policies| {
            Box::pin(async move {
                let result = op(conn, policies).await;
                (result.is_ok(), finisher(result, answer))
            })
        });
        self.send(Request::Job(job)).await?;
        Ok(async move { answered.await.map_err(|_| not_carried_out())? })
    }

    /// Waits until every request queued so far is committed or failed.
    pub(crate) async fn flush(&self) -> StoreResult<()> {
        self.run(|_, _| Box::pin(async { Ok(()) })).await
    }

    async fn send(&self, request: Request) -> StoreResult<()> {
        self.queue
            .send(request)
            .await
            .map_err(|_| StoreError::Other("the SQLite writer has stopped".into()))
    }
}

fn not_carried_out() -> StoreError {
    StoreError::Other(
        "the write was not carried out (its transaction failed); nothing was stored".into(),
    )
}

/// Answers with `result` once the commit is known; a result whose changes were kept becomes the
/// commit's failure if the commit fails.
fn finisher<T: Send + 'static>(
    result: StoreResult<T>,
    answer: oneshot::Sender<StoreResult<T>>,
) -> Finish {
    Box::new(move |committed| {
        let result = match (committed, result) {
            (Err(e), Ok(_)) => Err(StoreError::Other(format!("the commit failed: {e}"))),
            (_, result) => result,
        };
        let _ = answer.send(result);
    })
}

async fn serve(
    mut conn: SqliteConnection,
    mut requests: mpsc::Receiver<Request>,
    policies: Arc<PolicyCache>,
    checkpointer: Checkpointer,
) {
    let mut waiting: VecDeque<Request> = VecDeque::new();
    loop {
        if waiting.is_empty() {
            match requests.recv().await {
                Some(request) => waiting.push_back(request),
                None => break,
            }
        }
        gather(&mut requests, &mut waiting).await;
        let batch: Vec<Request> = waiting.drain(..waiting.len().min(MAX_BATCH)).collect();
        commit_batch(&mut conn, batch, &policies).await;
        checkpointer.committed();
    }
    let _ = sqlx::Connection::close(conn).await;
}

/// Takes what else is queued, and keeps taking while more keeps arriving: callers answered by
/// the last commit send their next request within microseconds, and a batch that waits for them
/// saves a disk flush. A lone caller costs one scheduler round.
async fn gather(requests: &mut mpsc::Receiver<Request>, waiting: &mut VecDeque<Request>) {
    for _ in 0..LINGER_ROUNDS {
        let before = waiting.len();
        while waiting.len() < MAX_BATCH {
            match requests.try_recv() {
                Ok(request) => waiting.push_back(request),
                Err(_) => break,
            }
        }
        if waiting.len() >= MAX_BATCH || (waiting.len() == before && before > 0) {
            return;
        }
        tokio::task::yield_now().await;
    }
}

/// Runs a batch in one transaction. A request that is never run is dropped, which answers its
/// caller with "not carried out".
async fn commit_batch(conn: &mut SqliteConnection, batch: Vec<Request>, policies: &PolicyCache) {
    let size = batch.len();
    if let Err(e) = exec(conn, "BEGIN IMMEDIATE").await {
        tracing::error!(error = %e, size, "cannot begin a write transaction");
        return;
    }
    let mut creations = Vec::new();
    let mut jobs = Vec::new();
    for request in batch {
        match request {
            Request::Create { creation, answer } => creations.push((*creation, answer)),
            Request::Job(job) => jobs.push(job),
        }
    }
    let mut finishes = Vec::with_capacity(size);
    let mut failure = create_all(conn, creations, &mut finishes).await.err();
    if failure.is_none() {
        for job in jobs {
            if let Err(e) = exec(conn, "SAVEPOINT request").await {
                failure = Some(e);
                break;
            }
            let (keep, finish) = job(conn, policies).await;
            finishes.push(finish);
            if let Err(e) = end_savepoint(conn, keep).await {
                failure = Some(e);
                break;
            }
        }
    }
    let outcome = match failure {
        None => exec(conn, "COMMIT").await,
        Some(e) => Err(e),
    };
    if let Err(e) = &outcome {
        tracing::error!(error = %e, size, "a write transaction failed");
        let _ = exec(conn, "ROLLBACK").await;
        // Ids handed out in this transaction may be handed out again for other rows.
        policies.clear();
    }
    for finish in finishes {
        finish(outcome.as_ref().map(|_| ()));
    }
}

/// Stores the batch's creations together; if that fails, one by one. An `Err` means the
/// transaction itself is broken.
async fn create_all(
    conn: &mut SqliteConnection,
    creations: Vec<(Creation, oneshot::Sender<StoreResult<Created>>)>,
    finishes: &mut Vec<Finish>,
) -> StoreResult<()> {
    if creations.is_empty() {
        return Ok(());
    }
    let (creations, answers): (Vec<Creation>, Vec<_>) = creations.into_iter().unzip();
    exec(conn, "SAVEPOINT request").await?;
    let together = crate::creations::create_many(Conn::Sqlite(&mut *conn), &creations).await;
    end_savepoint(conn, together.is_ok()).await?;
    match together {
        Ok(created) => {
            for (created, answer) in created.into_iter().zip(answers) {
                finishes.push(finisher(Ok(created), answer));
            }
        }
        Err(e) if creations.len() == 1 => {
            if let Some(answer) = answers.into_iter().next() {
                finishes.push(finisher(Err(e), answer));
            }
        }
        Err(_) => {
            for (creation, answer) in creations.iter().zip(answers) {
                exec(conn, "SAVEPOINT request").await?;
                let alone = crate::creations::create_many(
                    Conn::Sqlite(&mut *conn),
                    std::slice::from_ref(creation),
                )
                .await;
                end_savepoint(conn, alone.is_ok()).await?;
                let result = alone.and_then(|mut c| {
                    c.pop()
                        .ok_or_else(|| StoreError::Other("a creation returned nothing".into()))
                });
                finishes.push(finisher(result, answer));
            }
        }
    }
    Ok(())
}

async fn end_savepoint(conn: &mut SqliteConnection, keep: bool) -> StoreResult<()> {
    if keep {
        exec(conn, "RELEASE request").await
    } else {
        exec(conn, "ROLLBACK TO request; RELEASE request").await
    }
}

/// Runs SQL text without preparing it (transaction control).
pub(crate) async fn exec(conn: &mut SqliteConnection, sql: &'static str) -> StoreResult<()> {
    // `Executor::execute` returns a boxed `Send` future; `raw_sql(..).execute(..)` does not
    // satisfy `Send` inside the writer's higher-ranked job closures (rust-lang/rust#102211).
    sqlx::Executor::execute(conn, sql).await?;
    Ok(())
}
