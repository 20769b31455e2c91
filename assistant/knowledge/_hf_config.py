"""Any Hugging Face model: a ModelSpec from its ``config.json`` (pure, except the optional download).

A model id ("Qwen/Qwen2.5-7B-Instruct") or a local path (a config file or a model folder) becomes the
same ModelSpec the arithmetic uses for the catalog's models: layers, hidden size, GQA heads, MoE
experts, DeepSeek's MLA latent, and a parameter count from the safetensors metadata when there is one,
else from the architecture. Configs are cached under ``<data_dir>/hf-configs``; a download happens only
when online (``huggingface_hub``, never in tests). Offline and not cached: :class:`ConfigUnavailable`,
and :func:`nearest_known` names the stand-in the caller should state.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from pathlib import Path
from typing import Any

from ._models import ModelSpec, ModelSpecs

__all__ = ["ConfigUnavailable", "load_hf_config", "nearest_known", "spec_for_model_id", "spec_from_config"]

_ID = re.compile(r"^[\w.\-]+/[\w.\-]+$")


class ConfigUnavailable(LookupError):
    """The config is neither on disk nor in the cache, and downloading is off."""


def load_hf_config(
    model: str, cache_dir: Path | None = None, *, online: bool | None = None
) -> tuple[dict, str]:
    """The parsed ``config.json`` of ``model`` (an id or a local path) and where it came from."""
    path = Path(model).expanduser()
    if path.is_dir():
        path = path / "config.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8")), str(path)
    if not _ID.match(model):
        raise ConfigUnavailable(f"{model!r} is neither a config file nor a Hugging Face model id")
    cached = (cache_dir / "hf-configs" / f"{model.replace('/', '--')}.json") if cache_dir else None
    if cached and cached.is_file():
        return json.loads(
            cached.read_text(encoding="utf-8")
        ), f"https://huggingface.co/{model} (cached config.json)"
    if online is None:
        online = os.environ.get("HF_HUB_OFFLINE", "0") in ("0", "", "false", "False")
    if not online:
        raise ConfigUnavailable(f"offline and no cached config.json for {model}")
    from huggingface_hub import hf_hub_download  # optional, imported only to download

    downloaded = Path(hf_hub_download(model, "config.json"))
    text = downloaded.read_text(encoding="utf-8")
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(text, encoding="utf-8")
    return json.loads(text), f"https://huggingface.co/{model}/blob/main/config.json"


def spec_from_config(
    config: dict[str, Any], name: str, source: str, total_params: float | None = None
) -> ModelSpec:
    """A ModelSpec from a transformers config; ``total_params`` (from safetensors metadata) overrides the count."""
    c = config.get("text_config", config)  # multimodal configs nest the language model
    h = int(c["hidden_size"])
    layers = int(c["num_hidden_layers"])
    heads = int(c["num_attention_heads"])
    kv_heads = int(c.get("num_key_value_heads") or heads)
    head_dim = int(c.get("head_dim") or h // heads)
    vocab = int(c["vocab_size"])
    tied = bool(c.get("tie_word_embeddings", config.get("tie_word_embeddings", False)))
    experts = c.get("num_local_experts") or c.get("n_routed_experts") or c.get("num_experts")
    per_token = c.get("num_experts_per_tok")
    dense_ffn = int(c.get("intermediate_size") or 4 * h)
    expert_ffn = int(c.get("moe_intermediate_size") or dense_ffn)
    mla = c.get("kv_lora_rank") is not None

    attention = _attention_params(c, h, heads, kv_heads, head_dim, mla)
    embeddings = vocab * h * (1 if tied else 2)
    if experts:
        dense_layers = int(c.get("first_k_dense_replace", 0))
        shared = int(c.get("n_shared_experts") or 0)
        expert = 3 * h * expert_ffn
        moe_layer = expert * (int(experts) + shared) + h * int(experts)
        active_moe = expert * (int(per_token or 1) + shared) + h * int(experts)
        dense = 3 * h * dense_ffn
        total = embeddings + layers * attention + dense_layers * dense + (layers - dense_layers) * moe_layer
        active = embeddings + layers * attention + dense_layers * dense + (layers - dense_layers) * active_moe
    else:
        total = active = embeddings + layers * (attention + 3 * h * dense_ffn)
    if total_params:
        active = active * total_params / total
        total = total_params
    return ModelSpec(
        name=name,
        aliases=(name.lower(), name.split("/")[-1].lower()),
        family=str(c.get("model_type") or config.get("model_type") or "unknown"),
        params_b=total / 1e9,
        active_params_b=active / 1e9 if experts else None,
        experts=int(experts) if experts else None,
        experts_per_token=int(per_token) if experts and per_token else None,
        layers=layers,
        hidden_size=h,
        intermediate_size=expert_ffn if experts else dense_ffn,
        attention_heads=heads,
        kv_heads=kv_heads,
        head_dim=head_dim,
        kv_latent_dim=int(c["kv_lora_rank"]) + int(c.get("qk_rope_head_dim", 0)) if mla else None,
        vocab_size=vocab,
        max_context=max(512, int(c.get("max_position_embeddings") or 4096)),
        tied_embeddings=tied,
        native_precision="fp8"
        if (config.get("quantization_config") or {}).get("quant_method") == "fp8"
        else None,
        source=source,
        as_of=dt.date.today(),
    )


def _attention_params(c: dict, h: int, heads: int, kv_heads: int, head_dim: int, mla: bool) -> int:
    if not mla:
        return h * heads * head_dim * 2 + h * kv_heads * head_dim * 2  # q and o, k and v
    q_lora = c.get("q_lora_rank")
    nope, rope, v = int(c["qk_nope_head_dim"]), int(c["qk_rope_head_dim"]), int(c["v_head_dim"])
    kv_lora = int(c["kv_lora_rank"])
    q = h * q_lora + q_lora * heads * (nope + rope) if q_lora else h * heads * (nope + rope)
    kv = h * (kv_lora + rope) + kv_lora * heads * (nope + v)
    return q + kv + heads * v * h


def spec_for_model_id(model: str, cache_dir: Path | None = None, *, online: bool | None = None) -> ModelSpec:
    """The ModelSpec of a Hugging Face model id or local config path (raises ConfigUnavailable)."""
    config, source = load_hf_config(model, cache_dir, online=online)
    name = model if _ID.match(model) else Path(model).stem
    return spec_from_config(config, name, source)


def sized_by_name(model: str) -> float | None:
    """The parameter count a model id states in its name ("unsloth/Qwen3.6-27B-NVFP4" -> 27e9), or None (an MoE's
    "30B-A3B" gives its total, the first size named)."""
    size = re.search(r"(\d+(?:\.\d+)?)\s*[bB]\b", model.split("/")[-1].replace("-", " "))
    return float(size.group(1)) * 1e9 if size else None


def nearest_known(model: str, models: ModelSpecs) -> tuple[ModelSpec, str]:
    """The known model to stand in for ``model`` when its config cannot be read, and why it was chosen."""
    size = re.search(r"(\d+(?:\.\d+)?)\s*[bB]\b", model.split("/")[-1].replace("-", " "))
    if size:
        params = float(size.group(1)) * 1e9
        text_only = [m for m in models if not m.is_moe and m.vision_encoder_b is None]  # text-only stand-ins
        dense = [m for m in text_only if m.architecture_proxy] or text_only  # the typical layouts first
        best = min(dense, key=lambda m: (abs(math.log(m.params / params)), m.name))
        return best, f"the known model nearest its {size.group(1)}B parameters in the name"
    by_name = models.find_in_text(model.replace("/", " ").replace("-", " "))
    if by_name:
        return by_name[0], "the known model its name mentions"
    return next(iter(models)), "no size in its name, so the first known model (a guess)"
