"""A language-model run: the built-in trainer's LmTrainer and its evaluation sets, in PyTorch.

The budget is `budget.tokens` rounded up to whole steps of batchSize x context tokens; every step
trains on `batchSize` windows of context + 1 bytes drawn from the mixture (or the subset).
"""
from . import lm_eval, text_data, training
from .lm_model import TransformerLm, parameter_counts
from .outputs import EvalResult


class _Windows:
    def __init__(self, sampler, batch):
        self._sampler, self._batch = sampler, batch

    def next(self):
        windows = self._sampler.next_batch(self._batch)
        return windows[:, :-1], windows[:, 1:]

    def skip(self, steps):
        self._sampler.skip(steps, self._batch)


def train(spec, device, progress, checkpointer):
    scale, batch = spec.scale, spec.training.batch_size
    documents = text_data.read_documents(spec.data.file)
    if spec.data.subset is not None:
        texts, weights = text_data.subset_texts(documents, spec.data.subset), {text_data.SUBSET: 1.0}
    else:
        texts, weights = text_data.domain_texts(documents), spec.data.weights
    sampler = text_data.MixtureSampler(texts, weights, scale.context + 1, spec.seed)
    per_step = batch * scale.context
    steps = max(1, -(-spec.budget_tokens // per_step))
    model = TransformerLm(scale.width, scale.depth, scale.heads, scale.context).initialize(spec.seed)
    model.to(device)
    job = training.Job(model, _Windows(sampler, batch), steps, lambda step: step * per_step)
    losses, seconds, cpu = training.run(job, spec, device, progress, checkpointer)
    non_embedding, total = parameter_counts(model)
    final = training.final_train_loss(losses)
    return training.Trained(model, non_embedding, total, steps * per_step, steps, final, seconds, cpu)


def evaluate(model, spec, device, tick):
    """An EvalResult per evaluation set (text, answer or choice), yielded as each is done; `tick`
    is called as evaluation goes on."""
    context = spec.scale.context

    def scorer(sequences):
        return lm_eval.sum_losses(model, sequences, context, device, tick=tick)

    for eval_set in spec.eval_sets:
        examples = lm_eval.read_examples(eval_set.file)
        if eval_set.kind == "text":
            losses, correct = lm_eval.evaluate_text(scorer, examples, eval_set.max_text_bytes)
        elif eval_set.kind == "answer":
            losses, correct = lm_eval.evaluate_answers(scorer, examples)
        else:
            losses, correct = lm_eval.evaluate_choices(scorer, examples)
        yield EvalResult(eval_set, [str(e["id"]) for e in examples], losses, correct)


def describe(spec):
    s = spec.scale
    return {"family": "lm", "width": s.width, "depth": s.depth, "heads": s.heads, "context": s.context}
