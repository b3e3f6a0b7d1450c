"""Where and how the trainer computes: the spec's device, bf16 autocast and torch.compile on CUDA."""
import contextlib
import sys

import torch


class DeviceError(RuntimeError):
    """The spec asks for a device this machine does not have."""


def select(requested):
    """torch.device for the spec's `training.device` (cpu or gpu)."""
    if requested == "cpu":
        return torch.device("cpu")
    if not torch.cuda.is_available():
        built = torch.version.cuda or "none"
        raise DeviceError(
            f"training.device is gpu but CUDA is not available (torch {torch.__version__}, "
            f"built for CUDA {built}); run this job on a GPU worker or set training.device to cpu"
        )
    return torch.device("cuda")


def autocast(device):
    """bf16 autocast on CUDA (parameters, optimiser state and losses stay float32); none on CPU,
    where the built-in trainer's float32 arithmetic is kept."""
    if device.type == "cuda":
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def compiled(model, device):
    """torch.compile(model) on CUDA with torch >= 2; the eager model elsewhere, with a note."""
    major = int(torch.__version__.split(".")[0])
    if device.type != "cuda" or major < 2 or not hasattr(torch, "compile"):
        why = "not on CUDA" if device.type != "cuda" else f"torch {torch.__version__} has no torch.compile"
        print(f"torch.compile skipped ({why}): training in eager mode", file=sys.stderr)
        return model
    return torch.compile(model)
