package io.s2l.queue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The claim: which queued job a worker gets. Jobs are claimed group by group ({@link
 * NewJob#fairnessGroup()}, a study's owner), so that one owner's thousands of queued jobs do not
 * delay everyone else's: the group with the fewest running jobs of the asked kinds goes first, then
 * the higher priority, then the older job.
 *
 * <p>It is one statement. It lists candidates: the groups that have queued jobs (a skip scan of
 * {@code job_claimable_by_group}, one index descent per group), each group's first {@link
 * #HEADS_PER_GROUP} claimable jobs of each asked kind in claim order (one descent per group and
 * kind, the kind being the index's second column), and each group's running jobs (read from the
 * partial index on running jobs, as few as there are workers); so its cost grows with the number of
 * groups and asked kinds, not with the number of queued jobs. One exception: jobs this worker
 * cannot take for its gpu or memory, or still in their retry backoff, are skipped one by one, so a
 * group's thousands of such jobs ahead of a claimable one are read. The first {@link #CANDIDATES}
 * in turn order are kept; then it takes the first of them that is still queued and not locked by a
 * concurrent claim ({@code FOR UPDATE SKIP LOCKED}). Only when concurrent claims took every
 * candidate does a second statement fall back to the plain claim order over all groups, so a worker
 * never idles while jobs it can run wait. The running counts are read without a lock: under
 * concurrent claims the rotation is approximate, never exclusive.
 */
final class FairClaim {

  /**
   * Candidates per group: enough that concurrent claimers (a handful of workers polling together)
   * usually find one not yet locked, few enough that the candidate list stays tiny.
   */
  static final int HEADS_PER_GROUP = 8;

  /**
   * Candidates in all: the first ones in turn order. It also tells the planner how few rows the
   * candidate list has, so that it looks each one up by its key instead of hashing every queued job
   * (8 ms a claim at 20,000 queued jobs, 0.6 ms with the bound).
   */
  static final int CANDIDATES = 32;

  /** What a job must satisfy to be claimable by this worker; binds kinds, gpu, memory. */
  private static final String CLAIMABLE =
      "state = 'queued' AND kind = ANY (?) AND run_after <= now()"
          + " AND (NOT requires_gpu OR ?) AND min_memory_bytes <= ?";

  private static final String SET_RUNNING =
      "UPDATE queue.job SET state = 'running', attempt = attempt + 1, lease_owner = ?,"
          + " lease_expires_at = now() + ?::bigint * interval '1 millisecond', claimed_at = now(),"
          + " updated_at = now(), progress = 0";

  private static final String RETURNING =
      " RETURNING id, study_id, kind, job_key, payload::text, attempt, max_attempts";

  /**
   * One statement: the candidates (materialised once, as the CTE is read twice), the first of them
   * still queued and unlocked taken, and how many candidates there were, so that an empty result
   * tells "nothing claimable" from "every candidate taken by a concurrent claim".
   */
  private static final String TAKE_FAIRLY_TEMPLATE =
      "WITH RECURSIVE grp(g) AS ("
          + " (SELECT coalesce(fairness_group, '') FROM queue.job WHERE state = 'queued'"
          + "  ORDER BY coalesce(fairness_group, '') LIMIT 1)"
          + " UNION ALL SELECT (SELECT coalesce(fairness_group, '') FROM queue.job"
          + "  WHERE state = 'queued' AND coalesce(fairness_group, '') > grp.g"
          + "  ORDER BY coalesce(fairness_group, '') LIMIT 1)"
          + " FROM grp WHERE grp.g IS NOT NULL),"
          + " load AS (SELECT coalesce(fairness_group, '') AS g, count(*) AS n FROM queue.job"
          + "  WHERE state = 'running' AND kind = ANY (?) GROUP BY 1),"
          + " candidate AS (SELECT head.id, row_number() OVER"
          + "  (ORDER BY coalesce(load.n, 0), head.priority DESC, head.id) AS turn"
          + "  FROM grp LEFT JOIN load ON load.g = grp.g"
          + "  CROSS JOIN (VALUES %s) asked(kind)"
          + "  CROSS JOIN LATERAL (SELECT id, priority FROM queue.job"
          + "   WHERE coalesce(fairness_group, '') = grp.g AND queue.job.kind = asked.kind AND "
          + CLAIMABLE
          + "   ORDER BY priority DESC, id LIMIT ?) head"
          + "  WHERE grp.g IS NOT NULL ORDER BY turn LIMIT ?),"
          + " taken AS ("
          + SET_RUNNING
          + " WHERE id = (SELECT j.id FROM candidate JOIN queue.job j ON j.id = candidate.id"
          + "  WHERE j.state = 'queued' ORDER BY candidate.turn FOR UPDATE OF j SKIP LOCKED LIMIT 1)"
          + RETURNING
          + ")"
          + " SELECT taken.*, counted.n FROM (SELECT count(*) AS n FROM candidate) counted"
          + " LEFT JOIN taken ON true";

  /** The plain claim order, over every group: walks {@code job_claimable}. */
  private static final String TAKE_ANY =
      SET_RUNNING
          + " WHERE id = (SELECT id FROM queue.job WHERE "
          + CLAIMABLE
          + " ORDER BY priority DESC, id FOR UPDATE SKIP LOCKED LIMIT 1)"
          + RETURNING;

  private FairClaim() {}

  /**
   * The fair claim for {@code kinds} asked kinds: the kinds as a VALUES list, whose row count the
   * planner knows (an unnested array it guesses at 10 rows, and the plan it then picked halved the
   * claim rate under concurrent claims).
   */
  private static String takeFairly(int kinds) {
    return TAKE_FAIRLY_TEMPLATE.formatted(String.join(", ", Collections.nCopies(kinds, "(?)")));
  }

  static Optional<ClaimedJob> claim(
      Connection c,
      List<String> kinds,
      String owner,
      Duration lease,
      WorkerCapabilities capabilities)
      throws SQLException {
    kinds = kinds.stream().distinct().toList(); // a kind asked twice would take candidates twice
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    Array kindArray = c.createArrayOf("text", kinds.toArray());
    try (PreparedStatement ps = c.prepareStatement(takeFairly(kinds.size()))) {
      int p = 1;
      ps.setArray(p++, kindArray);
      for (String kind : kinds) {
        ps.setString(p++, kind);
      }
      ps.setArray(p++, kindArray);
      ps.setBoolean(p++, capabilities.gpu());
      ps.setLong(p++, capabilities.memoryBytes());
      ps.setInt(p++, HEADS_PER_GROUP);
      ps.setInt(p++, CANDIDATES);
      ps.setString(p++, owner);
      ps.setLong(p, lease.toMillis());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getObject(1) != null) {
          return Optional.of(read(rs, owner));
        }
        if (rs.getLong(8) == 0) {
          return Optional.empty(); // nothing claimable
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(TAKE_ANY)) {
      ps.setString(1, owner);
      ps.setLong(2, lease.toMillis());
      ps.setArray(3, kindArray);
      ps.setBoolean(4, capabilities.gpu());
      ps.setLong(5, capabilities.memoryBytes());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs, owner)) : Optional.empty();
      }
    }
  }

  private static ClaimedJob read(ResultSet rs, String owner) throws SQLException {
    return new ClaimedJob(
        rs.getLong(1),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getInt(7),
        owner);
  }
}
