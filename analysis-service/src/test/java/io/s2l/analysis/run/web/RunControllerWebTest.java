package io.s2l.analysis.run.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.access.web.PageView;
import io.s2l.analysis.config.SecuredWebSlice;
import io.s2l.analysis.run.RunReader;
import io.s2l.api.run.RunView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(RunController.class)
class RunControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
  private static final String PATH = "/api/v1/studies/" + ID + "/runs";

  @MockitoBean RunReader runs;

  @Test
  void theFirstPageHoldsFiftyRunsByDefault() throws Exception {
    RunView run =
        new RunView(
            "s", "uniform", 1, 1000, 1200L, 20000, 1.2e8, 50L, 3.5, 5714.0, 0.4, 2.1, null, "w1",
            1);
    given(runs.runs(ID, 0, 50)).willReturn(new PageView<>(List.of(run), 0, 50, 1));

    mvc.perform(get(PATH).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.size").value(50))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].scale").value("s"))
        .andExpect(jsonPath("$.items[0].flops").value(1.2e8))
        .andExpect(jsonPath("$.items[0].peakRssBytes").isEmpty());
  }

  @Test
  void askedPagesArePassedOnAndOutOfRangeOnesRefused() throws Exception {
    given(runs.runs(ID, 3, 100)).willReturn(new PageView<>(List.of(), 3, 100, 0));

    mvc.perform(get(PATH).with(as(Role.READ)).param("page", "3").param("size", "100"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(3));
    mvc.perform(get(PATH).with(as(Role.READ)).param("size", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("size")));
    mvc.perform(get(PATH).with(as(Role.READ)).param("page", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("page")));
  }

  @Test
  void anotherOwnersRunsAreHiddenAs404() throws Exception {
    given(owners.visible(org.mockito.ArgumentMatchers.eq(ID), org.mockito.ArgumentMatchers.any()))
        .willReturn(false);

    mvc.perform(get(PATH).with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(runs);
  }

  @Test
  void runsNeedAKey() throws Exception {
    mvc.perform(get(PATH))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(runs);
  }
}
