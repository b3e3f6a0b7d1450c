package io.s2l.worker.trainers;

import io.s2l.lm.eval.ContinuationScores;
import io.s2l.lm.eval.EvalResult;
import io.s2l.lm.train.TrainingStats;
import io.s2l.queue.ClaimedJob;
import io.s2l.study.TrainingJobSpec;
import io.s2l.trainer.contract.ContractViolation;
import io.s2l.trainer.contract.OutputValidator;
import io.s2l.trainer.contract.SetLosses;
import io.s2l.trainer.contract.TrainerResult;
import io.s2l.trainer.contract.ValidatedOutputs;
import io.s2l.worker.config.WorkerProperties;
import io.s2l.worker.training.RunRecord;
import io.s2l.worker.training.RunStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The outputs of an external trainer that exited with 0, wherever it ran (a child of this worker,
 * or a Kubernetes pod on the same artifact store): validated against the contract
 * (docs/trainer-contract.md section 4), then stored as a built-in run is stored, completing the job
 * in the same transaction. Invalid outputs throw with the reason and nothing is stored.
 */
@Component
public class TrainerOutputs {

  private final RunStore runs;
  private final Path artifacts;

  TrainerOutputs(RunStore runs, WorkerProperties properties) {
    this.runs = runs;
    this.artifacts = properties.artifacts().toAbsolutePath().normalize();
  }

  /**
   * Validates and stores.
   *
   * @param seconds how long the trainer ran in all (its training time is in result.json)
   * @param peakRssBytes the trainer's peak resident memory, 0 when not known
   * @return what the trainer reported of itself
   */
  public TrainerResult ingest(
      ClaimedJob job, TrainingJobSpec spec, RunDirectory run, double seconds, long peakRssBytes)
      throws ContractViolation {
    ValidatedOutputs outputs =
        OutputValidator.validate(run.spec(), run.outputDir(), run.expectedIds());
    TrainerResult r = outputs.result();
    Map<String, EvalResult> losses = new LinkedHashMap<>();
    for (Map.Entry<String, SetLosses> e : outputs.sets().entrySet()) {
      SetLosses s = e.getValue();
      losses.put(
          e.getKey(),
          new EvalResult(s.losses(), s.correct(), s.chance(), s.margins(), scores(s.answers())));
    }
    Path model =
        r.checkpointList().isEmpty()
            ? run.outputDir()
            : run.outputDir().resolve(r.checkpointList().get(0));
    runs.storeAndComplete(
        new RunRecord(
            job,
            spec,
            new TrainingStats(
                r.paramsNonEmbedding(),
                r.paramsTotal(),
                r.tokens(),
                r.flops(),
                r.steps(),
                r.wallSeconds(),
                r.finalTrainLoss()),
            // what the trainer did besides training: mostly evaluation
            Math.max(0, seconds - r.wallSeconds()),
            peakRssBytes,
            losses,
            artifacts.relativize(model.toAbsolutePath().normalize()).toString()));
    return r;
  }

  /** The examples' raw answer scores laid out as evaluation keeps them, or null. */
  static ContinuationScores scores(List<SetLosses.Answer> answers) {
    if (answers == null) {
      return null;
    }
    return new ContinuationScores(
        answers.stream().flatMapToDouble(a -> Arrays.stream(a.logprobs())).toArray(),
        answers.stream().mapToInt(a -> a.logprobs().length).toArray(),
        answers.stream().mapToInt(SetLosses.Answer::label).toArray(),
        answers.stream().flatMapToInt(a -> Arrays.stream(a.bytes())).toArray(),
        answers.stream().flatMapToInt(a -> Arrays.stream(a.tokens())).toArray());
  }
}
