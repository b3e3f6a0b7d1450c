package io.s2l.worker.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.s2l.queue.ClaimedJob;
import io.s2l.study.TrainerRef;
import io.s2l.worker.config.WorkerProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of one attempt (pure: no cluster is asked): a {@code batch/v1} Job whose
 * one pod runs the trainer as docs/trainer-contract.md section 1 says, and a ConfigMap holding its
 * {@code spec.json}. Both are named {@code s2l-<job id>-<attempt>}, a DNS label unique per attempt.
 * The Job never retries ({@code backoffLimit: 0}): retries are the queue's, each a new attempt.
 */
public final class JobManifests {

  /** Where the pod finds the spec from the ConfigMap. */
  static final String SPEC_DIRECTORY = "/var/run/s2l-trainer";

  static final String SPEC_KEY = "spec.json";

  /**
   * A ConfigMap holds at most 1 MiB; a larger spec (a subset of very many ids) is read from the run
   * directory instead.
   */
  static final int MAX_SPEC_BYTES = 900 * 1024;

  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String STUDY = "s2l.io/study";
  static final String JOB = "s2l.io/job";
  static final String ATTEMPT = "s2l.io/attempt";
  static final String TRAINER = "s2l.io/trainer";
  static final String KUEUE_QUEUE = "kueue.x-k8s.io/queue-name";

  /**
   * The objects of one attempt.
   *
   * @param job the Job
   * @param spec the ConfigMap holding the spec; null when the spec is too large for one
   */
  public record Manifests(Job job, ConfigMap spec) {}

  private final String namespace;
  private final WorkerProperties.Kubernetes settings;
  private final TrainerPod pods;

  /**
   * @param namespace where the objects go
   * @param artifacts the artifact store's absolute path, in this worker and in the pod alike
   */
  public JobManifests(String namespace, Path artifacts, WorkerProperties.Kubernetes settings) {
    if (!artifacts.isAbsolute()) {
      throw new IllegalArgumentException(
          "s2l.worker.artifacts must be an absolute path to be mounted in a pod, not " + artifacts);
    }
    this.namespace = namespace;
    this.settings = settings;
    this.pods = new TrainerPod(artifacts.normalize(), settings);
  }

  /** {@code s2l-<job id>-<attempt>}: at most 34 characters of digits and dashes. */
  public static String name(ClaimedJob job) {
    return "s2l-" + job.id() + "-" + job.attempt();
  }

  /** The labels of every object of {@code job}'s attempt, the pod's included. */
  static Map<String, String> labels(ClaimedJob job, TrainerRef trainer) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, "s2l");
    labels.put(STUDY, String.valueOf(job.studyId()));
    labels.put(JOB, Long.toString(job.id()));
    labels.put(ATTEMPT, Integer.toString(job.attempt()));
    labels.put(TRAINER, labelValue(trainer.name()));
    return labels;
  }

  /**
   * The attempt's Job and spec ConfigMap.
   *
   * @param specJson the content of {@code run.specFile()}
   * @param now when the Job is made; its {@code activeDeadlineSeconds} runs to {@code
   *     run.deadline()}
   */
  public Manifests of(
      ClaimedJob job, TrainerRef trainer, PreparedRun run, String specJson, Instant now) {
    TrainerRef.KubernetesTarget target = trainer.kubernetes();
    if (target == null) {
      throw new IllegalArgumentException("trainer '" + trainer.name() + "' has no image");
    }
    if (trainer.command() == null || trainer.command().isEmpty()) {
      throw new IllegalArgumentException("trainer '" + trainer.name() + "' has no command");
    }
    Map<String, String> labels = labels(job, trainer);
    boolean specInMap = specJson.getBytes(StandardCharsets.UTF_8).length <= MAX_SPEC_BYTES;
    String specPath =
        specInMap ? SPEC_DIRECTORY + "/" + SPEC_KEY : run.specFile().toAbsolutePath().toString();
    ConfigMap spec =
        specInMap
            ? new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name(job))
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withImmutable(true)
                .addToData(SPEC_KEY, specJson)
                .build()
            : null;
    List<String> command = new ArrayList<>(trainer.command());
    command.add(specPath);
    Map<String, String> jobLabels = new LinkedHashMap<>(labels);
    boolean kueue = target.queueName() != null && !target.queueName().isBlank();
    if (kueue) {
      jobLabels.put(KUEUE_QUEUE, target.queueName());
    }
    Job manifest =
        new JobBuilder()
            .withNewMetadata()
            .withName(name(job))
            .withNamespace(namespace)
            .withLabels(jobLabels)
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(0)
            .withCompletions(1)
            .withParallelism(1)
            .withActiveDeadlineSeconds(deadlineSeconds(now, run.deadline()))
            .withTtlSecondsAfterFinished((int) settings.ttlAfterFinished().toSeconds())
            // Kueue admits a suspended Job by unsuspending it; without Kueue it starts at once.
            .withSuspend(kueue)
            .withTemplate(
                pods.template(
                    labels,
                    trainer,
                    command,
                    specPath,
                    run,
                    spec == null ? null : spec.getMetadata().getName()))
            .endSpec()
            .build();
    return new Manifests(manifest, spec);
  }

  /**
   * {@code spec} owned by {@code created}, the Job as the cluster returned it (with its uid), so
   * that Kubernetes deletes the ConfigMap with the Job (after its TTL, or when it is deleted).
   */
  public static ConfigMap ownedBy(ConfigMap spec, Job created) {
    return new ConfigMapBuilder(spec)
        .editMetadata()
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("batch/v1")
                .withKind("Job")
                .withName(created.getMetadata().getName())
                .withUid(created.getMetadata().getUid())
                .build())
        .endMetadata()
        .build();
  }

  private static long deadlineSeconds(Instant now, Instant deadline) {
    Duration left = Duration.between(now, deadline);
    long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  /** A label value: at most 63 of {@code [A-Za-z0-9._-]}, alphanumeric at both ends. */
  private static String labelValue(String text) {
    String value = text == null ? "" : text.replaceAll("[^A-Za-z0-9._-]", "_");
    if (value.length() > 63) {
      value = value.substring(0, 63);
    }
    return value.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }
}
