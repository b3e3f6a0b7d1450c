"""Language-model training data, as the built-in trainer draws it (lm-core's DomainText and
MixtureSampler): every domain's documents concatenated into one UTF-8 byte stream, each followed by
a blank line; each training sequence picks its domain with probability equal to its weight, then a
uniformly random window of context + 1 bytes of that domain's stream.
"""
import json

import torch

from .java_random import SplittableRandom

SEPARATOR = b"\n\n"
SUBSET = "subset"


def read_documents(path):
    """The training pool: (id, domain, text) per JSON line `{"id", "domain", "text"}`, in file order."""
    documents = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                documents.append((str(d["id"]), str(d["domain"]), d["text"]))
            except (ValueError, KeyError, TypeError) as e:
                raise ValueError(f"{path} line {number}: not a document {{id, domain, text}}: {e}") from e
            if not isinstance(documents[-1][2], str):
                raise ValueError(f"{path} line {number}: text must be a string")
    return documents


def _stream(texts):
    # an unpaired surrogate becomes '?', as Java's String.getBytes has it
    return b"".join(t.encode("utf-8", "replace") + SEPARATOR for t in texts)


def domain_texts(documents):
    """Every domain's stream, its documents in file order."""
    by_domain = {}
    for _, domain, text in documents:
        by_domain.setdefault(domain, []).append(text)
    return {domain: _stream(texts) for domain, texts in by_domain.items()}


def subset_texts(documents, ids):
    """A subset distribution's stream under the key `subset`: its documents in the order given."""
    by_id = {doc_id: text for doc_id, _, text in documents}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise ValueError(f"no training document with id '{missing[0]}' ({len(missing)} unknown ids)")
    return {SUBSET: _stream(by_id[i] for i in ids)}


def _java_string_order(name):
    # Java's String.compareTo compares UTF-16 code units; big-endian UTF-16 bytes sort the same way.
    return name.encode("utf-16-be")


class MixtureSampler:
    """Seeded windows of `length` bytes; the same seed draws the same windows as the built-in trainer."""

    def __init__(self, texts, weights, length, seed):
        positive = sorted(
            ((k, v) for k, v in weights.items() if v > 0), key=lambda e: _java_string_order(e[0])
        )
        if not positive:
            raise ValueError("the mixture has no domain with positive weight")
        self._domains = []
        for name, _ in positive:
            text = texts.get(name)
            if text is None:
                raise ValueError(f"no text for domain '{name}'")
            if len(text) <= length:
                raise ValueError(f"domain '{name}' is shorter than one window of {length} bytes")
            self._domains.append(text)
        total = sum(w for _, w in positive)
        self._cumulative, running = [], 0.0
        for _, w in positive:
            running += w / total
            self._cumulative.append(running)
        self._cumulative[-1] = 1.0
        self._length = length
        self._random = SplittableRandom(seed)

    def _draw(self):
        u = self._random.next_double()
        pick = next((i for i, c in enumerate(self._cumulative) if u < c), len(self._cumulative) - 1)
        text = self._domains[pick]
        return text, self._random.next_int(len(text) - self._length + 1)

    def next_batch(self, batch):
        """(batch, length) token ids 0..255 as int64."""
        rows = []
        for _ in range(batch):
            text, start = self._draw()
            rows.append(text[start : start + self._length])
        flat = bytearray(b"".join(rows))
        return torch.frombuffer(flat, dtype=torch.uint8).view(batch, self._length).long()

    def skip(self, batches, batch):
        """Draws and drops `batches` batches: a resumed run continues with the very next window."""
        for _ in range(batches * batch):
            self._draw()
