package io.s2l.experiment.trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.study.FieldError;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainerRegistration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of external trainers. A name keeps its first definition: registering it again with
 * the same definition changes nothing (so a deployment script can register on every start), with
 * another it is refused. Studies copy a registration when they are submitted, so deleting one
 * affects only studies submitted afterwards.
 */
@Service
public class Trainers {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  Trainers(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * A registration's outcome.
   *
   * @param created whether this request registered it, rather than finding it registered already
   */
  public record Registration(RegisteredTrainer trainer, boolean created) {}

  /**
   * Registers a trainer, or finds the identical registration.
   *
   * @throws InvalidTrainerException naming every field out of its bounds
   * @throws TrainerConflictException when the name is registered with another definition
   */
  @Transactional
  public Registration register(TrainerRegistration request) {
    if (request == null) {
      throw new InvalidTrainerException(List.of(new FieldError("$", "a registration is required")));
    }
    List<FieldError> errors = request.validate();
    if (!errors.isEmpty()) {
      throw new InvalidTrainerException(errors);
    }
    TrainerRef definition = request.toRef();
    RegisteredTrainer stored =
        new RegisteredTrainer(definition, clock.instant().truncatedTo(ChronoUnit.MICROS));
    int inserted =
        jdbc.update(
            "INSERT INTO experiment.trainer (name, definition, created_at) VALUES (?, ?::jsonb, ?)"
                + " ON CONFLICT (name) DO NOTHING",
            definition.name(),
            write(definition),
            Timestamp.from(stored.createdAt()));
    if (inserted == 1) {
      return new Registration(stored, true);
    }
    // Registered before (the row is committed: the insert waited for any concurrent one).
    RegisteredTrainer existing =
        find(definition.name()).orElseThrow(() -> new TrainerConflictException(definition.name()));
    if (!existing.definition().equals(definition)) {
      throw new TrainerConflictException(definition.name());
    }
    return new Registration(existing, false);
  }

  @Transactional(readOnly = true)
  public Optional<RegisteredTrainer> find(String name) {
    return jdbc
        .query(
            "SELECT definition::text, created_at FROM experiment.trainer WHERE name = ?",
            this::read,
            name)
        .stream()
        .findFirst();
  }

  /** The registered trainers by name, {@code limit} from {@code offset}. */
  @Transactional(readOnly = true)
  public List<RegisteredTrainer> list(int limit, long offset) {
    return jdbc.query(
        "SELECT definition::text, created_at FROM experiment.trainer ORDER BY name LIMIT ? OFFSET ?",
        this::read,
        limit,
        offset);
  }

  @Transactional(readOnly = true)
  public long count() {
    return jdbc.queryForObject("SELECT count(*) FROM experiment.trainer", Long.class);
  }

  /**
   * Deletes a registration; studies submitted before keep their snapshots.
   *
   * @throws TrainerNotFoundException when none has that name
   */
  @Transactional
  public void delete(String name) {
    if (jdbc.update("DELETE FROM experiment.trainer WHERE name = ?", name) == 0) {
      throw new TrainerNotFoundException(name);
    }
  }

  private RegisteredTrainer read(ResultSet rs, int row) throws SQLException {
    try {
      return new RegisteredTrainer(
          json.readValue(rs.getString(1), TrainerRef.class), rs.getTimestamp(2).toInstant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable registration of a trainer", e);
    }
  }

  private String write(TrainerRef definition) {
    try {
      return json.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise trainer " + definition.name(), e);
    }
  }
}
