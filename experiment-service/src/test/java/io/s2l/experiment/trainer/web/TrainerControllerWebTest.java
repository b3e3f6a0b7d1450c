package io.s2l.experiment.trainer.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.experiment.config.SecuredWebSlice;
import io.s2l.experiment.trainer.InvalidTrainerException;
import io.s2l.experiment.trainer.RegisteredTrainer;
import io.s2l.experiment.trainer.TrainerConflictException;
import io.s2l.experiment.trainer.TrainerNotFoundException;
import io.s2l.experiment.trainer.Trainers;
import io.s2l.study.FieldError;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainerRegistration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(TrainerController.class)
class TrainerControllerWebTest extends SecuredWebSlice {

  static final String BODY =
      """
      {"name": "pytorch", "command": ["/usr/bin/python3", "-m", "s2l_trainer"],
       "families": ["lm", "mlp"], "gpu": true, "memoryBytes": 8589934592,
       "kubernetes": {"image": "registry.example/s2l/pytorch:1", "gpus": 1, "queueName": null}}
      """;

  static final RegisteredTrainer PYTORCH =
      new RegisteredTrainer(
          new TrainerRef(
              "pytorch",
              List.of("/usr/bin/python3", "-m", "s2l_trainer"),
              List.of("lm", "mlp"),
              true,
              8L << 30,
              600,
              new TrainerRef.KubernetesTarget("registry.example/s2l/pytorch:1", 1, null)),
          Instant.parse("2026-02-03T04:05:06Z"));

  @MockitoBean Trainers trainers;

  private MockHttpServletRequestBuilder register(Role role) {
    return post("/api/v1/trainers").with(as(role)).contentType("application/json").content(BODY);
  }

  @Test
  void aNewRegistrationIs201WithItsLocationAndTheDefaultsFilledIn() throws Exception {
    given(trainers.register(any())).willReturn(new Trainers.Registration(PYTORCH, true));

    mvc.perform(register(Role.ADMIN))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/trainers/pytorch"))
        .andExpect(jsonPath("$.name").value("pytorch"))
        .andExpect(jsonPath("$.command[2]").value("s2l_trainer"))
        .andExpect(jsonPath("$.silenceSeconds").value(600))
        .andExpect(jsonPath("$.kubernetes.gpus").value(1))
        .andExpect(jsonPath("$.createdAt").value("2026-02-03T04:05:06Z"));
    verify(trainers)
        .register(
            new TrainerRegistration(
                "pytorch",
                List.of("/usr/bin/python3", "-m", "s2l_trainer"),
                List.of("lm", "mlp"),
                true,
                8L << 30,
                null,
                new TrainerRef.KubernetesTarget("registry.example/s2l/pytorch:1", 1, null)));
  }

  @Test
  void theSameDefinitionAgainIs200WithTheRegistrationAlreadyThere() throws Exception {
    given(trainers.register(any())).willReturn(new Trainers.Registration(PYTORCH, false));

    mvc.perform(register(Role.ADMIN))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Location"))
        .andExpect(jsonPath("$.name").value("pytorch"));
  }

  @Test
  void anotherDefinitionUnderARegisteredNameIsAProblem409() throws Exception {
    given(trainers.register(any())).willThrow(new TrainerConflictException("pytorch"));

    mvc.perform(register(Role.ADMIN))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Trainer already registered"))
        .andExpect(jsonPath("$.detail", containsString("delete it first")));
  }

  @Test
  void anInvalidRegistrationIsAProblemNamingEveryField() throws Exception {
    given(trainers.register(any()))
        .willThrow(
            new InvalidTrainerException(
                List.of(
                    new FieldError("command[0]", "the program must be an absolute path"),
                    new FieldError("silenceSeconds", "must be between 10 and 86400"))));

    mvc.perform(register(Role.ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid trainer registration"))
        .andExpect(jsonPath("$.errors[0].field").value("command[0]"))
        .andExpect(jsonPath("$.errors[1].reason").value("must be between 10 and 86400"))
        .andExpect(jsonPath("$.detail", containsString("silenceSeconds: must be between")));
  }

  @Test
  void aBodyOfTheWrongShapeNamesTheFieldWhereReadingStopped() throws Exception {
    mvc.perform(
            post("/api/v1/trainers")
                .with(as(Role.ADMIN))
                .contentType("application/json")
                .content("{\"name\": \"t\", \"command\": \"/bin/t\", \"memoryBytes\": \"lots\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").exists());
    verifyNoInteractions(trainers);
  }

  @Test
  void onlyAdminsSeeOrChangeTheRegistry() throws Exception {
    for (Role role : List.of(Role.READ, Role.SUBMIT)) {
      mvc.perform(register(role))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      mvc.perform(get("/api/v1/trainers").with(as(role))).andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/trainers/pytorch").with(as(role))).andExpect(status().isForbidden());
      mvc.perform(delete("/api/v1/trainers/pytorch").with(as(role)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/api/v1/trainers")).andExpect(status().isUnauthorized());
    verifyNoInteractions(trainers);
  }

  @Test
  void theListIsPagedLikeEveryOther() throws Exception {
    given(trainers.list(5, 10)).willReturn(List.of(PYTORCH));
    given(trainers.count()).willReturn(11L);

    mvc.perform(get("/api/v1/trainers").with(as(Role.ADMIN)).param("page", "2").param("size", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].name").value("pytorch"))
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.size").value(5))
        .andExpect(jsonPath("$.total").value(11));
    mvc.perform(get("/api/v1/trainers").with(as(Role.ADMIN)).param("size", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("size")));
  }

  @Test
  void oneTrainerOrA404AndDeletion() throws Exception {
    given(trainers.find("pytorch")).willReturn(Optional.of(PYTORCH));
    given(trainers.find("gone")).willReturn(Optional.empty());
    willThrow(new TrainerNotFoundException("gone")).given(trainers).delete("gone");

    mvc.perform(get("/api/v1/trainers/pytorch").with(as(Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.families[1]").value("mlp"));
    mvc.perform(get("/api/v1/trainers/gone").with(as(Role.ADMIN)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("no registered trainer 'gone'"));
    mvc.perform(delete("/api/v1/trainers/pytorch").with(as(Role.ADMIN)))
        .andExpect(status().isNoContent());
    verify(trainers).delete("pytorch");
    mvc.perform(delete("/api/v1/trainers/gone").with(as(Role.ADMIN)))
        .andExpect(status().isNotFound());
  }
}
