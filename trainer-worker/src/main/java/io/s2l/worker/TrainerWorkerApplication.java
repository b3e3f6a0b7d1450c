package io.s2l.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A worker process: claims training jobs one at a time, trains, evaluates, stores. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainerWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(TrainerWorkerApplication.class, args);
  }
}
