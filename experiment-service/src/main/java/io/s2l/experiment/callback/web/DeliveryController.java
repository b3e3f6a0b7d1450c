package io.s2l.experiment.callback.web;

import io.s2l.access.StudyOwners;
import io.s2l.access.web.PageView;
import io.s2l.api.callback.Delivery;
import io.s2l.experiment.callback.CallbackDeliveries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "studies", description = "Submit small-to-large studies and follow their progress")
class DeliveryController {

  private final CallbackDeliveries deliveries;
  private final StudyOwners owners;

  DeliveryController(CallbackDeliveries deliveries, StudyOwners owners) {
    this.deliveries = deliveries;
    this.owners = owners;
  }

  @GetMapping("/api/v1/studies/{id}/deliveries")
  @Operation(
      summary = "The deliveries of a study's or an import's callback events, oldest first",
      description =
          "One item per event and callback URL: attempts, the last status code and error, the"
              + " next retry, when it was delivered or failed for good. page from 0, size 1 to "
              + PageView.MAX_SIZE
              + " (20 by default).")
  PageView<Delivery> deliveries(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageView.check(page, size);
    // an import is a study of the analysis service: known here by its owner's record
    if (!deliveries.studyExists(id) && !owners.recorded(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id);
    }
    return new PageView<>(
        deliveries.page(id, size, PageView.offset(page, size)), page, size, deliveries.count(id));
  }
}
