"""The image classifiers of the built-in trainer (classifier-core ImageClassifier, ClassifierScale),
scaled by width at a fixed depth:

- mlp: flatten, then `depth` x [Linear(width), ReLU], then Linear(classes);
- cnn: `depth` x [Conv2d(width, 3x3, padding 1), ReLU, then a 2x2 max pool with stride 2 while the
  feature map is at least 4x4], global average pool, Linear(classes).

Initialisation as the built-in trainer's: weights He (Kaiming) normal, N(0, 2 / fan_in) with fan_in
the inputs times the kernel's height and width, drawn in the same order from the same generator, so
the same numbers; biases 0.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from .lm_model import torch_seed


def pools(h, w):
    """Whether a cnn layer whose feature map is h x w is followed by a 2x2 max pool."""
    return h >= 4 and w >= 4


class ImageClassifier(nn.Module):
    """Input (B, H, W, C) float32 pixels, row-major as the data files hold them; output (B, classes)."""

    def __init__(self, family, width, depth, height, image_width, channels, classes):
        super().__init__()
        if family not in ("mlp", "cnn"):
            raise ValueError(f"family must be mlp or cnn, was {family}")
        self.cnn = family == "cnn"
        inputs = channels if self.cnn else height * image_width * channels
        layers = []
        for _ in range(depth):
            layers.append(nn.Conv2d(inputs, width, 3, padding=1) if self.cnn else nn.Linear(inputs, width))
            inputs = width
        self.layers = nn.ModuleList(layers)
        self.head = nn.Linear(width, classes)

    def initialize(self, seed):
        """He normal weights, drawn as the built-in trainer draws them (see lm_model.torch_seed)."""
        generator = torch.Generator().manual_seed(torch_seed(seed))
        with torch.no_grad():
            for name, p in self.named_parameters():
                if name.endswith("bias"):
                    p.zero_()
                else:
                    fan_in = p.shape[1] * (p[0, 0].numel() if p.dim() > 2 else 1)
                    p.normal_(0.0, math.sqrt(2.0 / fan_in), generator=generator)
        return self

    def forward(self, x):
        x = x.permute(0, 3, 1, 2) if self.cnn else x.reshape(x.shape[0], -1)
        for layer in self.layers:
            x = F.relu(layer(x))
            if self.cnn and pools(x.shape[2], x.shape[3]):
                x = F.max_pool2d(x, 2, 2)
        if self.cnn:
            x = x.mean(dim=(2, 3))
        return self.head(x)


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())
