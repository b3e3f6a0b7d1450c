package io.s2l.worker.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.s2l.worker.config.WorkerProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The dispatcher exists only when enabled, with settings bound and checked at start-up. */
@EnableKubernetesMockClient(crud = true)
class KubernetesConfigurationTest {

  KubernetesClient client;

  @TempDir Path artifacts;

  private ApplicationContextRunner context() {
    return new ApplicationContextRunner()
        .withUserConfiguration(Properties.class, KubernetesConfiguration.class)
        .withBean(KubernetesClient.class, () -> client)
        .withBean(KubernetesRuns.class, () -> new TestRuns(artifacts, Clock.systemUTC()))
        .withBean(ObjectMapper.class, ObjectMapper::new)
        .withBean(Clock.class, Clock::systemUTC)
        .withPropertyValues("s2l.worker.artifacts=" + artifacts);
  }

  @Test
  void isOffByDefault() {
    context()
        .run(
            app -> {
              assertThat(app).doesNotHaveBean(KubernetesDispatcher.class);
              WorkerProperties.Kubernetes settings =
                  app.getBean(WorkerProperties.class).kubernetes();
              assertThat(settings.enabled()).isFalse();
              assertThat(settings.artifactsClaim()).isEqualTo("s2l-artifacts");
              assertThat(settings.pollInterval()).hasSeconds(10);
            });
  }

  @Test
  void theShippedApplicationYmlLeavesItOffWithItsDocumentedDefaults() {
    new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withUserConfiguration(Properties.class, KubernetesConfiguration.class)
        .run(
            app -> {
              assertThat(app).hasNotFailed().doesNotHaveBean(KubernetesDispatcher.class);
              WorkerProperties.Kubernetes settings =
                  app.getBean(WorkerProperties.class).kubernetes();
              assertThat(settings)
                  .isEqualTo(
                      new WorkerProperties.Kubernetes(
                          false,
                          null,
                          null,
                          "s2l-artifacts",
                          10001,
                          10001,
                          Duration.ofHours(1),
                          Duration.ofSeconds(10),
                          Duration.ofSeconds(10)));
              assertThat(app.getEnvironment().getProperty("s2l.queue.kinds")).isEmpty();
            });
  }

  @Test
  void whenEnabledHandlesTrainKubernetesJobs() {
    context()
        .withPropertyValues("s2l.worker.kubernetes.enabled=true")
        .run(
            app -> {
              assertThat(app).hasSingleBean(KubernetesDispatcher.class);
              assertThat(app.getBean(KubernetesDispatcher.class).kind())
                  .isEqualTo("train-kubernetes");
            });
  }

  @Test
  void refusesToStartWithSettingsOutOfBoundsNamingTheProperty() {
    context()
        .withPropertyValues(
            "s2l.worker.kubernetes.enabled=true", "s2l.worker.kubernetes.poll-interval=10ms")
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessage("s2l.worker.kubernetes.poll-interval must be 100ms to 5 minutes"));
    context()
        .withPropertyValues(
            "s2l.worker.kubernetes.enabled=true", "s2l.worker.kubernetes.namespace=Not_A_Label")
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessage("s2l.worker.kubernetes.namespace must be a DNS label"));
  }

  @Test
  void refusesARelativeArtifactStoreWhenEnabled() {
    context()
        .withPropertyValues(
            "s2l.worker.kubernetes.enabled=true", "s2l.worker.artifacts=.s2l/artifacts")
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith("s2l.worker.artifacts must be an absolute path"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(WorkerProperties.class)
  static class Properties {}
}
