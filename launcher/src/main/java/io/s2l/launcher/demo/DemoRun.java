package io.s2l.launcher.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Submits one study to a running platform, shows its progress until it completes, and collects what
 * the report needs.
 */
public final class DemoRun {

  private static final Duration POLL = Duration.ofMillis(500);

  private final StudyClient client;
  private final Clock clock;

  public DemoRun(StudyClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * @param aliveCheck throws when a platform process died, so the run fails instead of hanging
   */
  public DemoResult run(String definition, ProgressBar bar, Runnable aliveCheck, Duration timeout) {
    Instant started = clock.instant();
    JsonNode study = client.submit(definition);
    String id = study.get("id").asText();
    Instant trainedAt = null;
    while (true) {
      study = client.study(id);
      String status = study.get("status").asText();
      JsonNode p = study.get("progress");
      Duration elapsed = Duration.between(started, clock.instant());
      String shown =
          p.hasNonNull("featuresTotal")
              ? status
                  + " features "
                  + p.get("featuresDone").asInt()
                  + "/"
                  + p.get("featuresTotal").asInt()
              : status;
      bar.update(
          shown,
          p.get("jobsDone").asInt(),
          p.get("jobsTotal").asInt(),
          p.get("jobsRunning").asInt(),
          p.get("fraction").asDouble(),
          elapsed);
      if (trainedAt == null && !status.equals("QUEUED") && !status.equals("TRAINING")) {
        trainedAt = clock.instant();
      }
      if (status.equals("COMPLETED")) {
        break;
      }
      if (status.equals("FAILED")) {
        bar.finish();
        throw new IllegalStateException(
            "study " + id + " failed: " + study.get("failure").asText());
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
    JsonNode verified = null;
    if (submitted.hasNonNull("selection")) {
      verified = client.selection(id);
    } else if (mixture) {
      verified = client.mixture(id).get("verification");
    }
    return new DemoResult(
        study,
        attribution || mixture ? null : client.scaleCorrelation(id),
        attribution ? client.attribution(id) : null,
        verified,
        client.runs(id),
        started,
        trainedAt,
        finished);
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
