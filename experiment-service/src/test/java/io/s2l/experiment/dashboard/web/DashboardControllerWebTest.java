package io.s2l.experiment.dashboard.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.experiment.config.SecuredWebSlice;
import io.s2l.study.SelectionSpec;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard's pages and its two documents are public (GET only); the API behind them is not.
 */
@WebMvcTest(DashboardController.class)
@TestPropertySource(properties = "s2l.experiment.analysis-url=http://analysis.example:8081/")
class DashboardControllerWebTest extends SecuredWebSlice {

  @Test
  void theConfigurationNamesTheAnalysisServiceWithoutAKey() throws Exception {
    mvc.perform(get("/dashboard/config.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.analysisUrl").value("http://analysis.example:8081"))
        // the defaults a study page compares a definition with, as the records apply them
        .andExpect(
            jsonPath("$.studyDefaults.training.epochs").value(TrainingSettings.DEFAULTS.epochs()))
        .andExpect(
            jsonPath("$.studyDefaults.training.learningRate")
                .value(TrainingSettings.DEFAULTS.learningRate()))
        .andExpect(
            jsonPath("$.studyDefaults.selection.randomDraws")
                .value(SelectionSpec.DEFAULT_RANDOM_DRAWS))
        .andExpect(jsonPath("$.studyDefaults.trainer").value(TrainerRef.BUILTIN));
  }

  @Test
  void theExamplesAreListedAndServed() throws Exception {
    mvc.perform(get("/dashboard/examples.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.names", hasItem("demo-quick.json")));
    mvc.perform(get("/ui/examples/demo-quick.json"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("\"scales\"")));
  }

  @Test
  void thePagesArePublicAndTheApiIsNot() throws Exception {
    mvc.perform(get("/")).andExpect(status().isOk());
    mvc.perform(get("/ui/app/main.js")).andExpect(status().isOk());
    mvc.perform(get("/ui/vendor/vega-6.4.0/vega.min.js")).andExpect(status().isOk());
    mvc.perform(get("/api/v1/studies")).andExpect(status().isUnauthorized());
    mvc.perform(post("/dashboard/config.json")).andExpect(status().isUnauthorized());
  }
}
