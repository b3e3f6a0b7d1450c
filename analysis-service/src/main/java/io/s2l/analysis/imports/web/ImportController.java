package io.s2l.analysis.imports.web;

import io.s2l.access.web.Callers;
import io.s2l.analysis.imports.ImportService;
import io.s2l.analysis.recommendation.RecommendationChoice;
import io.s2l.api.imports.ImportReceipt;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "imports", description = "Bring results trained elsewhere and get the same analysis")
class ImportController {

  private final ImportService imports;

  ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(
      path = "/api/v1/imports",
      consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Import per-example losses trained elsewhere",
      description =
          "text/csv with the header scale,params,tokens,distribution,seed,evalSet,exampleId,loss"
              + " (optional correct,chance), or JSON {\"referenceScale\", \"rows\": [{...}]}. The"
              + " reference scale comes from ?reference= or the JSON field; ?metric=, ?threshold="
              + " and ?minDistributions= choose the recommendation as a re-run does (checked"
              + " before the upload is read). Every row is checked"
              + " while the upload streams, completeness by counting; a refused import (400"
              + " problem+json naming the row, the column and the reason) stores nothing. The key's"
              + " storage budget (maxStorageBytes) is charged the bytes of the uploaded table: 429"
              + " problem+json naming maxStorageBytes when the table would take the key past it"
              + " (before reading with a Content-Length, else at the first byte past it; nothing"
              + " stored). 202: stored as a study whose analysis is"
              + " queued; the result appears at /api/v1/studies/{id}/scale-correlation. Each"
              + " ?callback= URL (repeatable, at most 4) is told the import's status changes"
              + " (QUEUED, ANALYZING, COMPLETED, FAILED) as signed events, the same rules as a"
              + " study's callbacks applying (s2l.analysis.callbacks.*; the key needs a callback"
              + " secret); its deliveries are at /api/v1/studies/{id}/deliveries on the experiment"
              + " service.")
  @ApiResponse(responseCode = "202", description = "Accepted: stored, its analysis queued")
  @ApiResponse(
      responseCode = "413",
      description =
          "The upload exceeds s2l.analysis.max-import-size, or names more distinct scales,"
              + " distributions, seeds, evaluation sets or examples than s2l.analysis.max-import-*"
              + " allow (checked as it streams; the problem names the field, limit and property)")
  @ApiResponse(
      responseCode = "429",
      description =
          "The key's quota would be exceeded (checked before the upload is read), or the table"
              + " would take the key past its storage budget (maxStorageBytes: before reading with a"
              + " Content-Length, else at the first byte past it)")
  ResponseEntity<ImportReceipt> upload(
      InputStream body,
      HttpServletRequest request,
      @RequestHeader("Content-Type") String contentType,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String metric,
      @RequestParam(required = false) Double threshold,
      @RequestParam(required = false) Integer minDistributions,
      @RequestParam(name = "callback", required = false) List<String> callbacks) {
    RecommendationChoice choice = new RecommendationChoice(metric, threshold, minDistributions);
    boolean csv =
        MediaType.parseMediaType(contentType)
            .isCompatibleWith(MediaType.parseMediaType("text/csv"));
    ImportReceipt receipt =
        imports.importTable(
            body,
            request.getContentLengthLong(),
            csv,
            reference,
            name,
            choice,
            callbacks == null ? List.of() : callbacks,
            Callers.current());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/studies/" + receipt.id() + "/scale-correlation"))
        .body(receipt);
  }
}
