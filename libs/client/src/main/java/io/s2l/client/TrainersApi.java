package io.s2l.client;

import io.s2l.api.Page;
import io.s2l.api.trainer.TrainerView;
import java.util.stream.Stream;

/** External trainers studies can name (admin keys only). */
public final class TrainersApi {

  private final Transport http;
  private final String base;

  TrainersApi(Transport http, String experimentUrl) {
    this.http = http;
    this.base = experimentUrl + "/api/v1/trainers";
  }

  /**
   * Registers a trainer: new (201), or the same definition already registered under that name
   * (200); another definition under a taken name is a 409.
   *
   * @param registration the registration's JSON ({@code docs/api.md}, Trainers)
   */
  public TrainerView register(String registration) {
    return http.post(base, registration, TrainerView.class, 201, 200);
  }

  public Page<TrainerView> page(int page, int size) {
    return http.page(base + Transport.query("page", page, "size", size), TrainerView.class);
  }

  public Stream<TrainerView> list() {
    return Pages.all(p -> page(p, Pages.SIZE));
  }

  public TrainerView get(String name) {
    return http.get(base + "/" + Transport.encode(name), TrainerView.class);
  }

  public void remove(String name) {
    http.send(
        http.request(base + "/" + Transport.encode(name))
            .timeout(Transport.CALL_TIMEOUT)
            .DELETE()
            .build(),
        204);
  }
}
