package io.s2l.worker.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.study.TrainingJobSpec;

/** Reads and checks a training job's payload; a bad payload fails the job with the reason. */
final class TrainingPayload {

  private TrainingPayload() {}

  static TrainingJobSpec read(ObjectMapper json, String payload) {
    TrainingJobSpec spec;
    try {
      spec = json.readValue(payload, TrainingJobSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "unreadable training payload: " + e.getOriginalMessage(), e);
    }
    require(spec.scale() != null, "payload has no scale");
    require(
        spec.scale().width() != null && spec.scale().depth() != null,
        "payload scale lacks width or depth");
    if (spec.scale().languageModelFamily()) {
      require(
          spec.scale().heads() != null && spec.scale().context() != null,
          "payload scale lacks heads or context");
      require(spec.scale().width() % spec.scale().heads() == 0, "heads must divide width");
      require(
          spec.tokensPerParam() != null && spec.tokensPerParam() > 0,
          "tokensPerParam must be positive");
    }
    require(
        spec.distribution() != null
            && (spec.distribution().weights() != null || spec.distribution().subset() != null),
        "payload has no distribution weights or subset");
    require(
        spec.evalSets() != null && !spec.evalSets().isEmpty(), "payload has no evaluation sets");
    require(spec.training() != null, "payload has no training settings");
    return spec;
  }

  private static void require(boolean condition, String reason) {
    if (!condition) {
      throw new IllegalArgumentException(reason);
    }
  }
}
