"""Reading and checking `spec.json` (docs/trainer-contract.md section 2).

Every field the trainer uses is checked here, once, with a message naming the field, its bound and
the value, so that the rest of the code works on typed, valid values.
"""
import json
import math
from dataclasses import dataclass
from typing import Dict, List, Optional

from . import CONTRACT

FAMILIES = ("lm", "mlp", "cnn")
LM_KINDS = ("text", "answer", "choice")
IMAGE_KINDS = ("image",)
DEFAULT_MAX_TEXT_BYTES = 256


class SpecError(ValueError):
    """The spec cannot be trained: unknown contract version, or a field missing or out of bounds."""


@dataclass(frozen=True)
class Scale:
    name: str
    width: int
    depth: int
    heads: Optional[int]
    context: Optional[int]


@dataclass(frozen=True)
class Training:
    batch_size: int
    learning_rate: float
    warmup_fraction: float
    weight_decay: float
    gradient_clip: float
    device: str


@dataclass(frozen=True)
class Data:
    format: str
    file: str
    weights: Optional[Dict[str, float]]
    subset: Optional[List[str]]
    image_shape: Optional[List[int]]
    pixel_max: Optional[float]
    classes: Optional[int]


@dataclass(frozen=True)
class EvalSet:
    name: str
    kind: str
    file: str
    examples: Optional[int]
    max_text_bytes: int
    chance: Optional[float]

    @property
    def has_answers(self):
        return self.kind in ("choice", "image")


@dataclass(frozen=True)
class Spec:
    study: str
    run: str
    given_distribution: Optional[str]
    family: str
    scale: Scale
    options: dict
    seed: int
    budget_tokens: Optional[int]
    budget_epochs: Optional[int]
    training: Training
    data: Data
    eval_sets: List[EvalSet]
    output_dir: str
    previous_attempt_dir: Optional[str]

    @property
    def distribution(self):
        """The run's distribution: the spec's `distribution`, or (in specs without it) the middle of
        `run`, which is `scale/distribution/seed`; the names may hold '/'."""
        if self.given_distribution is not None:
            return self.given_distribution
        prefix, suffix = self.scale.name + "/", "/" + str(self.seed)
        if not (self.run.startswith(prefix) and self.run.endswith(suffix)):
            raise SpecError(f"run '{self.run}' is not '{prefix}<distribution>{suffix}'")
        name = self.run[len(prefix) : len(self.run) - len(suffix)]
        if not name:
            raise SpecError(f"run '{self.run}' names no distribution")
        return name


def load(path):
    """The spec at `path`; SpecError for a version this trainer does not speak or a bad field."""
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except (OSError, ValueError) as e:
        raise SpecError(f"cannot read the spec {path}: {e}") from e
    if not isinstance(raw, dict):
        raise SpecError("the spec must be a JSON object")
    return parse(raw)


def parse(raw):
    contract = raw.get("contract")
    if contract != CONTRACT:
        raise SpecError(f"unsupported contract {contract!r}: this trainer speaks only {CONTRACT}")
    family = _choice(raw, "family", FAMILIES)
    lm = family == "lm"
    s = _object(raw, "scale")
    scale = Scale(
        name=_string(s, "name", "scale.name"),
        width=_int(s, "width", 1, 1 << 16, "scale.width"),
        depth=_int(s, "depth", 1, 1024, "scale.depth"),
        heads=_int(s, "heads", 1, 1024, "scale.heads") if lm else None,
        context=_int(s, "context", 2, 1 << 20, "scale.context") if lm else None,
    )
    if lm and scale.width % scale.heads != 0:
        raise SpecError(f"scale.heads ({scale.heads}) must divide scale.width ({scale.width})")
    budget = _object(raw, "budget")
    spec = Spec(
        study=str(raw.get("study", "")),
        run=_string(raw, "run", "run"),
        given_distribution=_string(raw, "distribution", "distribution") if "distribution" in raw else None,
        family=family,
        scale=scale,
        options=raw.get("options") or {},
        seed=_int(raw, "seed", -(1 << 63), (1 << 63) - 1, "seed"),
        budget_tokens=_int(budget, "tokens", 1, 1 << 62, "budget.tokens") if lm else None,
        budget_epochs=None if lm else _int(budget, "epochs", 1, 1_000_000, "budget.epochs"),
        training=_training(_object(raw, "training")),
        data=_data(_object(raw, "data"), lm),
        eval_sets=_eval_sets(raw, lm),
        output_dir=_string(raw, "outputDir", "outputDir"),
        previous_attempt_dir=raw.get("previousAttemptDir"),
    )
    spec.distribution  # noqa: B018  (checked now, not after training)
    return spec


