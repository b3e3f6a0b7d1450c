package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerRegistrationTest {

  static TrainerRegistration pytorch() {
    return new TrainerRegistration(
        "pytorch",
        List.of("/usr/bin/python3", "-m", "s2l_trainer"),
        List.of("mlp", "lm"),
        null,
        null,
        null,
        null);
  }

  private static List<String> fields(TrainerRegistration r) {
    return r.validate().stream().map(FieldError::field).toList();
  }

  @Test
  void aValidRegistrationGetsItsDefaultsAndFamiliesInCanonicalOrder() {
    assertThat(pytorch().validate()).isEmpty();
    TrainerRef ref = pytorch().toRef();
    assertThat(ref.families()).containsExactly("lm", "mlp");
    assertThat(ref.gpu()).isFalse();
    assertThat(ref.memoryBytes()).isZero();
    assertThat(ref.silenceSeconds()).isEqualTo(TrainerLimits.DEFAULT_SILENCE_SECONDS);
    assertThat(ref.runsOnKubernetes()).isFalse();
  }

  @Test
  void theNameIsBoundedAndDjlIsReserved() {
    for (String bad : List.of("", "-x", "PyTorch", "a_b", "a".repeat(64), "djl")) {
      TrainerRegistration r =
          new TrainerRegistration(bad, List.of("/bin/t"), List.of("lm"), null, null, null, null);
      assertThat(fields(r)).as(bad).containsExactly("name");
    }
    assertThat(
            new TrainerRegistration(
                    "a".repeat(63), List.of("/bin/t"), List.of("lm"), null, null, null, null)
                .validate())
        .isEmpty();
    assertThat(
            new TrainerRegistration(null, List.of("/bin/t"), List.of("lm"), null, null, null, null)
                .validate())
        .containsExactly(new FieldError("name", "is required"));
  }

  @Test
  void theCommandIsAnAbsoluteProgramAndBoundedPrintableArguments() {
    List<String> tooMany = new ArrayList<>(Collections.nCopies(33, "x"));
    tooMany.set(0, "/bin/t");
    for (List<String> bad : List.of(List.<String>of(), tooMany)) {
      assertThat(fields(registration(bad))).containsExactly("command");
    }
    assertThat(fields(registration(List.of("python3", "train.py")))).containsExactly("command[0]");
    assertThat(
            fields(
                registration(
                    List.of("/bin/t", "", "a\nb", "a\0b", "x".repeat(1025), "x".repeat(1024)))))
        .containsExactly("command[1]", "command[2]", "command[3]", "command[4]");
    assertThat(registration(List.of("python3")).validate().get(0).reason())
        .contains("absolute path");
  }

  private static TrainerRegistration registration(List<String> command) {
    return new TrainerRegistration("t", command, List.of("lm"), null, null, null, null);
  }

  @Test
  void familiesAreANonEmptySubsetOfTheThree() {
    assertThat(fields(families(List.of()))).containsExactly("families");
    assertThat(fields(families(null))).containsExactly("families");
    assertThat(fields(families(List.of("lm", "gpt", "lm"))))
        .containsExactly("families[1]", "families[2]");
    assertThat(families(List.of("cnn", "mlp", "lm")).validate()).isEmpty();
  }

  private static TrainerRegistration families(List<String> families) {
    return new TrainerRegistration("t", List.of("/bin/t"), families, null, null, null, null);
  }

  @Test
  void memoryAndSilenceAreBounded() {
    assertThat(fields(resources(-1L, null))).containsExactly("memoryBytes");
    assertThat(fields(resources((1L << 40) + 1, null))).containsExactly("memoryBytes");
    assertThat(resources(1L << 40, 86_400).validate()).isEmpty();
    assertThat(resources(0L, 10).validate()).isEmpty();
    assertThat(fields(resources(0L, 9))).containsExactly("silenceSeconds");
    assertThat(fields(resources(0L, 86_401))).containsExactly("silenceSeconds");
    assertThat(resources(5L, 30).toRef().silenceSeconds()).isEqualTo(30);
  }

  private static TrainerRegistration resources(Long memory, Integer silence) {
    return new TrainerRegistration(
        "t", List.of("/bin/t"), List.of("lm"), true, memory, silence, null);
  }

  @Test
  void aKubernetesTargetHasAnImageAFewGpusAndADnsLabelQueue() {
    assertThat(kubernetes("registry.example/s2l/pytorch:1", 1, "gpu-queue").validate()).isEmpty();
    assertThat(kubernetes("img", 0, null).toRef().runsOnKubernetes()).isTrue();
    assertThat(fields(kubernetes(null, 0, null))).containsExactly("kubernetes.image");
    assertThat(fields(kubernetes("x".repeat(513), 0, null))).containsExactly("kubernetes.image");
    assertThat(fields(kubernetes("an image", 0, null))).containsExactly("kubernetes.image");
    assertThat(fields(kubernetes("img", -1, null))).containsExactly("kubernetes.gpus");
    assertThat(fields(kubernetes("img", 17, null))).containsExactly("kubernetes.gpus");
    for (String bad : List.of("Queue", "-q", "q-", "q_1", "q".repeat(64), "")) {
      assertThat(fields(kubernetes("img", 0, bad))).as(bad).containsExactly("kubernetes.queueName");
    }
    assertThat(kubernetes("img", 16, "q".repeat(63)).validate()).isEmpty();
  }

  private static TrainerRegistration kubernetes(String image, int gpus, String queue) {
    return new TrainerRegistration(
        "t",
        List.of("/bin/t"),
        List.of("lm"),
        null,
        null,
        null,
        new TrainerRef.KubernetesTarget(image, gpus, queue));
  }
}
