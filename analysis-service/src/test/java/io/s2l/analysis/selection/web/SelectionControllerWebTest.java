package io.s2l.analysis.selection.web;

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
import io.s2l.analysis.selection.SelectionReader;
import io.s2l.api.selection.SelectionResult;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.server.ResponseStatusException;

@WebMvcTest(SelectionController.class)
class SelectionControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
  private static final String BASE = "/api/v1/studies/" + ID + "/selection";
  @MockitoBean SelectionReader reader;

  @Test
  void theVerifiedSelectionsAndTheirGainPlot() throws Exception {
    given(reader.latest(ID))
        .willReturn(
            GoldenDocuments.JSON
                .readValue(GoldenDocuments.text("selection"), SelectionResult.class)
                .served(1));

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.entries[0].method").value("dsdm"))
        .andExpect(jsonPath("$.entries[0].gainOverRandom").value(-0.25683266768276825))
        .andExpect(jsonPath("$.entries[2].method").value("similarity"));
    mvc.perform(get(BASE + "/gain.svg").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.valueOf("image/svg+xml")))
        .andExpect(content().string(startsWith("<svg")))
        .andExpect(content().string(containsString("DsDm")));
  }

  @Test
  void noVerifiedSelectionYetIsAProblem404() throws Exception {
    given(reader.latest(ID))
        .willThrow(new ResponseStatusException(HttpStatus.NOT_FOUND, "no verified selection"));

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("no verified selection"));
    mvc.perform(get(BASE + "/gain.svg").with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void anotherOwnersSelectionIsHiddenAs404() throws Exception {
    given(owners.visible(org.mockito.ArgumentMatchers.eq(ID), org.mockito.ArgumentMatchers.any()))
        .willReturn(false);

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.title").value("Study not found"));
  }
}
