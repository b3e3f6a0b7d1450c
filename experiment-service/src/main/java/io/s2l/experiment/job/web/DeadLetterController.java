package io.s2l.experiment.job.web;

import io.s2l.access.web.PageView;
import io.s2l.api.job.DeadLetter;
import io.s2l.queue.JobQueue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "jobs", description = "The job queue seen from outside")
class DeadLetterController {

  private final JobQueue queue;

  DeadLetterController(JobQueue queue) {
    this.queue = queue;
  }

  @GetMapping("/api/v1/jobs/dead-letters")
  @Operation(
      summary = "Jobs failed for good, newest first, with their last error",
      description = "page from 0, size 1 to " + PageView.MAX_SIZE + " (20 by default).")
  PageView<DeadLetter> deadLetters(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size)
      throws SQLException {
    PageView.check(page, size);
    return new PageView<>(
        queue.deadLetters(size, PageView.offset(page, size)).stream()
            .map(DeadLetterController::view)
            .toList(),
        page,
        size,
        queue.deadLetterCount());
  }

  /** The queue's record of a dead letter, as the API shows it. */
  private static DeadLetter view(io.s2l.queue.DeadLetter letter) {
    return new DeadLetter(
        letter.id(),
        letter.studyId(),
        letter.kind(),
        letter.key(),
        letter.attempt(),
        letter.lastError(),
        letter.failedAt());
  }
}
