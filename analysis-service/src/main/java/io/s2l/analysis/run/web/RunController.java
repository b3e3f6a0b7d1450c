package io.s2l.analysis.run.web;

import io.s2l.analysis.run.RunReader;
import io.s2l.analysis.run.RunView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "runs", description = "Trained models of a study and their compute accounting")
class RunController {

  private final RunReader runs;

  RunController(RunReader runs) {
    this.runs = runs;
  }

  @GetMapping("/api/v1/studies/{id}/runs")
  @Operation(summary = "Every finished run of a study: params, tokens, FLOPs, wall time, tokens/s")
  List<RunView> runs(@PathVariable UUID id) {
    return runs.runs(id);
  }
}
