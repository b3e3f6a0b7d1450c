package io.s2l.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, study_id, kind, job_key, state, payload::text FROM queue.job"
                + " WHERE study_id = ? AND kind = ? AND job_key = ?")) {
      ps.setObject(1, studyId);
      ps.setString(2, kind);
      ps.setString(3, key);
      List<Job> jobs = read(ps);
      return jobs.stream().findFirst();
    }
  }

  /** Every job of one kind of a study, in any state, oldest first. */
  public static List<Job> ofKind(Connection c, UUID studyId, String kind) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, study_id, kind, job_key, state, payload::text FROM queue.job"
                + " WHERE study_id = ? AND kind = ? ORDER BY id")) {
      ps.setObject(1, studyId);
      ps.setString(2, kind);
      return read(ps);
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
