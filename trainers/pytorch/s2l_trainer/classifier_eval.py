"""Per-example results of an image classifier, as the built-in trainer computes them
(classifier-core ClassifierEvaluation; docs/science.md sections 1 and 3.1). For logits z and correct
class y, in double precision:

- loss l = logsumexp_j z_j - z_y, the cross-entropy in nats;
- correct when y is the first index of the largest logit;
- margin f = log(p_y / (1 - p_y)) = z_y - logsumexp_{j != y} z_j, the log-odds of the correct
  class; the right-hand form never forms 1 - p_y, so it stays exact when the softmax saturates.
"""
import math

import torch


def score(logits, label):
    """(loss, correct, margin) of one example's logits (a list of floats)."""
    argmax = 0
    for j, z in enumerate(logits):
        if z > logits[argmax]:
            argmax = j
    zy = logits[label]
    others = [z for j, z in enumerate(logits) if j != label]
    max_other = max(others)
    top = max(max_other, zy)
    loss = top + math.log(sum(math.exp(z - top) for z in logits)) - zy
    margin = zy - (max_other + math.log(sum(math.exp(z - max_other) for z in others)))
    return loss, argmax == label, margin


@torch.no_grad()
def evaluate(model, images, device, batch_size=256, tick=lambda: None):
    """(losses, correct, margins) of every image, in file order; `tick` after every batch."""
    model.eval()
    losses, correct, margins = [], [], []
    for first in range(0, len(images.ids), batch_size):
        logits = model(images.pixels[first : first + batch_size].to(device)).float().cpu().tolist()
        for row, label in zip(logits, images.labels[first : first + batch_size].tolist()):
            loss, right, margin = score(row, label)
            losses.append(loss)
            correct.append(right)
            margins.append(margin)
        tick()
    return losses, correct, margins
