package io.s2l.experiment.dataset.web;

import io.s2l.access.web.BadInputException;
import io.s2l.access.web.Callers;
import io.s2l.access.web.PageView;
import io.s2l.api.dataset.DatasetView;
import io.s2l.corpus.upload.DatasetKind;
import io.s2l.experiment.dataset.Datasets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "datasets", description = "Corpora and evaluation sets users bring")
class DatasetController {

  private final Datasets datasets;

  DatasetController(Datasets datasets) {
    this.datasets = datasets;
  }

  @PostMapping("/api/v1/datasets")
  @Operation(
      summary = "Upload a corpus or an evaluation set (JSON lines)",
      description =
          "?kind=corpus: lines {\"domain\", \"text\", \"id\"?}; studies name it by id as their"
              + " dataset, and every tenth document of a domain is held out as heldout/<domain>."
              + " ?kind=evalset: lines {\"id\", \"prompt\", \"answer\"} (loss on the answer) or"
              + " {\"id\", \"prompt\", \"choices\", \"label\"} (multiple choice); studies list it"
              + " in evalSets as upload/<id>. Streamed and checked line by line; 400 problem+json"
              + " naming each bad line and the reason (nothing kept); 413 problem+json naming the"
              + " limit and its property at the first byte, line or record past a limit; 429"
              + " problem+json naming maxStorageBytes when the file would take the key past its"
              + " storage budget (before reading with a Content-Length, else at the first byte"
              + " past it; nothing kept). A corpus is indexed as it is checked: studies read the"
              + " index, not the file.")
  @ApiResponse(responseCode = "201", description = "Created: the dataset, checked and kept")
  @ApiResponse(
      responseCode = "429",
      description = "The upload would take the key past its storage budget (maxStorageBytes)")
  @ApiResponse(
      responseCode = "413",
      description =
          "The upload exceeds s2l.experiment.max-dataset-size, one of its lines"
              + " s2l.experiment.max-dataset-line-size, or its records"
              + " s2l.experiment.max-dataset-records; nothing is kept")
  ResponseEntity<DatasetView> upload(
      InputStream body,
      HttpServletRequest request,
      @RequestParam String kind,
      @RequestParam(required = false) String name) {
    DatasetKind parsed =
        switch (kind) {
          case "corpus" -> DatasetKind.CORPUS;
          case "evalset" -> DatasetKind.EVALSET;
          default -> throw new BadInputException("kind must be corpus or evalset");
        };
    DatasetView view =
        datasets.upload(body, request.getContentLengthLong(), parsed, name, Callers.current());
    return ResponseEntity.created(URI.create("/api/v1/datasets/" + view.id())).body(view);
  }

  @GetMapping("/api/v1/datasets")
  @Operation(
      summary = "Uploaded datasets, newest first, a page at a time (size 1 to 100)",
      description = "The caller's owner's uploads; every upload for an admin key.")
  PageView<DatasetView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    PageView.check(page, size);
    return new PageView<>(
        datasets.list(size, PageView.offset(page, size), Callers.current()),
        page,
        size,
        datasets.count(Callers.current()));
  }

  @GetMapping("/api/v1/datasets/{id}")
  @Operation(
      summary = "An uploaded dataset",
      description = "404 unless the caller's owner uploaded it; an admin key sees every upload.")
  DatasetView get(@PathVariable UUID id) {
    return datasets
        .find(id, Callers.current())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dataset " + id));
  }
}
