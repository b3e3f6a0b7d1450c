"""A language-model run end to end, as the worker starts it, checked against
docs/trainer-contract.md sections 3 and 4; determinism and resuming."""
import json
import math
import os
import tempfile
import unittest

import fixtures


class LmRunTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = fixtures.class_directory(cls)
        cls.files = fixtures.lm_files(cls.root)
        cls.spec = fixtures.lm_spec(cls.root, cls.files, seed=3)
        cls.done = fixtures.run(cls.root, cls.spec)

    def test_exits_zero_with_complete_outputs_and_nothing_else(self):
        self.assertEqual(self.done.returncode, 0, self.done.stderr)
        out = self.spec["outputDir"]
        self.assertEqual(sorted(os.listdir(out)), ["checkpoints", "losses.csv", "result.json"])
        self.assertEqual(os.listdir(os.path.join(out, "checkpoints")), ["final.pt"])

    def test_result_accounts_for_the_model_and_the_steps(self):
        result = fixtures.result(self.spec["outputDir"])
        # ModelScale.nonEmbeddingParams()/totalParams() of width 16, depth 1, context 16
        self.assertEqual(result["paramsNonEmbedding"], 3312)
        self.assertEqual(result["paramsTotal"], 12016)
        # ceil(3000 / (4 x 16)) = 47 steps of 64 tokens
        self.assertEqual(result["steps"], 47)
        self.assertEqual(result["tokens"], 47 * 64)
        self.assertEqual(result["contract"], "s2l-trainer/1")
        self.assertEqual(result["device"], "cpu")
        self.assertEqual(result["trainer"], {"name": "s2l-pytorch", "version": "1"})
        self.assertEqual(result["checkpoints"], ["checkpoints/final.pt"])
        self.assertGreater(result["wallSeconds"], 0)
        self.assertTrue(math.isfinite(result["finalTrainLoss"]) and result["finalTrainLoss"] > 0)

    def test_stdout_is_progress_lines_every_ten_steps_and_at_the_last(self):
        lines = fixtures.progress(self.done.stdout)
        self.assertEqual([line["step"] for line in lines], [10, 20, 30, 40, 47])
        for line in lines:
            self.assertEqual(set(line), {"step", "steps", "tokens", "loss"})
            self.assertEqual(line["steps"], 47)
            self.assertEqual(line["tokens"], line["step"] * 64)
            self.assertTrue(math.isfinite(line["loss"]) and line["loss"] > 0)
        self.assertLess(lines[-1]["loss"], math.log(256), "the model learned nothing")
        self.assertIn("torch.compile skipped", self.done.stderr)

    def test_losses_have_every_example_once_with_the_runs_columns(self):
        columns, rows = fixtures.losses(self.spec["outputDir"])
        self.assertEqual(columns, ["scale", "params", "tokens", "distribution", "seed", "evalSet",
                                   "exampleId", "loss", "correct", "chance"])
        result = fixtures.result(self.spec["outputDir"])
        expected = {}
        for eval_set in self.spec["evalSets"]:
            with open(eval_set["file"], encoding="utf-8") as f:
                expected[eval_set["name"]] = [json.loads(line)["id"] for line in f]
        got = {}
        for row in rows:
            got.setdefault(row["evalSet"], []).append(row["exampleId"])
            self.assertEqual((row["scale"], row["distribution"], row["seed"]), ("w16-L1", "mix/a", "3"))
            self.assertEqual(int(row["params"]), result["paramsNonEmbedding"])
            self.assertEqual(int(row["tokens"]), result["tokens"])
            loss = float(row["loss"])
            self.assertTrue(math.isfinite(loss) and loss >= 0, row)
            if row["evalSet"] == "grammar":
                self.assertIn(row["correct"], ("true", "false"))
                self.assertAlmostEqual(float(row["chance"]), 1 / 3, places=12)
            else:
                self.assertEqual((row["correct"], row["chance"]), ("", ""))
        self.assertEqual(got, expected)
        tie = next(r for r in rows if r["exampleId"] == "ch-tie")
        self.assertEqual(tie["correct"], "false", "a tie for the best choice counts as wrong")

    def test_matches_the_built_in_trainer_on_the_same_job(self):
        # io.s2l.lm.train.LmTrainer and io.s2l.lm.eval.Evaluations (DJL 0.33.0 on libtorch 2.5.1, CPU,
        # one thread) on these very files: seed 3, the same mixture and settings, tokensPerParam 0.9
        # (2981 tokens, 47 steps), evaluation batch 64. Same weights and windows: only the kernels'
        # rounding differs.
        djl_progress = {10: 4.9918947, 20: 4.318754, 30: 3.7260015, 40: 3.5457046, 47: 3.5167994}
        djl = {"text-0": 3.549618, "text-1": 3.5274017, "text-2": 3.5175056, "text-3": 3.5209513,
               "text-short": 4.272541, "ans-empty": 3.393859, "ans-long": 3.4043512,
               "ans-utf8": 5.3138885, "ch-0": 3.5321112, "ch-1": 3.3897748, "ch-2": 3.486615,
               "ch-3": 3.5322547, "ch-tie": 3.6802144}
        djl_correct = {"ch-0": "false", "ch-1": "false", "ch-2": "true", "ch-3": "false", "ch-tie": "false"}
        for line in fixtures.progress(self.done.stdout):
            self.assertAlmostEqual(line["loss"], djl_progress[line["step"]], delta=1e-4)
        final = fixtures.result(self.spec["outputDir"])["finalTrainLoss"]
        self.assertAlmostEqual(final, 3.5449181, delta=1e-4)
        _, rows = fixtures.losses(self.spec["outputDir"])
        for row in rows:
            self.assertAlmostEqual(float(row["loss"]), djl[row["exampleId"]], delta=1e-4,
                                   msg=row["exampleId"])
            if row["exampleId"] in djl_correct:
                self.assertEqual(row["correct"], djl_correct[row["exampleId"]], row["exampleId"])

    def test_the_same_seed_gives_identical_results_and_another_seed_does_not(self):
        again = fixtures.run(self.root, dict(self.spec, outputDir=self._fresh_out()))
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(again.stdout, self.done.stdout)
        self.assertEqual(fixtures.losses(self._last_out)[1], fixtures.losses(self.spec["outputDir"])[1])
        other = dict(self.spec, seed=4, run="w16-L1/mix/a/4", outputDir=self._fresh_out())
        different = fixtures.run(self.root, other)
        self.assertEqual(different.returncode, 0, different.stderr)
        self.assertNotEqual(different.stdout, self.done.stdout)

    def test_a_later_attempt_resumes_from_the_previous_checkpoint_to_the_same_result(self):
        attempt_dir = tempfile.mkdtemp(dir=self.root)
        first_out = os.path.join(attempt_dir, "out")
        os.makedirs(first_out)
        options = {"checkpointEverySteps": 20}
        first = fixtures.run(self.root, dict(self.spec, options=options, outputDir=first_out))
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertTrue(os.path.isfile(os.path.join(first_out, "checkpoints", "resume.pt")))
        second = fixtures.run(self.root, dict(self.spec, options=options, outputDir=self._fresh_out(),
                                              previousAttemptDir=attempt_dir))
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertIn("resuming from", second.stderr)
        # the last checkpoint before step 47 is at step 40: only the last lines are trained again
        self.assertEqual([line["step"] for line in fixtures.progress(second.stdout)], [47])
        self.assertEqual(fixtures.progress(second.stdout)[-1], fixtures.progress(self.done.stdout)[-1])
        self.assertEqual(fixtures.losses(self._last_out)[1], fixtures.losses(self.spec["outputDir"])[1])
        self.assertEqual(fixtures.result(self._last_out)["finalTrainLoss"],
                         fixtures.result(self.spec["outputDir"])["finalTrainLoss"])

    def _fresh_out(self):
        self._last_out = tempfile.mkdtemp(dir=self.root)
        return self._last_out


if __name__ == "__main__":
    unittest.main()
