//! Creations on PostgreSQL, committed together so that references stay gap-free without
//! queueing every creation on the reference counter's row lock.
//!
//! A creation takes the next number of its (prefix, year) counter inside its transaction, so the
//! counter row stays locked until that transaction commits; one transaction per creation caps
//! creations at one commit flush each, about 800/s. Here concurrent creations are queued to one
//! task that stores all waiting ones (up to [`MAX_BATCH`]) in one transaction: one counter
//! update, a few multi-row statements and one commit per batch. Numbers are still taken in the
//! storing transaction, so a rolled-back creation leaves no gap. Should the batch fail (a
//! foreign key, another process storing the same external id), its creations are stored again
//! one by one, each in its own transaction, so that a failure stays with its own request.

use super::write;
use crate::creations::Creation;
use crate::types::{Created, StoreError, StoreResult};
use sqlx::PgPool;
use tokio::sync::{mpsc, oneshot};

/// Most creations committed together.
const MAX_BATCH: usize = 256;
/// Creations that may wait before callers are slowed down.
const QUEUE: usize = 4096;
/// Scheduler rounds the task waits for more creations while they keep arriving.
const LINGER_ROUNDS: usize = 16;

type Request = (Creation, oneshot::Sender<StoreResult<Created>>);

/// A handle to the creator task; cheap to clone. The task ends when the last handle is dropped.
#[derive(Debug, Clone)]
pub(crate) struct Creator {
    queue: mpsc::Sender<Request>,
}

impl Creator {
    /// Starts the task on `pool`. Must be called inside a Tokio runtime.
    pub(crate) fn start(pool: PgPool) -> Self {
        let (queue, requests) = mpsc::channel(QUEUE);
        tokio::spawn(serve(pool, requests));
        Self { queue }
    }

    /// Stores `creation` in the next batch; answers after its commit.
    pub(crate) async fn create(&self, creation: Creation) -> StoreResult<Created> {
        let (answer, answered) = oneshot::channel();
        self.queue
            .send((creation, answer))
            .await
            .map_err(|_| StoreError::Other("the PostgreSQL creator has stopped".into()))?;
        answered.await.map_err(|_| {
            StoreError::Other("the creation was not carried out; nothing was stored".into())
        })?
    }
}

async fn serve(pool: PgPool, mut requests: mpsc::Receiver<Request>) {
    while let Some(first) = requests.recv().await {
        let mut batch = vec![first];
        for _ in 0..LINGER_ROUNDS {
            let before = batch.len();
            while batch.len() < MAX_BATCH {
                match requests.try_recv() {
                    Ok(request) => batch.push(request),
                    Err(_) => break,
                }
            }
            if batch.len() >= MAX_BATCH || batch.len() == before {
                break;
            }
            tokio::task::yield_now().await;
        }
        store(&pool, batch).await;
    }
}

/// Stores a batch together, or, if that fails, each creation alone.
async fn store(pool: &PgPool, batch: Vec<Request>) {
    let (creations, answers): (Vec<Creation>, Vec<_>) = batch.into_iter().unzip();
    if creations.len() > 1 {
        match together(pool, &creations).await {
            Ok(created) => {
                for (created, answer) in created.into_iter().zip(answers) {
                    let _ = answer.send(Ok(created));
                }
                return;
            }
            Err(e) => tracing::debug!(error = %e, "a batch of creations is stored one by one"),
        }
    }
    for ((received, policy_id), answer) in creations.into_iter().zip(answers) {
        let _ = answer.send(write::create(pool, received, policy_id).await);
    }
}

async fn together(pool: &PgPool, creations: &[Creation]) -> StoreResult<Vec<Created>> {
    let mut tx = pool.begin().await?;
    // An error returns here; dropping the transaction rolls it back.
    let created =
        crate::creations::create_many(crate::sql::Conn::Postgres(&mut tx), creations).await?;
    tx.commit().await?;
    Ok(created)
}
