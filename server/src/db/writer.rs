//! Group commit. With `synchronous=FULL` every COMMIT waits for the disk (an fsync of the WAL), so one commit per
//! request would cap the server at the disk's fsync rate. Instead every write goes to one thread that takes all
//! the writes waiting (up to [`MAX_BATCH`]), runs each in a SAVEPOINT of its own inside one transaction, COMMITs
//! once and only then answers each caller: an acknowledged write is on disk, and a batch costs one fsync.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Arc, Mutex, PoisonError};

use rusqlite::Connection;
use tokio::sync::oneshot;

use crate::problem::ApiError;

/// How many writes share one COMMIT at most: enough to absorb every client of a busy moment, few enough that
/// one batch's transaction stays short.
pub const MAX_BATCH: usize = 256;

/// One caller's write. Run on the writer thread, it returns how to answer that caller once the batch is settled;
/// dropped without being run, its caller gets an internal error.
pub type Job = Box<dyn FnOnce(&mut Connection) -> Settle + Send>;

/// Whether the batch of a write committed (`Err` says why not).
type Committed<'a> = Result<(), &'a str>;

/// A write that has run and waits for its batch's COMMIT.
pub struct Settle {
    succeeded: bool,
    /// Answers the caller once its batch is settled.
    answer: Box<dyn FnOnce(Committed<'_>) + Send>,
}

/// Wraps `f` as a [`Job`] and gives the receiver of its answer.
pub fn job<T, F>(f: F) -> (Job, oneshot::Receiver<Result<T, ApiError>>)
where
    T: Send + 'static,
    F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
{
    let (reply, answer) = oneshot::channel();
    let job: Job = Box::new(move |conn| {
        // A panicking write must not take the writer thread, and every other caller, down with it.
        let result = catch_unwind(AssertUnwindSafe(|| f(conn)))
            .unwrap_or_else(|_| Err(ApiError::internal("a database write panicked")));
        let succeeded = result.is_ok();
        Settle {
            succeeded,
            answer: Box::new(move |committed| {
                let result = match committed {
                    Err(why) if succeeded => Err(ApiError::internal(format!("the write was not committed: {why}"))),
                    _ => result,
                };
                // The caller may have gone (its request was dropped): the write stands, nobody is left to tell.
                let _ = reply.send(result);
            }),
        }
    });
    (job, answer)
}

/// Starts the writer thread; it ends when every sender is dropped.
pub fn spawn(conn: Arc<Mutex<Connection>>) -> std::io::Result<mpsc::Sender<Job>> {
    let (queue, jobs) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("aduan-db-writer".into())
        .spawn(move || {
            while let Ok(first) = jobs.recv() {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match jobs.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
                let mut conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
                run_batch(&mut conn, batch);
            }
        })?;
    Ok(queue)
}

/// Runs `jobs` in one transaction, each in its own savepoint (a failing write rolls back only itself and gets
/// its own error), commits once, then answers every caller.
pub fn run_batch(conn: &mut Connection, jobs: Vec<Job>) {
    let mut ran: Vec<Settle> = Vec::with_capacity(jobs.len());
    let mut in_transaction = false;
    for job in jobs {
        if !in_transaction {
            if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE") {
                // Each attempt may wait out the busy timeout: the rest of the batch is refused, not retried.
                tracing::error!("cannot begin a write transaction: {e}");
                return; // The jobs not run are dropped: their callers get an internal error.
            }
            in_transaction = true;
        }
        if let Err(e) = conn.execute_batch("SAVEPOINT write") {
            tracing::error!("cannot open a savepoint: {e}");
            continue;
        }
        let settle = job(conn);
        if conn.is_autocommit() {
            // SQLite rolled the whole transaction back (an I/O error, a full disk): the writes of this batch that
            // ran before are gone too, so none of them may be acknowledged. The rest start a new transaction.
            tracing::error!(
                "a write transaction was rolled back by SQLite; {} writes are refused",
                ran.len() + 1
            );
            ran.push(settle);
            answer_all(&mut ran, Err("the transaction was rolled back"));
            in_transaction = false;
            continue;
        }
        let close = if settle.succeeded {
            conn.execute_batch("RELEASE write")
        } else {
            conn.execute_batch("ROLLBACK TO write; RELEASE write")
        };
        ran.push(settle);
        if let Err(e) = close {
            tracing::error!("cannot close a savepoint: {e}");
            rollback(conn);
            answer_all(&mut ran, Err("the transaction was rolled back"));
            in_transaction = false;
        }
    }
    if in_transaction {
        match conn.execute_batch("COMMIT") {
            Ok(()) => answer_all(&mut ran, Ok(())),
            Err(e) => {
                tracing::error!("cannot commit {} writes: {e}", ran.len());
                rollback(conn);
                answer_all(&mut ran, Err("the commit failed"));
            }
        }
    }
}

