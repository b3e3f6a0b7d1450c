package io.s2l.experiment.trainer.web;

import io.s2l.access.web.PageView;
import io.s2l.api.trainer.TrainerView;
import io.s2l.experiment.trainer.TrainerNotFoundException;
import io.s2l.experiment.trainer.Trainers;
import io.s2l.study.TrainerRegistration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry of external trainers (admin only: a registration names a program the workers run).
 * Its problems are answered here, ahead of the service-wide handler, since only it raises them.
 */
@RestController
@RequestMapping("/api/v1/trainers")
@Tag(name = "trainers", description = "External trainers studies can name (admin)")
class TrainerController {

  private final Trainers trainers;

  TrainerController(Trainers trainers) {
    this.trainers = trainers;
  }

  @PostMapping
  @Operation(
      summary = "Register an external trainer",
      description =
          "201 with the trainer and its Location; 200 when the name is already registered with"
              + " this very definition; 409 when it is registered with another (delete it first);"
              + " 400 problem+json naming every field out of its bounds (docs/api.md#trainers).")
  @ApiResponse(responseCode = "201", description = "Registered")
  @ApiResponse(responseCode = "200", description = "Already registered with this definition")
  @ApiResponse(responseCode = "409", description = "Registered with another definition")
  ResponseEntity<TrainerView> registerTrainer(@RequestBody TrainerRegistration registration) {
    Trainers.Registration outcome = trainers.register(registration);
    TrainerView view = TrainerViews.of(outcome.trainer());
    if (!outcome.created()) {
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.created(URI.create("/api/v1/trainers/" + view.name())).body(view);
  }

  @GetMapping
  @Operation(
      summary = "Registered trainers by name, a page at a time",
      description = "page from 0, size 1 to " + PageView.MAX_SIZE + " (20 by default).")
  PageView<TrainerView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    PageView.check(page, size);
    return new PageView<>(
        trainers.list(size, PageView.offset(page, size)).stream().map(TrainerViews::of).toList(),
        page,
        size,
        trainers.count());
  }

  @GetMapping("/{name}")
  @Operation(summary = "One registered trainer")
  TrainerView get(@PathVariable String name) {
    return trainers
        .find(name)
        .map(TrainerViews::of)
        .orElseThrow(() -> new TrainerNotFoundException(name));
  }

  @DeleteMapping("/{name}")
  @Operation(
      summary = "Delete a registration",
      description =
          "204. Studies submitted before keep the snapshot of the registration they were"
              + " submitted with; later studies can no longer name it.")
  @ApiResponse(responseCode = "204", description = "Deleted")
  ResponseEntity<Void> deleteTrainer(@PathVariable String name) {
    trainers.delete(name);
    return ResponseEntity.noContent().build();
  }
}
