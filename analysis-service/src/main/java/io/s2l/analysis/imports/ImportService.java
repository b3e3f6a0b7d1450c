package io.s2l.analysis.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.QuotaCharge;
import io.s2l.access.QuotaReservation;
import io.s2l.access.Quotas;
import io.s2l.access.StudyOwners;
import io.s2l.analysis.config.AnalysisProperties;
import io.s2l.analysis.recommendation.RecommendationChoice;
import io.s2l.api.imports.ImportReceipt;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.ComputeEstimate;
import io.s2l.study.JobKinds;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Imports results trained elsewhere: holds one place in the key's quotas for its job, its active
 * study and the bytes of its table ({@link Quotas#reserveUpload(ApiKey, UUID, QuotaCharge, long,
 * long)}), reads and checks every row while streaming (within {@link ImportLimits} and the bytes
 * held), then stores the table as a study, queues its analysis, charges the key and queues the
 * QUEUED event to its callback URLs in one transaction. The key's storage budget is charged the
 * bytes of the uploaded table, as a dataset is charged its file: the number counted as the body
 * streams, so an import past the budget is refused before anything is stored. A refused import
 * stores nothing.
 */
@Service
public class ImportService {

  private final ImportStore store;
  private final JobQueue queue;
  private final CurrentTransaction transaction;
  private final ObjectMapper json;
  private final Clock clock;
  private final AnalysisProperties properties;
  private final StudyOwners owners;
  private final Quotas quotas;
  private final ImportCallbacks callbacks;

  ImportService(
      ImportStore store,
      JobQueue queue,
      CurrentTransaction transaction,
      ObjectMapper json,
      Clock clock,
      AnalysisProperties properties,
      StudyOwners owners,
      Quotas quotas,
      ImportCallbacks callbacks) {
    this.store = store;
    this.queue = queue;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
    this.owners = owners;
    this.quotas = quotas;
    this.callbacks = callbacks;
  }

  /**
   * @param declared the request's Content-Length; negative when unknown
   * @param csv true for text/csv, false for JSON
   * @param reference the reference scale, or null to take it from a JSON body
   * @param choice how the queued analysis recommends a proxy
   * @param callbackUrls where to post the import's status changes, signed with the caller's
   *     callback secret; empty for none
   * @param caller the key importing: its owner owns the import
   */
  public ImportReceipt importTable(
      InputStream body,
      long declared,
      boolean csv,
      String reference,
      String name,
      RecommendationChoice choice,
      List<String> callbackUrls,
      ApiKey caller) {
    callbacks.check(callbackUrls, caller.id());
    UUID id = UUID.randomUUID();
    // an import is an active study until its analysis is done; its place is held before the
    // upload is read, so a key at its quota or without room for the table is refused unread
    QuotaCharge charge = new QuotaCharge("import", 1, ComputeEstimate.ANALYSIS_FLOPS, true);
    long limit = properties.maxImportSize().toBytes();
    QuotaReservation place = quotas.reserveUpload(caller, id, charge, declared, limit);
    try {
      return read(place, id, body, csv, reference, name, choice, callbackUrls, caller);
    } finally {
      quotas.release(place);
    }
  }

  private ImportReceipt read(
      QuotaReservation place,
      UUID id,
      InputStream body,
      boolean csv,
      String reference,
      String name,
      RecommendationChoice choice,
      List<String> callbackUrls,
      ApiKey caller) {
    MessageDigest sha256 = sha256();
    LimitedInputStream counted =
        new LimitedInputStream(body, properties.maxImportSize().toBytes(), place);
    InputStream in = new DigestInputStream(counted, sha256);
    ImportLimits limits = properties.importLimits();
    LossTable table =
        csv
            ? CsvLossReader.read(in, reference, limits)
            : JsonLossReader.read(in, reference, limits);
    String checksum = HexFormat.of().formatHex(sha256.digest());
    String label = name != null && !name.isBlank() ? name : "import " + id;
    quotas.chargedIn(
        place.storing(counted.bytesRead()),
        () -> {
          try {
            transaction.run(
                c -> {
                  Instant now = clock.instant();
                  store.store(c, id, label, checksum, table, now, callbackUrls, caller.id());
                  owners.record(id, caller, now);
                  queue.enqueue(c, List.of(analysisJob(id, table, choice).inGroup(caller.owner())));
                  callbacks.queue(c, id, caller.id(), "QUEUED", now, callbackUrls);
                });
          } catch (SQLException e) {
            throw new IllegalStateException("cannot store import " + id, e);
          }
          return null;
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
