package io.s2l.experiment.study;

import io.s2l.study.StudyKind;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lists studies matching a {@link StudyFilter}, newest first, with their owners. The WHERE clause
 * is put together from fixed fragments; every value the caller gave is a bind parameter.
 */
@Component
public class StudySearch {

  /** A study and the owner of the key that submitted it (null for a study without one). */
  public record Found(Study study, String owner) {}

  private record Row(UUID id, String owner) {}

  private static final String FROM =
      " FROM experiment.study s LEFT JOIN access.study_owner o ON o.study_id = s.id";

  private final NamedParameterJdbcTemplate jdbc;
  private final StudyRepository studies;

  StudySearch(NamedParameterJdbcTemplate jdbc, StudyRepository studies) {
    this.jdbc = jdbc;
    this.studies = studies;
  }

  public Page<Found> find(StudyFilter filter, Pageable page) {
    MapSqlParameterSource values = new MapSqlParameterSource();
    String where = where(filter, values);
    Long total = jdbc.queryForObject("SELECT count(*)" + FROM + where, values, Long.class);
    values.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
    List<Row> rows =
        jdbc.query(
            "SELECT s.id, o.owner"
                + FROM
                + where
                + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit OFFSET :offset",
            values,
            (rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("owner")));
    Map<UUID, Study> byId =
        studies.findAllById(rows.stream().map(Row::id).toList()).stream()
            .collect(Collectors.toMap(Study::id, Function.identity()));
    List<Found> found = new ArrayList<>();
    for (Row row : rows) {
      Study study = byId.get(row.id());
      if (study != null) { // deleted between the two reads
        found.add(new Found(study, row.owner()));
      }
    }
    return new PageImpl<>(found, page, total == null ? 0 : total);
  }

  /** The owner of {@code id}'s submitting key, or null. */
  public String owner(UUID id) {
    List<String> owners =
        jdbc.queryForList(
            "SELECT owner FROM access.study_owner WHERE study_id = :id",
            Map.of("id", id),
            String.class);
    return owners.isEmpty() ? null : owners.get(0);
  }

  private static String where(StudyFilter filter, MapSqlParameterSource values) {
    List<String> terms = new ArrayList<>();
    if (filter.status() != null) {
      terms.add("s.status = :status");
      values.addValue("status", filter.status().name());
    }
    if (filter.kind() != null) {
      terms.add(kind(filter.kind()));
    }
    if (filter.owner() != null) {
      terms.add("o.owner = :owner");
      values.addValue("owner", filter.owner());
    }
    if (filter.name() != null) {
      terms.add("s.name ILIKE :name ESCAPE '\\'");
      values.addValue("name", "%" + escapeLike(filter.name()) + "%");
    }
    if (filter.submittedAfter() != null) {
      terms.add("s.created_at >= :after");
      values.addValue("after", Timestamp.from(filter.submittedAfter()));
    }
    if (filter.submittedBefore() != null) {
      terms.add("s.created_at < :before");
      values.addValue("before", Timestamp.from(filter.submittedBefore()));
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  /** The kind as {@link StudyKind#of} decides it, read from the stored definition's blocks. */
  private static String kind(StudyKind kind) {
    String selection = "jsonb_typeof(s.definition -> 'selection') = 'object'";
    String attribution = "jsonb_typeof(s.definition -> 'attribution') = 'object'";
    String mixture = "jsonb_typeof(s.definition -> 'recommendMixture') = 'object'";
    return switch (kind) {
      case SELECTION -> selection;
      case ATTRIBUTION -> attribution + " AND NOT " + has(selection);
      case MIXTURE -> mixture + " AND NOT " + has(selection) + " AND NOT " + has(attribution);
      case SCALE_CORRELATION ->
          "NOT " + has(selection) + " AND NOT " + has(attribution) + " AND NOT " + has(mixture);
    };
  }

  /** A test that is false, never null, when the block is absent. */
  private static String has(String test) {
    return "coalesce(" + test + ", false)";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
