"""The optimisation loop both families share (lm-core LmTrainer, classifier-core ClassifierTrainer):
per step one batch, mean cross-entropy, backward, global-norm clipping, one AdamW update at the
scheduled rate; progress every 10 steps and at the last; `finalTrainLoss` the mean loss of the last
tenth of the steps.
"""
import math
import time
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from . import device as devices
from .optim import DjlAdamW, DjlSchedule, clip_factor

PROGRESS_EVERY = 10


class TrainingDiverged(RuntimeError):
    """A step's loss is not finite: the run cannot produce valid results."""


@dataclass
class Trained:
    model: torch.nn.Module
    params_non_embedding: int
    params_total: int
    tokens: int
    steps: int
    final_train_loss: float
    wall_seconds: float
    cpu_seconds: float


@dataclass
class Job:
    """One run's loop: `data.next()` gives (inputs, targets) of the next step and `data.skip(n)`
    replays n steps' draws; `tokens_after(step)` is what the run has trained on after `step`."""

    model: torch.nn.Module
    data: object
    steps: int
    tokens_after: object


def run(job, spec, device, progress, checkpointer):
    """Trains `job.model` (already initialised, on `device`); returns the per-step losses, the wall
    seconds and the process's CPU seconds (on a shared machine the two differ)."""
    t = spec.training
    model = job.model
    forward = devices.compiled(model, device)
    optimizer = DjlAdamW(model.parameters(), t.weight_decay)
    schedule = DjlSchedule(t.learning_rate, job.steps, t.warmup_fraction)
    parameters = list(model.parameters())
    losses, done = [], 0
    state = checkpointer.previous()
    if state is not None:
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        done, losses = state["step"], list(state["losses"])
        job.data.skip(done)
    started, cpu_started = time.perf_counter(), time.process_time()
    model.train()
    for step in range(done + 1, job.steps + 1):
        inputs, targets = job.data.next()
        inputs, targets = inputs.to(device), targets.to(device)
        with devices.autocast(device):
            logits = forward(inputs)
        loss = F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), targets.reshape(-1))
        loss.backward()
        _, factor = clip_factor(parameters, t.gradient_clip)
        optimizer.step(schedule(step), factor)
        value = loss.item()
        if not math.isfinite(value):
            raise TrainingDiverged(f"training diverged at step {step}: loss {value}")
        losses.append(value)
        if step % PROGRESS_EVERY == 0 or step == job.steps:
            progress.report(step, job.steps, job.tokens_after(step), value)
        if checkpointer.due(step, job.steps):
            checkpointer.save(step, losses, model, optimizer)
    return losses, time.perf_counter() - started, time.process_time() - cpu_started


def final_train_loss(losses):
    """Mean loss over the last tenth of the steps (at least one)."""
    tail = max(1, len(losses) // 10)
    return sum(losses[-tail:]) / tail
