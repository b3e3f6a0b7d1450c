"""Image-classifier runs (mlp and cnn) end to end on synthetic 8x8 images."""
import math
import unittest

import fixtures


class ClassifierRunTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = fixtures.class_directory(cls)
        cls.files = fixtures.image_files(cls.root)
        # a subset of 30 of the 48 pool images, one of them twice (sampling with replacement)
        cls.subset = [f"img-{i}" for i in range(29)] + ["img-3"]
        cls.specs = {f: fixtures.classifier_spec(cls.root, cls.files, f, subset=cls.subset)
                     for f in ("mlp", "cnn")}
        cls.runs = {f: fixtures.run(cls.root, spec) for f, spec in cls.specs.items()}

    def test_both_families_write_complete_outputs(self):
        # ClassifierScale.params(8, 8, 1, 4) at width 8, depth 2: mlp (64+1)8 + (8+1)8 + (8+1)4,
        # cnn (9+1)8 + (72+1)8 + (8+1)4
        params = {"mlp": 628, "cnn": 700}
        for family, done in self.runs.items():
            with self.subTest(family):
                self.assertEqual(done.returncode, 0, done.stderr)
                out = self.specs[family]["outputDir"]
                result = fixtures.result(out)
                self.assertEqual(result["paramsNonEmbedding"], params[family])
                self.assertEqual(result["paramsTotal"], params[family])
                # 4 epochs of the 30 subset images in batches of 10: 12 steps, 120 images seen
                self.assertEqual((result["steps"], result["tokens"]), (12, 120))
                lines = fixtures.progress(done.stdout)
                self.assertEqual([(p["step"], p["tokens"]) for p in lines], [(10, 100), (12, 120)])
                columns, rows = fixtures.losses(out)
                self.assertEqual(columns[-3:], ["correct", "chance", "margin"])
                self.assertEqual([r["exampleId"] for r in rows], [f"test-{i}" for i in range(20)])
                for row in rows:
                    self.assertEqual(row["scale"], f"{family}-8")
                    self.assertEqual(row["distribution"], "half")
                    self.assertEqual(int(row["tokens"]), 120)
                    self.assertTrue(math.isfinite(float(row["loss"])) and float(row["loss"]) >= 0)
                    self.assertTrue(math.isfinite(float(row["margin"])))
                    self.assertIn(row["correct"], ("true", "false"))
                    self.assertEqual(float(row["chance"]), 0.25)

    def test_matches_the_built_in_trainer_on_the_same_job(self):
        # io.s2l.classifier.ClassifierTrainer and ClassifierEvaluation (DJL 0.33.0 on libtorch 2.5.1,
        # CPU, one thread) on these images: seed 0, the same subset (pool indices 0..28 and 3) and
        # settings. Per family: final train loss, the first four test losses and margins, and
        # whether each of the 20 test images is classified correctly.
        djl = {
            "mlp": (1.1462929, [1.346146, 1.2586458, 0.722479, 0.4775647],
                    [-1.0447147, -0.92451704, -0.057827678, 0.49078843], "01110111011101110011"),
            "cnn": (1.1201279, [0.94752884, 1.4009491, 1.2133117, 1.2791077],
                    [-0.4569993, -1.1181047, -0.8606126, -0.95298207], "10101000100010101000"),
        }
        for family, (final, losses, margins, correct) in djl.items():
            with self.subTest(family):
                out = self.specs[family]["outputDir"]
                self.assertAlmostEqual(fixtures.result(out)["finalTrainLoss"], final, delta=1e-4)
                _, rows = fixtures.losses(out)
                for row, loss, margin in zip(rows, losses, margins):
                    self.assertAlmostEqual(float(row["loss"]), loss, delta=1e-4)
                    self.assertAlmostEqual(float(row["margin"]), margin, delta=1e-4)
                self.assertEqual("".join("1" if r["correct"] == "true" else "0" for r in rows), correct)

    def test_the_mlp_learns_the_easy_classes(self):
        _, rows = fixtures.losses(self.specs["mlp"]["outputDir"])
        accuracy = sum(r["correct"] == "true" for r in rows) / len(rows)
        self.assertGreater(accuracy, 0.5, "four well separated classes, chance 0.25")

    def test_the_run_depends_on_the_multiset_of_the_subset_only(self):
        spec = fixtures.classifier_spec(self.root, self.files, "cnn", subset=list(reversed(self.subset)))
        again = fixtures.run(self.root, spec)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(again.stdout, self.runs["cnn"].stdout)
        first = fixtures.losses(self.specs["cnn"]["outputDir"])[1]
        self.assertEqual(fixtures.losses(spec["outputDir"])[1], first)

    def test_an_unknown_subset_id_fails_the_run(self):
        spec = fixtures.classifier_spec(self.root, self.files, "mlp", subset=["img-1", "nope"])
        done = fixtures.run(self.root, spec)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("no training image with id 'nope'", done.stderr)
        self.assertEqual(done.stdout, "")


if __name__ == "__main__":
    unittest.main()
