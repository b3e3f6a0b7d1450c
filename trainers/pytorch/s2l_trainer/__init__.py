"""s2l's PyTorch reference trainer: the built-in DJL trainer's models and recipe behind the
trainer contract, version 1 (docs/trainer-contract.md)."""

CONTRACT = "s2l-trainer/1"
TRAINER_NAME = "s2l-pytorch"
TRAINER_VERSION = "1"
