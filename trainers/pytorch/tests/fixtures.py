"""Small data sets and specs written into a temporary directory, and the trainer run as the worker
runs it: a child process with a clean environment, the run directory as working directory.
"""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINER_DIR = os.path.dirname(HERE)
TRAIN_PY = os.path.join(TRAINER_DIR, "train.py")
if TRAINER_DIR not in sys.path:
    sys.path.insert(0, TRAINER_DIR)

WORDS = ("the of and a to in is was that for it with as his on be at by had not are but from or have an "
         "they which one you were her all she there would their we him been has when who will more no if "
         "def return int class import while void public").split()


def class_directory(test_class):
    """A temporary directory for a test class's runs, removed after its tests."""
    directory = tempfile.TemporaryDirectory()
    test_class.addClassCleanup(directory.cleanup)
    return directory.name


def test_directory(test):
    """A temporary directory for one test, removed after it."""
    directory = tempfile.TemporaryDirectory()
    test.addCleanup(directory.cleanup)
    return directory.name


def _jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def lm_files(root):
    """A three-domain training pool and one evaluation file of each text kind; returns their paths."""
    rng = random.Random(5)
    docs = [{"id": f"doc-{i}", "domain": ("prose", "code", "legal")[i % 3], "text": _sentence(rng, 40)}
            for i in range(30)]
    docs.append({"id": "doc-utf8", "domain": "prose", "text": "Été déjà vu, naïve café: ünïcödé text."})
    texts = [{"id": f"text-{i}", "text": _sentence(rng, 12 + 30 * i)} for i in range(4)]
    texts.append({"id": "text-short", "text": "ab"})
    answers = [{"id": "ans-empty", "prompt": "", "answer": "the"},
               {"id": "ans-long", "prompt": _sentence(rng, 30), "answer": " of the"},
               {"id": "ans-utf8", "prompt": "café ", "answer": "déjà"}]
    choices = [{"id": f"ch-{i}", "prompt": _sentence(rng, 3 + 10 * i), "choices": [" was", " were", " is"],
                "label": i % 3} for i in range(4)]
    choices.append({"id": "ch-tie", "prompt": "a", "choices": [" b", " b"], "label": 0})
    return {
        "train": _jsonl(os.path.join(root, "train.jsonl"), docs),
        "text": _jsonl(os.path.join(root, "heldout.jsonl"), texts),
        "answer": _jsonl(os.path.join(root, "quiz.jsonl"), answers),
        "choice": _jsonl(os.path.join(root, "grammar.jsonl"), choices),
        "counts": {"text": len(texts), "answer": len(answers), "choice": len(choices)},
    }


def lm_spec(root, files, seed=0, tokens=3000, **training):
    out = os.path.join(root, f"out-{seed}-{len(os.listdir(root))}")
    os.makedirs(out)
    counts = files["counts"]
    return {
        "contract": "s2l-trainer/1", "study": "0b0b9c1e-3f7e-4a53-9d55-6f1f5f1d2a10",
        "run": f"w16-L1/mix/a/{seed}", "distribution": "mix/a", "job": 7, "attempt": 1, "family": "lm",
        "scale": {"name": "w16-L1", "width": 16, "depth": 1, "heads": 2, "context": 16,
                  "nonEmbeddingParams": 3312, "totalParams": 12016},
        "options": {}, "seed": seed, "budget": {"tokens": tokens},
        "training": {"batchSize": 4, "learningRate": 0.003, "warmupFraction": 0.1, "weightDecay": 0.01,
                     "gradientClip": 1.0, "device": "cpu", **training},
        "data": {"format": "documents", "file": files["train"],
                 "weights": {"prose": 0.5, "code": 0.3, "legal": 0.2, "missing": 0.0}, "subset": None},
        "evalSets": [
            {"name": "heldout/prose", "kind": "text", "file": files["text"], "examples": counts["text"],
             "maxTextBytes": 256, "chance": None},
            {"name": "quiz", "kind": "answer", "file": files["answer"], "examples": counts["answer"],
             "chance": None},
            {"name": "grammar", "kind": "choice", "file": files["choice"], "examples": counts["choice"],
             "chance": 1 / 3},
        ],
        "outputDir": out, "previousAttemptDir": None, "deadline": "2099-01-01T00:00:00Z",
    }


