package io.s2l.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Read-only questions about queued jobs, answered on the caller's connection (so inside its
 * transaction). The queue's tables are private to this library: a service that needs to know how
 * its jobs stand, or what it asked a job to do, asks here instead of writing SQL on {@code
 * queue.*}.
 */
public final class JobLookup {

  private JobLookup() {}

  /**
   * One job as the queue holds it.
   *
   * @param key unique within (study, kind)
   * @param payloadJson the payload the job was queued with
   */
  public record Job(
      long id, UUID studyId, String kind, String key, JobState state, String payloadJson) {}

  /** How many jobs of one kind are in one state, across every study. */
  public record Depth(String kind, JobState state, long count) {}

  /** The job of a study with the given kind and key, if it was queued. */
  public static Optional<Job> find(Connection c, UUID studyId, String kind, String key)
      throws SQLException {
    return find(c, studyId, List.of(kind), key);
  }

  /**
   * The job of a study with one of {@code kinds} and the given key, if it was queued; the oldest
   * when several kinds have one.
   */
  public static Optional<Job> find(Connection c, UUID studyId, List<String> kinds, String key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, study_id, kind, job_key, state, payload::text FROM queue.job"
                + " WHERE study_id = ? AND kind = ANY (?) AND job_key = ? ORDER BY id LIMIT 1")) {
      ps.setObject(1, studyId);
      ps.setArray(2, c.createArrayOf("text", kinds.toArray()));
      ps.setString(3, key);
      return read(ps).stream().findFirst();
    }
  }

  /** Every job of one kind of a study, in any state, oldest first. */
  public static List<Job> ofKind(Connection c, UUID studyId, String kind) throws SQLException {
    return ofKinds(c, studyId, List.of(kind));
  }

  /** Every job of a study with one of {@code kinds}, in any state, oldest first. */
  public static List<Job> ofKinds(Connection c, UUID studyId, List<String> kinds)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, study_id, kind, job_key, state, payload::text FROM queue.job"
                + " WHERE study_id = ? AND kind = ANY (?) ORDER BY id")) {
      ps.setObject(1, studyId);
      ps.setArray(2, c.createArrayOf("text", kinds.toArray()));
      return read(ps);
    }
  }

  /** How the jobs of one study with any of {@code kinds} stand, counted together. */
  public static JobCounts counts(Connection c, UUID studyId, List<String> kinds)
      throws SQLException {
    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    double runningProgress = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT state, count(*), coalesce(sum(progress), 0) FROM queue.job"
                + " WHERE study_id = ? AND kind = ANY (?) GROUP BY state")) {
      ps.setObject(1, studyId);
      ps.setArray(2, c.createArrayOf("text", kinds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          JobState state = JobState.ofColumn(rs.getString(1));
          counts.put(state, rs.getInt(2));
          if (state == JobState.RUNNING) {
            runningProgress = rs.getDouble(3);
          }
        }
      }
    }
    return new JobCounts(
        counts.getOrDefault(JobState.QUEUED, 0),
        counts.getOrDefault(JobState.RUNNING, 0),
        counts.getOrDefault(JobState.SUCCEEDED, 0),
        counts.getOrDefault(JobState.FAILED, 0),
        runningProgress);
  }

  /**
   * The key and last error of the study's oldest job of one of {@code kinds} that failed for good,
   * if any did.
   */
  public static Optional<String> firstFailure(Connection c, UUID studyId, List<String> kinds)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT job_key || ': ' || coalesce(last_error, 'no error recorded') FROM queue.job"
                + " WHERE study_id = ? AND kind = ANY (?) AND state = 'failed' ORDER BY id LIMIT 1")) {
      ps.setObject(1, studyId);
      ps.setArray(2, c.createArrayOf("text", kinds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * How many of {@code studies} have a job queued or running, counted up to {@code limit} (enough
   * to tell whether a quota is exceeded). One index probe per study.
   */
  public static long unfinishedStudies(Connection c, List<UUID> studies, long limit)
      throws SQLException {
    if (studies.isEmpty() || limit <= 0) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM (SELECT s.id FROM unnest(?::uuid[]) s (id) WHERE EXISTS"
                + " (SELECT 1 FROM queue.job j WHERE j.study_id = s.id"
                + " AND j.state IN ('queued', 'running')) LIMIT ?) unfinished")) {
      ps.setArray(1, c.createArrayOf("uuid", studies.toArray()));
      ps.setLong(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A job that failed for good: its study and when, by the database's clock. */
  public record Failure(UUID studyId, Instant failedAt) {}

  /**
   * The jobs of {@code kind} that failed for good in the last {@code within}, newest first, at most
   * {@code limit} (read from the dead-letter index).
   */
  public static List<Failure> failedWithin(Connection c, String kind, Duration within, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT study_id, finished_at FROM queue.job WHERE state = 'failed' AND kind = ?"
                + " AND finished_at > now() - ? * interval '1 millisecond'"
                + " ORDER BY finished_at DESC, id DESC LIMIT ?")) {
      ps.setString(1, kind);
      ps.setLong(2, within.toMillis());
      ps.setInt(3, limit);
      List<Failure> failures = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          failures.add(new Failure(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()));
        }
      }
      return failures;
    }
  }

  /**
   * Which of {@code studies} have a job of {@code kind} whose key starts with {@code keyPrefix}.
   */
  public static Set<UUID> withJob(
      Connection c, Collection<UUID> studies, String kind, String keyPrefix) throws SQLException {
    if (studies.isEmpty()) {
      return Set.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT study_id FROM queue.job WHERE study_id = ANY (?) AND kind = ?"
                + " AND left(job_key, length(?)) = ?")) {
      ps.setArray(1, c.createArrayOf("uuid", studies.toArray()));
      ps.setString(2, kind);
      ps.setString(3, keyPrefix);
      ps.setString(4, keyPrefix);
      Set<UUID> found = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getObject(1, UUID.class));
        }
      }
      return found;
    }
  }

  /** How many jobs the queue holds by kind and state; pairs without jobs are left out. */
  public static List<Depth> depth(Connection c) throws SQLException {
    List<Depth> depth = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT kind, state, count(*) FROM queue.job GROUP BY kind, state");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        depth.add(new Depth(rs.getString(1), JobState.ofColumn(rs.getString(2)), rs.getLong(3)));
      }
    }
    return depth;
  }

  private static List<Job> read(PreparedStatement ps) throws SQLException {
    List<Job> jobs = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        jobs.add(
            new Job(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                JobState.ofColumn(rs.getString(5)),
                rs.getString(6)));
      }
    }
    return jobs;
  }
}
