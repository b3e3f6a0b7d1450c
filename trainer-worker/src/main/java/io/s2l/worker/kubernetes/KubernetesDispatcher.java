package io.s2l.worker.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.spring.JobHandler;
import io.s2l.study.JobKinds;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@code train-kubernetes} job as a Kubernetes Job: prepares the run directory on the shared
 * artifact store, submits the attempt's Job and spec ConfigMap, and holds the queue's lease while
 * the Job runs, mirroring the trainer's progress. A Job that succeeds has its outputs ingested
 * exactly as those of a trainer run as a child process; one that fails fails the attempt with the
 * pod's reason. An attempt abandoned for any reason (lease lost, job timeout, worker stopping,
 * study cancelled) deletes its Job, so that nothing keeps training for nobody.
 */
public final class KubernetesDispatcher implements JobHandler {

  /** The job kind of trainers registered with an image (also {@code JobKinds}' name for it). */
  public static final String KIND = JobKinds.TRAIN_KUBERNETES;

  /** Consecutive failed polls of the API after which the attempt is given up. */
  static final int MAX_API_FAILURES = 10;

  private static final Logger log = LoggerFactory.getLogger(KubernetesDispatcher.class);

  private final KubernetesRuns runs;
  private final JobManifests manifests;
  private final ClusterJobs cluster;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration pollInterval;

  KubernetesDispatcher(
      KubernetesRuns runs,
      JobManifests manifests,
      ClusterJobs cluster,
      ObjectMapper json,
      Clock clock,
      Duration pollInterval) {
    this.runs = runs;
    this.manifests = manifests;
    this.cluster = cluster;
    this.json = json;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    TrainingJobSpec spec = read(job);
    PreparedRun run = runs.prepare(job, spec);
    Files.createDirectories(run.home());
    Files.createDirectories(run.tmp());
    JobManifests.Manifests objects =
        manifests.of(job, spec.trainer(), run, Files.readString(run.specFile()), clock.instant());
    String name = JobManifests.name(job);
    Instant submitted = clock.instant();
    cluster.deleteEarlierAttempts(job);
    cluster.submit(job, objects);
    log.info(
        "job {} attempt {} runs as Kubernetes Job {}/{} ({})",
        job.id(),
        job.attempt(),
        cluster.namespace(),
        name,
        spec.trainer().kubernetes().image());
    JobObservation end;
    try {
      end = await(job, name, submitted, context);
    } catch (Exception | Error e) {
      abandon(name, e);
      throw e;
    }
    if (end instanceof JobObservation.Failed failed) {
      if (failed.finished()) {
        cluster.deleteSpec(name);
      } else {
        cluster.delete(name);
      }
      throw new TrainerJobFailedException(failed.reason());
    }
    double wallSeconds = ((JobObservation.Succeeded) end).wallSeconds();
    try {
      runs.ingest(job, spec, run, wallSeconds);
    } finally {
      cluster.deleteSpec(name);
    }
  }

  /** Polls until the Job ends; throws what {@link JobContext#checkLease()} throws. */
  private JobObservation await(ClaimedJob job, String name, Instant submitted, JobContext context)
      throws InterruptedException {
    int failures = 0;
    while (true) {
      context.checkLease();
      try {
        var current = cluster.job(name);
        if (current == null) {
          throw new TrainerJobFailedException("Kubernetes Job " + name + " was deleted");
        }
        JobObservation seen =
            JobObservation.of(current, cluster.pods(job), submitted, clock.instant());
        if (!(seen instanceof JobObservation.Going going)) {
          return seen;
        }
        if (going.pod() != null) {
          OptionalDouble progress = ProgressLines.latest(cluster.logTail(going.pod()));
          progress.ifPresent(context::progress);
        }
        failures = 0;
      } catch (KubernetesClientException e) {
        // A passing API error must not end hours of training; a lasting one must end the attempt.
        if (++failures >= MAX_API_FAILURES) {
          throw e;
        }
        log.warn("cannot read Kubernetes Job {} ({}); trying again", name, e.getMessage());
      }
      Thread.sleep(pollInterval.toMillis());
    }
  }

  private void abandon(String name, Throwable cause) {
    try {
      cluster.delete(name);
      log.info("deleted Kubernetes Job {}: its attempt ended ({})", name, cause.toString());
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private TrainingJobSpec read(ClaimedJob job) {
    TrainingJobSpec spec;
    try {
      spec = json.readValue(job.payloadJson(), TrainingJobSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "unreadable training payload: " + e.getOriginalMessage(), e);
    }
    TrainerRef trainer = spec.trainer();
    if (trainer == null || !trainer.runsOnKubernetes()) {
      throw new IllegalArgumentException(
          "a " + KIND + " job must name a trainer registered with a Kubernetes image");
    }
    return spec;
  }
}
