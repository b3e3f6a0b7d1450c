package io.s2l.experiment.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on server-sent event streams ({@code s2l.experiment.streams.*}): every open stream holds a
 * connection and a place in the shared poll of its study, so their number is capped per key and in
 * all.
 *
 * @param maxPerKey concurrent streams one key may hold open (429 beyond)
 * @param max concurrent streams of the whole service (429 beyond)
 * @param timeout the longest a stream stays open
 * @param heartbeat how often a quiet stream gets a comment line, so that a client that went away is
 *     noticed within about two heartbeats even when its study is idle
 */
@ConfigurationProperties("s2l.experiment.streams")
public record StreamProperties(
    @DefaultValue("4") int maxPerKey,
    @DefaultValue("256") int max,
    @DefaultValue("6h") Duration timeout,
    @DefaultValue("2s") Duration heartbeat) {

  public StreamProperties {
    if (maxPerKey < 1 || max < 1) {
      throw new IllegalArgumentException(
          "s2l.experiment.streams.max-per-key and .max must be at least 1");
    }
  }
}
