#!/usr/bin/env python3
"""s2l's PyTorch reference trainer: `python3 train.py /path/to/spec.json` (docs/trainer-contract.md).

The worker starts it with a clean environment and the run directory as working directory, so the
trainer finds its package next to this file, not through PYTHONPATH or the current directory.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from s2l_trainer.main import main  # noqa: E402  (after the path is set)

if __name__ == "__main__":
    sys.exit(main(sys.argv))
