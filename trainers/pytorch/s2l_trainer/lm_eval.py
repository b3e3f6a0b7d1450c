"""Per-example losses of a language model, as the built-in trainer measures them (lm-core Evaluations
and SequenceScorer; docs/science.md section 1).

A scored sequence is bytes plus the index of its first scored byte: whole texts (their first
`maxTextBytes` bytes) score from byte 1; answers and choices are scored after their prompt (a newline
when the prompt is empty). A sequence longer than the context is cut into windows of at most
`context` predictions laid out backwards from its end, so the scored part sees as much of its prompt
as fits; each window sees only its own bytes. Losses are summed in double precision.
"""
import json

import torch

EMPTY_PROMPT = "\n"


class ScoredSequence:
    def __init__(self, data, score_from):
        if len(data) < 2:
            raise ValueError("a scored sequence needs at least two bytes")
        if not 1 <= score_from < len(data):
            raise ValueError(f"score_from must be in [1, {len(data) - 1}], not {score_from}")
        self.data, self.score_from = data, score_from

    @property
    def scored_bytes(self):
        return len(self.data) - self.score_from


def windows(sequences, context):
    """(sequence index, start, end, first scored) per window: inputs data[start:end-1], targets
    data[start+1:end], the predictions of bytes first_scored..end-1 counted."""
    out = []
    for s, seq in enumerate(sequences):
        end = len(seq.data)
        while end - 1 >= seq.score_from:
            start = max(0, end - 1 - context)
            out.append((s, start, end, max(seq.score_from, start + 1)))
            end = start + 1
    return out


@torch.no_grad()
def sum_losses(model, sequences, context, device, batch_size=64, tick=lambda: None):
    """Per sequence, the summed next-byte loss (nats) over its scored bytes; `tick` is called after
    every batch of windows."""
    model.eval()
    planned = windows(sequences, context)
    sums = [0.0] * len(sequences)
    for first in range(0, len(planned), batch_size):
        chunk = planned[first : first + batch_size]
        # Padding after a window's last prediction is harmless: causality hides it from earlier
        # positions, and its own losses are not counted.
        inputs = torch.zeros(len(chunk), context, dtype=torch.int64)
        targets = torch.zeros(len(chunk), context, dtype=torch.int64)
        for r, (s, start, end, _) in enumerate(chunk):
            data = sequences[s].data
            n = end - 1 - start
            inputs[r, :n] = torch.tensor(list(data[start : end - 1]), dtype=torch.int64)
            targets[r, :n] = torch.tensor(list(data[start + 1 : end]), dtype=torch.int64)
        logits = model(inputs.to(device)).float()
        losses = -logits.log_softmax(-1).gather(-1, targets.to(device).unsqueeze(-1)).squeeze(-1)
        rows = losses.cpu().tolist()
        for r, (s, start, end, first_scored) in enumerate(chunk):
            # position i predicts byte start + i + 1
            for value in rows[r][first_scored - 1 - start : end - 1 - start]:
                sums[s] += value
        tick()
    return sums


def read_examples(path):
    """The JSON objects of an evaluation file, one per line, in file order."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def utf8(text):
    """UTF-8 bytes of `text`; an unpaired surrogate becomes '?', as Java's String.getBytes has it."""
    return text.encode("utf-8", "replace")


def _scored(prompt, continuation):
    p = utf8(prompt or EMPTY_PROMPT)
    c = utf8(continuation)
    if not c:
        raise ValueError("an answer or choice must not be empty")
    return ScoredSequence(p + c, len(p))


def evaluate_text(scorer, examples, max_bytes):
    """Mean loss over every byte after the first of each text, cut to `max_bytes` bytes."""
    sequences = [ScoredSequence(utf8(e["text"])[:max_bytes], 1) for e in examples]
    sums = scorer(sequences)
    return [sums[i] / q.scored_bytes for i, q in enumerate(sequences)], None


def evaluate_answers(scorer, examples):
    """Mean loss over the answer's bytes, the prompt as context."""
    sequences = [_scored(e.get("prompt"), e["answer"]) for e in examples]
    sums = scorer(sequences)
    return [sums[i] / q.scored_bytes for i, q in enumerate(sequences)], None


def evaluate_choices(scorer, examples):
    """Mean loss over the correct choice's bytes; correct when the correct choice's total
    log-likelihood is strictly the highest (a tie for the best is wrong)."""
    sequences, spans = [], []
    for e in examples:
        choices, label = e["choices"], e["label"]
        if not isinstance(label, int) or not 0 <= label < len(choices):
            raise ValueError(f"example {e.get('id')}: label {label!r} is not a choice index")
        spans.append((len(sequences), len(choices), label))
        sequences.extend(_scored(e.get("prompt"), c) for c in choices)
    sums = scorer(sequences)
    losses, correct = [], []
    for at, count, label in spans:
        nll = sums[at : at + count]
        best = min(nll)
        correct.append(nll[label] == best and nll.count(best) == 1)
        losses.append(nll[label] / sequences[at + label].scored_bytes)
    return losses, correct
