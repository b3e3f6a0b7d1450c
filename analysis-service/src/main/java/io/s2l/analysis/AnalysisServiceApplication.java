package io.s2l.analysis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Computes scale correlation for studies whose models are trained, and serves it. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class AnalysisServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnalysisServiceApplication.class, args);
  }
}
