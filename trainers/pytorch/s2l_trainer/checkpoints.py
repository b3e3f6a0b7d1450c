"""Checkpoints in `outputDir/checkpoints/` (docs/trainer-contract.md section 5).

- `resume.pt`, written during training (every `options.checkpointEverySteps` steps, or every ten
  minutes): parameters, optimiser moments, the step and the losses so far. A later attempt of the
  same job finds it under `previousAttemptDir` and continues from it; the data order is replayed
  from the seed, so the resumed run equals an uninterrupted one (on CPU, bit for bit).
- `final.pt`, written once trained: the parameters and what they are, listed in result.json.
"""
import glob
import os
import sys
import time

import torch

RESUME = "resume.pt"
FINAL = "final.pt"
DEFAULT_EVERY_SECONDS = 600


def identity(spec):
    """What a resume checkpoint must match: everything that decides the run's numbers."""
    return {
        "run": spec.run,
        "family": spec.family,
        "scale": vars(spec.scale),
        "seed": spec.seed,
        "budget": [spec.budget_tokens, spec.budget_epochs],
        "training": {k: v for k, v in vars(spec.training).items() if k != "device"},
        "data": [spec.data.file, spec.data.weights, spec.data.subset],
    }


def _save(path, payload):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".tmp"
    torch.save(payload, temporary)
    os.replace(temporary, path)


class Checkpointer:
    """Decides when to save `resume.pt` and finds the previous attempt's."""

    def __init__(self, spec):
        self._spec = spec
        self._dir = os.path.join(spec.output_dir, "checkpoints")
        every = spec.options.get("checkpointEverySteps")
        if every is not None and (not isinstance(every, int) or isinstance(every, bool) or every < 1):
            raise ValueError(f"options.checkpointEverySteps must be a positive integer, was {every!r}")
        self._every_steps = every
        self._last = time.monotonic()

    def due(self, step, steps):
        if step >= steps:
            return False
        if self._every_steps is not None:
            return step % self._every_steps == 0
        return time.monotonic() - self._last >= DEFAULT_EVERY_SECONDS

    def save(self, step, losses, model, optimizer):
        _save(
            os.path.join(self._dir, RESUME),
            {
                "identity": identity(self._spec),
                "step": step,
                "losses": list(losses),
                "model": model.state_dict(),
                "optimizer": optimizer.state_dict(),
            },
        )
        self._last = time.monotonic()

    def previous(self):
        """The previous attempt's resume state for this very run, or None."""
        root = self._spec.previous_attempt_dir
        if not root:
            return None
        candidates = [os.path.join(root, "checkpoints", RESUME)]
        candidates += sorted(glob.glob(os.path.join(glob.escape(root), "*", "checkpoints", RESUME)))
        for path in candidates:
            if not os.path.isfile(path):
                continue
            try:
                state = torch.load(path, map_location="cpu")
            except Exception as e:  # a torn or foreign file: train from the start instead
                print(f"ignoring {path}: {e}", file=sys.stderr)
                continue
            if state.get("identity") != identity(self._spec):
                print(f"ignoring {path}: it belongs to another run or settings", file=sys.stderr)
                continue
            print(f"resuming from {path} at step {state['step']}", file=sys.stderr)
            return state
        return None

    def save_final(self, model, description):
        """`checkpoints/final.pt`; returns its path relative to the output directory."""
        _save(os.path.join(self._dir, FINAL), {"model": description, "state": model.state_dict()})
        return "checkpoints/" + FINAL
