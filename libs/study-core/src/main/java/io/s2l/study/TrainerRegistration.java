package io.s2l.study;

import static io.s2l.study.TrainerLimits.MAX_ARGUMENT_LENGTH;
import static io.s2l.study.TrainerLimits.MAX_COMMAND_ARGUMENTS;
import static io.s2l.study.TrainerLimits.MAX_GPUS;
import static io.s2l.study.TrainerLimits.MAX_IMAGE_LENGTH;
import static io.s2l.study.TrainerLimits.MAX_MEMORY_BYTES;
import static io.s2l.study.TrainerLimits.MAX_SILENCE_SECONDS;
import static io.s2l.study.TrainerLimits.MIN_SILENCE_SECONDS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * An admin's request to register an external trainer, as sent: optional fields may be absent, and
 * {@link #toRef()} fills in their defaults. {@link #validate()} checks every field against {@link
 * TrainerLimits} and reports every problem at once, each naming its field.
 *
 * @param name how studies name it
 * @param command the program and its arguments; the first is an absolute path
 * @param families the model families it trains
 * @param gpu whether it needs a GPU (false when absent)
 * @param memoryBytes memory one run needs (0 when absent)
 * @param silenceSeconds longest silence on stdout before a run is killed (600 when absent)
 * @param kubernetes where to run it on a cluster, or null to run it as a worker's child process
 */
public record TrainerRegistration(
    String name,
    List<String> command,
    List<String> families,
    Boolean gpu,
    Long memoryBytes,
    Integer silenceSeconds,
    TrainerRef.KubernetesTarget kubernetes) {

  /** Every field out of its bounds; empty when the registration is valid. */
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    if (name == null) {
      errors.add(new FieldError("name", "is required"));
    } else if (!TrainerLimits.validName(name)) {
      errors.add(
          new FieldError(
              "name", "must match " + TrainerLimits.NAME.pattern() + " (at most 63 characters)"));
    } else if (TrainerRef.BUILTIN.equals(name)) {
      errors.add(new FieldError("name", "'djl' is reserved for the built-in trainer"));
    }
    validateCommand(errors);
    validateFamilies(errors);
    if (memoryBytes != null && (memoryBytes < 0 || memoryBytes > MAX_MEMORY_BYTES)) {
      errors.add(new FieldError("memoryBytes", "must be between 0 and " + MAX_MEMORY_BYTES));
    }
    FieldChecks.range(
        errors, "silenceSeconds", silenceSeconds, MIN_SILENCE_SECONDS, MAX_SILENCE_SECONDS, true);
    if (kubernetes != null) {
      validateKubernetes(errors);
    }
    return errors;
  }

  /** The registration with its defaults filled in, as studies snapshot it; only when valid. */
  public TrainerRef toRef() {
    List<String> ordered =
        TrainerLimits.FAMILIES.stream().filter(f -> families.contains(f)).toList();
    return new TrainerRef(
        name,
        List.copyOf(command),
        ordered,
        Boolean.TRUE.equals(gpu),
        memoryBytes != null ? memoryBytes : 0,
        silenceSeconds != null ? silenceSeconds : TrainerLimits.DEFAULT_SILENCE_SECONDS,
        kubernetes);
  }

  private void validateCommand(List<FieldError> errors) {
    if (command == null || command.isEmpty() || command.size() > MAX_COMMAND_ARGUMENTS) {
      errors.add(
          new FieldError(
              "command", "must have between 1 and " + MAX_COMMAND_ARGUMENTS + " arguments"));
      return;
    }
    for (int i = 0; i < command.size(); i++) {
      String argument = command.get(i);
      String at = "command[" + i + "]";
      if (argument == null || argument.isEmpty() || argument.length() > MAX_ARGUMENT_LENGTH) {
        errors.add(
            new FieldError(at, "must have between 1 and " + MAX_ARGUMENT_LENGTH + " characters"));
      } else if (argument.indexOf('\0') >= 0
          || argument.indexOf('\n') >= 0
          || argument.indexOf('\r') >= 0) {
        errors.add(new FieldError(at, "must not contain NUL, line feed or carriage return"));
      } else if (i == 0 && !argument.startsWith("/")) {
        errors.add(new FieldError(at, "the program must be an absolute path"));
      }
    }
  }

  private void validateFamilies(List<FieldError> errors) {
    if (families == null || families.isEmpty()) {
      errors.add(new FieldError("families", "at least one of " + TrainerLimits.FAMILIES));
      return;
    }
    HashSet<String> seen = new HashSet<>();
    for (int i = 0; i < families.size(); i++) {
      String family = families.get(i);
      if (!TrainerLimits.FAMILIES.contains(family)) {
        errors.add(new FieldError("families[" + i + "]", "must be lm, mlp or cnn"));
      } else if (!seen.add(family)) {
        errors.add(new FieldError("families[" + i + "]", "duplicate family '" + family + "'"));
      }
    }
  }

  private void validateKubernetes(List<FieldError> errors) {
    String image = kubernetes.image();
    if (image == null || image.isBlank() || image.length() > MAX_IMAGE_LENGTH) {
      errors.add(
          new FieldError(
              "kubernetes.image", "must have between 1 and " + MAX_IMAGE_LENGTH + " characters"));
    } else if (!image.chars().allMatch(c -> c > ' ' && c < 127)) {
      errors.add(new FieldError("kubernetes.image", "must be printable ASCII without spaces"));
    }
    if (kubernetes.gpus() < 0 || kubernetes.gpus() > MAX_GPUS) {
      errors.add(new FieldError("kubernetes.gpus", "must be between 0 and " + MAX_GPUS));
    }
    String queue = kubernetes.queueName();
    if (queue != null && !TrainerLimits.QUEUE_NAME.matcher(queue).matches()) {
      errors.add(
          new FieldError(
              "kubernetes.queueName",
              "must be a DNS label: lower-case letters, digits and hyphens, at most 63"
                  + " characters, starting and ending with a letter or digit"));
    }
  }
}
