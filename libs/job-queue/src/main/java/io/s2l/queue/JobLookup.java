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

  /**
   * The jobs of a study, kind and state whose payload holds {@code value} (as text) at {@code
   * path}, oldest first. The match is made by the database, so payloads that do not match are not
   * read at all.
   *
   * @param path field names from the payload's root, e.g. {@code ["distribution", "name"]}
   */
  public static List<Job> withPayloadField(
      Connection c, UUID studyId, String kind, JobState state, List<String> path, String value)
      throws SQLException {
    return byPayloadField(
        c, studyId, kind, " AND state = ? AND payload #>> ? = ?", state, path, value);
  }

  /**
   * The jobs of a study and kind, in any state, whose payload holds another value than {@code
   * value} at {@code path} (jobs without that field are left out), oldest first.
   */
  public static List<Job> withOtherPayloadField(
      Connection c, UUID studyId, String kind, List<String> path, String value)
      throws SQLException {
    return byPayloadField(c, studyId, kind, " AND payload #>> ? <> ?", null, path, value);
  }

  private static List<Job> byPayloadField(
      Connection c,
      UUID studyId,
      String kind,
      String condition,
      JobState state,
      List<String> path,
      String value)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, study_id, kind, job_key, state, payload::text FROM queue.job"
                + " WHERE study_id = ? AND kind = ?"
                + condition
                + " ORDER BY id")) {
      int i = 1;
      ps.setObject(i++, studyId);
      ps.setString(i++, kind);
      if (state != null) {
        ps.setString(i++, state.column());
      }
      ps.setArray(i++, c.createArrayOf("text", path.toArray()));
      ps.setString(i, value);
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
