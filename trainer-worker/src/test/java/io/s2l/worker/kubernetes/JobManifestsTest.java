package io.s2l.worker.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.s2l.study.TrainerRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobManifestsTest {

  private static final Path ARTIFACTS = Path.of("/var/lib/s2l/artifacts");
  private static final Path RUN = ARTIFACTS.resolve("runs/study/job-7/attempt-2");
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final PreparedRun PREPARED =
      new PreparedRun(
          RUN, RUN.resolve("spec.json"), RUN.resolve("out"), NOW.plus(Duration.ofMinutes(90)));
  private static final String SPEC = "{\"contract\":\"s2l-trainer/1\"}";

  private final JobManifests manifests =
      new JobManifests(Fixtures.NAMESPACE, ARTIFACTS, Fixtures.settings());

  @Test
  void aGpuTrainerGetsItsGpusMemoryDeadlineAndNoRetriesOfItsOwn() {
    var objects =
        manifests.of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(2, null), PREPARED, SPEC, NOW);
    Job job = objects.job();

    assertThat(job.getMetadata().getName()).isEqualTo("s2l-7-2");
    assertThat(job.getMetadata().getNamespace()).isEqualTo("s2l");
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(90 * 60L);
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
    assertThat(job.getSpec().getSuspend()).isFalse();
    assertThat(job.getMetadata().getLabels()).doesNotContainKey(JobManifests.KUEUE_QUEUE);

    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(10L);
    Container trainer = pod.getContainers().get(0);
    assertThat(trainer.getImage()).isEqualTo("s2l/trainer-pytorch:0.1.0");
    assertThat(trainer.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("2"))
        .containsEntry("memory", new Quantity(Long.toString(4L << 30)));
    assertThat(trainer.getResources().getRequests())
        .containsEntry("memory", new Quantity(Long.toString(4L << 30)))
        .doesNotContainKey("nvidia.com/gpu");
  }

  @Test
  void aCpuTrainerAsksForNoGpu() {
    var objects =
        manifests.of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(0, null), PREPARED, SPEC, NOW);

    assertThat(container(objects.job()).getResources().getLimits())
        .doesNotContainKey("nvidia.com/gpu");
  }

  @Test
  void aKueueTrainerIsSuspendedAndLabelledWithItsQueue() {
    Job job =
        manifests
            .of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(1, "gpu-queue"), PREPARED, SPEC, NOW)
            .job();

    assertThat(job.getSpec().getSuspend()).isTrue();
    assertThat(job.getMetadata().getLabels())
        .containsEntry("kueue.x-k8s.io/queue-name", "gpu-queue");
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .doesNotContainKey("kueue.x-k8s.io/queue-name");
  }

  @Test
  void runsTheTrainersCommandOnTheSpecInTheRunDirectoryWithTheContractsEnvironmentOnly() {
    var objects =
        manifests.of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(0, null), PREPARED, SPEC, NOW);
    Container trainer = container(objects.job());
    String spec = "/var/run/s2l-trainer/spec.json";

    assertThat(trainer.getCommand()).containsExactly("python3", "-m", "s2l_trainer", spec);
    assertThat(trainer.getArgs()).isEmpty();
    assertThat(trainer.getWorkingDir()).isEqualTo(RUN.toString());
    Map<String, String> env =
        trainer.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertThat(env)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "HOME",
                RUN + "/home",
                "TMPDIR",
                RUN + "/tmp",
                "LANG",
                "C.UTF-8",
                "S2L_TRAINER_SPEC",
                spec));
    assertThat(trainer.getEnvFrom()).isEmpty();
    assertThat(trainer.getEnv()).allMatch(e -> e.getValueFrom() == null);
    PodSpec pod = objects.job().getSpec().getTemplate().getSpec();
    assertThat(pod.getEnableServiceLinks()).isFalse();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getServiceAccountName()).isEqualTo("s2l-trainer");
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(trainer.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(trainer.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(trainer.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");

    ConfigMap map = objects.spec();
    assertThat(map.getMetadata().getName()).isEqualTo("s2l-7-2");
    assertThat(map.getData()).containsExactly(Map.entry("spec.json", SPEC));
    assertThat(map.getImmutable()).isTrue();
  }

  @Test
  void mountsTheArtifactStoreReadOnlyTheRunDirectoryWritableAndTheSpec() {
    Job job =
        manifests
            .of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(0, null), PREPARED, SPEC, NOW)
            .job();
    PodSpec pod = job.getSpec().getTemplate().getSpec();

    assertThat(pod.getVolumes())
        .anySatisfy(
            v -> {
              assertThat(v.getName()).isEqualTo("artifacts");
              assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("s2l-artifacts");
            })
        .anySatisfy(
            v -> {
              assertThat(v.getName()).isEqualTo("spec");
              assertThat(v.getConfigMap().getName()).isEqualTo("s2l-7-2");
            });
    List<VolumeMount> mounts = pod.getContainers().get(0).getVolumeMounts();
    assertThat(mounts)
        .extracting(
            VolumeMount::getName,
            VolumeMount::getMountPath,
            VolumeMount::getSubPath,
            VolumeMount::getReadOnly)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("artifacts", ARTIFACTS.toString(), null, true),
            org.assertj.core.groups.Tuple.tuple(
                "artifacts", RUN.toString(), "runs/study/job-7/attempt-2", false),
            org.assertj.core.groups.Tuple.tuple("spec", "/var/run/s2l-trainer", null, true));
  }

  @Test
  void labelsEveryObjectWithTheStudyJobAndAttempt() {
    var objects =
        manifests.of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(0, null), PREPARED, SPEC, NOW);
    Map<String, String> expected =
        Map.of(
            "app.kubernetes.io/managed-by", "s2l",
            "s2l.io/study", Fixtures.STUDY.toString(),
            "s2l.io/job", "7",
            "s2l.io/attempt", "2",
            "s2l.io/trainer", "pytorch");

    assertThat(objects.job().getMetadata().getLabels()).containsAllEntriesOf(expected);
    assertThat(objects.job().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(expected);
    assertThat(objects.spec().getMetadata().getLabels()).containsAllEntriesOf(expected);
  }

  @Test
  void namesAreDnsLabelsUniquePerAttempt() {
    String longest = JobManifests.name(Fixtures.job(Long.MAX_VALUE, Integer.MAX_VALUE, "{}"));

    assertThat(longest).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
    assertThat(JobManifests.name(Fixtures.job(7, 1, "{}")))
        .isNotEqualTo(JobManifests.name(Fixtures.job(7, 2, "{}")));
  }

  @Test
  void aSpecTooLargeForAConfigMapIsReadFromTheRunDirectory() {
    String large = "{\"subset\":\"" + "x".repeat(JobManifests.MAX_SPEC_BYTES) + "\"}";
    var objects =
        manifests.of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(0, null), PREPARED, large, NOW);

    assertThat(objects.spec()).isNull();
    Container trainer = container(objects.job());
    assertThat(trainer.getCommand()).last().isEqualTo(RUN + "/spec.json");
    assertThat(trainer.getVolumeMounts()).noneMatch(m -> m.getName().equals("spec"));
    assertThat(objects.job().getSpec().getTemplate().getSpec().getVolumes())
        .noneMatch(v -> v.getName().equals("spec"));
  }

  @Test
  void aDeadlineAlreadyPassedStillGivesKubernetesAPositiveDeadline() {
    PreparedRun late =
        new PreparedRun(RUN, RUN.resolve("spec.json"), RUN.resolve("out"), NOW.minusSeconds(5));

    Job job =
        manifests.of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(0, null), late, SPEC, NOW).job();

    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1L);
  }

  @Test
  void refusesARunDirectoryOutsideTheArtifactStoreAndATrainerWithoutImage() {
    PreparedRun elsewhere =
        new PreparedRun(
            Path.of("/tmp/run"), Path.of("/tmp/run/spec.json"), Path.of("/tmp/run/out"), NOW);
    TrainerRef local =
        new TrainerRef("local", List.of("train"), List.of("lm"), false, 0, 600, null);

    assertThatThrownBy(
            () ->
                manifests.of(
                    Fixtures.job(7, 2, "{}"), Fixtures.trainer(0, null), elsewhere, SPEC, NOW))
        .hasMessageContaining("not inside the artifact store /var/lib/s2l/artifacts");
    assertThatThrownBy(() -> manifests.of(Fixtures.job(7, 2, "{}"), local, PREPARED, SPEC, NOW))
        .hasMessage("trainer 'local' has no image");
    assertThatThrownBy(
            () -> new JobManifests("s2l", Path.of(".s2l/artifacts"), Fixtures.settings()))
        .hasMessageContaining("s2l.worker.artifacts must be an absolute path");
  }

  @Test
  void theSpecMapIsOwnedByTheJobSoKubernetesDeletesThemTogether() {
    var objects =
        manifests.of(Fixtures.job(7, 2, "{}"), Fixtures.trainer(0, null), PREPARED, SPEC, NOW);
    Job created =
        new JobBuilder(objects.job()).editMetadata().withUid("4f1c-uid").endMetadata().build();

    ConfigMap owned = JobManifests.ownedBy(objects.spec(), created);

    assertThat(owned.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("Job");
              assertThat(o.getApiVersion()).isEqualTo("batch/v1");
              assertThat(o.getName()).isEqualTo("s2l-7-2");
              assertThat(o.getUid()).isEqualTo("4f1c-uid");
            });
    assertThat(owned.getData()).isEqualTo(objects.spec().getData());
  }

  private static Container container(Job job) {
    return job.getSpec().getTemplate().getSpec().getContainers().get(0);
  }
}
