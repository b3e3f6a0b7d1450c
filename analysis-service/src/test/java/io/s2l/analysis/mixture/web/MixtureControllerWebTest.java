package io.s2l.analysis.mixture.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.analysis.GoldenDocuments;
import io.s2l.analysis.config.SecuredWebSlice;
import io.s2l.analysis.mixture.MixtureReader;
import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.MixtureResult;
import io.s2l.api.mixture.MixtureVerification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.server.ResponseStatusException;

@WebMvcTest(MixtureController.class)
class MixtureControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000b0");
  private static final String BASE = "/api/v1/studies/" + ID + "/mixture";
  @MockitoBean MixtureReader reader;

  @Test
  void theLatestRecommendationAndItsVerification() throws Exception {
    given(reader.latest(ID)).willReturn(golden(2, true));

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.recommendation.recommendations[0].model").value("linear"))
        .andExpect(
            jsonPath("$.verification.entries[1].gainOverRandom").value(0.011510558426380157));
    mvc.perform(get(BASE + "/gain.svg").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.valueOf("image/svg+xml")))
        .andExpect(content().string(startsWith("<svg")))
        .andExpect(content().string(containsString("mixture-xgboost")));
  }

  @Test
  void anUnverifiedStudyHasNoGainPlotYet() throws Exception {
    given(reader.latest(ID)).willReturn(golden(1, false));

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verification").isEmpty());
    mvc.perform(get(BASE + "/gain.svg").with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("not verified yet")));
  }

  @Test
  void noRecommendationYetIsAProblem404() throws Exception {
    given(reader.latest(ID))
        .willThrow(new ResponseStatusException(HttpStatus.NOT_FOUND, "no mixture recommendation"));

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("no mixture recommendation"));
  }

  @Test
  void mixturesNeedAKey() throws Exception {
    mvc.perform(get(BASE))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  /** The golden stored recommendation, with the golden verification when {@code verified}. */
  private static MixtureResult golden(int version, boolean verified) throws Exception {
    return new MixtureResult(
        version,
        GoldenDocuments.JSON.readValue(
            GoldenDocuments.text("mixture-recommendation"), MixtureRecommendation.class),
        verified
            ? GoldenDocuments.JSON.readValue(
                GoldenDocuments.text("mixture-verification"), MixtureVerification.class)
            : null);
  }
}