def image(rng, label, size=8):
    """An 8x8 grey image whose bright quarter is its class (0..3), pixels 0..16."""
    rows, cols = (label // 2) * 4, (label % 2) * 4
    return [rng.randint(9, 16) if rows <= r < rows + 4 and cols <= c < cols + 4 else rng.randint(0, 5)
            for r in range(size) for c in range(size)]


def image_files(root):
    rng = random.Random(9)
    pool = [{"id": f"img-{i}", "label": i % 4, "pixels": image(rng, i % 4)} for i in range(48)]
    test = [{"id": f"test-{i}", "label": i % 4, "pixels": image(rng, i % 4)} for i in range(20)]
    return {"train": _jsonl(os.path.join(root, "pool.jsonl"), pool),
            "test": _jsonl(os.path.join(root, "test.jsonl"), test), "tests": len(test)}


def classifier_spec(root, files, family, width=8, depth=2, subset=None, epochs=4):
    from s2l_trainer.classifier_model import ImageClassifier, parameter_count

    params = parameter_count(ImageClassifier(family, width, depth, 8, 8, 1, 4))
    out = os.path.join(root, f"out-{family}-{len(os.listdir(root))}")
    os.makedirs(out)
    return {
        "contract": "s2l-trainer/1", "study": "0b0b9c1e-3f7e-4a53-9d55-6f1f5f1d2a11",
        "run": f"{family}-{width}/half/0", "distribution": "half", "job": 3, "attempt": 1,
        "family": family,
        "scale": {"name": f"{family}-{width}", "width": width, "depth": depth, "heads": None,
                  "context": None, "nonEmbeddingParams": params, "totalParams": params},
        "options": {}, "seed": 0, "budget": {"epochs": epochs},
        "training": {"batchSize": 10, "learningRate": 0.01, "warmupFraction": 0.05, "weightDecay": 0.01,
                     "gradientClip": 1.0, "device": "cpu"},
        "data": {"format": "images", "file": files["train"], "weights": None, "subset": subset,
                 "imageShape": [8, 8], "pixelMax": 16, "classes": 4},
        "evalSets": [{"name": "images/digits-test", "kind": "image", "file": files["test"],
                      "examples": files["tests"], "chance": 0.25}],
        "outputDir": out, "previousAttemptDir": None, "deadline": "2099-01-01T00:00:00Z",
    }


def run(root, spec, extra_env=None, module=False):
    """Writes the spec into a fresh run directory and runs the trainer as the worker does: train.py,
    or (`module`) `python3 -m s2l_trainer` with the trainer's directory on PYTHONPATH, as its image
    allows."""
    run_dir = os.path.join(root, f"run-{len(os.listdir(root))}")
    os.makedirs(run_dir)
    path = os.path.join(run_dir, "spec.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(spec, f)
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": run_dir, "TMPDIR": run_dir, "LANG": "C.UTF-8",
           "S2L_TRAINER_SPEC": path, "OMP_NUM_THREADS": "1", **(extra_env or {})}
    command = [sys.executable, TRAIN_PY, path]
    if module:
        command = [sys.executable, "-m", "s2l_trainer", path]
        env["PYTHONPATH"] = TRAINER_DIR
    return subprocess.run(command, cwd=run_dir, env=env, capture_output=True, text=True, timeout=300)


def losses(out_dir):
    with open(os.path.join(out_dir, "losses.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def result(out_dir):
    with open(os.path.join(out_dir, "result.json"), encoding="utf-8") as f:
        return json.load(f)


def progress(stdout):
    return [json.loads(line) for line in stdout.splitlines()]
