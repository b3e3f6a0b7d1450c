package io.s2l.experiment.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.study.PlanSummary;
import io.s2l.study.StudyDefinition;
import io.s2l.study.TrainerRef;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The JSON documents a study is stored with, read and written as records: its definition as
 * submitted, its resolved plan and the snapshots of its external trainers.
 */
@Component
public class StudyDocuments {

  private final ObjectMapper json;

  public StudyDocuments(ObjectMapper json) {
    this.json = json;
  }

  public StudyDefinition definition(Study study) {
    return read(study.definition(), StudyDefinition.class, "definition", study);
  }

  public PlanSummary plan(Study study) {
    return read(study.plan(), PlanSummary.class, "plan", study);
  }

  /** The external trainers the study uses, by name, as they were registered at submission. */
  public Map<String, TrainerRef> trainers(Study study) {
    try {
      return json.readValue(study.trainers(), new TypeReference<Map<String, TrainerRef>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable trainers of study " + study.id(), e);
    }
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T read(String document, Class<T> type, String what, Study study) {
    try {
      return json.readValue(document, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + what + " of study " + study.id(), e);
    }
  }
}
