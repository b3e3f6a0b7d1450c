"""The byte-level language model of the built-in trainer (lm-core TransformerLm, TransformerBlock,
CausalSelfAttention): a decoder-only, pre-LN, causal transformer in the GPT-2 layout.

Token and learned position embeddings; `depth` blocks of x + Attn(LN(x)) then x + MLP(LN(x)), the
attention a fused q/k/v Linear, softmax(Q K^T / sqrt(d_h) + causal mask) V and an output Linear, the
MLP Linear(4d), exact (erf) GELU, Linear(d); a final LayerNorm (eps 1e-5, as DJL's); an untied
Linear head to the 256 byte logits. Every Linear has a bias.

Initialisation as the built-in trainer's DJL configuration: every WEIGHT parameter (Linear weights,
both embedding tables) N(0, 0.02); biases and LayerNorm beta 0, LayerNorm gamma 1. DJL draws the
weights with libtorch's CPU generator, in the order of the parameters, which is this module's order;
drawn the same way here, they are the same numbers.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCABULARY = 256
INIT_STD = 0.02
_SDPA = getattr(F, "scaled_dot_product_attention", None)


def torch_seed(seed):
    """The generator seed the built-in trainer gives libtorch for a job's seed: DJL's
    Engine.setRandomSeed takes a Java int (the job's long is cast), then torch::manual_seed reads it
    as an unsigned 64-bit number."""
    as_int = (seed + (1 << 31)) % (1 << 32) - (1 << 31)
    return as_int & ((1 << 64) - 1)


class CausalSelfAttention(nn.Module):
    def __init__(self, width, heads, context):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(width, 3 * width)
        self.projection = nn.Linear(width, width)
        self.scale = 1.0 / math.sqrt(width // heads)
        mask = torch.full((context, context), float("-inf")).triu(1)
        self.register_buffer("mask", mask, persistent=False)

    def forward(self, x):
        b, t, c = x.shape
        # (B, T, 3, H, Dh) -> (3, B, H, T, Dh): the layout of the built-in model's fused projection
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4).unbind(0)
        if _SDPA is not None:
            attended = _SDPA(q, k, v, is_causal=True)
        else:
            # The scale on Q (T x Dh) rather than on the scores (T x T), as the built-in model does.
            scores = (q * self.scale) @ k.transpose(-2, -1) + self.mask[:t, :t]
            attended = scores.softmax(-1) @ v
        return self.projection(attended.transpose(1, 2).reshape(b, t, c))


class TransformerBlock(nn.Module):
    def __init__(self, width, heads, context):
        super().__init__()
        self.attention_norm = nn.LayerNorm(width, eps=1e-5)
        self.attention = CausalSelfAttention(width, heads, context)
        self.mlp_norm = nn.LayerNorm(width, eps=1e-5)
        self.expand = nn.Linear(width, 4 * width)
        self.contract = nn.Linear(4 * width, width)

    def forward(self, x):
        x = x + self.attention(self.attention_norm(x))
        return x + self.contract(F.gelu(self.expand(self.mlp_norm(x))))


class TransformerLm(nn.Module):
    """Input (B, T) byte ids, T <= context; output (B, T, 256) logits."""

    def __init__(self, width, depth, heads, context):
        super().__init__()
        self.context = context
        self.token_embedding = nn.Parameter(torch.empty(VOCABULARY, width))
        self.position_embedding = nn.Parameter(torch.empty(context, width))
        self.blocks = nn.ModuleList(TransformerBlock(width, heads, context) for _ in range(depth))
        self.final_norm = nn.LayerNorm(width, eps=1e-5)
        self.head = nn.Linear(width, VOCABULARY)

    def initialize(self, seed):
        """DJL's initialisation, drawn in parameter order from a generator seeded as DJL seeds its
        engine: the very weights the built-in trainer starts from on CPU."""
        generator = torch.Generator().manual_seed(torch_seed(seed))
        with torch.no_grad():
            for name, p in self.named_parameters():
                if isinstance(self._owner(name), nn.LayerNorm):
                    p.fill_(1.0 if name.endswith("weight") else 0.0)
                elif name.endswith("bias"):
                    p.zero_()
                else:
                    p.normal_(0.0, INIT_STD, generator=generator)
        return self

    def _owner(self, name):
        return self.get_submodule(name.rpartition(".")[0]) if "." in name else self

    def embedding_parameters(self):
        """Token and position tables and the output projection with its bias (ModelScale's split)."""
        return [self.token_embedding, self.position_embedding, self.head.weight, self.head.bias]

    def forward(self, tokens):
        t = tokens.shape[1]
        x = F.embedding(tokens, self.token_embedding) + self.position_embedding[:t]
        for block in self.blocks:
            x = block(x)
        return self.head(self.final_norm(x))


def parameter_counts(model):
    """(non-embedding, total) parameters, in s2l's accounting (docs/science.md section 1)."""
    total = sum(p.numel() for p in model.parameters())
    return total - sum(p.numel() for p in model.embedding_parameters()), total
