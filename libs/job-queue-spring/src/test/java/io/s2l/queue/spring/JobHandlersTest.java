package io.s2l.queue.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobHandlersTest {

  private final List<String> ran = new ArrayList<>();

  @Test
  void claimsTheKindsOfItsHandlersInAlphabeticalOrder() {
    JobHandlers handlers = new JobHandlers(List.of(handler("train"), handler("featurize")));

    assertThat(handlers.kinds()).containsExactly("featurize", "train");
  }

  @Test
  void handsEachJobToTheHandlerOfItsKind() throws Exception {
    JobHandlers handlers = new JobHandlers(List.of(handler("train"), handler("featurize")));

    handlers.handle(job("featurize"), null);
    handlers.handle(job("train"), null);

    assertThat(ran).containsExactly("featurize", "train");
  }

  @Test
  void claimsOnlyTheKindsItIsRestrictedTo() throws Exception {
    JobHandlers handlers =
        new JobHandlers(
            List.of(handler("train"), handler("featurize"), handler("train-kubernetes")),
            List.of("train-kubernetes"));

    assertThat(handlers.kinds()).containsExactly("train-kubernetes");
    assertThatThrownBy(() -> handlers.handle(job("train"), null))
        .hasMessage("no handler for job kind 'train'");
    assertThat(ran).isEmpty();
  }

  @Test
  void refusesARestrictionToAKindNoHandlerRuns() {
    assertThatThrownBy(
            () ->
                new JobHandlers(List.of(handler("train"), handler("featurize")), List.of("trian")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "s2l.queue.kinds names 'trian', which no handler of this process runs (it runs"
                + " [featurize, train])");
  }

  @Test
  void refusesTwoHandlersForOneKind() {
    assertThatThrownBy(() -> new JobHandlers(List.of(handler("train"), new OtherTrainer())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two handlers for job kind 'train'")
        .hasMessageContaining(OtherTrainer.class.getName());
  }

  @Test
  void refusesAHandlerWithoutAKind() {
    assertThatThrownBy(() -> new JobHandlers(List.of(handler(" "))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("names no job kind");
  }

  @Test
  void failsAJobOfAKindItHasNoHandlerFor() {
    JobHandlers handlers = new JobHandlers(List.of(handler("train")));

    assertThatThrownBy(() -> handlers.handle(job("analyze"), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no handler for job kind 'analyze'");
    assertThat(ran).isEmpty();
  }

  private JobHandler handler(String kind) {
    return new JobHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void handle(ClaimedJob job, JobContext context) {
        ran.add(kind);
      }
    };
  }

  private static ClaimedJob job(String kind) {
    return new ClaimedJob(1, UUID.randomUUID(), kind, "k", "{}", 1, 3, "w");
  }

  private static final class OtherTrainer implements JobHandler {
    @Override
    public String kind() {
      return "train";
    }

    @Override
    public void handle(ClaimedJob job, JobContext context) {}
  }
}
