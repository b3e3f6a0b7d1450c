package io.s2l.worker.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.s2l.worker.config.WorkerProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kubernetes dispatcher, made only when {@code s2l.worker.kubernetes.enabled} is true. The
 * client configures itself as fabric8 does: in a pod from its service account (the namespace
 * included), elsewhere from {@code ~/.kube/config} or {@code KUBECONFIG}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "s2l.worker.kubernetes", name = "enabled", havingValue = "true")
class KubernetesConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  KubernetesClient kubernetesClient() {
    return new KubernetesClientBuilder().build();
  }

  @Bean
  KubernetesDispatcher kubernetesDispatcher(
      KubernetesClient client,
      KubernetesRuns runs,
      WorkerProperties properties,
      ObjectMapper json,
      Clock clock) {
    WorkerProperties.Kubernetes settings = properties.kubernetes();
    String namespace = settings.namespace() != null ? settings.namespace() : client.getNamespace();
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalStateException(
          "s2l.worker.kubernetes.namespace is empty and the Kubernetes client knows no namespace");
    }
    return new KubernetesDispatcher(
        runs,
        new JobManifests(namespace, properties.artifacts(), settings),
        new ClusterJobs(client, namespace),
        json,
        clock,
        settings.pollInterval());
  }
}
