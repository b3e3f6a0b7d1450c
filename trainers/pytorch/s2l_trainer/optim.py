"""The built-in trainer's optimisation, in its own arithmetic.

- Learning rate of update t (from 1): DJL's WarmUpTracker (linear, from peak / warmup over
  round(steps x warmupFraction) updates) over a CosineTracker (peak down to 10% of it over the
  remaining updates, then flat). Java evaluates it in float32; so does `DjlSchedule`.
- Global-norm clipping (djl-support GlobalNormClipping): the norm of the per-array L2 norms; above
  `clip`, every gradient is scaled by clip / (norm + 1e-6).
- AdamW as DJL's PyTorch engine performs it (its native adamUpdate with adamw = true), on every
  parameter: w <- w - lr wd w; m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2;
  w <- w - lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps), with b1 0.9, b2 0.999, eps 1e-8.
  This differs from torch.optim.AdamW in where eps sits (outside the bias correction of v), so it is
  written out here.
"""
import math
import struct

import torch


def f32(x):
    """x rounded to float32, as a Java float holds it."""
    return struct.unpack("f", struct.pack("f", x))[0]


def java_round(x):
    """Java's Math.round(double): floor(x + 0.5)."""
    return int(math.floor(x + 0.5))


class DjlSchedule:
    """lr(t) for updates t = 1..steps, as LmTrainer and ClassifierTrainer configure DJL's trackers."""

    def __init__(self, peak, steps, warmup_fraction):
        self.warmup = java_round(steps * warmup_fraction)
        self.peak = f32(peak)
        self.final = f32(self.peak * f32(0.1))
        self.begin = f32(self.peak / max(1, self.warmup))
        self.max_updates = max(1, steps - self.warmup)

    def _cosine(self, n):
        if n > self.max_updates:
            return self.final
        cos = f32(math.cos(math.pi * n / self.max_updates))
        return f32(self.final + f32(f32(f32(self.peak - self.final) / 2) * f32(1 + cos)))

    def __call__(self, t):
        if t < self.warmup:
            # the warm-up ends at the cosine's first value, the peak
            return f32(self.begin + f32(f32(f32(self._cosine(0) - self.begin) * t) / self.warmup))
        return self._cosine(t - self.warmup)


def clip_factor(parameters, clip):
    """(global gradient norm, the factor that brings it down to `clip`: 1 when it is within)."""
    norms = [p.grad.detach().float().norm() for p in parameters if p.grad is not None]
    norm = f32(torch.stack(norms).norm().item())
    return norm, (f32(f32(clip) / f32(norm + f32(1e-6))) if norm > f32(clip) else 1.0)


class DjlAdamW:
    """AdamW with DJL's update; its state (moments, update count) can be saved and restored."""

    BETA1, BETA2, EPSILON = f32(0.9), f32(0.999), f32(1e-8)

    def __init__(self, parameters, weight_decay):
        self.parameters = list(parameters)
        self.weight_decay = f32(weight_decay)
        self.updates = 0
        self.means = [torch.zeros_like(p) for p in self.parameters]
        self.variances = [torch.zeros_like(p) for p in self.parameters]

    @torch.no_grad()
    def step(self, lr, gradient_scale=1.0):
        """One update of every parameter from grad x gradient_scale; the gradients are then cleared."""
        self.updates += 1
        t = self.updates
        coef1 = 1 - math.pow(self.BETA1, t)
        coef2 = 1 - math.pow(self.BETA2, t)
        lr = f32(lr)
        corrected = f32(lr * math.sqrt(coef2) / coef1)
        b1, b2 = self.BETA1, self.BETA2
        params = self.parameters
        grads = [p.grad for p in params]
        if gradient_scale != 1.0:
            grads = torch._foreach_mul(grads, gradient_scale)
        decay = torch._foreach_mul(params, lr)
        torch._foreach_mul_(decay, self.weight_decay)
        torch._foreach_sub_(params, decay)
        torch._foreach_mul_(self.means, b1)
        torch._foreach_add_(self.means, grads, alpha=f32(1 - b1))
        torch._foreach_mul_(self.variances, b2)
        torch._foreach_addcmul_(self.variances, grads, grads, value=f32(1 - b2))
        denominators = torch._foreach_sqrt(self.variances)
        torch._foreach_add_(denominators, self.EPSILON)
        steps = torch._foreach_mul(self.means, corrected)
        torch._foreach_div_(steps, denominators)
        torch._foreach_sub_(params, steps)
        for p in params:
            p.grad = None

    def state_dict(self):
        return {"updates": self.updates, "means": self.means, "variances": self.variances}

    def load_state_dict(self, state):
        self.updates = state["updates"]
        with torch.no_grad():
            for mine, saved in zip(self.means + self.variances, state["means"] + state["variances"]):
                mine.copy_(saved)
