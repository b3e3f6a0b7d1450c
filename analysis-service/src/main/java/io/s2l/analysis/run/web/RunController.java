package io.s2l.analysis.run.web;

import io.s2l.access.web.PageView;
import io.s2l.analysis.run.RunReader;
import io.s2l.api.run.RunView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "runs", description = "Trained models of a study and their compute accounting")
class RunController {

  private final RunReader runs;

  RunController(RunReader runs) {
    this.runs = runs;
  }

  @GetMapping("/api/v1/studies/{id}/runs")
  @Operation(
      summary = "A study's finished runs: params, tokens, FLOPs, wall time, tokens/s",
      description = "By size, distribution and seed; page from 0, size 1 to 100 (50 by default).")
  PageView<RunView> runs(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    PageView.check(page, size);
    return runs.runs(id, page, size);
  }
}
