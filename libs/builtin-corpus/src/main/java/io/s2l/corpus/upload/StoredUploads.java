package io.s2l.corpus.upload;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the experiment service stores an uploaded dataset for the services that read it: {@code
 * datasets/<id>.jsonl} in the shared artifact store. An uploaded evaluation set is named {@code
 * upload/<id>} in a study.
 */
public final class StoredUploads {

  /** The prefix of an uploaded evaluation set's name in a study. */
  public static final String EVALSET_PREFIX = "upload/";

  private StoredUploads() {}

  /**
   * The stored file of an uploaded dataset.
   *
   * @param datasetId the dataset's UUID, as the experiment service assigned it
   * @throws IllegalArgumentException for an id that is not a UUID or a file that is not there
   */
  public static Path file(Path artifacts, String datasetId) {
    if (!datasetId.matches("[0-9a-fA-F-]{36}")) {
      throw new IllegalArgumentException("unknown dataset '" + datasetId + "'");
    }
    Path file = artifacts.resolve("datasets").resolve(datasetId + ".jsonl");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("dataset " + datasetId + " is not in the artifact store");
    }
    return file;
  }
}
