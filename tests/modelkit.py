"""Build small but real Argos Translate packages at test time.

Tests need the whole argostranslate path (sentence splitting, sentencepiece,
CTranslate2 beam search, pivoting) offline and without committed model
binaries. ``build_package`` writes a genuine ``.argosmodel`` zip in about a
second:

* ``sentencepiece.model``, trained on the spot on the caller's text;
* ``model/``, a CTranslate2 Transformer with either "echo" weights (set by
  hand so that translating returns the input unchanged) or seeded "random"
  weights (deterministic nonsense);
* ``minisbd/<lang>.onnx``, a tiny rule-based MiniSBD sentence splitter, so
  argostranslate never tries to download one.

Echo is exact, even for characters missing from the training text
(CTranslate2's replace_unknowns restores them), except where argostranslate
itself rewrites text: it turns "_" into a space, strips leading and trailing
whitespace, and keeps only the first character of a whitespace run that
follows a sentence end.

This module does not import argostranslate: callers set ARGOS_* and XDG_*
variables before the first import, which reads them and creates directories.
"""

from __future__ import annotations

import io
import json
import math
import re
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import onnx
import sentencepiece as spm
from ctranslate2.specs import TransformerSpec, common_spec, model_spec
from onnx import TensorProto, helper, numpy_helper

__all__ = ["build_package", "build_minisbd_onnx"]

# Names argostranslate shows for the languages this project uses; other
# codes are shown as the code itself.
LANGUAGE_NAMES = {
    "zt": "Chinese (traditional)",
    "zh": "Chinese",
    "en": "English",
    "ja": "Japanese",
}

# Copied from argostranslate.sbd.MiniSBDSentencizer.LANGUAGE_CODE_MAPPING,
# which cannot be imported without argostranslate's import-time side effects.
MINISBD_LANGUAGES = {"zt": "zh-hant", "zh": "zh-hans", "pb": "pt"}

# The package format version that current argospm packages declare.
ARGOS_VERSION = "1.9"

# Sentencepiece's meta pieces <unk>, <s> and </s>, stored before the characters.
SENTENCEPIECE_META_PIECES = 3

# ---- echo weights ---------------------------------------------------------

# Learned position encodings cover the longest source: CTranslate2 truncates
# inputs at max_input_length=1024 tokens by default, plus the appended </s>.
MAX_POSITIONS = 1025

# Width of the position subspace of the residual stream. 1025 random vectors
# in 64 dims are distinct enough (largest cosine between two: 0.56) and leave
# most of d_model to tokens. Capped at the head size, because every head of
# the copy attention compares whole position vectors.
POSITION_DIMS = 64

# Nats by which the aligned source position beats every other one in the
# copy attention. Measured leakage to other positions: about 1e-17.
ATTENTION_MARGIN = 30.0

# How much louder the copied source token is than the decoder's own input
# token in the residual stream. Echo needs COPY_GAIN * (1 - c) > 1 + c, where
# c is the largest cosine between two token vectors, so c < 0.78. Measured
# c: 0.37 for 2000 tokens in 192 dims, 0.29 for 32000 tokens in 448 dims.
COPY_GAIN = 8.0

# Logit of the copied token. The runner-up trails by about
# TARGET_LOGIT * (1 - c - 1 / COPY_GAIN); measured 31 nats (d_model 256) and
# 35 nats (d_model 512, int8), far beyond anything beam search or the length
# penalty could trade off.
TARGET_LOGIT = 50.0

# ---- random weights -------------------------------------------------------

# The usual Transformer init scale: small enough to stay numerically tame.
RANDOM_STD = 0.02

# Added to the </s> logit. Random logits are nearly uniform, so without it
# every sentence decodes to the 256-token maximum (300 ms each); with any
# bias from 2 up, beam search stops after one or two pieces (1 ms). 6 keeps
# that choice far from the tipping point.
RANDOM_EOS_BIAS = 6.0

# Subtracted from the logits of the <filler-N> padding tokens, which are not
# sentencepiece pieces and would otherwise show up verbatim in the output.
RANDOM_FILLER_PENALTY = 30.0

# ---- sentence splitter ----------------------------------------------------

# MiniSBD output classes (stanza's tokenizer labels; 3 and 4 mark MWTs).
TOKEN_INSIDE, TOKEN_END, SENTENCE_END = 0, 1, 2
MINISBD_CLASSES = 5

