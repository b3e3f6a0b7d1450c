package io.s2l.worker.kubernetes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.s2l.queue.ClaimedJob;
import java.net.HttpURLConnection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few calls the dispatcher makes to the Kubernetes API, in one namespace: exactly those the
 * dispatcher's Role allows (k8s/dispatcher-rbac.yaml).
 */
final class ClusterJobs {

  private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

  /** Lines of the pod's log read to find its latest progress line. */
  static final int LOG_LINES = 200;

  private final KubernetesClient client;
  private final String namespace;

  ClusterJobs(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  String namespace() {
    return namespace;
  }

  /**
   * Makes the attempt's Job, then its spec ConfigMap owned by the Job. Either that exists already
   * for this attempt (a dispatch repeated after a crash) is kept; one that exists for another
   * purpose under the same name is refused.
   */
  Job submit(ClaimedJob job, JobManifests.Manifests manifests) {
    String name = manifests.job().getMetadata().getName();
    Job created = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
    if (created == null) {
      try {
        created =
            client.batch().v1().jobs().inNamespace(namespace).resource(manifests.job()).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        created = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
      }
    }
    if (created == null || !ours(created.getMetadata().getLabels(), job)) {
      throw new IllegalStateException(
          "a Job named " + name + " exists in " + namespace + " that is not this attempt's");
    }
    if (manifests.spec() != null
        && client.configMaps().inNamespace(namespace).withName(name).get() == null) {
      try {
        client
            .configMaps()
            .inNamespace(namespace)
            .resource(JobManifests.ownedBy(manifests.spec(), created))
            .create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          // without its spec the pod would wait for the ConfigMap until the deadline
          delete(name);
          throw e;
        }
      }
    }
    return created;
  }

  /** The Job of this name, or null when there is none. */
  Job job(String name) {
    return client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
  }

  /** The pods of {@code job}'s attempt. */
  List<Pod> pods(ClaimedJob job) {
    return client
        .pods()
        .inNamespace(namespace)
        .withLabel(JobManifests.JOB, Long.toString(job.id()))
        .withLabel(JobManifests.ATTEMPT, Integer.toString(job.attempt()))
        .list()
        .getItems();
  }

  /** The last lines of the trainer's log; null when it cannot be read (yet). */
  String logTail(Pod pod) {
    try {
      return client
          .pods()
          .inNamespace(namespace)
          .withName(pod.getMetadata().getName())
          .inContainer(TrainerPod.CONTAINER)
          .tailingLines(LOG_LINES)
          .getLog();
    } catch (KubernetesClientException e) {
      log.debug("log of pod {} not readable: {}", pod.getMetadata().getName(), e.getMessage());
      return null;
    }
  }

  /**
   * Deletes the Jobs of {@code job}'s earlier attempts that are still there (their dispatcher died
   * before it could), so that two attempts never train at once.
   */
  void deleteEarlierAttempts(ClaimedJob job) {
    for (Job other :
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace(namespace)
            .withLabel(JobManifests.JOB, Long.toString(job.id()))
            .list()
            .getItems()) {
      String attempt = other.getMetadata().getLabels().get(JobManifests.ATTEMPT);
      if (attempt != null
          && attempt.matches("\\d{1,9}")
          && Integer.parseInt(attempt) < job.attempt()) {
        log.info("deleting Job {} of an earlier attempt", other.getMetadata().getName());
        delete(other.getMetadata().getName());
      }
    }
  }

  /**
   * Deletes the Job (its pod is stopped with the pod's grace period) and its spec ConfigMap. A Job
   * that is already gone is no error.
   */
  void delete(String name) {
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(namespace)
        .withName(name)
        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
        .delete();
    deleteSpec(name);
  }

  /** Deletes the attempt's spec ConfigMap; the finished Job stays until its TTL, for inspection. */
  void deleteSpec(String name) {
    client.configMaps().inNamespace(namespace).withName(name).delete();
  }

  private static boolean ours(java.util.Map<String, String> labels, ClaimedJob job) {
    return labels != null
        && Long.toString(job.id()).equals(labels.get(JobManifests.JOB))
        && Integer.toString(job.attempt()).equals(labels.get(JobManifests.ATTEMPT));
  }
}
