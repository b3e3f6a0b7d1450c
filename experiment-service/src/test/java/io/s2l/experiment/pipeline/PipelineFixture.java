package io.s2l.experiment.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.experiment.study.Study;
import io.s2l.queue.NewJob;
import io.s2l.study.DomainCatalog;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.PlanSummary;
import io.s2l.study.StudyDefinition;
import io.s2l.study.StudyPlan;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import io.s2l.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A study submitted as the service submits one (stored with its plan, its training jobs queued),
 * over the in-memory queue and a clock the test moves.
 */
final class PipelineFixture {

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
  final InMemoryStudyJobs jobs = new InMemoryStudyJobs();

  static final DomainCatalog TEXT =
      catalog(List.of("literature", "code", "web"), List.of("literature", "code", "web"), "text");
  static final DomainCatalog IMAGES =
      catalog(
          List.of(),
          List.of("images/digits-test"),
          DomainCatalog.IMAGE,
          IntStream.range(0, 20).mapToObj(i -> "digit-" + i).toList());

  static final List<ModelScale> LM_SCALES =
      List.of(new ModelScale("xs", 16, 1, 2, 32), new ModelScale("s", 32, 1, 2, 32));

  static final List<MixtureSpec> MIXTURES =
      List.of(
          new MixtureSpec("lit", Map.of("literature", 1.0)),
          new MixtureSpec("code", Map.of("code", 1.0)),
          new MixtureSpec("half", Map.of("literature", 0.5, "web", 0.5)));

  /** Stores the study and queues its training jobs, as the service does at submission. */
  ActiveStudy submit(StudyDefinition definition, DomainCatalog catalog) {
    return submit(definition, catalog, Map.of());
  }

  /** As above, for a study whose external trainers resolved to {@code trainers}. */
  ActiveStudy submit(
      StudyDefinition definition, DomainCatalog catalog, Map<String, TrainerRef> trainers) {
    StudyPlan plan = StudyPlan.expand(definition, catalog).withTrainers(definition, trainers);
    PlanSummary summary = PlanSummary.of(definition, plan);
    Study study =
        new Study(
            UUID.randomUUID(),
            definition.name(),
            write(definition),
            write(summary),
            write(trainers),
            definition.referenceScale(),
            plan.jobs().size() + StudyPlan.laterJobs(definition),
            1L,
            clock.instant());
    jobs.enqueue(plan.jobs().stream().map(job -> trainingJob(study, job)).toList());
    return new ActiveStudy(study, definition, summary, trainers);
  }

  /** The training job of one model, as the service or an analysis job queues it. */
  NewJob trainingJob(Study study, TrainingJobSpec job) {
    return new NewJob(study.id(), JobKinds.training(job), job.key(), write(job), 3);
  }

  /** Time passes between reconciliations. */
  Instant later() {
    clock.advance(Duration.ofSeconds(7));
    return clock.instant();
  }

  <T> T read(NewJob job, Class<T> type) {
    try {
      return json.readValue(job.payloadJson(), type);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static DomainCatalog catalog(
      List<String> domains, List<String> evalSets, String modality) {
    return catalog(domains, evalSets, modality, List.of());
  }

  static DomainCatalog catalog(
      List<String> domains, List<String> evalSets, String modality, List<String> documents) {
    return new DomainCatalog() {
      @Override
      public List<String> domains() {
        return domains;
      }

      @Override
      public List<String> evalSets() {
        return evalSets;
      }

      @Override
      public boolean hasTrainingDocument(String id) {
        return documents.contains(id);
      }

      @Override
      public List<String> trainingDocumentIds() {
        return documents;
      }

      @Override
      public String modality() {
        return modality;
      }
    };
  }
}
