package io.s2l.launcher.bench;

import io.s2l.client.KeyRequest;
import io.s2l.client.S2lClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load on a running experiment service: requests are sent at a fixed rate whatever the
 * answers' speed, and each latency is measured from the moment its request was due (so a slow
 * answer delays nothing and hides nothing: no coordinated omission). Runs study submissions and, as
 * the baseline, the readiness probe, at the same rate, one after the other.
 *
 * <p>usage: SubmissionLoad BASE_URL [RATE_PER_SECOND [SECONDS]]
 */
public final class SubmissionLoad {

  private static final String STUDY =
      """
      {"name": "load", "distributions": [
         {"name": "a", "weights": {"literature": 1.0}},
         {"name": "b", "weights": {"code": 1.0}},
         {"name": "c", "weights": {"literature": 0.5, "code": 0.5}}],
       "scales": [
         {"name": "xs", "width": 16, "depth": 1, "heads": 2, "context": 32},
         {"name": "s", "width": 32, "depth": 1, "heads": 2, "context": 32}],
       "referenceScale": "s", "tokensPerParam": 2, "seeds": [0]}
      """;

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET().build();
    String admin = System.getenv("S2L_ADMIN_KEY");
    HttpRequest submit = submission(base, admin);
    // a team's key with every quota: each submission then holds a place in the key's quotas (a
    // short transaction under the key's lock that counts its studies, jobs and FLOPs) first
    String teamKey =
        new S2lClient(base, null, admin)
            .keys()
            .create(new KeyRequest("load", "load", "SUBMIT", 1_000_000, 1_000_000_000, 1e29, null))
            .secret();
    HttpRequest quotaSubmit = submission(base, teamKey);
    run(http, probe, rate, 5, 200); // warm-up
    run(http, submit, rate, 5, 202);
    Result baseline = run(http, probe, rate, seconds, 200);
    Result studies = run(http, submit, rate, seconds, 202);
    Result quotaStudies = run(http, quotaSubmit, rate, seconds, 202);
    System.out.printf(
        "%n%d requests/s for %d s each, open loop, latency from the due time%n", rate, seconds);
    System.out.printf(
        "%-48s %9s %8s %8s %8s %8s%n", "", "requests", "errors", "p50 ms", "p99 ms", "max ms");
    print("baseline: GET /actuator/health/readiness", baseline);
    print("POST /api/v1/studies, admin key (no quota)", studies);
    print("POST /api/v1/studies, key with quotas", quotaStudies);
  }

  private static HttpRequest submission(String base, String key) {
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/studies"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(STUDY))
        .build();
  }

  record Result(int requests, int errors, double[] latenciesMs) {
    double percentile(double p) {
      double[] sorted = latenciesMs.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
  }

  private static void print(String name, Result r) {
    System.out.printf(
        "%-48s %9d %8d %8.2f %8.2f %8.2f%n",
        name, r.requests(), r.errors(), r.percentile(0.5), r.percentile(0.99), r.percentile(1.0));
  }

  private static Result run(HttpClient http, HttpRequest request, int rate, int seconds, int ok)
      throws Exception {
    int total = rate * seconds;
    long interval = 1_000_000_000L / rate;
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>(total);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      pending.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (response, failure) -> {
                    latencies.add((System.nanoTime() - due) / 1e6);
                    if (failure != null || response.statusCode() != ok) {
                      errors.incrementAndGet();
                    }
                  }));
    }
    CompletableFuture.allOf(pending.toArray(new CompletableFuture[0])).join();
    return new Result(
        total, errors.get(), latencies.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