# Characters that end a sentence.
SENTENCE_TERMINALS = "。！？!?"

# Ends a sentence only when followed by whitespace, so 3.14 stays whole.
PERIOD = "."

# A character's logits are the sum of its own row, the "after" row of the
# previous character and the "before" row of the next one. Every character is
# a token. A terminal (or a period) followed by whitespace passes its sentence
# end on to that whitespace, so the whitespace stays in the sentence: minisbd
# drops the text between sentences and argostranslate joins the translated
# sentences with nothing. The rules hold because:
#   OWN_WORD > BEFORE_BREAK, AFTER_STOP       a word character is a token end
#   BEFORE_BREAK > OWN_TERMINAL + AFTER_STOP  a terminal before a space or
#                                             another terminal waits ("! ", "！！")
#   BEFORE_BREAK > OWN_PERIOD                 so does a period before a space
#   OWN_PERIOD > AFTER_STOP                   "..." is no sentence end
#   AFTER_STOP > OWN_SPACE                    the space after a stop ends it
OWN_WORD = 5.0
BEFORE_BREAK = 4.0
OWN_PERIOD = 3.0
AFTER_STOP = 2.0
OWN_TERMINAL = 1.0
OWN_SPACE = 1.0

# The per-character features stanza's tokenizers use. minisbd computes and
# feeds them; the graph takes them with zero weight.
MINISBD_FEATURES = ["space_before", "capitalized", "numeric", "end_of_para", "start_of_para"]

# minisbd's defaults for these config keys.
MINISBD_MAX_SEQLEN = 1000
MINISBD_BATCH_SIZE = 32

# Opset and IR version old enough for any onnxruntime minisbd supports.
ONNX_OPSET = 17
ONNX_IR_VERSION = 8


def build_package(
    out_dir: Path,
    from_code: str,
    to_code: str,
    training_text: str,
    *,
    weights: str = "echo",
    vocab_size: int = 1000,
    spm_vocab_size: int | None = None,
    d_model: int = 256,
    num_heads: int = 4,
    ffn_dim: int = 512,
    num_layers: tuple[int, int] = (1, 1),
    quantization: str | None = None,
    sentence_splitter: bool = True,
    package_version: str = "1.0",
    seed: int = 0,
) -> Path:
    """Write a ``from_code`` -> ``to_code`` ``.argosmodel`` into ``out_dir``; return its path.

    ``weights="echo"`` makes translation return its input; ``"random"`` gives
    seeded nonsense. The sentencepiece vocabulary holds every distinct
    character of ``training_text`` plus learned pieces, at most
    ``spm_vocab_size`` (default: up to ``vocab_size``); the CTranslate2
    vocabulary pads it with ``<filler-N>`` tokens to ``vocab_size``. Without
    ``sentence_splitter`` argostranslate downloads a MiniSBD model when it
    first translates.
    """
    if not training_text.strip():
        raise ValueError("training_text is empty")
    if weights not in ("echo", "random"):
        raise ValueError(f"weights must be 'echo' or 'random', not {weights!r}")
    if d_model % num_heads:
        raise ValueError(f"d_model ({d_model}) must be a multiple of num_heads ({num_heads})")
    if num_layers[1] < 1:
        raise ValueError("the decoder needs at least one layer")
    spm_limit = vocab_size if spm_vocab_size is None else spm_vocab_size
    if spm_limit > vocab_size:
        raise ValueError(f"spm_vocab_size ({spm_limit}) exceeds vocab_size ({vocab_size})")
    characters = len(set(training_text) - set("\r\n"))
    if characters + SENTENCEPIECE_META_PIECES > spm_limit:
        raise ValueError(
            f"training_text has {characters} distinct characters, so the sentencepiece "
            f"vocabulary needs at least {characters + SENTENCEPIECE_META_PIECES} pieces, "
            f"but it may only hold {spm_limit}"
        )

    sentencepiece_model = _train_sentencepiece(
        training_text, spm_limit, exact_size=spm_vocab_size is not None
    )
    spec = _model_spec(
        spm.SentencePieceProcessor(model_proto=sentencepiece_model),
        weights=weights,
        vocab_size=vocab_size,
        d_model=d_model,
        num_heads=num_heads,
        ffn_dim=ffn_dim,
        num_layers=num_layers,
        seed=seed,
    )
    spec.optimize(quantization=quantization)

    name = f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    out_dir.mkdir(parents=True, exist_ok=True)
    package_path = out_dir / f"{name}.argosmodel"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        (root / "model").mkdir(parents=True)
        spec.save(str(root / "model"))
        (root / "sentencepiece.model").write_bytes(sentencepiece_model)
        metadata = _metadata(from_code, to_code, package_version)
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (root / "README.md").write_text(_readme(from_code, to_code, weights), encoding="utf-8")
        if sentence_splitter:
            lang = MINISBD_LANGUAGES.get(from_code, from_code)
            build_minisbd_onnx(root / "minisbd" / f"{lang}.onnx", lang, training_text)
        _write_zip(package_path, root)
    return package_path


