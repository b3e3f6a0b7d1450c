package io.s2l.analysis.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.StudyOwners;
import io.s2l.analysis.config.AnalysisProperties;
import io.s2l.analysis.recommendation.RecommendationChoice;
import io.s2l.api.imports.ImportReceipt;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.JobKinds;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports results trained elsewhere: checks the key's quotas, reads and checks every row while
 * streaming (within {@link ImportLimits}), then stores the table as a study and queues its analysis
 * in one transaction, with the QUEUED event to its callback URLs. A refused import stores nothing.
 */
@Service
public class ImportService {

  private final ImportStore store;
  private final JobQueue queue;
  private final CurrentTransaction transaction;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;
  private final AnalysisProperties properties;
  private final StudyOwners owners;
  private final ImportCallbacks callbacks;

  ImportService(
      ImportStore store,
      JobQueue queue,
      CurrentTransaction transaction,
      TransactionTemplate transactions,
      ObjectMapper json,
      Clock clock,
      AnalysisProperties properties,
      StudyOwners owners,
      ImportCallbacks callbacks) {
    this.store = store;
    this.queue = queue;
    this.transaction = transaction;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
    this.owners = owners;
    this.callbacks = callbacks;
  }

  /**
   * @param csv true for text/csv, false for JSON
   * @param reference the reference scale, or null to take it from a JSON body
   * @param choice how the queued analysis recommends a proxy
   * @param callbackUrls where to post the import's status changes, signed with the caller's
   *     callback secret; empty for none
   * @param caller the key importing: its owner owns the import
   */
  public ImportReceipt importTable(
      InputStream body,
      boolean csv,
      String reference,
      String name,
      RecommendationChoice choice,
      List<String> callbackUrls,
      ApiKey caller) {
    callbacks.check(callbackUrls, caller.id());
    checkQuota(caller);
    MessageDigest sha256 = sha256();
    InputStream in =
        new DigestInputStream(
            new LimitedInputStream(body, properties.maxImportSize().toBytes()), sha256);
    ImportLimits limits = properties.importLimits();
    LossTable table =
        csv
            ? CsvLossReader.read(in, reference, limits)
            : JsonLossReader.read(in, reference, limits);
    String checksum = HexFormat.of().formatHex(sha256.digest());
    UUID id = UUID.randomUUID();
    String label = name != null && !name.isBlank() ? name : "import " + id;
    transactions.executeWithoutResult(
        status -> {
          try {
            transaction.run(
                c -> {
                  Instant now = clock.instant();
                  store.store(c, id, label, checksum, table, now, callbackUrls, caller.id());
                  owners.record(id, caller, now);
                  queue.enqueue(c, List.of(analysisJob(id, table, choice).inGroup(caller.owner())));
                  owners.charge(caller, id, 1, "import", active(c, caller));
                  callbacks.queue(c, id, caller.id(), "QUEUED", now, callbackUrls);
                });
          } catch (SQLException e) {
            throw new IllegalStateException("cannot store import " + id, e);
          }
        });
    return new ImportReceipt(
        id,
        label,
        table.referenceScale(),
        table.rows(),
        checksum,
        table.scales(),
        table.distributions().size(),
        table.seeds().size(),
        table.evalSets().stream().map(LossTable.EvalSet::name).toList());
  }

  /**
   * Refuses an import the key's quotas leave no room for before its upload is read: an import
   * queues one job and is an active study until its analysis ends.
   */
  private void checkQuota(ApiKey caller) {
    if (!caller.hasQuota()) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          try {
            transaction.run(c -> owners.check(caller, 1, active(c, caller)));
          } catch (SQLException e) {
            throw new IllegalStateException("cannot read the quota of key " + caller.id(), e);
          }
        });
  }

  private LongSupplier active(Connection c, ApiKey caller) {
    return () -> {
      try {
        return store.active(c, caller.id());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot count the active imports of " + caller.id(), e);
      }
    };
  }

  private NewJob analysisJob(UUID id, LossTable table, RecommendationChoice choice) {
    AnalysisJobSpec spec =
        new AnalysisJobSpec(
            id,
            AnalysisJobSpec.SOURCE_IMPORT,
            table.referenceScale(),
            table.scales(),
            table.distributions(),
            table.evalSets().stream().map(LossTable.EvalSet::name).toList(),
            table.seeds(),
            choice.metric(),
            choice.threshold(),
            choice.minDistributions());
    try {
      return new NewJob(
          id, JobKinds.ANALYZE, "scale-correlation", json.writeValueAsString(spec), 3);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
