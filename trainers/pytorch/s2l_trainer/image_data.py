"""Image data, as the built-in classifier trainer reads and batches it (builtin-corpus BuiltinImages,
classifier-core Batches): pixels row-major (H, W, C), scaled to [0, 1] by the set's maximum pixel
value; the training subset sorted by pool index, shuffled in place at the start of every epoch by a
Fisher-Yates pass of a SplittableRandom seeded with the job's seed, cut into consecutive batches.
"""
import json

import torch

from .java_random import SplittableRandom


class Images:
    """Ids, labels (int64) and pixels (float32, N x H x W x C) of one JSON-lines image file."""

    def __init__(self, ids, labels, pixels):
        self.ids, self.labels, self.pixels = ids, labels, pixels

    @property
    def channels(self):
        return self.pixels.shape[3]


def read_images(path, height, width, pixel_max, classes):
    ids, labels, values = [], [], []
    expected = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path} line {number}"
            try:
                image = json.loads(line)
                image_id, label, pixels = str(image["id"]), image["label"], image["pixels"]
            except (ValueError, KeyError, TypeError) as e:
                raise ValueError(f"{where}: not an image {{id, label, pixels}}: {e}") from e
            if not isinstance(label, int) or not 0 <= label < classes:
                raise ValueError(f"{where}: label {label!r} is outside [0, {classes})")
            if expected is None:
                expected = len(pixels)
                if expected == 0 or expected % (height * width) != 0:
                    raise ValueError(f"{where}: {expected} pixels do not fill {height}x{width} images")
            if len(pixels) != expected:
                raise ValueError(f"{where}: {len(pixels)} pixels, expected {expected}")
            ids.append(image_id)
            labels.append(label)
            values.append(pixels)
    if not ids:
        raise ValueError(f"{path}: no images")
    channels = expected // (height * width)
    # int / pixelMax in float32, as the built-in reader divides an int by a float
    raw = torch.tensor(values, dtype=torch.float32).view(len(ids), height, width, channels)
    pixels = raw / torch.tensor(pixel_max, dtype=torch.float32)
    return Images(ids, torch.tensor(labels, dtype=torch.int64), pixels)


def subset_indices(images, ids):
    """Pool indices of a subset's ids, sorted (the run depends on the multiset only); all when None."""
    if ids is None:
        return list(range(len(images.ids)))
    index = {image_id: i for i, image_id in enumerate(images.ids)}
    missing = [i for i in ids if i not in index]
    if missing:
        raise ValueError(f"no training image with id '{missing[0]}' ({len(missing)} unknown ids)")
    return sorted(index[i] for i in ids)


class Batches:
    """The subset in shuffled order, cut into batches; the last batch of an epoch holds the rest."""

    def __init__(self, images, indices, batch_size, seed):
        self._images, self._order, self._batch = images, list(indices), batch_size
        self._random = SplittableRandom(seed)

    def __len__(self):
        return len(self._order)

    @property
    def per_epoch(self):
        return (len(self._order) + self._batch - 1) // self._batch

    def shuffle(self):
        order, random = self._order, self._random
        for i in range(len(order) - 1, 0, -1):
            j = random.next_int(i + 1)
            order[i], order[j] = order[j], order[i]

    def batch(self, b):
        """Batch `b` of the current epoch: (pixels, labels)."""
        rows = torch.tensor(self._order[b * self._batch : (b + 1) * self._batch], dtype=torch.int64)
        return self._images.pixels[rows], self._images.labels[rows]
