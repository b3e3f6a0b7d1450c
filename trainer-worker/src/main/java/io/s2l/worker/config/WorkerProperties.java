package io.s2l.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a trainer worker ({@code s2l.worker.*}); how it holds its jobs (lease, job timeout,
 * polling) are the queue's settings, {@code s2l.queue.*}.
 *
 * @param threads PyTorch intra-op threads
 * @param evalBatch sequences per evaluation batch
 * @param artifacts the artifact store: checkpoints of running jobs, parameters of trained models
 * @param checkpointEvery optimiser steps between checkpoints
 * @param memory memory one job may use, advertised to the queue; null: the machine's (or
 *     container's) physical memory
 * @param localDir a directory of this machine, never shared with other machines (unlike the
 *     artifact store): the process ids of running external trainers, so that the next worker
 *     started here can kill what a killed worker left running
 * @param kubernetes running external trainers as Kubernetes Jobs; off by default
 * @param trainerProcess running external trainers as child processes of this worker
 * @param featurizeMemory native memory a language model's featurisation may give the activations of
 *     one forward and backward pass ({@code LmGradients.chunkSize}; 256 MB by default, at least 1
 *     MB): examples are batched to fit it, whatever the pool's size. The featurizer projects four
 *     such batches at a time, adding {@code 4 x batch x p} floats for their gradients
 */
@ConfigurationProperties("s2l.worker")
public record WorkerProperties(
    int threads,
    int evalBatch,
    Path artifacts,
    long checkpointEvery,
    DataSize memory,
    Path localDir,
    @DefaultValue Kubernetes kubernetes,
    @DefaultValue TrainerProcessSettings trainerProcess,
    @DefaultValue("256MB") DataSize featurizeMemory) {

  /** Refuses a featurisation memory budget below 1 MB. */
  public WorkerProperties {
    if (featurizeMemory != null && featurizeMemory.toBytes() < DataSize.ofMegabytes(1).toBytes()) {
      throw new IllegalArgumentException("s2l.worker.featurize-memory must be at least 1MB");
    }
    if (featurizeMemory == null) {
      featurizeMemory = DataSize.ofMegabytes(256);
    }
  }

  /**
   * How the worker runs external trainers as child processes ({@code s2l.worker.trainer-process.*};
   * docs/trainer-contract.md sections 1 and 5).
   *
   * @param ownProcessGroup on Linux, start the trainer through {@code setsid} and {@code setpriv
   *     --pdeathsig KILL} when both exist: its own process group (so its whole tree can be
   *     signalled) and SIGKILL when the worker dies. False starts the command as it is; then only
   *     the trainer's descendants are killed on cancel, and nothing kills it when the worker dies.
   * @param grace how long SIGTERM has to end the trainer's tree before SIGKILL
   * @param poll how often the worker checks the trainer's exit, silence, deadline and the lease
   * @param cudaVisibleDevices passed to the trainer as {@code CUDA_VISIBLE_DEVICES} (the GPU this
   *     worker owns); null or empty passes nothing
   */
  public record TrainerProcessSettings(
      @DefaultValue("true") boolean ownProcessGroup,
      @DefaultValue("10s") Duration grace,
      @DefaultValue("1s") Duration poll,
      String cudaVisibleDevices) {}

  /**
   * The Kubernetes dispatcher ({@code s2l.worker.kubernetes.*}): when enabled, this worker also
   * claims {@code train-kubernetes} jobs (those of trainers registered with an image) and runs each
   * as a {@code batch/v1} Job, waiting for it while holding the queue's lease. Usually a Deployment
   * of its own does only this ({@code s2l.queue.kinds=train-kubernetes}). The artifact store must
   * be a volume the trainer pods can mount too: the pods mount it at this worker's own {@code
   * s2l.worker.artifacts} path, so every path of the trainer's spec is valid inside the pod.
   *
   * @param enabled whether to claim and dispatch {@code train-kubernetes} jobs
   * @param namespace where the Jobs are made (a DNS label); empty: the client's namespace (in a
   *     pod, the pod's own)
   * @param serviceAccount service account of the trainer pods; empty: the namespace's default. The
   *     pods get no API token either way
   * @param artifactsClaim PersistentVolumeClaim holding the artifact store (ReadWriteMany when pods
   *     run on several nodes)
   * @param runAsUser user id of the trainer pods: the worker's own (10001 in its image), so that
   *     each can read what the other wrote in the run directory
   * @param runAsGroup group id of the trainer pods, likewise
   * @param ttlAfterFinished how long a finished Job (and its pod and log) stays for inspection
   *     before Kubernetes deletes it; 0 to 30 days
   * @param pollInterval how often the Job, its pod and the pod's last progress line are read; 100
   *     ms to 5 minutes
   * @param deleteGrace grace period of the trainer pod when an attempt is abandoned (SIGTERM, then
   *     SIGKILL after it); 0 to 10 minutes
   */
  public record Kubernetes(
      @DefaultValue("false") boolean enabled,
      String namespace,
      String serviceAccount,
      @DefaultValue("s2l-artifacts") String artifactsClaim,
      @DefaultValue("10001") long runAsUser,
      @DefaultValue("10001") long runAsGroup,
      @DefaultValue("1h") Duration ttlAfterFinished,
      @DefaultValue("10s") Duration pollInterval,
      @DefaultValue("10s") Duration deleteGrace) {

    private static final String PREFIX = "s2l.worker.kubernetes.";
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    private static final String DNS_SUBDOMAIN =
        DNS_LABEL + "(\\." + DNS_LABEL + ")*"; // and at most 253 characters

    /** Refuses, naming the property, settings a Job could not be made with. */
    public Kubernetes {
      namespace = blankToNull(namespace);
      serviceAccount = blankToNull(serviceAccount);
      if (enabled) {
        require(namespace == null || namespace.matches(DNS_LABEL), "namespace", "a DNS label");
        require(
            serviceAccount == null
                || (serviceAccount.length() <= 253 && serviceAccount.matches(DNS_SUBDOMAIN)),
            "service-account",
            "a DNS subdomain name");
        require(
            artifactsClaim != null
                && artifactsClaim.length() <= 253
                && artifactsClaim.matches(DNS_SUBDOMAIN),
            "artifacts-claim",
            "a DNS subdomain name");
        require(runAsUser >= 1 && runAsUser <= Integer.MAX_VALUE, "run-as-user", "1 to 2^31-1");
        require(runAsGroup >= 1 && runAsGroup <= Integer.MAX_VALUE, "run-as-group", "1 to 2^31-1");
        require(
            within(ttlAfterFinished, Duration.ZERO, Duration.ofDays(30)),
            "ttl-after-finished",
            "0 to 30 days");
        require(
            within(pollInterval, Duration.ofMillis(100), Duration.ofMinutes(5)),
            "poll-interval",
            "100ms to 5 minutes");
        require(
            within(deleteGrace, Duration.ZERO, Duration.ofMinutes(10)),
            "delete-grace",
            "0 to 10 minutes");
      }
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean within(Duration value, Duration min, Duration max) {
      return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String property, String bounds) {
      if (!ok) {
        throw new IllegalArgumentException(PREFIX + property + " must be " + bounds);
      }
    }
  }
}
