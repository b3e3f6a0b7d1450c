package io.s2l.experiment.study.web;

import io.s2l.access.ApiKeys;
import io.s2l.access.QuotaExceededException;
import io.s2l.experiment.config.StreamProperties;
import io.s2l.experiment.study.StudyService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open progress streams, grouped by study: one poll per watched study each second, however many
 * streams watch it, fanned out to each stream whose last event differs. A stream ends when its
 * study reaches a final status, its key is revoked, it times out, or a send to it fails; quiet
 * streams get a comment line every heartbeat, so a client that went away is noticed within seconds
 * even on an idle study. Streams are capped per key and in all ({@link StreamProperties}).
 */
@Component
class StudyWatches {

  private static final Duration PERIOD = Duration.ofSeconds(1);

  private final StudyService service;
  private final StudyController controller;
  private final ApiKeys keys;
  private final StreamProperties limits;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final Map<UUID, Watch> watches = new ConcurrentHashMap<>();
  private final Map<Long, Integer> perKey = new HashMap<>();
  private int open;

  StudyWatches(
      StudyService service, StudyController controller, ApiKeys keys, StreamProperties limits) {
    this.service = service;
    this.controller = controller;
    this.keys = keys;
    this.limits = limits;
  }

  /**
   * Opens a stream of study {@code id} for key {@code keyId}.
   *
   * @throws QuotaExceededException (429) when the key or the service holds its most streams
   */
  SseEmitter open(UUID id, long keyId) {
    SseEmitter emitter = new SseEmitter(limits.timeout().toMillis());
    Subscriber subscriber = new Subscriber(id, emitter, keyId);
    synchronized (this) {
      int ofKey = perKey.getOrDefault(keyId, 0);
      if (ofKey >= limits.maxPerKey()) {
        throw new QuotaExceededException(
            "s2l.experiment.streams.max-per-key",
            limits.maxPerKey(),
            "this key already holds "
                + ofKey
                + " event streams open, the most one key may (s2l.experiment.streams.max-per-key ="
                + " "
                + limits.maxPerKey()
                + "); close one first");
      }
      if (open >= limits.max()) {
        throw new QuotaExceededException(
            "s2l.experiment.streams.max",
            limits.max(),
            "the service holds "
                + open
                + " event streams open, its most (s2l.experiment.streams.max = "
                + limits.max()
                + "); try again later");
      }
      perKey.merge(keyId, 1, Integer::sum);
      open++;
      watches.computeIfAbsent(id, Watch::new).subscribers.add(subscriber);
    }
    Runnable end = () -> close(id, subscriber);
    emitter.onCompletion(end);
    emitter.onTimeout(end);
    emitter.onError(e -> end.run());
    ticker.execute(() -> watch(id).ifPresent(Watch::tick)); // the first event at once
    return emitter;
  }

  /** Streams open now, in all. */
  synchronized int open() {
    return open;
  }

  /** Studies polled now: one per watched study, however many streams watch it. */
  int polled() {
    return watches.size();
  }

  private java.util.Optional<Watch> watch(UUID id) {
    return java.util.Optional.ofNullable(watches.get(id));
  }

  private synchronized void close(UUID id, Subscriber subscriber) {
    if (!subscriber.closed.compareAndSet(false, true)) {
      return;
    }
    perKey.computeIfPresent(subscriber.keyId, (k, n) -> n == 1 ? null : n - 1);
    open--;
    Watch watch = watches.get(id);
    if (watch != null) {
      watch.subscribers.remove(subscriber);
      if (watch.subscribers.isEmpty()) {
        watches.remove(id);
        watch.poll.cancel(false);
      }
    }
  }

  @PreDestroy
  void stop() {
    ticker.shutdownNow();
  }

  private final class Subscriber {
    final UUID study;
    final SseEmitter emitter;
    final long keyId;
    final AtomicBoolean closed = new AtomicBoolean();
    String last = "";
    long quietSince = System.nanoTime();

    Subscriber(UUID study, SseEmitter emitter, long keyId) {
      this.study = study;
      this.emitter = emitter;
      this.keyId = keyId;
    }

    void send(SseEmitter.SseEventBuilder event) {
      try {
        emitter.send(event);
        quietSince = System.nanoTime();
      } catch (IOException | IllegalStateException e) {
        end(e); // the client went away
      }
    }

    /**
     * Ends this stream and frees its place at once: the container's completion and error callbacks
     * come later, or, after a failed send, not at all, so they cannot be what frees it.
     */
    void end(Exception error) {
      if (closed.get()) {
        return;
      }
      if (error == null) {
        emitter.complete();
      } else {
        emitter.completeWithError(error);
      }
      close(study, this);
    }
  }

  private final class Watch {
    final UUID id;
    final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    final ScheduledFuture<?> poll;

    private Optional<String> owner; // ticker thread only

    Watch(UUID id) {
      this.id = id;
      this.poll =
          ticker.scheduleAtFixedRate(
              this::tick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One read of the study for every stream that watches it; runs on the ticker only. Any failure
     * ends this study's streams with the error (an exception escaping would silently cancel the
     * poll and leave them open without events).
     */
    void tick() {
      if (subscribers.isEmpty()) {
        return;
      }
      try {
        if (owner == null) { // a study's owner never changes: read once
          owner = Optional.ofNullable(service.owner(id));
        }
        send(controller.view(service.get(id), owner.orElse(null), false));
      } catch (RuntimeException e) {
        subscribers.forEach(s -> s.end(e));
      }
    }

    private void send(StudyView view) {
      String signature = view.status() + "/" + view.progress();
      Map<Long, Boolean> revoked = new HashMap<>();
      long heartbeat = limits.heartbeat().toNanos();
      for (Subscriber s : subscribers) {
        if (revoked.computeIfAbsent(
            s.keyId, k -> keys.find(k).map(key -> key.revokedAt() != null).orElse(true))) {
          s.end(null); // the key was revoked: its streams end with it
          continue;
        }
        if (!signature.equals(s.last)) {
          s.last = signature;
          s.send(SseEmitter.event().name("progress").data(view));
        } else if (System.nanoTime() - s.quietSince >= heartbeat) {
          s.send(SseEmitter.event().comment("heartbeat"));
        }
        if (view.status().isTerminal()) {
          s.end(null);
        }
      }
    }
  }
}
