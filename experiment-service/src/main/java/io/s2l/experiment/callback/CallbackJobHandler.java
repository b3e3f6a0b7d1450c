package io.s2l.experiment.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.CallbackSecrets;
import io.s2l.access.CallbackTargets;
import io.s2l.api.callback.Delivery;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.RetryPolicy;
import io.s2l.queue.spring.CompletingTransaction;
import io.s2l.queue.spring.JobHandler;
import io.s2l.study.CallbackEventJob;
import io.s2l.study.JobKinds;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers one event to one URL per attempt (a study's, or an import's queued by the analysis
 * service with its event, recorded here on its first attempt): checks the URL against the rules
 * again (a name may resolve elsewhere than at submission), signs the stored body with the key's
 * current callback secret and posts it. A 2xx answer is recorded with the job's completion;
 * anything else is recorded, then thrown, so that the queue retries the job by its retry policy and
 * dead-letters it after its last attempt.
 */
@Component
class CallbackJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(CallbackJobHandler.class);

  /** How much of a refusing receiver's answer is kept in the delivery's last error. */
  private static final int ERROR_SNIPPET = 200;

  private final CallbackDeliveries deliveries;
  private final CallbackTargets targets;
  private final CallbackSecrets secrets;
  private final CallbackSender sender;
  private final CompletingTransaction completing;
  private final ObjectMapper json;
  private final Clock clock;

  CallbackJobHandler(
      CallbackDeliveries deliveries,
      CallbackTargets targets,
      CallbackSecrets secrets,
      CallbackSender sender,
      CompletingTransaction completing,
      ObjectMapper json,
      Clock clock) {
    this.deliveries = deliveries;
    this.targets = targets;
    this.secrets = secrets;
    this.sender = sender;
    this.completing = completing;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return JobKinds.CALLBACK;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    long id = deliveryOf(job);
    CallbackDeliveries.Pending pending =
        deliveries.find(id).orElseThrow(() -> new IllegalStateException("no delivery " + id));
    Delivery delivery = pending.delivery();
    String what = "delivery " + id;
    if (delivery.deliveredAt() != null) {
      completing.runWithoutResult(job, what, c -> {}); // a job queued again after a cancel
      return;
    }
    int attempt = delivery.attempts() + 1;
    Instant now = clock.instant();
    Integer statusCode = null;
    String error;
    Optional<String> refusal = targets.refusal(delivery.url());
    Optional<String> secret = secrets.find(pending.keyId());
    if (refusal.isPresent()) {
      error = "refused: " + refusal.get();
    } else if (secret.isEmpty()) {
      error = "key " + pending.keyId() + " has no callback secret or was revoked";
    } else {
      long timestamp = now.getEpochSecond();
      String signature = CallbackSigner.signature(secret.get(), timestamp, pending.body());
      try {
        CallbackSender.Answer answer =
            sender.post(delivery.url(), delivery.eventId(), pending.body(), timestamp, signature);
        if (answer.ok()) {
          completing.runWithoutResult(
              job, what, c -> deliveries.delivered(id, attempt, answer.statusCode(), now));
          log.info(
              "{} ({}) to {}: {}", what, delivery.status(), delivery.url(), answer.statusCode());
          return;
        }
        statusCode = answer.statusCode();
        error = "HTTP " + statusCode + redirect(statusCode) + snippet(answer.body());
      } catch (IOException e) {
        error = e.getMessage();
      }
    }
    boolean last = job.attempt() >= job.maxAttempts();
    // the queue's own policy (JobQueue.migrated uses the default), so the time shown is the time
    // the job becomes claimable again
    Instant next = last ? null : now.plus(RetryPolicy.DEFAULT.delayAfter(job.id(), job.attempt()));
    deliveries.failed(id, attempt, statusCode, error, next, now);
    throw new IllegalStateException(what + " to " + delivery.url() + " failed: " + error);
  }

  /**
   * The delivery a job attempts: named in its payload, or, for an import's event that travels in
   * its job, recorded from it first.
   */
  private long deliveryOf(ClaimedJob job) throws IOException {
    JsonNode payload = json.readTree(job.payloadJson());
    if (payload.has("delivery")) {
      return payload.path("delivery").asLong();
    }
    return deliveries.adopt(json.treeToValue(payload, CallbackEventJob.class), job.maxAttempts());
  }

  private static String redirect(int statusCode) {
    return statusCode / 100 == 3 ? " (redirects are not followed)" : "";
  }

  private static String snippet(String body) {
    String text = body.strip();
    if (text.isEmpty()) {
      return "";
    }
    return ": " + (text.length() > ERROR_SNIPPET ? text.substring(0, ERROR_SNIPPET) : text);
  }
}