def build_minisbd_onnx(path: Path, lang_code: str, vocab_chars: str) -> Path:
    """Write a rule-based MiniSBD sentence splitter to ``path``; return ``path``.

    Every character is a token. Sentences end after 。！？!? and after a "."
    followed by whitespace; that whitespace stays in the sentence.
    ``vocab_chars`` are the characters the model's vocabulary lists; others
    are read as <UNK>, which behaves like any word character.
    """
    units = sorted(set(re.sub(r"\s", " ", vocab_chars + SENTENCE_TERMINALS + PERIOD + " ")))
    id2unit = ["<PAD>", "<UNK>"] + units
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(_splitter_model(lang_code, id2unit), str(path))
    return path


def _train_sentencepiece(text: str, vocab_size: int, *, exact_size: bool) -> bytes:
    lines = [line for line in text.splitlines() if line.strip()]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        # Without a hard limit vocab_size is a ceiling: a small text gives
        # fewer pieces, and the CTranslate2 vocabulary is padded instead.
        hard_vocab_limit=exact_size,
        character_coverage=1.0,
        # NFKC would turn full-width punctuation (！，：) into ASCII.
        normalization_rule_name="identity",
        # argostranslate decodes the pieces of all sentences of a paragraph
        # in one go, so a dummy "▁" prefix would put a space between
        # sentences; and spaces in the text must survive as they are.
        add_dummy_prefix=False,
        remove_extra_whitespaces=False,
        # The default (4192 bytes) silently skips longer lines.
        max_sentence_length=max(len(line.encode()) for line in lines) + 1,
        minloglevel=2,
    )
    return model.getvalue()


def _model_spec(
    processor: spm.SentencePieceProcessor,
    *,
    weights: str,
    vocab_size: int,
    d_model: int,
    num_heads: int,
    ffn_dim: int,
    num_layers: tuple[int, int],
    seed: int,
) -> TransformerSpec:
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    tokens = pieces + [f"<filler-{i}>" for i in range(len(pieces), vocab_size)]
    rng = np.random.default_rng(seed)

    spec = TransformerSpec.from_config(num_layers, num_heads)
    # Plain embeddings plus learned positions let the echo weights keep
    # tokens and positions in separate subspaces of the residual stream.
    spec.encoder.scale_embeddings = False
    spec.decoder.scale_embeddings = False
    _fill_random(spec, rng, vocab_size=vocab_size, d_model=d_model, ffn_dim=ffn_dim)
    if weights == "echo":
        _make_echo(spec, rng, vocab_size=vocab_size, d_model=d_model, num_heads=num_heads)
    else:
        spec.decoder.projection.bias[processor.eos_id()] += RANDOM_EOS_BIAS
        spec.decoder.projection.bias[len(pieces):] -= RANDOM_FILLER_PENALTY

    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.config.unk_token = processor.id_to_piece(processor.unk_id())
    spec.config.bos_token = processor.id_to_piece(processor.bos_id())
    spec.config.eos_token = processor.id_to_piece(processor.eos_id())
    spec.config.decoder_start_token = spec.config.bos_token
    # The echo decoder copies source position t at step t, so the source
    # needs an end token for the decoder to copy as its last step.
    spec.config.add_source_eos = True
    spec.validate()
    return spec


def _stacks(
    spec: TransformerSpec,
) -> list[tuple[model_spec.LayerSpec, common_spec.EmbeddingsSpec]]:
    """(stack, embeddings) for the encoder and the decoder."""
    return [(spec.encoder, spec.encoder.embeddings[0]), (spec.decoder, spec.decoder.embeddings)]


