"""Open-model architecture specs loaded from ``corpus/models.yaml`` (pure)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._data import DataError, corpus_dir, load_rows
from ._names import NamedRecords, NameIndex, compact

__all__ = ["LowBitGGUF", "ModelSpec", "ModelSpecs", "load_models"]


class LowBitGGUF(BaseModel):
    """One published low-bit GGUF of a model too big for a home machine (a mixed 'dynamic' quant: the experts at
    1-2 bits, attention higher), by its file size, which no uniform bits-per-weight arithmetic reproduces."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str = Field(min_length=2, description="The GGUF type in the file name, e.g. 'IQ1_S'.")
    bits: float = Field(gt=1, lt=8, description="The average bits per weight the publisher states.")
    size_gb: float = Field(gt=0, description="The download's size, GB (what VRAM + RAM must hold).")


# families of encoder-only models in the specs (the encoder-decoder T5s are told by their cross-attention layers)
ENCODER_FAMILIES = ("BERT", "RoBERTa", "DistilBERT", "DeBERTa", "ELECTRA", "XLM-RoBERTa", "ModernBERT")


class ModelSpec(BaseModel):
    """The architecture numbers the memory, speed and cost arithmetic needs for one model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2, description="Canonical name, e.g. 'Llama 3.1 8B'.")
    aliases: tuple[str, ...] = Field(default=(), description="What people type for it.")
    family_names: tuple[str, ...] = Field(
        default=(),
        description="What people call the family when they name no size ('llava', 'qwen3'); this row is the "
        "size such a question is answered for (the most used one), and the answer says so.",
    )
    fine_tunes: tuple[str, ...] = Field(
        default=(),
        description="Community fine-tunes with this row's architecture ('Vicuna'); their sized names are in "
        "aliases, and an answer that reads one says it is sized as this base.",
    )
    family: str
    params_b: float = Field(gt=0, le=3000, description="Total parameters, billions.")
    active_params_b: float | None = Field(
        default=None, gt=0, description="Parameters used per token (mixture-of-experts), billions."
    )
    experts: int | None = Field(default=None, ge=2, description="Routed experts per MoE layer.")
    experts_per_token: int | None = Field(default=None, ge=1)
    layers: int = Field(ge=1, le=200)
    hidden_size: int = Field(ge=64)
    intermediate_size: int = Field(ge=64, description="Feed-forward width (per expert for MoE).")
    attention_heads: int = Field(ge=1)
    kv_heads: int = Field(ge=1, description="Key/value heads (fewer than attention heads with GQA).")
    head_dim: int = Field(ge=8)
    kv_latent_dim: int | None = Field(
        default=None,
        ge=1,
        description="Per-layer cached width for multi-head latent attention (DeepSeek MLA); "
        "replaces 2 x kv_heads x head_dim when set.",
    )
    sliding_window: int | None = Field(
        default=None,
        ge=1,
        description="Tokens a sliding-window (local) attention layer attends to, and so the most of a sequence its "
        "KV cache must keep (config.json 'sliding_window'); None when every layer attends to the full context.",
    )
    sliding_window_layers: int | None = Field(
        default=None,
        ge=1,
        description="How many of ``layers`` use the sliding window (config.json 'layer_types' or "
        "'sliding_window_pattern'); the others attend to, and cache, the whole sequence.",
    )
    vocab_size: int = Field(ge=1000)
    max_context: int = Field(ge=512)
    tied_embeddings: bool = Field(description="Input embedding and LM head share weights.")
    architecture_proxy: bool = Field(
        default=False,
        description="A typical modern architecture, used for the layers/heads of a bare parameter count ('a 7B model').",
    )
    native_precision: str | None = Field(
        default=None,
        description="The weight format the model ships in when it is not 16-bit (fp8 for DeepSeek-V3/R1, "
        "mxfp4 for gpt-oss); the default for sizing it.",
    )
    cross_attention_layers: int | None = Field(
        default=None,
        ge=1,
        description="Decoder layers that also attend to an encoder's output (T5-style encoder-decoder models, whose "
        "encoder and decoder layers are both counted in ``layers``); their cross-attention projections are in "
        "params_b. None for a decoder-only model.",
    )
    vision_encoder_b: float | None = Field(
        default=None,
        gt=0,
        description="Billions of parameters in the vision encoder (and projector) of a vision-language model, "
        "included in params_b; None for a text-only model. Such a model never stands in for another's layout.",
    )
    image_tokens: int | None = Field(
        default=None,
        ge=1,
        description="Visual tokens one image adds to the sequence at the model's own input size (LLaVA-1.5: "
        "576 at 336x336; Gemma 3: 256 at 896x896); None for a text-only model or one sized by pixels.",
    )
    image_token_pixels: int | None = Field(
        default=None,
        ge=1,
        description="For a dynamic-resolution vision-language model (Qwen2-VL, Qwen2.5-VL), the side in pixels of "
        "the square one visual token covers (28: 14-pixel patches merged 2x2), so an image of W x H adds about "
        "(W/28) x (H/28) tokens.",
    )
    distilled_family: str | None = Field(
        default=None,
        description="The family of the smaller dense models distilled from this one, which is what people run "
        "at home under its name (Ollama's 'deepseek-r1' tags are the DeepSeek-R1-Distill models).",
    )
    low_bit_ggufs: tuple[LowBitGGUF, ...] = Field(
        default=(),
        description="Published low-bit GGUFs of the full model, smallest first: what a home machine's VRAM + "
        "RAM must hold to run it at all.",
    )
    low_bit_offload_tokens_per_s: tuple[float, float] | None = Field(
        default=None,
        description="The publisher's generation speed range for the smallest low-bit GGUF on one 24 GB card "
        "with the rest in system RAM.",
    )
    low_bit_source: str | None = Field(
        default=None, description="Where the low-bit sizes and speed come from."
    )
    source: str = Field(min_length=8, description="Where the numbers come from (config.json, paper).")
    as_of: dt.date

    @model_validator(mode="after")
    def _consistent(self) -> ModelSpec:
        if self.kv_heads > self.attention_heads:
            raise ValueError("kv_heads exceeds attention_heads")
        if self.attention_heads % self.kv_heads:
            raise ValueError("attention_heads is not a multiple of kv_heads")
        if self.active_params_b is not None and self.active_params_b > self.params_b:
            raise ValueError("active_params_b exceeds params_b")
        if (self.experts is None) != (self.active_params_b is None):
            raise ValueError("mixture-of-experts models need both experts and active_params_b")
        if (self.sliding_window is None) != (self.sliding_window_layers is None):
            raise ValueError("sliding_window and sliding_window_layers go together")
        if self.sliding_window_layers is not None and self.sliding_window_layers > self.layers:
            raise ValueError("sliding_window_layers exceeds layers")
        if self.low_bit_ggufs and not self.low_bit_source:
            raise ValueError("low_bit_ggufs need a low_bit_source")
        if [g.size_gb for g in self.low_bit_ggufs] != sorted(g.size_gb for g in self.low_bit_ggufs):
            raise ValueError("low_bit_ggufs go smallest first")
        return self

    @property
    def params(self) -> float:
        """Total parameter count."""
        return self.params_b * 1e9

    @property
    def active_params(self) -> float:
        """Parameters touched per generated token (all of them for dense models)."""
        return (self.active_params_b or self.params_b) * 1e9

    @property
    def is_encoder(self) -> bool:
        """An encoder-only (BERT, RoBERTa) or encoder-decoder (T5) model: fine-tuned with the plain Hugging Face
        Trainer, whose ``gradient_checkpointing`` is off unless turned on."""
        return self.cross_attention_layers is not None or self.family in ENCODER_FAMILIES

    @property
    def is_moe(self) -> bool:
        """True for mixture-of-experts models."""
        return self.experts is not None

    @property
    def embedding_params(self) -> float:
        """Parameters in the input embedding plus the LM head (once if tied)."""
        return self.vocab_size * self.hidden_size * (1 if self.tied_embeddings else 2)

    @property
    def kv_values_per_token(self) -> int:
        """Numbers cached per token across all layers (keys and values)."""
        per_layer = self.kv_latent_dim or 2 * self.kv_heads * self.head_dim
        return self.layers * per_layer

    def kv_values_at(self, context: int) -> float:
        """Numbers cached per token of one ``context``-token sequence, averaged over it: a sliding-window layer
        keeps only its last ``sliding_window`` tokens (what vLLM's hybrid KV cache manager, SGLang, llama.cpp's
        SWA cache and Transformers' hybrid cache hold), so long sequences cost far less than every layer in full."""
        full = self.kv_values_per_token
        if (
            self.sliding_window is None
            or self.sliding_window_layers is None
            or context <= self.sliding_window
        ):
            return full
        per_layer = full / self.layers
        local = self.sliding_window_layers
        return per_layer * ((self.layers - local) + local * self.sliding_window / context)


class ModelSpecs(NamedRecords[ModelSpec]):
    """Loaded model specs with forgiving name lookup; a family named without a size finds its usual row."""

    _families: NameIndex

    def __new__(cls, records: Iterable[ModelSpec], source: Path | str = "<records>"):
        self = super().__new__(cls, records, source)
        owner: dict[str, str] = {}
        for spec in self:
            for label in spec.family_names:
                key = compact(label)
                taken = owner.get(key) or self._index.resolve_exact(label)
                if taken is not None and taken != spec.name:
                    raise DataError(f"{source}: family name '{label}' of {spec.name} is also {taken}")
                owner[key] = spec.name
        self._families = NameIndex({s.name: s.family_names for s in self if s.family_names})
        # model names run to three words with their numbers ("code llama 13b", "llama 2 13b"): typos forgiven there
        self._index = NameIndex({r.name: (r.name, *r.aliases) for r in self}, fuzzy_words=3)
        return self

    def find_in_text(self, text: str) -> list[ModelSpec]:
        """Every model mentioned in ``text``, a download's packaging suffixes set aside: 'QwQ-32B-AWQ',
        'Llama-2-13B-chat-GPTQ', 'Mistral-7B-Instruct-v0.1-GGUF' name the model before them."""
        text = _SPACED_MOE.sub(r"\1x\2", text)  # "mixtral 8 x 7b" is "8x7b"
        text = self._without_hub_org(text)
        text = _PLUS.sub(" plus", text)  # "command-r+" is Command R Plus (a compact name drops the '+')
        found = self._family_sizes_kept(text, super().find_in_text(text))
        trimmed = text
        for _ in range(4):
            if (shorter := _PACKAGING.sub("", trimmed)) == trimmed:
                break
            trimmed = shorter
        # the name as written wins ('llava-v1.5-7b' is an alias); the trimmed one only when nothing else is known
        if found or trimmed == text:
            return found
        spelled = compact(
            trimmed
        )  # exact names only: a typo forgiven in a trimmed id ('llava-7b') is no model
        return [
            m
            for m in super().find_in_text(trimmed)
            if any(compact(a) in spelled for a in (m.name, *m.aliases))
        ]

    def _family_sizes_kept(self, text: str, found: list[ModelSpec]) -> list[ModelSpec]:
        """``found`` with a typo-forgiven match ('llava 13b' read as 'llama 13b') replaced by the row of the family
        actually named with that size ('llava 13b' is LLaVA-1.5 13B): a family name spelled right is no typo."""
        spelled = compact(text)
        fuzzy = [m for m in found if not any(compact(a) in spelled for a in (m.name, *m.aliases))]
        if not fuzzy:
            return found
        sized: list[ModelSpec] = []
        for spec in self:
            for label in spec.family_names:
                for hit in re.finditer(_phrase(label) + r"[\s-]*(\d+(?:\.\d+)?)\s*b\b", text, re.IGNORECASE):
                    size = float(hit.group(1))
                    row = next(
                        (
                            m
                            for m in self
                            if m.family == spec.family and abs(m.params_b - size) <= 0.1 * size + 0.5
                        ),
                        None,
                    )
                    if row is not None and row not in sized:
                        sized.append(row)
        if not sized:
            # a family name spelled right ('gemma2', 'gemma 2') is that family, not a typo of another family's
            # sized name one letter away ('gemma 2b' is Gemma 1): the forgiven match goes, the family reading stays
            # ('gemma' inside 'gemma 2' is not Gemma 1: a name inside a longer one spelled there does not count)
            spans = [
                (hit.start(), hit.end(), spec.family, compact(label))
                for spec in self
                for label in spec.family_names
                for hit in re.finditer(_phrase(label), text, re.IGNORECASE)
            ]
            named = [
                (family, label)
                for start, end, family, label in spans
                if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _, _ in spans)
            ]

            def one_letter_on(m: ModelSpec) -> bool:
                """``m``'s name is a family name said here with a letter more ('gemma 2' + 'b')."""
                return any(
                    family != m.family and compact(a).startswith(label) and len(compact(a)) - len(label) <= 1
                    for family, label in named
                    for a in (m.name, *m.aliases)
                )

            return [m for m in found if m not in fuzzy or not one_letter_on(m)]
        families = {m.family for m in sized}
        kept = [m for m in found if m not in fuzzy or m.family in families]
        return kept + [m for m in sized if m not in kept]

    def _without_hub_org(self, text: str) -> str:
        """``text`` with Hugging Face organisations dropped ("Qwen/Qwen2.5-7B-Instruct" -> "Qwen2.5-7B-Instruct"),
        unless a model's own alias keeps its organisation and is written in full ("decapoda-research/llama-7b-hf")."""
        stripped = _HUB_ORG.sub("", text)
        if stripped == text:
            return text
        spelled = compact(text)
        exact = [
            m
            for m in super().find_in_text(text)
            if any("/" in a and compact(a) in spelled for a in m.aliases)
        ]
        return text if exact else stripped

    def family_in_text(self, text: str) -> tuple[str, ModelSpec] | None:
        """The first model family named without a size in ``text`` ('can llava run on…') and the row that
        stands for it, or None. Callers check that no size was said."""
        found = self.families_in_text(text)
        return found[0] if found else None

    def families_in_text(self, text: str) -> list[tuple[str, ModelSpec]]:
        """Every model family named without a size in ``text`` ('llama 3 or qwen3 on a 4090?'), in order, each
        as typed with the row that stands for it."""
        found: list[tuple[str, ModelSpec]] = []
        for name in self._families.find_in_text(text):
            spec = self.by_name(name)
            hits = [(f, m) for f in spec.family_names for m in re.finditer(_phrase(f), text, re.IGNORECASE)]
            if not hits:  # a typo forgiven by the index ("lama 3")
                found.append((spec.family_names[0], spec))
                continue
            bare = [  # as typed
                m.group()
                for _, m in hits
                if not (_VERSION_AFTER.match(text, m.end()) or _VARIANT_AFTER.match(text, m.end()))
            ]
            if bare:  # "gemma 5" is a version the specs lack, not Gemma; "gemma 27b" is a size
                found.append((bare[0], spec))
        return found

    def family_variant_in_text(self, text: str) -> tuple[str, ModelSpec] | None:
        """A model family named with a variant word the specs have no row for and no size ('Qwen2-Audio', 'qwen2.5
        omni'): the variant as typed and the row that stands for the family, or None (embedding variants too,
        which are far smaller than their family)."""
        text = re.sub(r"(?<=[a-z0-9])[-_](?=[a-z])", " ", text, flags=re.IGNORECASE)  # "qwen2-audio" as words
        for name in self._families.find_in_text(text):
            spec = self.by_name(name)
            for label in spec.family_names:
                for m in re.finditer(_phrase(label), text, re.IGNORECASE):
                    variant = _VARIANT_AFTER.match(text, m.end())
                    if (
                        variant
                        and not _VERSION_AFTER.match(text, m.end())
                        and "embed" not in variant.group().lower()
                    ):
                        return text[m.start() : variant.end()].strip(), spec
        return None

    def fine_tune_named(self, text: str, spec: ModelSpec) -> str | None:
        """Which of ``spec``'s community fine-tunes ``text`` names ('vicuna 13b' -> 'Vicuna'), if any."""
        for tune in spec.fine_tunes:
            for m in re.finditer(_phrase(tune), text, re.IGNORECASE):
                # "trained llama-30b on alpaca (52k examples)", "the alpaca dataset": the data, not the model
                sized = _SIZE_AFTER.match(text[m.end() :])  # "qlora on vicuna-7b": the model, by its size
                if sized or not (
                    _DATA_BEFORE.search(text[: m.start()]) or _DATA_AFTER.match(text[m.end() :])
                ):
                    return tune
        return None

    def sizes_of(self, spec: ModelSpec) -> list[str]:
        """Canonical names of the other rows of ``spec``'s family."""
        return [m.name for m in self if m.family == spec.family and m.name != spec.name]


