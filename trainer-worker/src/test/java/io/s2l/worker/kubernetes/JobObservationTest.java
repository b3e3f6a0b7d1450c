package io.s2l.worker.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobObservationTest {

  private static final Instant SUBMITTED = Instant.parse("2026-12-04T12:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-04T12:30:00Z");

  @Test
  void aPodNeverScheduledBeforeTheDeadlineNamesBothTheDeadlineAndWhy() {
    Job job = failed("DeadlineExceeded", "Job was active longer than specified deadline");
    Pod pending =
        new PodBuilder()
            .withNewMetadata()
            .withName("s2l-7-1-abcde")
            .endMetadata()
            .withNewStatus()
            .withPhase("Pending")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
            .endCondition()
            .endStatus()
            .build();

    JobObservation seen = JobObservation.of(job, List.of(pending), SUBMITTED, NOW);

    assertThat(seen)
        .isEqualTo(
            new JobObservation.Failed(
                "Kubernetes Job s2l-7-1 failed: DeadlineExceeded (Job was active longer than"
                    + " specified deadline); pod s2l-7-1-abcde: not scheduled: Unschedulable: 0/3"
                    + " nodes are available: 3 Insufficient nvidia.com/gpu.",
                true));
  }

  @Test
  void aTrainersLongLogIsQuotedByItsEnd() {
    String traceback =
        "Traceback (most recent call last):\n" + "  frame\n".repeat(400) + "ValueError: bad spec";
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .endMetadata()
            .withNewStatus()
            .withPhase("Failed")
            .withContainerStatuses(
                new ContainerStatusBuilder()
                    .withName("trainer")
                    .withNewState()
                    .withNewTerminated()
                    .withReason("Error")
                    .withExitCode(1)
                    .withMessage(traceback)
                    .endTerminated()
                    .endState()
                    .build())
            .endStatus()
            .build();

    String reason = PodReasons.describe(pod);

    assertThat(reason)
        .startsWith("pod p: trainer terminated: Error, exit code 1: ...")
        .endsWith("ValueError: bad spec")
        .hasSizeLessThan(PodReasons.MESSAGE_CHARS + 100);
  }

  @Test
  void aSucceededJobIsTimedByItsOwnTimestampsOrElseByTheDispatcher() {
    Job timed =
        new JobBuilder(job())
            .withNewStatus()
            .withStartTime("2026-12-04T12:01:00Z")
            .withCompletionTime("2026-12-04T12:11:30Z")
            .withSucceeded(1)
            .endStatus()
            .build();
    Job untimed =
        new JobBuilder(job())
            .withNewStatus()
            .addToConditions(
                new JobConditionBuilder().withType("Complete").withStatus("True").build())
            .endStatus()
            .build();

    assertThat(JobObservation.of(timed, List.of(), SUBMITTED, NOW))
        .isEqualTo(new JobObservation.Succeeded(630.0));
    assertThat(JobObservation.of(untimed, List.of(), SUBMITTED, NOW))
        .isEqualTo(new JobObservation.Succeeded(1800.0));
  }

  @Test
  void aSuspendedOrPendingJobIsGoingWithoutARunningPod() {
    assertThat(JobObservation.of(job(), List.of(), SUBMITTED, NOW))
        .isEqualTo(new JobObservation.Going(null));
    Pod running =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .endMetadata()
            .withNewStatus()
            .withPhase("Running")
            .endStatus()
            .build();
    assertThat(JobObservation.of(job(), List.of(running), SUBMITTED, NOW))
        .isEqualTo(new JobObservation.Going(running));
  }

  private static Job job() {
    return new JobBuilder().withNewMetadata().withName("s2l-7-1").endMetadata().build();
  }

  private static Job failed(String reason, String message) {
    return new JobBuilder(job())
        .withNewStatus()
        .withFailed(1)
        .addToConditions(
            new JobConditionBuilder()
                .withType("Failed")
                .withStatus("True")
                .withReason(reason)
                .withMessage(message)
                .build())
        .endStatus()
        .build();
  }
}