def _random(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return (rng.standard_normal(shape) * RANDOM_STD).astype(np.float32)


def _fill_random(
    spec: TransformerSpec, rng: np.random.Generator, *, vocab_size: int, d_model: int, ffn_dim: int
) -> None:
    def linear(spec: common_spec.LinearSpec, out_dim: int, in_dim: int) -> None:
        spec.weight = _random(rng, out_dim, in_dim)
        spec.bias = _random(rng, out_dim)

    def layer_norm(spec: common_spec.LayerNormSpec) -> None:
        spec.gamma = 1 + _random(rng, d_model)
        spec.beta = _random(rng, d_model)

    def attention(spec: model_spec.LayerSpec, out_dims: tuple[int, ...]) -> None:
        layer_norm(spec.layer_norm)
        for projection, out_dim in zip(spec.linear, out_dims):
            linear(projection, out_dim, d_model)

    for stack, embeddings in _stacks(spec):
        embeddings.weight = _random(rng, vocab_size, d_model)
        stack.position_encodings.encodings = _random(rng, MAX_POSITIONS, d_model)
        layer_norm(stack.layer_norm)
        for layer in stack.layer:
            # Self-attention fuses Q, K and V; cross-attention has Q, then K and V.
            attention(layer.self_attention, (3 * d_model, d_model))
            if hasattr(layer, "attention"):
                attention(layer.attention, (d_model, 2 * d_model, d_model))
            layer_norm(layer.ffn.layer_norm)
            linear(layer.ffn.linear_0, ffn_dim, d_model)
            linear(layer.ffn.linear_1, d_model, ffn_dim)
    linear(spec.decoder.projection, vocab_size, d_model)


def _make_echo(
    spec: TransformerSpec,
    rng: np.random.Generator,
    *,
    vocab_size: int,
    d_model: int,
    num_heads: int,
) -> None:
    """Turn a randomly filled spec into a copy machine.

    The residual stream is split into a position subspace (the first
    POSITION_DIMS dimensions, at most a head) and a token subspace. Every
    sub-layer keeps its random weights but writes nothing back, except the
    cross-attention of the last decoder layer: its queries and keys compare
    positions, so decoder step t attends to source position t; its values
    carry the source token, which it adds to the stream louder than the
    decoder's own input token.
    The output projection scores each token by its likeness to the copy.

    Token and position vectors are unit vectors with zero mean, in orthogonal
    subspaces, so layer norm (gamma 1, beta 0 where it matters) only scales
    the stream, and by a known factor: a token plus a position has
    rms = sqrt(2 / d_model).
    """
    head_dim = d_model // num_heads
    position_dims = min(POSITION_DIMS, head_dim)
    token_dims = d_model - position_dims
    embeddings = np.zeros((vocab_size, d_model), np.float32)
    embeddings[:, position_dims:] = _zero_mean_unit_rows(rng, vocab_size, token_dims)
    positions = np.zeros((MAX_POSITIONS, d_model), np.float32)
    positions[:, :position_dims] = _zero_mean_unit_rows(rng, MAX_POSITIONS, position_dims)
    layer_norm_scale = math.sqrt(d_model / 2)

    for stack, embeddings_spec in _stacks(spec):
        embeddings_spec.weight = embeddings
        stack.position_encodings.encodings = positions
        _identity_layer_norm(stack.layer_norm, d_model)
        for layer in stack.layer:
            outputs = [layer.self_attention.linear[-1], layer.ffn.linear_1]
            if hasattr(layer, "attention"):
                outputs.append(layer.attention.linear[-1])
            for output in outputs:
                output.weight = np.zeros_like(output.weight)
                output.bias = np.zeros_like(output.bias)

    # Query and key both see a position scaled by layer norm; size the query
    # so the aligned position beats the most similar other one by the margin.
    similarity = positions @ positions.T
    np.fill_diagonal(similarity, -np.inf)
    query_gain = (
        ATTENTION_MARGIN * math.sqrt(head_dim) / (layer_norm_scale**2 * (1 - similarity.max()))
    )
    # Every head attends by position, so all of them (and alignment head 0,
    # which replace_unknowns reads) agree; each carries its own slice of
    # the token subspace.
    slice_size = math.ceil(token_dims / num_heads)
    query, key, value, output = (np.zeros((d_model, d_model), np.float32) for _ in range(4))
    for head in range(num_heads):
        head_rows = head * head_dim + np.arange(position_dims)
        query[head_rows, :position_dims] = np.eye(position_dims) * query_gain
        key[head_rows, :position_dims] = np.eye(position_dims)
        first = position_dims + head * slice_size
        token_slice = np.arange(first, min(first + slice_size, d_model))
        head_rows = head * head_dim + np.arange(len(token_slice))
        value[head_rows, token_slice] = 1
        # The encoder's final layer norm scaled the token by layer_norm_scale.
        output[token_slice, head_rows] = COPY_GAIN / layer_norm_scale
    copy = spec.decoder.layer[-1].attention
    _identity_layer_norm(copy.layer_norm, d_model)
    copy.linear[0].weight = query
    copy.linear[1].weight = np.concatenate([key, value])
    copy.linear[2].weight = output
    for projection in copy.linear:
        projection.bias = np.zeros_like(projection.bias)

    # After the final layer norm, the copied token's component has norm
    # sqrt(d_model) * COPY_GAIN / sqrt(COPY_GAIN**2 + 2).
    copied_norm = math.sqrt(d_model) * COPY_GAIN / math.sqrt(COPY_GAIN**2 + 2)
    spec.decoder.projection.weight = embeddings * np.float32(TARGET_LOGIT / copied_norm)
    spec.decoder.projection.bias = np.zeros(vocab_size, np.float32)


def _zero_mean_unit_rows(rng: np.random.Generator, rows: int, width: int) -> np.ndarray:
    vectors = rng.standard_normal((rows, width))
    vectors -= vectors.mean(axis=1, keepdims=True)
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def _identity_layer_norm(spec: common_spec.LayerNormSpec, d_model: int) -> None:
    spec.gamma = np.ones(d_model, np.float32)
    spec.beta = np.zeros(d_model, np.float32)


def _splitter_tables(id2unit: list[str]) -> dict[str, np.ndarray]:
    """The splitter's own, after and before score tables, [units, classes]."""
    own = np.zeros((len(id2unit), MINISBD_CLASSES), np.float32)
    after, before = np.zeros_like(own), np.zeros_like(own)
    for unit_id, unit in enumerate(id2unit):
        if unit in SENTENCE_TERMINALS:
            own[unit_id, SENTENCE_END] = OWN_TERMINAL
            after[unit_id, SENTENCE_END] = AFTER_STOP
            before[unit_id, TOKEN_INSIDE] = BEFORE_BREAK
        elif unit == PERIOD:
            own[unit_id, TOKEN_END] = OWN_PERIOD
            after[unit_id, SENTENCE_END] = AFTER_STOP
        elif unit == " ":
            own[unit_id, TOKEN_END] = OWN_SPACE
            before[unit_id, TOKEN_INSIDE] = BEFORE_BREAK
        elif unit != "<PAD>":
            own[unit_id, TOKEN_END] = OWN_WORD
    return {"own": own, "after": after, "before": before}


def _splitter_model(lang_code: str, id2unit: list[str]) -> onnx.ModelProto:
    int64_max = np.iinfo(np.int64).max
    constants = {
        **{f"{name}_table": table for name, table in _splitter_tables(id2unit).items()},
        "feature_weights": np.zeros((len(MINISBD_FEATURES), MINISBD_CLASSES), np.float32),
        # Pads for [batch, seq, class]: one step before / after the sequence.
        "pad_front": np.array([0, 1, 0, 0, 0, 0], np.int64),
        "pad_back": np.array([0, 0, 0, 0, 1, 0], np.int64),
        "seq_axis": np.array([1], np.int64),
        "zero": np.array([0], np.int64),
        "one": np.array([1], np.int64),
        "minus_one": np.array([-1], np.int64),
        "int64_max": np.array([int64_max], np.int64),
    }
    node = helper.make_node
    nodes = [
        node("Gather", ["own_table", "units"], ["own"]),
        # "after" scores act on the next character: shift them one step right.
        node("Gather", ["after_table", "units"], ["after"]),
        node("Pad", ["after", "pad_front"], ["after_padded"]),
        node("Slice", ["after_padded", "zero", "minus_one", "seq_axis"], ["after_shifted"]),
        # "before" scores act on the previous character: shift them one step left.
        node("Gather", ["before_table", "units"], ["before"]),
        node("Pad", ["before", "pad_back"], ["before_padded"]),
        node("Slice", ["before_padded", "one", "int64_max", "seq_axis"], ["before_shifted"]),
        # Zero weights, but a real use: minisbd always feeds this input.
        node("MatMul", ["features", "feature_weights"], ["feature_scores"]),
        node("Sum", ["own", "after_shifted", "before_shifted", "feature_scores"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes,
        "rule_based_sentence_splitter",
        inputs=[
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "seq"]),
            helper.make_tensor_value_info(
                "features", TensorProto.FLOAT, ["batch", "seq", len(MINISBD_FEATURES)]
            ),
        ],
        outputs=[
            helper.make_tensor_value_info(
                "logits", TensorProto.FLOAT, ["batch", "seq", MINISBD_CLASSES]
            )
        ],
        initializer=[numpy_helper.from_array(value, name) for name, value in constants.items()],
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", ONNX_OPSET)],
        ir_version=ONNX_IR_VERSION,
        producer_name="l10n tests/modelkit.py",
    )
    config = {
        "skip_newline": False,
        "max_seqlen": MINISBD_MAX_SEQLEN,
        "no_ssplit": False,
        "batch_size": MINISBD_BATCH_SIZE,
        "feat_funcs": MINISBD_FEATURES,
        "use_dictionary": False,
        "num_dict_feat": 0,
    }
    # The state dict of minisbd's Vocab; <PAD> must be 0 and <UNK> 1.
    vocab = {
        "lang": lang_code,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {unit: i for i, unit in enumerate(id2unit)},
        "_id2unit": id2unit,
    }
    helper.set_model_props(
        model,
        {
            "lang_code": lang_code,
            "config": json.dumps(config),
            "vocab": json.dumps(vocab, ensure_ascii=False),
            "lexicon": "null",
        },
    )
    onnx.checker.check_model(model)
    return model


def _metadata(from_code: str, to_code: str, package_version: str) -> dict:
    return {
        "package_version": package_version,
        "argos_version": ARGOS_VERSION,
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
        "links": [],
    }


def _readme(from_code: str, to_code: str, weights: str) -> str:
    behaviour = {
        "echo": "echo weights: translating returns the input unchanged",
        "random": "seeded random weights: translations are deterministic nonsense",
    }[weights]
    return (
        f"# Generated test package {from_code} -> {to_code}\n\n"
        "Built by the l10n test suite (tests/modelkit.py). This is not a real\n"
        f"translation model; its CTranslate2 Transformer has {behaviour}.\n"
    )


def _write_zip(package_path: Path, root: Path) -> None:
    # Sorted entries and a fixed timestamp: equal inputs give equal bytes.
    with zipfile.ZipFile(package_path, "w") as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                entry = zipfile.ZipInfo(
                    path.relative_to(root.parent).as_posix(), date_time=(1980, 1, 1, 0, 0, 0)
                )
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, path.read_bytes())


