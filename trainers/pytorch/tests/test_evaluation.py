"""Evaluation semantics (docs/science.md section 1) against straightforward computations: one
forward pass per scored byte over exactly the bytes its window shows, log-softmax by hand in double
precision; and the classifier's loss, correctness and margin from their definitions."""
import math
import unittest

import fixtures  # noqa: F401  (puts the trainer on sys.path)
import torch

from s2l_trainer import classifier_eval, lm_eval
from s2l_trainer.lm_model import TransformerLm

CONTEXT = 8


def by_hand(model, data, score_from):
    """Summed -log p over bytes score_from.. of data. Byte j is predicted in the window that ends
    k = (n - 1 - j) // context windows before the last one: windows of `context` predictions laid
    out backwards from the end, each starting one byte before its first prediction."""
    n, total = len(data), 0.0
    for j in range(score_from, n):
        window_end = n - ((n - 1 - j) // CONTEXT) * CONTEXT
        start = max(0, window_end - 1 - CONTEXT)
        with torch.no_grad():
            logits = model(torch.tensor([list(data[start:j])]))[0, -1].double().tolist()
        log_z = math.log(sum(math.exp(z) for z in logits))
        total += log_z - logits[data[j]]
    return total


class LmEvaluationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.manual_seed(0)
        cls.model = TransformerLm(width=16, depth=2, heads=4, context=CONTEXT).initialize(11)
        # larger weights than N(0, 0.02), so that a wrong window or offset changes the numbers
        with torch.no_grad():
            for p in cls.model.parameters():
                p.add_(torch.randn(p.shape, generator=torch.Generator().manual_seed(p.numel())) * 0.3)
        cls.model.eval()

    def scorer(self, sequences):
        return lm_eval.sum_losses(self.model, sequences, CONTEXT, torch.device("cpu"), batch_size=3)

    def test_windows_of_at_most_context_predictions_from_the_end(self):
        seq = lm_eval.ScoredSequence(bytes(range(20)), 5)
        self.assertEqual(lm_eval.windows([seq], CONTEXT), [(0, 11, 20, 12), (0, 3, 12, 5)])

    def test_text_longer_than_context_and_cut_to_max_bytes(self):
        text = "The quick brown fox jumps over the lazy dog. " * 3
        examples = [{"id": "long", "text": text}, {"id": "short", "text": "ok"},
                    {"id": "utf8", "text": "çà été"}]
        losses, correct = lm_eval.evaluate_text(self.scorer, examples, 40)
        self.assertIsNone(correct)
        for e, loss in zip(examples, losses):
            data = e["text"].encode("utf-8")[:40]
            self.assertAlmostEqual(loss, by_hand(self.model, data, 1) / (len(data) - 1), places=5)

    def test_answer_after_its_prompt_and_a_newline_for_an_empty_prompt(self):
        examples = [{"id": "a", "prompt": "Question: what is long enough to need windows? Answer:",
                     "answer": " a prompt"}, {"id": "b", "prompt": "", "answer": "xyz"}]
        losses, _ = lm_eval.evaluate_answers(self.scorer, examples)
        for e, loss in zip(examples, losses):
            prompt = (e["prompt"] or "\n").encode("utf-8")
            data = prompt + e["answer"].encode("utf-8")
            expected = by_hand(self.model, data, len(prompt)) / len(e["answer"].encode("utf-8"))
            self.assertAlmostEqual(loss, expected, places=5)

    def test_choice_correct_only_when_its_likelihood_is_strictly_highest(self):
        prompt = "A long prompt that does not fit into one window:"
        choices = [" yes", " no", " maybe so"]
        totals = [by_hand(self.model, (prompt + c).encode(), len(prompt)) for c in choices]
        best = min(range(3), key=lambda i: totals[i])
        examples = [{"id": str(label), "prompt": prompt, "choices": choices, "label": label}
                    for label in range(3)]
        examples.append({"id": "tie", "prompt": prompt, "choices": [" same", " same"], "label": 1})
        losses, correct = lm_eval.evaluate_choices(self.scorer, examples)
        self.assertEqual(correct, [label == best for label in range(3)] + [False])
        for label in range(3):
            self.assertAlmostEqual(losses[label], totals[label] / len(choices[label]), places=5)

    def test_refuses_an_empty_answer_and_a_label_outside_the_choices(self):
        with self.assertRaises(ValueError):
            lm_eval.evaluate_answers(self.scorer, [{"id": "e", "prompt": "p", "answer": ""}])
        with self.assertRaises(ValueError):
            lm_eval.evaluate_choices(self.scorer, [{"id": "e", "prompt": "p", "choices": ["a"], "label": 1}])


class ClassifierScoreTest(unittest.TestCase):
    def test_loss_correct_and_margin_from_their_definitions(self):
        cases = [([1.0, 3.0, -2.0], 1), ([0.5, 0.5, 0.1], 0), ([2.0, 2.0, 1.0], 1), ([-1.0, 4.0, 0.0], 2)]
        for logits, label in cases:
            loss, right, margin = classifier_eval.score(logits, label)
            p = torch.tensor(logits, dtype=torch.float64).softmax(0)[label].item()
            self.assertAlmostEqual(loss, -math.log(p), places=12)
            self.assertAlmostEqual(margin, math.log(p / (1 - p)), places=12)
            # correct: the label is the first index of the largest logit
            self.assertEqual(right, logits.index(max(logits)) == label)

    def test_margin_stays_finite_when_the_softmax_saturates(self):
        loss, right, margin = classifier_eval.score([200.0, -200.0, -200.0], 0)
        self.assertTrue(right)
        self.assertAlmostEqual(margin, 400 - math.log(2), places=9)
        self.assertGreaterEqual(loss, 0)


if __name__ == "__main__":
    unittest.main()
