"""Progress lines on stdout (docs/trainer-contract.md section 3)."""
import io
import json
import unittest

import fixtures  # noqa: F401  (puts the trainer on sys.path)

from s2l_trainer.outputs import Progress


class ProgressTest(unittest.TestCase):
    def setUp(self):
        self.now = 0.0
        self.out = io.StringIO()
        self.progress = Progress(self.out, clock=lambda: self.now)

    def lines(self):
        return [json.loads(line) for line in self.out.getvalue().splitlines()]

    def test_one_json_object_per_line(self):
        self.progress.report(10, 47, 640, 4.5)
        self.assertEqual(self.out.getvalue(), '{"step": 10, "steps": 47, "tokens": 640, "loss": 4.5}\n')

    def test_after_training_the_last_line_again_once_a_minute(self):
        self.progress.keep_alive()
        self.assertEqual(self.lines(), [], "nothing to repeat before the first step")
        self.progress.report(47, 47, 3008, 3.5)
        self.now = 59.0
        self.progress.keep_alive()
        self.assertEqual(len(self.lines()), 1)
        self.now = 60.0
        self.progress.keep_alive()
        self.now = 100.0
        self.progress.keep_alive()
        self.now = 120.0
        self.progress.keep_alive()
        self.assertEqual([line["step"] for line in self.lines()], [47, 47, 47])


if __name__ == "__main__":
    unittest.main()
