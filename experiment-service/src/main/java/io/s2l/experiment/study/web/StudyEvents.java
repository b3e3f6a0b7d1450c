package io.s2l.experiment.study.web;

import io.s2l.access.web.Callers;
import io.s2l.experiment.study.StudyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a study's progress: a {@code progress} event with the study view when it
 * changes (checked every second), and the stream ends after the study reaches a terminal status.
 */
@RestController
class StudyEvents {

  private final StudyService service;
  private final StudyWatches watches;

  StudyEvents(StudyService service, StudyWatches watches) {
    this.service = service;
    this.watches = watches;
  }

  @GetMapping(path = "/api/v1/studies/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Server-sent progress events of a study until it finishes",
      description =
          "The stream also ends when the key that opened it is revoked, after"
              + " s2l.experiment.streams.timeout (6 h), or when the client goes away (a comment"
              + " line every s2l.experiment.streams.heartbeat, 2 s, finds out). A key may hold"
              + " s2l.experiment.streams.max-per-key (4) streams open, the service"
              + " s2l.experiment.streams.max (256).")
  @ApiResponse(responseCode = "200", description = "The progress events, until the stream ends")
  @ApiResponse(
      responseCode = "429",
      description = "The key or the service already holds its most open streams")
  SseEmitter events(@PathVariable UUID id) {
    service.get(id); // 404 before the stream opens
    return watches.open(id, Callers.current().id());
  }
}
