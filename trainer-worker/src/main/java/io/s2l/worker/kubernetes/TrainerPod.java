package io.s2l.worker.kubernetes;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.s2l.study.TrainerRef;
import io.s2l.worker.config.WorkerProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trainer's pod: one container running the trainer's command in the run directory, with the
 * environment of docs/trainer-contract.md section 1 and nothing of the worker's. The artifact store
 * is mounted read-only at the worker's own path (datasets, evaluation sets, the previous attempt's
 * checkpoints) and the run directory read-write over it, so that the run directory is the only
 * place the trainer can write, as the contract promises for containers.
 */
final class TrainerPod {

  static final String CONTAINER = "trainer";
  static final String GPU = "nvidia.com/gpu";
  private static final String ARTIFACTS = "artifacts";
  private static final String SPEC = "spec";

  private final Path artifacts;
  private final WorkerProperties.Kubernetes settings;

  TrainerPod(Path artifacts, WorkerProperties.Kubernetes settings) {
    this.artifacts = artifacts;
    this.settings = settings;
  }

  /**
   * @param specMap the ConfigMap holding the spec, mounted at {@link JobManifests#SPEC_DIRECTORY};
   *     null when the spec is read from the run directory
   */
  PodTemplateSpec template(
      Map<String, String> labels,
      TrainerRef trainer,
      List<String> command,
      String specPath,
      PreparedRun run,
      String specMap) {
    Path runDirectory = run.directory().normalize();
    if (!runDirectory.startsWith(artifacts) || runDirectory.equals(artifacts)) {
      throw new IllegalArgumentException(
          "run directory " + runDirectory + " is not inside the artifact store " + artifacts);
    }
    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder()
            .withName(ARTIFACTS)
            .withNewPersistentVolumeClaim()
            .withClaimName(settings.artifactsClaim())
            .endPersistentVolumeClaim()
            .build());
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(mount(ARTIFACTS, artifacts.toString(), null, true));
    mounts.add(
        mount(
            ARTIFACTS,
            runDirectory.toString(),
            artifacts.relativize(runDirectory).toString(),
            false));
    if (specMap != null) {
      volumes.add(
          new VolumeBuilder()
              .withName(SPEC)
              .withNewConfigMap()
              .withName(specMap)
              .withOptional(false)
              .endConfigMap()
              .build());
      mounts.add(mount(SPEC, JobManifests.SPEC_DIRECTORY, null, true));
    }
    TrainerRef.KubernetesTarget target = trainer.kubernetes();
    ResourceRequirementsBuilder resources = new ResourceRequirementsBuilder();
    if (target.gpus() > 0) {
      resources.addToLimits(GPU, new Quantity(Integer.toString(target.gpus())));
    }
    if (trainer.memoryBytes() > 0) {
      // Request and limit alike: the scheduler places the pod where the memory is, and a trainer
      // that needs more is OOMKilled, which the attempt's failure names.
      Quantity memory = new Quantity(Long.toString(trainer.memoryBytes()));
      resources.addToRequests("memory", memory).addToLimits("memory", memory);
    }
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        // An abandoned attempt's trainer gets SIGTERM, then SIGKILL this long after.
        .withTerminationGracePeriodSeconds(settings.deleteGrace().toSeconds())
        .withServiceAccountName(settings.serviceAccount())
        // The trainer has no business with the Kubernetes API, nor with the namespace's Services.
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(settings.runAsUser())
        .withRunAsGroup(settings.runAsGroup())
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withVolumes(volumes)
        .addNewContainer()
        .withName(CONTAINER)
        .withImage(target.image())
        .withCommand(command)
        .withWorkingDir(runDirectory.toString())
        .withEnv(environment(run, specPath))
        .withVolumeMounts(mounts)
        .withResources(resources.build())
        // A trainer that fails leaves the end of its log (stderr: the traceback) as the container's
        // termination message, which the attempt's failure quotes.
        .withTerminationMessagePolicy("FallbackToLogsOnError")
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .endContainer()
        .endSpec()
        .build();
  }

  /**
   * The contract's clean environment. {@code PATH} stays the image's own (CUDA and conda images set
   * theirs), and the GPU is the one the device plugin gave the pod, so no {@code
   * CUDA_VISIBLE_DEVICES} either.
   */
  private static List<EnvVar> environment(PreparedRun run, String specPath) {
    return List.of(
        new EnvVar("HOME", run.home().toString(), null),
        new EnvVar("TMPDIR", run.tmp().toString(), null),
        new EnvVar("LANG", "C.UTF-8", null),
        new EnvVar("S2L_TRAINER_SPEC", specPath, null));
  }

  private static VolumeMount mount(String volume, String path, String subPath, boolean readOnly) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withSubPath(subPath)
        .withReadOnly(readOnly)
        .build();
  }
}
