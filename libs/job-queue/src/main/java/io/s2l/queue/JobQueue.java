package io.s2l.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The PostgreSQL job queue protocol. Methods that take a {@link Connection} run in the caller's
 * transaction (enqueue with the study that created the jobs; complete with the results the job
 * produced), so that either both are stored or neither is. The others use their own connection from
 * the pool in auto-commit mode.
 *
 * <p>Every instant the queue stores or compares (leases, heartbeats, rescue, backoff, claim times)
 * is the database's {@code now()}; durations are sent as intervals. So workers whose clocks
 * disagree agree on when a lease expires: a worker whose clock runs behind keeps its healthy job,
 * one whose clock runs ahead cannot rescue a job early. The {@link Clock} given here is used only
 * for what a worker decides alone: how long its own attempt has run ({@link JobRunner}'s job
 * timeout).
 */
public final class JobQueue {

  /**
   * The fencing condition: the job is running and held by this very attempt of this owner. Bound by
   * {@link #bindAttempt}.
   */
  private static final String HELD_BY_ATTEMPT =
      " WHERE id = ? AND attempt = ? AND lease_owner = ? AND state = 'running'";

  /** Multiplies a bound number of milliseconds into an interval. */
  private static final String MILLIS = " * interval '1 millisecond'";

  private final DataSource dataSource;
  private final Clock clock;
  private final RetryPolicy retry;

