package io.s2l.client;

import java.util.UUID;

/** The analysis service's SVG plots and images, as strings. */
public final class PlotsApi {

  private final Transport http;
  private final String analysisUrl;

  PlotsApi(Transport http, String analysisUrl) {
    this.http = http;
    this.analysisUrl = analysisUrl;
  }

  /** A plot by its path on the analysis service, as the result documents link it. */
  public String byPath(String path) {
    return http.send(
            http.request(analysisUrl + path).timeout(Transport.CALL_TIMEOUT).GET().build(), 200)
        .body();
  }

  /**
   * A study-wide scale-correlation plot: {@code accuracy-vs-correlation}, {@code
   * decision-accuracy-vs-compute} or {@code r2-vs-compute}.
   *
   * @param version an older result's version, or null for the latest
   */
  public String study(UUID id, String plot, Integer version) {
    return byPath(studyPath(id) + "/plots/" + plot + ".svg" + Transport.query("version", version));
  }

  /**
   * A plot of one proxy on one evaluation set: {@code scatter} or {@code per-example-r2}.
   *
   * @param version an older result's version, or null for the latest
   */
  public String entry(UUID id, String plot, String proxy, String evalSet, Integer version) {
    return byPath(
        studyPath(id)
            + "/plots/"
            + plot
            + ".svg"
            + Transport.query("proxy", proxy, "evalSet", evalSet, "version", version));
  }

  /** The attribution's LDS plot. */
  public String attributionLds(UUID id) {
    return byPath(studyPath(id) + "/attribution/lds.svg");
  }

  public String selectionGain(UUID id) {
    return byPath(studyPath(id) + "/selection/gain.svg");
  }

  public String mixtureGain(UUID id) {
    return byPath(studyPath(id) + "/mixture/gain.svg");
  }

  /**
   * One image of an image dataset.
   *
   * @param split {@code train} or {@code test}
   */
  public String image(String dataset, String split, int index) {
    return byPath(
        "/api/v1/images/"
            + Transport.encode(dataset)
            + "/"
            + Transport.encode(split)
            + "/"
            + index
            + ".svg");
  }

  private static String studyPath(UUID id) {
    return "/api/v1/studies/" + id;
  }
}
