package io.s2l.experiment.study.web;

import io.s2l.access.web.BadInputException;
import io.s2l.access.web.Callers;
import io.s2l.access.web.PageView;
import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyDocuments;
import io.s2l.experiment.study.StudyFilter;
import io.s2l.experiment.study.StudySearch;
import io.s2l.experiment.study.StudyService;
import io.s2l.queue.JobCounts;
import io.s2l.study.StudyDefinition;
import io.s2l.study.StudyKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/studies")
@Tag(name = "studies", description = "Submit small-to-large studies and follow their progress")
class StudyController {

  private final StudyService service;
  private final StudyDocuments documents;

  StudyController(StudyService service, StudyDocuments documents) {
    this.service = service;
    this.documents = documents;
  }

  @PostMapping
  @Operation(
      summary = "Submit a study",
      description =
          "Validates the definition, stores it and queues one training job per (scale,"
              + " distribution, seed). 202 with the study and its Location; 400 problem+json"
              + " naming every invalid field.")
  @ApiResponse(responseCode = "202", description = "Accepted: the study, its jobs queued")
  @ApiResponse(
      responseCode = "413",
      description = "The body is larger than s2l.experiment.max-request-size (1 MB)")
  @ApiResponse(
      responseCode = "422",
      description = "The Idempotency-Key was used with another study definition")
  @ApiResponse(responseCode = "429", description = "The key's quota would be exceeded")
  ResponseEntity<StudyView> submit(
      @RequestBody StudyDefinition definition,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    StudyService.Submission submission =
        service.submit(definition, idempotencyKey, Callers.current());
    Study study = submission.study();
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/studies/" + study.id()))
        .eTag(etag(study))
        .header("Idempotent-Replayed", String.valueOf(submission.replayed()))
        .body(view(study, service.owner(study.id()), false));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "A study's status and progress (training jobs done / total)",
      description =
          "With the definition as it was submitted. The ETag is the study's version; give it as"
              + " If-Match when cancelling.")
  ResponseEntity<StudyView> get(@PathVariable UUID id) {
    Study study = service.get(id);
    return ResponseEntity.ok().eTag(etag(study)).body(view(study, service.owner(id), true));
  }

  @PostMapping("/{id}/cancel")
  @Operation(
      summary = "Cancel a study",
      description =
          "Dequeues the study's queued jobs and stops its running ones at their next heartbeat"
              + " (their results are refused); the study becomes CANCELLED. With If-Match, the"
              + " study must still be at that version (412 otherwise). 409 when it already"
              + " finished. 202 with the study.")
  @ApiResponse(responseCode = "202", description = "Accepted: the study, being cancelled")
  @ApiResponse(
      responseCode = "409",
      description =
          "The study has finished, or another request changed it at that moment (repeat it)")
  @ApiResponse(responseCode = "412", description = "The study is no longer at the If-Match version")
  ResponseEntity<StudyView> cancel(
      @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Study study = service.cancel(id, version(ifMatch));
    return ResponseEntity.accepted().eTag(etag(study)).body(view(study, service.owner(id), false));
  }

  private static String etag(Study study) {
    return "\"" + study.version() + "\"";
  }

  /** The version in an If-Match header ({@code "3"} or {@code W/"3"}), or null without one. */
  private static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new BadInputException("If-Match: not an ETag of this API: " + ifMatch);
    }
  }

  @GetMapping
  @Operation(
      summary = "Studies, newest first, a page at a time",
      description =
          "The caller's owner's studies (every study for an admin key); page from 0, size 1 to"
              + " 100 (20 by default). Optional filters, all of which a study must match: status;"
              + " kind (scale-correlation, attribution, selection or mixture); owner (an admin's"
              + " filter: other keys see only their owner's studies); name, a substring compared"
              + " ignoring case (at most 200 characters); submittedAfter (inclusive) and"
              + " submittedBefore (exclusive), ISO-8601 instants. A bad filter is a 400 naming it.")
  PageView<StudyView> list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String submittedAfter,
      @RequestParam(required = false) String submittedBefore) {
    PageView.check(page, size);
    StudyFilter filter =
        StudyListQuery.filter(status, kind, owner, name, submittedAfter, submittedBefore);
    Page<StudySearch.Found> studies =
        service.list(filter, PageRequest.of(page, size), Callers.current());
    return new PageView<>(
        studies.getContent().stream().map(f -> view(f.study(), f.owner(), false)).toList(),
        page,
        size,
        studies.getTotalElements());
  }

  StudyView view(Study study, String owner, boolean withDefinition) {
    StudyDefinition definition = documents.definition(study);
    java.util.Optional<Integer> featuresTotal = service.featuresTotal(study);
    JobCounts counts = service.trainingProgress(study.id());
    StudyView.Progress progress =
        new StudyView.Progress(
            study.jobsTotal(),
            counts.succeeded(),
            counts.running(),
            counts.queued(),
            counts.failed(),
            // studies that queue verification models later count them from the start
            Math.min(1.0, counts.fractionDone() * counts.total() / Math.max(1, study.jobsTotal())),
            featuresTotal.orElse(null),
            featuresTotal.isPresent() ? service.featureProgress(study.id()).succeeded() : null);
    return new StudyView(
        study.id(),
        study.name(),
        study.status(),
        study.referenceScale(),
        progress,
        study.failure(),
        study.createdAt(),
        study.updatedAt(),
        documents.plan(study),
        owner,
        StudyKind.of(definition).label(),
        withDefinition ? definition : null);
  }
}
