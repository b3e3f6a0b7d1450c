package io.s2l.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * With {@code s2l.parent-pid} set (the launcher sets {@code S2L_PARENT_PID} for every service and
 * worker it starts), the service shuts down gracefully when that process has exited, as on SIGTERM:
 * workers hand their running jobs back, services finish their requests. If the graceful shutdown
 * has not ended after {@code s2l.parent-watch.grace} (10 s), the JVM halts.
 */
@AutoConfiguration
@ConditionalOnProperty("s2l.parent-pid")
public class ParentWatchAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ParentWatchAutoConfiguration.class);

  @Bean(destroyMethod = "close")
  ParentWatch parentWatch(
      @Value("${s2l.parent-pid}") long pid,
      @Value("${s2l.parent-watch.period:1s}") Duration period,
      @Value("${s2l.parent-watch.grace:10s}") Duration grace,
      ConfigurableApplicationContext context) {
    return ParentWatch.start(
        pid,
        period,
        () -> {
          log.warn("the process that started this one (pid {}) has exited: shutting down", pid);
          Thread halt =
              new Thread(
                  () -> {
                    try {
                      Thread.sleep(grace.toMillis());
                    } catch (InterruptedException e) {
                      return;
                    }
                    Runtime.getRuntime().halt(1);
                  },
                  "s2l-parent-watch-halt");
          halt.setDaemon(true);
          halt.start();
          new Thread(
                  () -> System.exit(SpringApplication.exit(context, () -> 0)),
                  "s2l-parent-watch-exit")
              .start();
        });
  }
}
