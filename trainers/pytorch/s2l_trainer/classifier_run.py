"""An image-classifier run: the built-in trainer's ClassifierTrainer and its test-set evaluation.

`budget.epochs` passes over the subset (or the whole pool), each in a fresh seeded shuffle; the
"tokens" of a classifier run are the images it has seen, epochs x subset size.
"""
from . import classifier_eval, image_data, training
from .classifier_model import ImageClassifier, parameter_count
from .outputs import EvalResult


class _Epochs:
    """Batches in step order: a new shuffle at the start of every epoch."""

    def __init__(self, batches):
        self._batches, self._position = batches, 0

    def _advance(self):
        b = self._position % self._batches.per_epoch
        if b == 0:
            self._batches.shuffle()
        self._position += 1
        return b

    def next(self):
        return self._batches.batch(self._advance())

    def skip(self, steps):
        for _ in range(steps):
            self._advance()


def _read(spec, path):
    height, width = spec.data.image_shape
    return image_data.read_images(path, height, width, spec.data.pixel_max, spec.data.classes)


def train(spec, device, progress, checkpointer):
    pool = _read(spec, spec.data.file)
    indices = image_data.subset_indices(pool, spec.data.subset)
    batches = image_data.Batches(pool, indices, spec.training.batch_size, spec.seed)
    size, per_epoch, batch = len(batches), batches.per_epoch, spec.training.batch_size
    steps = spec.budget_epochs * per_epoch
    height, width = spec.data.image_shape
    model = ImageClassifier(
        spec.family, spec.scale.width, spec.scale.depth, height, width, pool.channels, spec.data.classes
    ).initialize(spec.seed)
    model.to(device)

    def seen(step):
        epochs, b = divmod(step, per_epoch)
        return epochs * size + min(b * batch, size)

    job = training.Job(model, _Epochs(batches), steps, seen)
    losses, seconds, cpu = training.run(job, spec, device, progress, checkpointer)
    params = parameter_count(model)
    examples = spec.budget_epochs * size
    final = training.final_train_loss(losses)
    return training.Trained(model, params, params, examples, steps, final, seconds, cpu)


def evaluate(model, spec, device, tick):
    """An EvalResult per image set (loss, correctness and margin of every image), yielded as each
    is done; `tick` is called as evaluation goes on."""
    for eval_set in spec.eval_sets:
        images = _read(spec, eval_set.file)
        losses, correct, margins = classifier_eval.evaluate(model, images, device, tick=tick)
        yield EvalResult(eval_set, images.ids, losses, correct, margins)


def describe(spec):
    height, width = spec.data.image_shape
    return {"family": spec.family, "width": spec.scale.width, "depth": spec.scale.depth,
            "imageShape": [height, width], "classes": spec.data.classes}
