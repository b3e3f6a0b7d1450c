package io.s2l.queue.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queue claim throughput and latency with concurrent claimers on one PostgreSQL, against the
 * baseline of a bare {@code SELECT 1} round trip on the same connection pool, side by side.
 *
 * <p>Each claimer loops: claim the next job (timed), then complete it in its own transaction, as a
 * worker does. The database is a fresh one (TestDatabase: {@code S2L_TEST_DB_URL}, or an embedded
 * PostgreSQL 17).
 *
 * <p>The jobs belong to GROUPS fairness groups (owners), round robin; with one group every claimer
 * competes for the same few candidates of the fair claim, with many the claim walks every group.
 *
 * <p>usage: ClaimBenchmark [JOBS [CLAIMERS [GROUPS]]]
 */
public final class ClaimBenchmark {

  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final List<String> KINDS = List.of("train");

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int claimers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int groups = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(claimers + 2); // Flyway holds two while it migrates
    try (HikariDataSource pool = new HikariDataSource(config)) {
      JobQueue queue = JobQueue.migrated(pool, Clock.systemUTC());
      enqueue(queue, pool, jobs, groups);
      System.out.printf(
          "%d jobs queued in %d fairness groups; %d claimers on a pool of %d connections (%s)%n",
          jobs, groups, claimers, claimers + 2, db.url().replaceAll("password=[^&]*", ""));
      // warm-up: the pool's connections and the server's plans
      Result warmBaseline = selectOne(pool, claimers, 2_000);
      Result baseline = selectOne(pool, claimers, jobs);
      // a worker of another kind (an analysis worker) polling while the training queue is deep
      Result idle = idleClaims(queue, claimers, 2_000);
      Result claims = claimAll(queue, pool, claimers);
      System.out.println();
      System.out.printf("%-34s %12s %10s %10s %10s%n", "", "ops/s", "p50 ms", "p99 ms", "max ms");
      print("baseline: SELECT 1 round trip", baseline);
      print("claim (UPDATE .. SKIP LOCKED)", claims);
      print("empty claim of another kind", idle);
      System.out.printf(
          "%nclaims: %d of %d jobs, each exactly once: %s; p99 claim / p99 SELECT 1 = %.1f"
              + " (warm-up SELECT 1 p99 %.2f ms)%n",
          claims.count(),
          jobs,
          claims.count() == jobs,
          claims.p99() / baseline.p99(),
          warmBaseline.p99());
    }
  }

  record Result(int count, double seconds, double[] latenciesMs) {
    double rate() {
      return count / seconds;
    }

    double percentile(double p) {
      double[] sorted = latenciesMs.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    double p99() {
      return percentile(0.99);
    }
  }

  private static void print(String name, Result r) {
    System.out.printf(
        "%-34s %12.0f %10.2f %10.2f %10.2f%n",
        name, r.rate(), r.percentile(0.5), r.p99(), r.percentile(1.0));
  }

  private static void enqueue(JobQueue queue, HikariDataSource pool, int jobs, int groups)
      throws Exception {
    UUID study = UUID.randomUUID();
    try (Connection c = pool.getConnection()) {
      List<NewJob> batch = new ArrayList<>();
      for (int i = 0; i < jobs; i++) {
        String payload = "{\"i\": " + i + "}";
        batch.add(
            new NewJob(study, "train", "job-" + i, payload, 3, false, 0, 0, "owner-" + i % groups));
        if (batch.size() == 1000) {
          queue.enqueue(c, batch);
          batch.clear();
        }
      }
      queue.enqueue(c, batch);
    }
  }

  private static Result selectOne(HikariDataSource pool, int threads, int total) throws Exception {
    return repeat(
        threads,
        total,
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement ps = c.prepareStatement("SELECT 1");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
          }
        });
  }

  /** Claims of a kind none of the queued jobs has: each finds nothing. */
  private static Result idleClaims(JobQueue queue, int threads, int total) throws Exception {
    return repeat(
        threads,
        total,
        () -> {
          if (queue.claim(List.of("analyze"), "idle", LEASE).isPresent()) {
            throw new IllegalStateException("claimed a job of another kind");
          }
        });
  }

  interface Operation {
    void run() throws Exception;
  }

  /** {@code total} timed runs of {@code operation}, shared by {@code threads} threads. */
  private static Result repeat(int threads, int total, Operation operation) throws Exception {
    AtomicInteger left = new AtomicInteger(total);
    return run(
        threads,
        latencies -> {
          while (left.getAndDecrement() > 0) {
            long t0 = System.nanoTime();
            operation.run();
            latencies.add((System.nanoTime() - t0) / 1e6);
          }
          return null;
        });
  }

  private static Result claimAll(JobQueue queue, HikariDataSource pool, int threads)
      throws Exception {
    return run(
        threads,
        latencies -> {
          String owner = "bench-" + Thread.currentThread().getId();
          while (true) {
            long t0 = System.nanoTime();
            Optional<ClaimedJob> job = queue.claim(KINDS, owner, LEASE);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (job.isEmpty()) {
              return null;
            }
            latencies.add(ms);
            try (Connection c = pool.getConnection()) {
              if (!queue.complete(c, job.get())) {
                throw new IllegalStateException("lost job " + job.get().id());
              }
            }
          }
        });
  }

  interface Loop {
    Void run(List<Double> latencies) throws Exception;
  }

  private static Result run(int threads, Loop loop) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<List<Double>> all = new ArrayList<>();
    List<Future<Void>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      List<Double> latencies = new ArrayList<>();
      all.add(latencies);
      Callable<Void> task = () -> loop.run(latencies);
      futures.add(executor.submit(task));
    }
    for (Future<Void> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    executor.shutdown();
    double[] latencies =
        all.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    return new Result(latencies.length, seconds, latencies);
  }
}
