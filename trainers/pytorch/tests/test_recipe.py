"""The built-in trainer's recipe, checked against values the Java side computes. Golden values
come from JDK 17.0.15 (java.util.SplittableRandom), DJL 0.33.0 (WarmUpTracker over CosineTracker,
configured as LmTrainer does; initial weights on DJL's libtorch 2.5.1 CPU engine), s2l's ModelScale
and ClassifierScale, and lm-core's MixtureSampler, each run on the JVM."""
import math
import unittest

import fixtures  # noqa: F401  (puts the trainer on sys.path)
import torch

from s2l_trainer import text_data
from s2l_trainer.classifier_model import ImageClassifier, parameter_count
from s2l_trainer.java_random import SplittableRandom
from s2l_trainer.lm_model import TransformerLm, parameter_counts
from s2l_trainer.optim import DjlAdamW, DjlSchedule, clip_factor, f32


class ParameterCountTest(unittest.TestCase):
    def test_language_models_match_model_scale(self):
        # (width, depth, heads, context) -> ModelScale (nonEmbeddingParams, totalParams)
        java = {(16, 1, 2, 64): (3312, 12784), (48, 2, 4, 64): (56640, 84544),
                (64, 2, 4, 64): (100096, 137216), (96, 3, 4, 128): (335712, 397408)}
        for (width, depth, heads, context), expected in java.items():
            with self.subTest(width=width, depth=depth):
                self.assertEqual(parameter_counts(TransformerLm(width, depth, heads, context)), expected)

    def test_classifiers_match_classifier_scale(self):
        # ClassifierScale(family, width, depth).params(8, 8, 1, 10) and .params(28, 28, 3, 7)
        java = {("mlp", 4, 2): (330, 9467), ("mlp", 64, 3): (13130, 159367), ("cnn", 16, 2): (2650, 2887),
                ("cnn", 64, 3): (75146, 76103), ("cnn", 8, 1): (170, 287)}
        for (family, width, depth), (digits, colour) in java.items():
            with self.subTest(family=family, width=width):
                self.assertEqual(parameter_count(ImageClassifier(family, width, depth, 8, 8, 1, 10)), digits)
                self.assertEqual(parameter_count(ImageClassifier(family, width, depth, 28, 28, 3, 7)), colour)


class InitialisationTest(unittest.TestCase):
    def test_weights_normal_002_biases_zero_layer_norms_identity(self):
        model = TransformerLm(64, 2, 4, 64).initialize(1)
        for name, p in model.named_parameters():
            if "norm" in name:
                self.assertTrue(torch.all(p == (1.0 if name.endswith("weight") else 0.0)), name)
            elif name.endswith("bias"):
                self.assertTrue(torch.all(p == 0), name)
            else:
                self.assertAlmostEqual(p.std().item(), 0.02, delta=0.002, msg=name)
                self.assertAlmostEqual(p.mean().item(), 0.0, delta=0.002, msg=name)
        same = TransformerLm(64, 2, 4, 64).initialize(1)
        self.assertTrue(all(torch.equal(a, b) for a, b in zip(model.parameters(), same.parameters())))

    def test_initial_weights_are_the_built_in_trainers(self):
        # DJL: Engine.setRandomSeed(3), TransformerLm(16, 1, 2, 16) initialised as LmTrainer does;
        # ImageClassifier(8, 2) on 8x8x1 images, 4 classes, seed 7, as ClassifierTrainer does.
        # (first, second, last) value of each weight.
        djl = {
            "token_embedding": ("-0.0015328858", "0.00719763", "0.016733402"),
            "position_embedding": ("0.0019034832", "0.0070469338", "-0.024034709"),
            "blocks.0.attention.qkv.weight": ("0.005324351", "-0.00784092", "0.006515147"),
            "blocks.0.contract.weight": ("-0.024985896", "-0.022154829", "-0.0020177034"),
            "head.weight": ("0.010234825", "-0.020170372", "-0.019281661"),
        }
        self.assert_weights(TransformerLm(16, 1, 2, 16).initialize(3), djl)
        self.assert_weights(ImageClassifier("mlp", 8, 2, 8, 8, 1, 4).initialize(7), {
            "layers.0.weight": ("-0.14498067", "0.06993837", "0.07736191"),
            "head.weight": ("-0.7764291", "0.4380977", "0.6031869")})
        self.assert_weights(ImageClassifier("cnn", 8, 2, 8, 8, 1, 4).initialize(7), {
            "layers.1.weight": ("0.068417475", "0.2945829", "-0.07491232"),
            "head.weight": ("-0.02526481", "-0.46833467", "-0.6030376")})

    def assert_weights(self, model, expected):
        parameters = dict(model.named_parameters())
        for name, values in expected.items():
            flat = parameters[name].detach().flatten()
            got = (flat[0].item(), flat[1].item(), flat[-1].item())
            self.assertEqual(got, tuple(f32(float(v)) for v in values), name)

    def test_classifier_weights_he_normal(self):
        model = ImageClassifier("cnn", 64, 2, 8, 8, 1, 10).initialize(0)
        conv = model.layers[1].weight  # fan_in 64 x 3 x 3
        self.assertAlmostEqual(conv.std().item(), math.sqrt(2 / 576), delta=0.003)
        self.assertTrue(torch.all(model.layers[1].bias == 0))


