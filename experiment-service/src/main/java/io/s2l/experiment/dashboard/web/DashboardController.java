package io.s2l.experiment.dashboard.web;

import io.s2l.study.StudyDefaults;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard's pages need before they have a key: where the analysis service is (it is
 * reached directly, with CORS), the defaults of a study definition's optional fields (a study's
 * page marks the fields that differ from them) and which example studies the submit form starts
 * from. Public, like the pages, and left out of the API document: it serves the page, not API
 * clients.
 */
@Hidden
@RestController
class DashboardController {

  /** The example studies, copied from {@code examples/} at build time. */
  static final String EXAMPLES = "classpath:static/ui/examples/*.json";

  private final String analysisUrl;
  private final List<String> examples;

  DashboardController(
      @Value("${s2l.experiment.analysis-url:http://localhost:8081}") String analysisUrl,
      ResourcePatternResolver resources)
      throws IOException {
    this.analysisUrl =
        analysisUrl.endsWith("/")
            ? analysisUrl.substring(0, analysisUrl.length() - 1)
            : analysisUrl;
    // read once: the set is fixed at build time
    this.examples =
        Arrays.stream(resources.getResources(EXAMPLES))
            .map(Resource::getFilename)
            .filter(Objects::nonNull)
            .sorted()
            .toList();
  }

  record DashboardConfig(String analysisUrl, StudyDefaults studyDefaults) {}

  record Examples(List<String> names) {}

  @GetMapping("/dashboard/config.json")
  DashboardConfig config() {
    return new DashboardConfig(analysisUrl, StudyDefaults.current());
  }

  @GetMapping("/dashboard/examples.json")
  Examples examples() {
    return new Examples(examples);
  }
}
