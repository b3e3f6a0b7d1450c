"""Specs the trainer must refuse, with a non-zero exit, a reason on stderr, nothing on stdout and
no outputs."""
import copy
import os
import unittest

import fixtures

from s2l_trainer.spec import SpecError, parse


class RefusalTest(unittest.TestCase):
    def setUp(self):
        self.root = fixtures.test_directory(self)
        self.files = fixtures.lm_files(self.root)

    def assert_refused(self, spec, reason, extra_env=None, code=None):
        done = fixtures.run(self.root, spec, extra_env)
        self.assertNotEqual(done.returncode, 0)
        if code is not None:
            self.assertEqual(done.returncode, code, done.stderr)
        self.assertIn(reason, done.stderr)
        self.assertEqual(done.stdout, "")
        self.assertEqual(os.listdir(spec["outputDir"]), [])

    def test_an_unknown_contract_version(self):
        spec = dict(fixtures.lm_spec(self.root, self.files), contract="s2l-trainer/2")
        self.assert_refused(spec, "unsupported contract 's2l-trainer/2'", code=2)

    def test_an_unknown_contract_version_through_the_module_entry_point(self):
        spec = dict(fixtures.lm_spec(self.root, self.files), contract="s2l-trainer/0")
        done = fixtures.run(self.root, spec, module=True)
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertIn("unsupported contract 's2l-trainer/0'", done.stderr)

    def test_gpu_requested_where_cuda_is_not_available(self):
        spec = fixtures.lm_spec(self.root, self.files, device="gpu")
        # no visible device: torch.cuda.is_available() is false whether or not the machine has one
        self.assert_refused(spec, "training.device is gpu but CUDA is not available",
                            {"CUDA_VISIBLE_DEVICES": ""}, code=3)

    def test_a_domain_of_the_mixture_missing_from_the_pool(self):
        spec = fixtures.lm_spec(self.root, self.files)
        spec["data"]["weights"] = {"prose": 0.5, "poetry": 0.5}
        self.assert_refused(spec, "no text for domain 'poetry'", code=1)


class SpecFieldTest(unittest.TestCase):
    def setUp(self):
        root = fixtures.test_directory(self)
        self.spec = fixtures.lm_spec(root, fixtures.lm_files(root))

    def refused(self, change):
        spec = copy.deepcopy(self.spec)
        change(spec)
        with self.assertRaises(SpecError) as caught:
            parse(spec)
        return str(caught.exception)

    def test_bad_fields_are_named_with_their_bounds(self):
        self.assertIn("scale.heads (3) must divide scale.width (16)",
                      self.refused(lambda s: s["scale"].update(heads=3)))
        self.assertIn("budget.tokens must be an integer in [1,",
                      self.refused(lambda s: s["budget"].update(tokens=0)))
        self.assertIn("training.device must be one of cpu, gpu",
                      self.refused(lambda s: s["training"].update(device="tpu")))
        self.assertIn("evalSets[2].chance", self.refused(lambda s: s["evalSets"][2].pop("chance")))
        self.assertIn("exactly one of data.weights and data.subset",
                      self.refused(lambda s: s["data"].update(subset=["doc-1"])))
        self.assertIn("is not 'w16-L1/<distribution>/0'",
                      self.refused(lambda s: s.update(run="other/mix/0") or s.pop("distribution")))
        self.assertIn("distribution must be a non-empty string",
                      self.refused(lambda s: s.update(distribution="")))

    def test_the_distribution_is_the_specs_or_else_the_middle_of_run(self):
        self.assertEqual(parse(dict(self.spec, distribution="given")).distribution, "given")
        del self.spec["distribution"]
        self.assertEqual(parse(self.spec).distribution, "mix/a")


if __name__ == "__main__":
    unittest.main()
