package io.s2l.worker.training;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.upload.UploadedEvalSet;
import io.s2l.lm.eval.EvalResult;
import io.s2l.lm.eval.Evaluations;
import io.s2l.lm.eval.SequenceScorer;
import org.springframework.stereotype.Component;

/**
 * Evaluates a model on an evaluation set by name: held-out text ({@code heldout/<domain>}, loss
 * over the whole text), answer tasks (loss over the answer) or multiple-choice tasks (loss over the
 * correct choice, plus accuracy and chance).
 */
@Component
public class EvalSets {

  private final CorpusCache corpus;

  EvalSets(CorpusCache corpus) {
    this.corpus = corpus;
  }

  public EvalResult evaluate(SequenceScorer scorer, String dataset, String name) {
    if (name.startsWith(BuiltinCorpus.HELDOUT_PREFIX)) {
      return Evaluations.text(scorer, corpus.heldout(dataset, name));
    }
    UploadedEvalSet set = corpus.task(name);
    return switch (set.kind()) {
      case "answer" -> Evaluations.answers(scorer, set.examples());
      case "choice" -> Evaluations.choices(scorer, set.examples(), set.chance());
      default ->
          throw new IllegalArgumentException(
              "evaluation set '" + name + "' has unknown kind '" + set.kind() + "'");
    };
  }
}
