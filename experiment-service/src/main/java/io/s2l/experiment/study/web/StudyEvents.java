package io.s2l.experiment.study.web;

import io.s2l.access.ApiKeys;
import io.s2l.access.web.Callers;
import io.s2l.experiment.study.StudyService;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a study's progress: a {@code progress} event with the study view every
 * second while it changes, and the stream ends after the study reaches a terminal status.
 */
@RestController
class StudyEvents {

  private static final Duration PERIOD = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofHours(6);

  private final StudyService service;
  private final StudyController controller;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

  private final ApiKeys keys;

  StudyEvents(StudyService service, StudyController controller, ApiKeys keys) {
    this.service = service;
    this.controller = controller;
    this.keys = keys;
  }

  @GetMapping(path = "/api/v1/studies/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Server-sent progress events of a study until it finishes",
      description = "The stream also ends when the key that opened it is revoked.")
  SseEmitter events(@PathVariable UUID id) {
    service.get(id); // 404 before the stream opens
    long keyId = Callers.current().id();
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    AtomicBoolean done = new AtomicBoolean();
    String[] last = {""};
    Runnable tick =
        () -> {
          if (done.get()) {
            return;
          }
          try {
            if (keys.find(keyId).map(k -> k.revokedAt() != null).orElse(true)) {
              done.set(true); // the key was revoked: the stream ends with it
              emitter.complete();
              return;
            }
            StudyView view = controller.view(service.get(id));
            String signature = view.status() + "/" + view.progress();
            if (!signature.equals(last[0])) {
              last[0] = signature;
              emitter.send(SseEmitter.event().name("progress").data(view));
            }
            if (view.status().isTerminal() && done.compareAndSet(false, true)) {
              emitter.complete();
            }
          } catch (IOException | RuntimeException e) {
            if (done.compareAndSet(false, true)) {
              emitter.completeWithError(e);
            }
          }
        };
    ScheduledFuture<?> task =
        ticker.scheduleAtFixedRate(tick, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    emitter.onCompletion(() -> task.cancel(false));
    emitter.onTimeout(() -> task.cancel(false));
    emitter.onError(e -> task.cancel(false));
    return emitter;
  }
}