class ScheduleTest(unittest.TestCase):
    def test_equals_djl_trackers(self):
        # (steps, warmupFraction) -> {update: Float.toString of the DJL rate}, peak 0.003
        djl = {
            (1, 0.05): {1: "3.0E-4"},
            (7, 0.3): {1: "0.00225", 2: "0.003", 3: "0.002742173", 5: "0.0012328271"},
            (200, 0.05): {1: "5.7000003E-4", 5: "0.00165", 10: "0.003", 11: "0.0029998156",
                          97: "0.0018280544", 150: "7.356699E-4", 199: "3.0018453E-4", 200: "3.0E-4"},
            (200, 0.0): {1: "0.0029998336", 100: "0.00165", 199: "3.0016658E-4"},
            (1953, 0.05): {1: "6.091212E-5", 97: "0.0029697001", 100: "0.0029999923", 1000: "0.0017082833",
                           1953: "3.0E-4"},
        }
        for (steps, fraction), rates in djl.items():
            schedule = DjlSchedule(0.003, steps, fraction)
            for t, rate in rates.items():
                with self.subTest(steps=steps, fraction=fraction, t=t):
                    self.assertEqual(schedule(t), f32(float(rate)))


class JavaRandomTest(unittest.TestCase):
    def test_equals_the_jdk(self):
        r = SplittableRandom(42)
        self.assertEqual([r.next_long() for _ in range(3)],
                         [-4767286540954276203, 2949826092126892291, 5139283748462763858])
        self.assertEqual([r.next_double() for _ in range(3)],
                         [0.34419071652363753, 0.03803016854024621, 0.8682280765465323])
        bounds = [1, 2, 7, 1000, 1 << 20, 2147483647, 1610612736]
        self.assertEqual([r.next_int(b) for b in bounds], [0, 0, 6, 706, 979955, 1962149151, 823239971])

    def test_mixture_sampler_draws_the_windows_of_the_built_in_trainer(self):
        documents = [("p1", "prose", "It was a dark and stormy night."),
                     ("p2", "prose", "Call me Ishmael. Été."),
                     ("c1", "code", "int main() { return 0; }"), ("z1", "Zeta", "Z" * 42)]
        weights = {"prose": 0.5, "code": 0.3, "Zeta": 0.2, "empty": 0.0}
        sampler = text_data.MixtureSampler(text_data.domain_texts(documents), weights, 9, 11)
        # new MixtureSampler(texts, weights, 9, 11).nextBatch(6): "Zeta" sorts first in Java's order
        java = [117, 114, 110, 32, 48, 59, 32, 125, 10, 32, 97, 32, 100, 97, 114, 107, 32, 97,
                90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90,
                32, 109, 97, 105, 110, 40, 41, 32, 123, 90, 90, 90, 90, 90, 90, 90, 90, 10]
        self.assertEqual(sampler.next_batch(6).flatten().tolist(), java)


class OptimiserTest(unittest.TestCase):
    def test_two_adamw_updates_as_djl_performs_them(self):
        w = torch.nn.Parameter(torch.tensor([0.5, -1.0, 2.0]))
        optimizer = DjlAdamW([w], weight_decay=0.1)
        grads = [[0.2, -0.4, 1.0], [-0.1, 0.3, 0.5]]
        lrs, scale = [0.01, 0.02], 0.5
        expected, m, v = [0.5, -1.0, 2.0], [0.0] * 3, [0.0] * 3
        for t, (g, lr) in enumerate(zip(grads, lrs), 1):
            w.grad = torch.tensor(g)
            optimizer.step(lr, scale)
            corrected = lr * math.sqrt(1 - 0.999**t) / (1 - 0.9**t)
            for i in range(3):
                gi = g[i] * scale
                expected[i] -= lr * 0.1 * expected[i]
                m[i] = 0.9 * m[i] + 0.1 * gi
                v[i] = 0.999 * v[i] + 0.001 * gi * gi
                expected[i] -= corrected * m[i] / (math.sqrt(v[i]) + 1e-8)
            self.assertIsNone(w.grad)
        for got, want in zip(w.tolist(), expected):
            self.assertAlmostEqual(got, want, delta=1e-6)

    def test_clipping_by_the_global_norm(self):
        a, b = torch.nn.Parameter(torch.zeros(2)), torch.nn.Parameter(torch.zeros(1))
        a.grad, b.grad = torch.tensor([3.0, 0.0]), torch.tensor([4.0])
        norm, factor = clip_factor([a, b], 1.0)
        self.assertAlmostEqual(norm, 5.0, places=5)
        self.assertAlmostEqual(factor, 1 / (5 + 1e-6), places=7)
        self.assertEqual(clip_factor([a, b], 10.0)[1], 1.0)


if __name__ == "__main__":
    unittest.main()
