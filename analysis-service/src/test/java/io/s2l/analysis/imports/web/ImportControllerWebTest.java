package io.s2l.analysis.imports.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.analysis.config.SecuredWebSlice;
import io.s2l.analysis.imports.ImportError;
import io.s2l.analysis.imports.ImportRejectedException;
import io.s2l.analysis.imports.ImportService;
import io.s2l.analysis.imports.ImportTooLargeException;
import io.s2l.analysis.recommendation.RecommendationChoice;
import io.s2l.api.imports.ImportReceipt;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(ImportController.class)
class ImportControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
  private static final String CSV =
      "scale,params,tokens,distribution,seed,evalSet,exampleId,loss\n"
          + "s,1000,20000,web,1,heldout,0,3.2\n";
  private static final ImportReceipt RECEIPT =
      new ImportReceipt(
          ID, "elsewhere", "m", 1, "ab12", List.of("s", "m"), 1, 1, List.of("heldout"));

  @MockitoBean ImportService imports;

  @Test
  void aCsvImportIsAcceptedWith202AndTheResultsLocation() throws Exception {
    given(
            imports.importTable(
                any(),
                eq((long) CSV.length()),
                eq(true),
                eq("m"),
                eq("elsewhere"),
                eq(RecommendationChoice.DEFAULTS),
                eq(List.of("https://a.example/hook", "https://b.example/hook")),
                eq(apiKey(Role.SUBMIT))))
        .willReturn(RECEIPT);

    mvc.perform(
            post("/api/v1/imports")
                .with(as(Role.SUBMIT))
                .param("reference", "m")
                .param("name", "elsewhere")
                .param("callback", "https://a.example/hook", "https://b.example/hook")
                .contentType("text/csv")
                .content(CSV))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/studies/" + ID + "/scale-correlation"))
        .andExpect(jsonPath("$.id").value(ID.toString()))
        .andExpect(jsonPath("$.scales[1]").value("m"))
        .andExpect(jsonPath("$.rows").value(1));
  }

  @Test
  void aJsonImportIsReadAsJson() throws Exception {
    given(
            imports.importTable(
                any(), anyLong(), eq(false), isNull(), isNull(), any(), eq(List.of()), any()))
        .willReturn(RECEIPT);

    mvc.perform(
            post("/api/v1/imports")
                .with(as(Role.SUBMIT))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"referenceScale\": \"m\", \"rows\": []}"))
        .andExpect(status().isAccepted());
  }

  @Test
  void theRecommendationIsChosenInTheQueryAndCheckedBeforeTheUploadIsRead() throws Exception {
    given(
            imports.importTable(
                any(),
                anyLong(),
                eq(true),
                eq("m"),
                isNull(),
                eq(new RecommendationChoice("r2", 0.9, 8)),
                any(),
                any()))
        .willReturn(RECEIPT);
    mvc.perform(
            post("/api/v1/imports")
                .with(as(Role.SUBMIT))
                .param("reference", "m")
                .param("metric", "r2")
                .param("threshold", "0.9")
                .param("minDistributions", "8")
                .contentType("text/csv")
                .content(CSV))
        .andExpect(status().isAccepted());

    mvc.perform(
            post("/api/v1/imports")
                .with(as(Role.SUBMIT))
                .param("reference", "m")
                .param("minDistributions", "2")
                .contentType("text/csv")
                .content(CSV))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("minDistributions must be from 3 to 1000")));
    mvc.perform(
            post("/api/v1/imports")
                .with(as(Role.SUBMIT))
                .param("metric", "auc")
                .contentType("text/csv")
                .content(CSV))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("metric must be decisionAccuracy or r2")));
    org.mockito.Mockito.verify(imports, org.mockito.Mockito.times(1))
        .importTable(any(), anyLong(), anyBoolean(), any(), any(), any(), any(), any());
  }

  @Test
  void anotherMediaTypeIsAProblem415() throws Exception {
    mvc.perform(
            post("/api/v1/imports").with(as(Role.SUBMIT)).contentType("text/plain").content(CSV))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(imports);
  }

  @Test
  void aRefusedImportIsAProblemNamingRowAndColumn() throws Exception {
    given(imports.importTable(any(), anyLong(), anyBoolean(), any(), any(), any(), any(), any()))
        .willThrow(
            new ImportRejectedException(List.of(new ImportError(1L, "loss", "not a number")), 3));

    mvc.perform(post("/api/v1/imports").with(as(Role.SUBMIT)).contentType("text/csv").content(CSV))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Import refused"))
        .andExpect(jsonPath("$.errors[0].row").value(1))
        .andExpect(jsonPath("$.errors[0].column").value("loss"))
        .andExpect(jsonPath("$.errorCount").value(3));
  }

  @Test
  void anImportBeyondTheLimitIs413() throws Exception {
    given(imports.importTable(any(), anyLong(), anyBoolean(), any(), any(), any(), any(), any()))
        .willThrow(new ImportTooLargeException(1024));

    mvc.perform(post("/api/v1/imports").with(as(Role.SUBMIT)).contentType("text/csv").content(CSV))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Import too large"));
  }

  @Test
  void importingNeedsTheSubmitRole() throws Exception {
    mvc.perform(post("/api/v1/imports").with(as(Role.READ)).contentType("text/csv").content(CSV))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/v1/imports").contentType("text/csv").content(CSV))
        .andExpect(status().isUnauthorized());
    verifyNoInteractions(imports);
  }
}
