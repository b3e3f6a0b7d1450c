package io.s2l.experiment.study.web;

import io.s2l.access.web.Callers;
import io.s2l.api.attribution.FeatureRequest;
import io.s2l.api.attribution.FeaturesQueued;
import io.s2l.experiment.study.FeatureRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeatureController {

  private final FeatureRequests features;

  FeatureController(FeatureRequests features) {
    this.features = features;
  }

  @PostMapping("/api/v1/studies/{id}/features")
  @Operation(
      summary = "Featurise a trained image classifier for TRAK",
      description =
          "Body: {\"run\": \"scale/distribution/seed\", \"examples\": \"train\" | \"test\","
              + " \"dimension\": k, \"projectionSeed\": 0}. Queues a job that computes the"
              + " per-example gradients of the model output function (log-odds margin of the"
              + " correct class), projects them to k dimensions with a seeded random projection"
              + " generated in blocks, and stores the n x k features in the artifact store. 202;"
              + " 400 naming the field; 409 when already requested, or when the study was"
              + " cancelled or failed (naming its status).")
  @ApiResponse(responseCode = "202", description = "Accepted: the featurisation job is queued")
  @ApiResponse(
      responseCode = "409",
      description = "These features were already requested, or the study was cancelled or failed")
  @ApiResponse(responseCode = "429", description = "The key's quota would be exceeded")
  ResponseEntity<FeaturesQueued> request(
      @PathVariable UUID id, @RequestBody FeatureRequest request) {
    String job =
        features.request(
            id,
            request.run(),
            request.examples(),
            request.dimension(),
            request.projectionSeed(),
            Callers.current());
    return ResponseEntity.accepted().body(new FeaturesQueued(id, job, "QUEUED"));
  }
}
