package io.s2l.experiment.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.QuotaExceededException;
import io.s2l.access.QuotaReservation;
import io.s2l.access.Quotas;
import io.s2l.api.dataset.DatasetView;
import io.s2l.corpus.upload.CorpusIndex;
import io.s2l.corpus.upload.DatasetCheck;
import io.s2l.corpus.upload.DatasetKind;
import io.s2l.corpus.upload.DatasetLimitExceededException;
import io.s2l.corpus.upload.DatasetLimits;
import io.s2l.experiment.config.ExperimentProperties;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data users bring. An upload streams through the line checker (within {@link DatasetLimits}) into
 * a temporary file of the artifact store; only a file without errors is moved into place and
 * recorded, with the index of a corpus in the same transaction, so a refused upload leaves nothing
 * behind and a study never reads the file to be checked. An upload holds a place in its key's
 * storage budget before its body is read ({@link Quotas#reserveUpload}): one with a Content-Length
 * past what is left is refused before reading, and one without is refused at the first byte past
 * it; the stored file's bytes are charged with its row.
 */
@Service
public class Datasets {

  public static final String EVALSET_PREFIX = "upload/";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final ExperimentProperties properties;
  private final CorpusIndexes indexes;
  private final TransactionTemplate transactions;
  private final Quotas quotas;

  Datasets(
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock,
      ExperimentProperties properties,
      CorpusIndexes indexes,
      TransactionTemplate transactions,
      Quotas quotas) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
    this.indexes = indexes;
    this.transactions = transactions;
    this.quotas = quotas;
  }

  /**
   * Stores a checked upload, owned by {@code caller}'s owner.
   *
   * @param declared the request's Content-Length; negative when unknown
   * @throws QuotaExceededException past the key's storage budget; nothing is kept
   */
  public DatasetView upload(
      InputStream body, long declared, DatasetKind kind, String name, ApiKey caller) {
    long limit = properties.maxDatasetSize().toBytes();
    QuotaReservation place = quotas.reserveUpload(caller, declared, limit);
    try {
      return store(body, place, kind, name, caller);
    } finally {
      quotas.release(place);
    }
  }

  private DatasetView store(
      InputStream body, QuotaReservation place, DatasetKind kind, String name, ApiKey caller) {
    UUID id = UUID.randomUUID();
    String relative = "datasets/" + id + ".jsonl";
    Path file = properties.artifacts().resolve(relative);
    MessageDigest sha256 = sha256();
    long limit = properties.maxDatasetSize().toBytes();
    long[] read = {0};
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "upload", ".tmp");
      try {
        DatasetCheck.Summary summary;
        try (InputStream in = new DigestInputStream(limited(body, limit, place, read), sha256);
            OutputStream out = Files.newOutputStream(temporary)) {
          summary = DatasetCheck.check(in, kind, out, properties.datasetLimits());
        } catch (DatasetLimitExceededException e) {
          throw overLimit(e);
        }
        if (summary.errorCount() > 0) {
          throw new DatasetRejectedException(summary.errors(), summary.errorCount());
        }
        String label =
            name != null && !name.isBlank() ? name : kind.name().toLowerCase() + " " + id;
        String domains =
            kind == DatasetKind.CORPUS ? json.writeValueAsString(summary.domains()) : null;
        String sha = HexFormat.of().formatHex(sha256.digest());
        // on disk before the transaction, which then only renames it: a transaction that may hold
        // its key's quota lock (a place that expired while the upload was read) holds it briefly
        force(temporary);
        transactions.executeWithoutResult(
            status -> {
              jdbc.update(
                  "INSERT INTO experiment.dataset (id, name, kind, eval_kind, records, bytes, sha256,"
                      + " domains, path, created_at, owner)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)",
                  id,
                  label,
                  kind.name().toLowerCase(),
                  summary.evalKind(),
                  summary.records(),
                  read[0],
                  sha,
                  domains,
                  relative,
                  Timestamp.from(clock.instant()),
                  caller.owner());
              if (summary.index() != null) {
                indexes.store(id, summary.index());
              }
              quotas.chargeUpload(place, read[0]);
              // last, so that a failed write leaves no file; a failed move rolls the rows back
              move(temporary, file);
            });
        return find(id, caller).orElseThrow();
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload", e);
    }
  }

  /** Rows {@code caller} may see: its owner's uploads; every upload for admins. */
  private static final String VISIBLE = " (? OR owner = ?) ";

  /** A dataset {@code caller} may see. */
  public Optional<DatasetView> find(UUID id, ApiKey caller) {
    return jdbc
        .query(
            "SELECT * FROM experiment.dataset WHERE id = ? AND" + VISIBLE,
            (rs, i) -> view(rs),
            id,
            caller.isAdmin(),
            caller.owner())
        .stream()
        .findFirst();
  }

  /** The datasets {@code caller} may see, newest first, {@code limit} from {@code offset}. */
  public List<DatasetView> list(int limit, long offset, ApiKey caller) {
    return jdbc.query(
        "SELECT * FROM experiment.dataset WHERE"
            + VISIBLE
            + "ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
        (rs, i) -> view(rs),
        caller.isAdmin(),
        caller.owner(),
        limit,
        offset);
  }

  public long count(ApiKey caller) {
    Long n =
        jdbc.queryForObject(
            "SELECT count(*) FROM experiment.dataset WHERE" + VISIBLE,
            Long.class,
            caller.isAdmin(),
            caller.owner());
    return n == null ? 0 : n;
  }

  /** Names of the uploaded evaluation sets {@code caller} may use: {@code upload/<id>}. */
  public List<String> evalSetNames(ApiKey caller) {
    return jdbc.queryForList(
        "SELECT 'upload/' || id FROM experiment.dataset WHERE kind = 'evalset' AND"
            + VISIBLE
            + "ORDER BY created_at",
        String.class,
        caller.isAdmin(),
        caller.owner());
  }

  /**
   * The stored index of an uploaded corpus {@code caller} may use, if {@code dataset} names one
   * that is indexed: one row read, never the corpus' file.
   */
  public Optional<CorpusIndex> corpusIndex(String dataset, ApiKey caller) {
    UUID id;
    try {
      id = UUID.fromString(dataset);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return find(id, caller).filter(d -> d.kind().equals("corpus")).flatMap(d -> indexes.find(id));
  }

  private DatasetView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    try {
      String domains = rs.getString("domains");
      return new DatasetView(
          rs.getObject("id", UUID.class),
          rs.getString("name"),
          rs.getString("kind"),
          rs.getString("eval_kind"),
          rs.getLong("records"),
          rs.getLong("bytes"),
          rs.getString("sha256"),
          domains == null ? null : json.readTree(domains),
          rs.getString("path"),
          rs.getTimestamp("created_at").toInstant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Moves the written upload into place durably: its bytes are on disk before the move, and the
   * move before the row that names it commits, so a crash never leaves a row naming a short file.
   */
  private static void force(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload", e);
    }
  }

  /** Renames the forced {@code from} over {@code to} atomically, and forces the directory. */
  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel directory = FileChannel.open(to.getParent(), StandardOpenOption.READ)) {
        directory.force(true);
      } catch (IOException notSupported) {
        // some platforms cannot open a directory to force it; the move itself is atomic there
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload", e);
    }
  }

  private static DatasetOverLimitException overLimit(DatasetLimitExceededException e) {
    return e.limit() == DatasetLimitExceededException.Limit.LINE_BYTES
        ? new DatasetOverLimitException(
            e.getMessage(), e.value(), "s2l.experiment.max-dataset-line-size")
        : new DatasetOverLimitException(
            e.getMessage(), e.value(), "s2l.experiment.max-dataset-records");
  }

  /**
   * {@code in}, refused past {@code limit} bytes (413) or past the bytes {@code place} holds in the
   * key's storage budget (429).
   */
  private static InputStream limited(
      InputStream in, long limit, QuotaReservation place, long[] read) {
    long budget = place.charge().storageBytes();
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        count(b >= 0 ? 1 : 0);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(0, n));
        return n;
      }

      private void count(int n) {
        read[0] += n;
        if (read[0] > limit) {
          throw new DatasetTooLargeException(limit);
        }
        if (read[0] > budget) {
          throw Quotas.uploadExceeded(place, read[0]);
        }
      }
    };
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