def with_stanza_splitter(package_path: Path, out_path: Path, lang_code: str, vocab_chars: str) -> Path:
    """A copy of a package whose sentence splitter is a Stanza tokenizer (as
    older Argos packages ship) instead of MiniSBD; return its path.

    The tokenizer has stanza's default architecture with seeded random
    weights and a resources.json naming it, so Stanza loads it without a
    download; its splits are arbitrary.
    """
    import torch
    from stanza.models.tokenization.trainer import Trainer
    from stanza.models.tokenization.vocab import Vocab
    from stanza.models.tokenizer import build_argparse

    torch.manual_seed(0)
    args = vars(build_argparse().parse_args(["--lang", lang_code, "--shorthand", f"{lang_code}_test"]))
    args.update(feat_funcs=MINISBD_FEATURES, feat_dim=len(MINISBD_FEATURES), num_dict_feat=0, use_mwt=False)
    vocab = Vocab(data=[[(unit, 0) for unit in sorted(set(vocab_chars))]], lang=lang_code)
    args["vocab_size"] = len(vocab)
    resources = {lang_code: {"lang_name": lang_code, "tokenize": {"test": {}},
                             "default_processors": {"tokenize": "test"}, "packages": {"default": {"tokenize": "test"}}}}
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "test.pt"
        Trainer(args=args, vocab=vocab, device="cpu").save(str(model))
        with zipfile.ZipFile(package_path) as old, zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as new:
            top = old.namelist()[0].split("/")[0]
            for item in old.infolist():
                if "/minisbd/" not in item.filename:
                    new.writestr(item, old.read(item))
            new.writestr(f"{top}/stanza/resources.json", json.dumps(resources))
            new.write(model, f"{top}/stanza/{lang_code}/tokenize/test.pt")
    return out_path