def _training(t):
    # Defaults are those of the built-in trainer (TrainingSettings.DEFAULTS), for hand-written specs;
    # specs written by s2l always carry every field.
    return Training(
        batch_size=_int(t, "batchSize", 1, 1 << 20, "training.batchSize", 16),
        learning_rate=_number(t, "learningRate", 0, 1, "training.learningRate", 3e-3, open_low=True),
        warmup_fraction=_number(t, "warmupFraction", 0, 1, "training.warmupFraction", 0.05, open_high=True),
        weight_decay=_number(t, "weightDecay", 0, 1, "training.weightDecay", 0.01),
        gradient_clip=_number(t, "gradientClip", 0, 1e6, "training.gradientClip", 1.0, open_low=True),
        device=_choice(t, "device", ("cpu", "gpu"), "training.device", "cpu"),
    )


def _data(d, lm):
    fmt = _choice(d, "format", ("documents",) if lm else ("images",), "data.format")
    weights, subset = d.get("weights"), d.get("subset")
    if lm and (weights is None) == (subset is None):
        raise SpecError("exactly one of data.weights and data.subset must be given")
    if weights is not None:
        if not isinstance(weights, dict) or not weights:
            raise SpecError("data.weights must be a non-empty object of domain weights")
        for k, v in weights.items():
            if not _is_number(v) or v < 0 or not math.isfinite(v):
                raise SpecError(f"data.weights.{k} must be a finite number >= 0, was {v!r}")
        if not any(v > 0 for v in weights.values()):
            raise SpecError("data.weights has no domain with a positive weight")
        if not lm:
            # As the built-in trainer: images train on a subset of the pool, or (null) all of it.
            raise SpecError("image classifiers train on a data.subset, not on data.weights")
    if subset is not None and (
        not isinstance(subset, list) or not subset or not all(isinstance(i, str) for i in subset)
    ):
        raise SpecError("data.subset must be a non-empty list of example ids")
    shape = pixel_max = classes = None
    if not lm:
        shape = d.get("imageShape")
        if not (isinstance(shape, list) and len(shape) == 2 and all(_is_int(v) and v >= 1 for v in shape)):
            raise SpecError(f"data.imageShape must be [height, width] of positive integers, was {shape!r}")
        pixel_max = _number(d, "pixelMax", 0, 1e12, "data.pixelMax", open_low=True)
        classes = _int(d, "classes", 2, 1 << 20, "data.classes")
    return Data(fmt, _string(d, "file", "data.file"), weights, subset, shape, pixel_max, classes)


def _eval_sets(raw, lm):
    sets = raw.get("evalSets")
    if not isinstance(sets, list) or not sets:
        raise SpecError("evalSets must be a non-empty list")
    out, names = [], set()
    for i, e in enumerate(sets):
        at = f"evalSets[{i}]"
        if not isinstance(e, dict):
            raise SpecError(f"{at} must be an object")
        kind = _choice(e, "kind", LM_KINDS if lm else IMAGE_KINDS, at + ".kind")
        name = _string(e, "name", at + ".name")
        if name in names:
            raise SpecError(f"{at}.name '{name}' is given twice")
        names.add(name)
        answers = kind in ("choice", "image")
        chance = _number(e, "chance", 0, 1, at + ".chance", open_low=True) if answers else None
        examples = e.get("examples")
        if examples is not None and not (_is_int(examples) and examples >= 1):
            raise SpecError(f"{at}.examples must be a positive integer, was {examples!r}")
        max_bytes = _int(e, "maxTextBytes", 2, 1 << 20, at + ".maxTextBytes", DEFAULT_MAX_TEXT_BYTES)
        out.append(EvalSet(name, kind, _string(e, "file", at + ".file"), examples, max_bytes, chance))
    return out


def _object(raw, key):
    value = raw.get(key)
    if not isinstance(value, dict):
        raise SpecError(f"{key} must be an object, was {value!r}")
    return value


def _string(raw, key, at):
    value = raw.get(key)
    if not isinstance(value, str) or not value:
        raise SpecError(f"{at} must be a non-empty string, was {value!r}")
    return value


def _choice(raw, key, allowed, at=None, default=None):
    value = raw.get(key)
    if value is None and default is not None:
        return default
    if value not in allowed:
        raise SpecError(f"{at or key} must be one of {', '.join(allowed)}, was {value!r}")
    return value


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _int(raw, key, low, high, at, default=None):
    value = raw.get(key)
    if value is None and default is not None:
        return default
    if not _is_int(value) or not low <= value <= high:
        raise SpecError(f"{at} must be an integer in [{low}, {high}], was {value!r}")
    return value


def _number(raw, key, low, high, at, default=None, open_low=False, open_high=False):
    value = raw.get(key)
    if value is None and default is not None:
        return float(default)
    ok = _is_number(value) and math.isfinite(value)
    ok = ok and (value > low if open_low else value >= low) and (value < high if open_high else value <= high)
    if not ok:
        bounds = ("(" if open_low else "[") + f"{low}, {high}" + (")" if open_high else "]")
        raise SpecError(f"{at} must be a number in {bounds}, was {value!r}")
    return float(value)
