package io.s2l.worker.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Set;

/** Why a trainer pod ended or never started, in words for a job's {@code lastError} (pure). */
final class PodReasons {

  /**
   * Waiting reasons that waiting will not fix: the Job would sit until its deadline. ErrImagePull
   * alone may be a passing registry error; it becomes ImagePullBackOff when the pull fails again.
   */
  private static final Set<String> HOPELESS =
      Set.of(
          "ImagePullBackOff",
          "ErrImageNeverPull",
          "InvalidImageName",
          "CreateContainerConfigError");

  /** The longest part of a message quoted. */
  static final int MESSAGE_CHARS = 1000;

  private PodReasons() {}

  /**
   * The trainer container's end (reason such as OOMKilled or Error, exit code, message), or what
   * keeps the pod from starting (unschedulable, image not pulled); null when nothing is known.
   */
  static String describe(Pod pod) {
    String name = pod.getMetadata().getName();
    ContainerStatus container = trainer(pod);
    if (container != null && container.getState() != null) {
      ContainerStateTerminated ended = container.getState().getTerminated();
      if (ended == null && container.getLastState() != null) {
        ended = container.getLastState().getTerminated();
      }
      if (ended != null) {
        StringBuilder text =
            new StringBuilder("pod ").append(name).append(": trainer terminated: ");
        text.append(ended.getReason() == null ? "exit" : ended.getReason());
        text.append(", exit code ").append(ended.getExitCode());
        if (ended.getSignal() != null && ended.getSignal() != 0) {
          text.append(", signal ").append(ended.getSignal());
        }
        appendMessage(text, ended.getMessage());
        return text.toString();
      }
      ContainerStateWaiting waiting = container.getState().getWaiting();
      if (waiting != null && waiting.getReason() != null) {
        StringBuilder text = new StringBuilder("pod ").append(name).append(": trainer waiting: ");
        text.append(waiting.getReason());
        appendMessage(text, waiting.getMessage());
        return text.toString();
      }
    }
    PodCondition scheduled = condition(pod, "PodScheduled");
    if (scheduled != null && "False".equals(scheduled.getStatus())) {
      StringBuilder text = new StringBuilder("pod ").append(name).append(": not scheduled: ");
      text.append(scheduled.getReason() == null ? "pending" : scheduled.getReason());
      appendMessage(text, scheduled.getMessage());
      return text.toString();
    }
    return null;
  }

  /** {@link #describe} when the trainer container waits for a reason waiting will not fix. */
  static String hopeless(Pod pod) {
    ContainerStatus container = trainer(pod);
    if (container == null || container.getState() == null) {
      return null;
    }
    ContainerStateWaiting waiting = container.getState().getWaiting();
    return waiting != null && HOPELESS.contains(waiting.getReason()) ? describe(pod) : null;
  }

  private static ContainerStatus trainer(Pod pod) {
    List<ContainerStatus> statuses =
        pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    if (statuses == null) {
      return null;
    }
    return statuses.stream()
        .filter(s -> TrainerPod.CONTAINER.equals(s.getName()))
        .findFirst()
        .orElse(null);
  }

  private static PodCondition condition(Pod pod, String type) {
    List<PodCondition> conditions =
        pod.getStatus() == null ? null : pod.getStatus().getConditions();
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private static void appendMessage(StringBuilder text, String message) {
    if (message != null && !message.isBlank()) {
      String trimmed = message.strip();
      // the termination message of a failed trainer is the end of its log (a traceback): its last
      // lines say what happened
      text.append(": ")
          .append(
              trimmed.length() > MESSAGE_CHARS
                  ? "..." + trimmed.substring(trimmed.length() - MESSAGE_CHARS)
                  : trimmed);
    }
  }
}