# a fine-tune's name used for its dataset: "(trained) on alpaca", "the alpaca dataset", "alpaca data (52k)"
_DATA_BEFORE = re.compile(r"\b(?:on|over)\s+(?:the\s+)?(?:full\s+|cleaned\s+)?$", re.IGNORECASE)
_DATA_AFTER = re.compile(r"[\s-]*(?:dataset|data\b|examples|samples|instructions|\(\s*\d)", re.IGNORECASE)
_SIZE_AFTER = re.compile(r"[\s-]*\d+(?:\.\d+)?\s*b\b", re.IGNORECASE)
_PLUS = re.compile(r"(?<=\w)\+(?![\w+])")
# a Hugging Face organisation before a repo name ("Qwen/", "meta-llama/", "TheBloke/"): matched fuzzily with the
# repo it leaned towards the longest alias that shares the organisation ("Qwen/Qwen2.5-VL-7B-Instruct")
_HUB_ORG = re.compile(r"(?<![\w/.-])[A-Za-z][\w.-]{1,38}/(?=[A-Za-z][\w.-]*\d)")
_SPACED_MOE = re.compile(r"(?<![\w.])(\d+)\s+[x×]\s+(\d+(?:\.\d+)?\s*b)\b", re.IGNORECASE)
# what a hub upload appends to a model's name: quantization, chat/instruct tuning, a version or a date, and the
# file's extension ("Llama-2-7b-chat.npz", "llama-2-13b-chat.ggmlv3.q4_0.bin", "...-Instruct.safetensors")
_PACKAGING = re.compile(
    r"(?<=[a-z0-9])[-_.](?:gptq|awq|gguf|ggml\w*|exl2|mlx|bnb|npz|safetensors|bin|pth|ckpt|onnx|"
    r"[2-8]bit|int4|int8|fp8|fp16|bf16|mxfp4|nvfp4|fp4|dwq|q\d\w*|instruct|chat|it|"
    r"hf|base|v\d+(?:\.\d+)*|\d{4})(?=[-_.\s,?!:;)'\"]|$)",
    re.IGNORECASE,
)
# after a family name, a version or a variant word names another model: "gemma 5", "llama 3.2 vision", "qwen2.5 math"
_VERSION_AFTER = re.compile(
    r"[\s.\-]?v?\d+(?:\.\d+)?(?!\d|\.\d)"  # a number after the name that is not a size, a format or a count:
    r"(?!\s*-?\s*(?:b|m|bn|billion|million|bits?|gb|gigs?|g|k|x\d*|gpus?|cards?|users?|tokens?|times|of)\b)",
    re.IGNORECASE,
)


_VARIANT_AFTER = re.compile(
    r"[\s\-]?(?:vision|vl|coder|code|math|guard|moe|next|nemo|small|medium|large|mini|scout|maverick|audio|omni|"
    r"distill|embed\w*|reward)\b",
    re.IGNORECASE,
)


def _phrase(label: str) -> str:
    """A regex for ``label`` as words, its separators (space, '-', '.') interchangeable or absent."""
    parts = [re.escape(p) for p in re.split(r"[\s.\-]+", label) if p]
    return r"(?<![\w.])" + r"[\s.\-]?".join(parts) + r"(?![\w])"


def load_models(path: Path | None = None) -> ModelSpecs:
    """Load and validate the model specs (``corpus/models.yaml`` by default)."""
    if path is None:
        return _default_models()
    return _build(path)


@lru_cache(maxsize=1)
def _default_models() -> ModelSpecs:
    return _build(corpus_dir() / "models.yaml")


def _build(path: Path) -> ModelSpecs:
    return ModelSpecs(load_rows(path, "models", ModelSpec), source=path)
