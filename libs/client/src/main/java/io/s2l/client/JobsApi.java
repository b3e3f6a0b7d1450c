package io.s2l.client;

import io.s2l.api.Page;
import io.s2l.api.job.DeadLetter;
import java.util.stream.Stream;

/** The job queue's dead letters (admin keys only). */
public final class JobsApi {

  private final Transport http;
  private final String base;

  JobsApi(Transport http, String experimentUrl) {
    this.http = http;
    this.base = experimentUrl + "/api/v1/jobs/dead-letters";
  }

  public Page<DeadLetter> deadLetters(int page, int size) {
    return http.page(base + Transport.query("page", page, "size", size), DeadLetter.class);
  }

  /** Every dead letter, newest first. */
  public Stream<DeadLetter> deadLetters() {
    return Pages.all(p -> deadLetters(p, Pages.SIZE));
  }
}
