package io.s2l.experiment.job.web;

import io.s2l.queue.DeadLetter;
import io.s2l.queue.JobQueue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "jobs", description = "The job queue seen from outside")
class DeadLetterController {

  static final int MAX_SIZE = 100;

  private final JobQueue queue;

  DeadLetterController(JobQueue queue) {
    this.queue = queue;
  }

  /** One page of dead letters. */
  record Page(List<DeadLetter> items, int page, int size, long total) {}

  @GetMapping("/api/v1/jobs/dead-letters")
  @Operation(
      summary = "Jobs failed for good, newest first, with their last error",
      description = "page from 0, size 1 to " + MAX_SIZE + " (20 by default).")
  Page deadLetters(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size)
      throws SQLException {
    if (page < 0) {
      throw new IllegalArgumentException("page: must be >= 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size: must be between 1 and " + MAX_SIZE);
    }
    return new Page(
        queue.deadLetters(size, (long) page * size), page, size, queue.deadLetterCount());
  }
}
