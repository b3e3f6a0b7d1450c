package io.s2l.launcher.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.study.StudyView;
import io.s2l.client.S2lClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Submits one study to a running platform, shows its progress until it completes, and collects what
 * the report needs.
 */
public final class DemoRun {

  private static final Duration POLL = Duration.ofMillis(500);

  private final S2lClient client;
  private final Clock clock;

  public DemoRun(S2lClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * @param aliveCheck throws when a platform process died, so the run fails instead of hanging
   */
  public DemoResult run(String definition, ProgressBar bar, Runnable aliveCheck, Duration timeout) {
    Instant started = clock.instant();
    StudyView study = client.submit(definition);
    UUID id = study.id();
    Instant trainedAt = null;
    while (true) {
      study = client.study(id);
      String status = study.status();
      Duration elapsed = Duration.between(started, clock.instant());
      bar.show(study, elapsed);
      if (trainedAt == null && !status.equals("QUEUED") && !status.equals("TRAINING")) {
        trainedAt = clock.instant();
      }
      if (study.completed()) {
        break;
      }
      if (study.failed()) {
        bar.finish();
        throw new IllegalStateException("study " + id + " failed: " + study.failure());
      }
      if (elapsed.compareTo(timeout) > 0) {
        bar.finish();
        throw new IllegalStateException("study " + id + " did not complete within " + timeout);
      }
      aliveCheck.run();
      sleep();
    }
    bar.finish();
    Instant finished = clock.instant();
    JsonNode submitted = read(definition);
    boolean attribution = submitted.hasNonNull("attribution");
    boolean mixture = submitted.hasNonNull("recommendMixture");
    return new DemoResult(
        study,
        attribution || mixture ? null : client.scaleCorrelation(id),
        attribution ? client.attribution(id) : null,
        submitted.hasNonNull("selection") ? client.selection(id) : null,
        mixture ? client.mixture(id).verification() : null,
        client.runs(id),
        started,
        trainedAt,
        finished);
  }

  /**
   * The definition trained by {@code trainer}: its {@code trainer} field set, and the trainer in
   * its name. The built-in trainer ({@code djl}) leaves the definition as it is.
   */
  public static String withTrainer(String definition, String trainer) {
    if (trainer.equals("djl")) {
      return definition;
    }
    try {
      ObjectNode json = (ObjectNode) new ObjectMapper().readTree(definition);
      json.put("trainer", trainer);
      json.put("name", json.path("name").asText("study") + " [" + trainer + "]");
      return json.toString();
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("the study definition is not a JSON object", e);
    }
  }

  private static JsonNode read(String definition) {
    try {
      return new ObjectMapper().readTree(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the study definition is not JSON", e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