fn rollback(conn: &Connection) {
    if !conn.is_autocommit() {
        if let Err(e) = conn.execute_batch("ROLLBACK") {
            tracing::error!("cannot roll back: {e}");
        }
    }
}

fn answer_all(ran: &mut Vec<Settle>, committed: Committed<'_>) {
    for settle in ran.drain(..) {
        (settle.answer)(committed);
    }
}

#[cfg(test)]
mod tests {
    use axum::http::StatusCode;

    use super::*;

    fn numbers(conn: &Connection) -> Vec<i64> {
        conn.prepare("SELECT n FROM t ORDER BY n")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn insert(n: i64) -> impl FnOnce(&mut Connection) -> Result<i64, ApiError> + Send + 'static {
        move |conn| {
            conn.execute("INSERT INTO t (n) VALUES (?1)", [n])?;
            Ok(n)
        }
    }

    fn status<T>(answer: Result<T, ApiError>) -> u16 {
        answer.err().map_or(200, |e| e.0.status)
    }

    #[test]
    fn a_failing_write_rolls_back_only_itself_within_its_batch() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (n INTEGER UNIQUE)").unwrap();
        let (first, first_answer) = job(insert(1));
        // Writes, then refuses: a 422 after its own insert.
        let (refused, refused_answer) = job(|conn: &mut Connection| -> Result<(), ApiError> {
            conn.execute("INSERT INTO t (n) VALUES (2)", [])?;
            Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "Refused"))
        });
        let (duplicate, duplicate_answer) = job(insert(1));
        let (panics, panic_answer) = job(|conn: &mut Connection| -> Result<(), ApiError> {
            conn.execute("INSERT INTO t (n) VALUES (3)", [])?;
            panic!("a bug in one write");
        });
        let (last, last_answer) = job(insert(4));

        run_batch(&mut conn, vec![first, refused, duplicate, panics, last]);

        assert_eq!(numbers(&conn), [1, 4]);
        assert_eq!(first_answer.blocking_recv().unwrap().unwrap(), 1);
        assert_eq!(status(refused_answer.blocking_recv().unwrap()), 422);
        assert_eq!(status(duplicate_answer.blocking_recv().unwrap()), 500);
        assert_eq!(status(panic_answer.blocking_recv().unwrap()), 500);
        assert_eq!(last_answer.blocking_recv().unwrap().unwrap(), 4);
        assert!(conn.is_autocommit(), "the batch's transaction is closed");
    }

    #[test]
    fn nobody_is_told_of_a_success_that_the_commit_did_not_keep() {
        let mut conn = Connection::open_in_memory().unwrap();
        // A deferred foreign key is checked at COMMIT only: this commit fails after every write has succeeded.
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             CREATE TABLE p (id INTEGER PRIMARY KEY);
             CREATE TABLE t (n INTEGER, p INTEGER REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED);",
        )
        .unwrap();
        let (good, good_answer) = job(insert(1));
        let (dangling, dangling_answer) = job(|conn: &mut Connection| -> Result<(), ApiError> {
            conn.execute("INSERT INTO t (n, p) VALUES (2, 99)", [])?;
            Ok(())
        });
        run_batch(&mut conn, vec![good, dangling]);
        assert_eq!(status(good_answer.blocking_recv().unwrap()), 500);
        assert_eq!(status(dangling_answer.blocking_recv().unwrap()), 500);
        assert_eq!(numbers(&conn), Vec::<i64>::new());
        assert!(conn.is_autocommit());
    }
}