  public JobQueue(DataSource dataSource, Clock clock, RetryPolicy retry) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.retry = retry;
  }

  /**
   * The clock runners time their own attempts by (an elapsed time, so an offset does not matter);
   * no timestamp in the database comes from it.
   */
  Clock clock() {
    return clock;
  }

  /** A queue on {@code dataSource}, its schema created or upgraded first ({@link QueueSchema}). */
  public static JobQueue migrated(DataSource dataSource, Clock clock) {
    QueueSchema.migrate(dataSource);
    return new JobQueue(dataSource, clock, RetryPolicy.DEFAULT);
  }

  /**
   * Adds jobs in the caller's transaction; they become claimable when it commits. A job without a
   * fairness group joins the group of its study's earlier jobs, if they have one.
   */
  public void enqueue(Connection tx, List<NewJob> jobs) throws SQLException {
    insert(tx, jobs, "");
  }

  /**
   * Adds the jobs whose (study, kind, key) is not queued yet, in the caller's transaction; jobs
   * already there, in whatever state, are left alone. For stages that several reconcilers may start
   * at once.
   */
  public void enqueueAbsent(Connection tx, List<NewJob> jobs) throws SQLException {
    insert(tx, jobs, " ON CONFLICT (study_id, kind, job_key) DO NOTHING");
  }

  private void insert(Connection tx, List<NewJob> jobs, String onConflict) throws SQLException {
    try (PreparedStatement ps =
        tx.prepareStatement(
            "INSERT INTO queue.job (study_id, kind, job_key, payload, max_attempts, run_after,"
                + " created_at, updated_at, requires_gpu, min_memory_bytes, priority,"
                + " fairness_group) VALUES (?, ?, ?, ?::jsonb, ?, now(), now(), now(), ?, ?, ?,"
                + " coalesce(?, (SELECT fairness_group FROM queue.job WHERE study_id = ?"
                + " AND fairness_group IS NOT NULL LIMIT 1)))"
                + onConflict)) {
      for (NewJob job : jobs) {
        ps.setObject(1, job.studyId());
        ps.setString(2, job.kind());
        ps.setString(3, job.key());
        ps.setString(4, job.payloadJson());
        ps.setInt(5, job.maxAttempts());
        ps.setBoolean(6, job.requiresGpu());
        ps.setLong(7, job.minMemoryBytes());
        ps.setInt(8, job.priority());
        ps.setString(9, job.fairnessGroup());
        ps.setObject(10, job.studyId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Claims a claimable job of one of {@code kinds}, raising its attempt counter and giving {@code
   * owner} a lease of {@code lease}: the next job of the fairness group with the fewest running
   * jobs, then by priority, then the oldest ({@link FairClaim}). Jobs locked by a concurrent claim
   * are skipped, so any number of workers claim concurrently without blocking each other or sharing
   * a job.
   */
  public Optional<ClaimedJob> claim(List<String> kinds, String owner, Duration lease)
      throws SQLException {
    return claim(kinds, owner, lease, WorkerCapabilities.ANY_CPU);
  }

  /**
   * Claims as above, only among jobs whose GPU and memory requirements {@code capabilities} meet.
   *
   * <p>The claim commits asynchronously ({@code synchronous_commit = off}): it does not wait for
   * its WAL to reach the disk, which is most of a claim's time. This is safe because the attempt
   * number fences every later write: if the database crashes and loses a claim it had acknowledged,
   * the job is queued again with its old attempt, and the worker's heartbeats and completion (which
   * commit synchronously, with the results) are refused; the job runs again. Nothing is completed
   * twice and nothing is lost.
   *
   * <p>It also tells the planner to walk the claim-order indexes rather than sort: right after a
   * study queues thousands of jobs, the statistics still say the queue is nearly empty, and a
   * sorted bitmap scan of every queued job would be chosen for each claim. The small sorts left (a
   * few candidates per fairness group) then carry the planner's penalty for a sort, which lifts the
   * plan's cost above the threshold for JIT compilation: compiling would take a second for a query
   * that runs in a millisecond, so JIT is off for the claim.
   */
  public Optional<ClaimedJob> claim(
      List<String> kinds, String owner, Duration lease, WorkerCapabilities capabilities)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "SET LOCAL synchronous_commit = off; SET LOCAL enable_sort = off;"
                + " SET LOCAL enable_bitmapscan = off; SET LOCAL jit = off");
      }
      Optional<ClaimedJob> claimed = FairClaim.claim(c, kinds, owner, lease, capabilities);
      c.commit();
      return claimed;
    }
  }

  /**
   * Renews the lease and records progress. Returns false when this attempt no longer holds the job
   * (its lease expired and the job was rescued or claimed again): the worker must stop.
   */
  public boolean heartbeat(ClaimedJob job, Duration lease, double progress) throws SQLException {
    return heartbeat(job, lease, progress, null);
  }

  /**
   * Renews the lease as above, but never past {@code holdAtMost} after the attempt was claimed (by
   * the database's clock). A runner enforcing a job timeout passes the timeout plus one lease, so
   * that however late a heartbeat reaches the database (a slow connection, a paused thread), a hung
   * attempt's lease expires by then.
   *
   * @param holdAtMost the longest the attempt may hold its job; null for no limit
   */
  public boolean heartbeat(ClaimedJob job, Duration lease, double progress, Duration holdAtMost)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE queue.job SET lease_expires_at = LEAST(now() + ?::bigint"
                    + MILLIS
                    + ", coalesce(claimed_at + ?::bigint"
                    + MILLIS
                    + ", 'infinity')), progress = ?, updated_at = now()"
                    + HELD_BY_ATTEMPT)) {
      ps.setLong(1, lease.toMillis());
      ps.setObject(2, holdAtMost == null ? null : holdAtMost.toMillis(), java.sql.Types.BIGINT);
      ps.setDouble(3, Math.max(0, Math.min(1, progress)));
      bindAttempt(ps, 4, job);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Marks the job succeeded in the caller's transaction, which also stores the job's results.
   * Returns false when this attempt no longer holds the job; the caller must then roll back.
   */
  public boolean complete(Connection tx, ClaimedJob job) throws SQLException {
    try (PreparedStatement ps =
        tx.prepareStatement(
            "UPDATE queue.job SET state = 'succeeded', progress = 1, lease_owner = NULL,"
                + " lease_expires_at = NULL, updated_at = now(), finished_at = now()"
                + HELD_BY_ATTEMPT)) {
      bindAttempt(ps, 1, job);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Records a failed attempt: the job is queued again after the retry policy's delay, or failed for
   * good when this was its last attempt. Returns the resulting state, or empty when this attempt no
   * longer held the job.
   */
  public Optional<JobState> fail(ClaimedJob job, String error) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE queue.job SET state = CASE WHEN attempt >= max_attempts THEN 'failed'"
                    + " ELSE 'queued' END, run_after = now() + ?::bigint"
                    + MILLIS
                    + ", last_error = ?, lease_owner = NULL, lease_expires_at = NULL,"
                    + " updated_at = now(),"
                    + " finished_at = CASE WHEN attempt >= max_attempts THEN now() END"
                    + HELD_BY_ATTEMPT
                    + " RETURNING state")) {
      ps.setLong(1, retry.delayAfter(job.id(), job.attempt()).toMillis());
      ps.setString(2, truncate(error));
      bindAttempt(ps, 3, job);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(JobState.ofColumn(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /** Records that a worker is alive and what it can run (an upsert; called at every poll). */
  public void advertise(String owner, List<String> kinds, WorkerCapabilities capabilities)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO queue.worker (owner, kinds, gpu, memory_bytes, started_at, last_seen_at,"
                    + " gpus, gpu_memory_bytes) VALUES (?, ?, ?, ?, now(), now(), ?, ?)"
                    + " ON CONFLICT (owner) DO UPDATE SET last_seen_at = excluded.last_seen_at")) {
      ps.setString(1, owner);
      ps.setArray(2, c.createArrayOf("text", kinds.toArray()));
      ps.setBoolean(3, capabilities.gpu());
      ps.setLong(4, Math.min(capabilities.memoryBytes(), Long.MAX_VALUE));
      ps.setInt(5, capabilities.gpus());
      ps.setLong(6, capabilities.gpuMemoryBytes());
      ps.executeUpdate();
    }
  }

  /**
   * Hands a job back because its worker is shutting down: it is claimable again at once, and the
   * interrupted attempt does not count against its attempts (max_attempts grows by one, so the
   * attempt number stays a strictly increasing fencing token). Returns false when this attempt no
   * longer held the job.
   */
  public boolean release(ClaimedJob job) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE queue.job SET state = 'queued', run_after = now(),"
                    + " max_attempts = max_attempts + 1,"
                    + " last_error = 'released by ' || lease_owner || ' on shutdown',"
                    + " lease_owner = NULL, lease_expires_at = NULL, progress = 0, updated_at = now()"
                    + HELD_BY_ATTEMPT)) {
      bindAttempt(ps, 1, job);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Returns jobs whose lease expired (their worker died or lost the database) to the queue, or
   * fails them when that was their last attempt. Safe to run from every worker concurrently.
   *
   * @return how many jobs were rescued
   */
  public int rescueExpired() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE queue.job SET state = CASE WHEN attempt >= max_attempts THEN 'failed'"
                    + " ELSE 'queued' END, run_after = now(),"
                    + " last_error = 'lease expired: worker ' || lease_owner || ' stopped heartbeating',"
                    + " lease_owner = NULL, lease_expires_at = NULL, updated_at = now(),"
                    + " finished_at = CASE WHEN attempt >= max_attempts THEN now() END"
                    + " WHERE state = 'running' AND lease_expires_at < now()")) {
      return ps.executeUpdate();
    }
  }

  /**
   * Cancels a study's unfinished jobs in the caller's transaction: queued ones are dequeued,
   * running ones lose their lease at once, so their workers stop at the next heartbeat and their
   * completions are refused. Returns how many jobs were cancelled.
   */
  public int cancel(Connection tx, UUID studyId) throws SQLException {
    try (PreparedStatement ps =
        tx.prepareStatement(
            "UPDATE queue.job SET state = 'cancelled', lease_owner = NULL, lease_expires_at ="
                + " NULL, updated_at = now(), finished_at = now() WHERE study_id = ? AND state IN"
                + " ('queued', 'running')")) {
      ps.setObject(1, studyId);
      return ps.executeUpdate();
    }
  }

  /** The dead-letter view: jobs failed for good, newest first, a page at a time. */
  public List<DeadLetter> deadLetters(int limit, long offset) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, study_id, kind, job_key, attempt, last_error, finished_at FROM"
                    + " queue.job WHERE state = 'failed' ORDER BY finished_at DESC, id DESC"
                    + " LIMIT ? OFFSET ?")) {
      ps.setInt(1, limit);
      ps.setLong(2, offset);
      List<DeadLetter> letters = new java.util.ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          letters.add(
              new DeadLetter(
                  rs.getLong(1),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant()));
        }
      }
      return letters;
    }
  }

  /** How many jobs failed for good. */
  public long deadLetterCount() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM queue.job WHERE state = 'failed'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** How the jobs of one study and kind stand. */
  public JobCounts counts(UUID studyId, String kind) throws SQLException {
    return counts(studyId, List.of(kind));
  }

  /** How the jobs of one study and any of {@code kinds} stand, together. */
  public JobCounts counts(UUID studyId, List<String> kinds) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return JobLookup.counts(c, studyId, kinds);
    }
  }

  /** How the jobs of one study and kind stand, read on the given connection. */
  public static JobCounts counts(Connection c, UUID studyId, String kind) throws SQLException {
    return JobLookup.counts(c, studyId, List.of(kind));
  }

  /** The key and last error of one failed job of a study and kind, if any job failed for good. */
  public static Optional<String> firstFailure(Connection c, UUID studyId, String kind)
      throws SQLException {
    return JobLookup.firstFailure(c, studyId, List.of(kind));
  }

  /** Binds {@link #HELD_BY_ATTEMPT}'s three parameters, starting at {@code first}. */
  private static void bindAttempt(PreparedStatement ps, int first, ClaimedJob job)
      throws SQLException {
    ps.setLong(first, job.id());
    ps.setInt(first + 1, job.attempt());
    ps.setString(first + 2, job.owner());
  }

  private static String truncate(String error) {
    String e = error == null ? "unknown error" : error;
    return e.length() > 4000 ? e.substring(0, 4000) : e;
  }
}
