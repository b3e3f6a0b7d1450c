package io.s2l.client;

import io.s2l.api.Page;
import io.s2l.api.attribution.FeatureRequest;
import io.s2l.api.attribution.FeaturesQueued;
import io.s2l.api.callback.Delivery;
import io.s2l.api.study.StudyView;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** Studies on the experiment service: submit, list, read, cancel, featurise, follow. */
public final class StudiesApi {

  /** How much of a refused event stream's body is read for its problem. */
  private static final int REFUSAL_BYTES = 64 * 1024;

  private final Transport http;
  private final String base;

  StudiesApi(Transport http, String experimentUrl) {
    this.http = http;
    this.base = experimentUrl + "/api/v1/studies";
  }

  /** Submits a study definition (JSON); returns the accepted study. */
  public StudyView submit(String definition) {
    return submit(definition, null);
  }

  /**
   * Submits a study definition once: a second submission with the same {@code idempotencyKey}
   * (while the service remembers it) answers with the study the first one created.
   *
   * @param idempotencyKey null to submit without one
   */
  public StudyView submit(String definition, String idempotencyKey) {
    HttpRequest.Builder request =
        http.request(base)
            .timeout(Transport.CALL_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(definition));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpRequest built = request.build();
    return http.read(http.send(built, 202).body(), http.json.constructType(StudyView.class), built);
  }

  /** One page of the caller's studies, newest first (every study for an admin key). */
  public Page<StudyView> page(int page, int size) {
    return http.page(base + Transport.query("page", page, "size", size), StudyView.class);
  }

  /**
   * One page of the studies of {@code kind} ({@code scale-correlation}, {@code attribution}, {@code
   * selection} or {@code mixture}) and {@code owner} the caller sees, newest first; a null filter
   * matches every study. Only an admin key sees other owners' studies.
   */
  public Page<StudyView> page(int page, int size, String kind, String owner) {
    return http.page(
        base + Transport.query("page", page, "size", size, "kind", kind, "owner", owner),
        StudyView.class);
  }

  /** Every study the caller sees, newest first, read a page at a time as the stream is used. */
  public Stream<StudyView> list() {
    return Pages.all(p -> page(p, Pages.SIZE));
  }

  /**
   * The studies in one of {@code statuses} ({@code QUEUED}, {@code TRAINING}, ...). The service
   * lists every study; the filter applies to what it lists.
   */
  public Stream<StudyView> list(Set<String> statuses) {
    return list().filter(s -> statuses.contains(s.status()));
  }

  /** One page of the study's callback deliveries, oldest first. */
  public Page<Delivery> deliveriesPage(UUID id, int page, int size) {
    return http.page(
        base + "/" + id + "/deliveries" + Transport.query("page", page, "size", size),
        Delivery.class);
  }

  /** Every callback delivery of the study, oldest first, read a page at a time. */
  public Stream<Delivery> deliveries(UUID id) {
    return Pages.all(p -> deliveriesPage(id, p, Pages.SIZE));
  }

  public StudyView get(UUID id) {
    return http.get(base + "/" + id, StudyView.class);
  }

  /** The study with its ETag (its version), to cancel it only if it has not changed since. */
  public Tagged<StudyView> getTagged(UUID id) {
    HttpRequest request = http.request(base + "/" + id).timeout(Transport.CALL_TIMEOUT).build();
    HttpResponse<String> response = http.send(request, 200);
    StudyView study = http.read(response.body(), http.json.constructType(StudyView.class), request);
    return new Tagged<>(study, response.headers().firstValue("ETag").orElse(null));
  }

  /** Cancels a study; 409 ({@link ApiException.Kind#CONFLICT}) once it has finished. */
  public StudyView cancel(UUID id) {
    return cancel(id, null);
  }

  /**
   * Cancels a study if it is still at the version {@code ifMatch} names (an ETag from {@link
   * #getTagged}); else 412 ({@link ApiException.Kind#PRECONDITION_FAILED}).
   *
   * @param ifMatch null to cancel whatever its version
   */
  public StudyView cancel(UUID id, String ifMatch) {
    HttpRequest.Builder request =
        http.request(base + "/" + id + "/cancel")
            .timeout(Transport.CALL_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.noBody());
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    HttpRequest built = request.build();
    return http.read(http.send(built, 202).body(), http.json.constructType(StudyView.class), built);
  }

  /** Featurises one trained classifier of an attribution study for TRAK. */
  public FeaturesQueued features(UUID id, FeatureRequest request) {
    return http.post(base + "/" + id + "/features", request, FeaturesQueued.class, 202);
  }

  /**
   * The study's progress events as they come, until it finishes (or the stream is closed: close it,
   * in a try-with-resources, to free the connection and the service's place for it).
   */
  public StudyEventStream events(UUID id) {
    HttpRequest request =
        http.request(base + "/" + id + "/events").header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> response;
    try {
      response = http.httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw Transport.unreachable(request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(
          Transport.describe(request) + " interrupted", 0, ApiException.Kind.UNREACHABLE, null, e);
    }
    if (response.statusCode() != 200) {
      try (InputStream body = response.body()) {
        String text = new String(body.readNBytes(REFUSAL_BYTES), StandardCharsets.UTF_8);
        throw http.refusal(request, response.statusCode(), text);
      } catch (IOException e) {
        throw Transport.unreachable(request, e);
      }
    }
    return new StudyEventStream(response.body(), http.json, Transport.describe(request));
  }
}
