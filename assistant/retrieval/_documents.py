"""Turn the corpus (guides, GPU catalog, model specs) into LangChain Documents for indexing."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

from langchain_core.documents import Document
from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from ..knowledge._catalog import GPU
from ..knowledge._data import read_utf8
from ..knowledge._models import ModelSpec

__all__ = ["ALIAS_SEP", "load_documents", "slugify"]

_HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]
_SOURCES = re.compile(r"^(sources|references|further reading)$", re.IGNORECASE)
_SEP = " — "
# all-MiniLM-L6-v2 reads at most 256 word pieces (~1,100 characters); only unusually long sections
# are cut further, at paragraph boundaries, so each passage's text is embedded whole or nearly so.
_MAX_CHARS = 1600
_UNKNOWN = "unknown"
ALIAS_SEP = "; "  # joins a record's aliases in metadata "aliases"


def slugify(text: str) -> str:
    """Lower-case anchor slug: runs of non-alphanumerics become single hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "section"


def load_documents(corpus_dir: Path, catalog: Iterable[GPU], models: Iterable[ModelSpec]) -> list[Document]:
    """Every passage to index: guide sections, then one document per GPU and per model spec."""
    corpus_dir = Path(corpus_dir)
    root = corpus_dir.name
    docs: list[Document] = []
    for path in sorted((corpus_dir / "guides").glob("*.md")):
        docs.extend(_guide_documents(path, f"{root}/guides/{path.name}"))
    docs.extend(_gpu_document(gpu, f"{root}/gpus.yaml") for gpu in catalog)
    docs.extend(_model_document(spec, f"{root}/models.yaml") for spec in models)
    return docs


def _document(text: str, **metadata: str) -> Document:
    metadata.setdefault("references", "")
    metadata.setdefault("aliases", "")
    payload = json.dumps({"text": text, "metadata": metadata}, sort_keys=True, ensure_ascii=False)
    metadata["content_hash"] = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return Document(page_content=text, metadata=metadata, id=metadata["doc_id"])


# ---------------------------------------------------------------------------------------------- guides


def _guide_documents(path: Path, rel: str) -> list[Document]:
    sections = MarkdownHeaderTextSplitter(_HEADERS).split_text(read_utf8(path))
    guide_title = next((s.metadata["h1"] for s in sections if s.metadata.get("h1")), path.stem)
    references = "\n".join(
        s.page_content.strip() for s in sections if _SOURCES.match(_last_heading(s.metadata) or "")
    )
    splitter = RecursiveCharacterTextSplitter(chunk_size=_MAX_CHARS, chunk_overlap=150)
    docs: list[Document] = []
    seen: set[str] = set()
    for section in sections:
        heading = _last_heading(section.metadata)
        body = section.page_content.strip()
        if not body or _SOURCES.match(heading or "") or _under_sources(section.metadata):
            continue
        trail = [section.metadata[h] for _, h in _HEADERS[1:] if section.metadata.get(h)]
        title = _SEP.join([guide_title, *trail])
        anchor = slugify(trail[-1] if trail else guide_title)
        for part in splitter.split_text(body) if len(body) > _MAX_CHARS else [body]:
            doc_id = _unique(f"guide:{path.stem}#{anchor}", seen)
            docs.append(
                _document(
                    f"{title}\n\n{part}",
                    kind="guide",
                    title=title,
                    path=f"{rel}#{anchor}",
                    source=rel,
                    name="",
                    doc_id=doc_id,
                    references=references,
                )
            )
    return docs


def _last_heading(metadata: dict) -> str | None:
    return next((metadata[h] for _, h in reversed(_HEADERS) if metadata.get(h)), None)


def _under_sources(metadata: dict) -> bool:
    return any(_SOURCES.match(metadata.get(h) or "") for _, h in _HEADERS[1:])


def _unique(doc_id: str, seen: set[str]) -> str:
    candidate, n = doc_id, 1
    while candidate in seen:
        n += 1
        candidate = f"{doc_id}-{n}"
    seen.add(candidate)
    return candidate


# ---------------------------------------------------------------------------------------------- GPUs


def _num(value: float | int | None, unit: str = "") -> str:
    """A number without trailing zeros plus its unit, or 'unknown'."""
    if value is None or value != value:  # None or NaN
        return _UNKNOWN
    text = f"{value:.6g}"
    return f"{text} {unit}".strip()


def _text(value: str | None) -> str:
    return value.strip() if value and value.strip() else _UNKNOWN


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _gpu_document(gpu: GPU, rel: str) -> Document:
    slug = slugify(gpu.name)
    fp8 = _num(gpu.fp8_tflops, "TFLOPS") if gpu.fp8 else "not supported"
    fp16 = _num(gpu.fp16_tflops, "TFLOPS")
    if gpu.fp16_tflops_sparse:
        fp16 += f" (with 2:4 sparsity {_num(gpu.fp16_tflops_sparse, 'TFLOPS')})"
    lines = [
        f"{gpu.name} — {gpu.vendor} {_text(gpu.architecture)} accelerator ({gpu.release_year})",
        f"Also known as: {', '.join(gpu.aliases) if gpu.aliases else 'no other names listed'}",
        f"Vendor: {gpu.vendor}. Architecture: {_text(gpu.architecture)}. Released: {gpu.release_year}. "
        f"Form factor: {_text(gpu.form_factor)}.",
        f"Memory: {_num(gpu.memory_gb, 'GB')} {_text(gpu.memory_type)}; "
        f"memory bandwidth {_num(gpu.memory_bandwidth_gbs, 'GB/s')}.",
        f"Dense FP16/BF16 tensor throughput: {fp16}.",
    ]
    if gpu.fp16_fp32acc_tflops:
        lines.append(
            f"FP16 with FP32 accumulate (mixed-precision training): {_num(gpu.fp16_fp32acc_tflops, 'TFLOPS')}."
        )
    lines += [
        f"Dense FP8 throughput: {fp8}.",
        f"Board power (TDP): {_num(gpu.tdp_w, 'W')}.",
        f"Interconnect: {_text(gpu.interconnect)}"
        + (
            f"; GPU-to-GPU link {_num(gpu.nvlink_gbs, 'GB/s')}."
            if gpu.nvlink_gbs
            else "; no high-speed GPU-to-GPU link listed."
        ),
        f"Class: {gpu.gpu_class}.",
        f"Supports BF16: {_yes(gpu.bf16)}. Supports FP8: {_yes(gpu.fp8)}. "
        f"Supports FlashAttention-2: {_yes(gpu.flash_attention_2)}.",
        f"Software stack: {gpu.software}.",
        _price_line(gpu),
    ]
    if gpu.notes.strip():
        lines.append(f"Notes: {gpu.notes.strip()}")
    lines.append(f"Spec source: {gpu.spec_source} (checked {gpu.as_of.isoformat()}).")
    return _document(
        "\n".join(lines),
        kind="gpu",
        title=gpu.name,
        path=f"{rel}#{slug}",
        source=gpu.spec_source,
        name=gpu.name,
        aliases=ALIAS_SEP.join(gpu.aliases),
        doc_id=f"gpu:{slug}",
    )


def _price_line(gpu: GPU) -> str:
    price = gpu.price
    if price is None:
        return "Indicative cloud price: price unknown."
    return (
        f"Indicative on-demand cloud price: ${price.low:.2f} low, ${price.typical:.2f} typical per GPU-hour "
        f"(seen at {price.seen_at}, as of {price.as_of.isoformat()})."
    )


# ---------------------------------------------------------------------------------------------- models


def _model_document(spec: ModelSpec, rel: str) -> Document:
    slug = slugify(spec.name)
    params = f"{_num(spec.params_b)}B total parameters"
    if spec.is_moe:
        params += (
            f", {_num(spec.active_params_b)}B active per token (mixture of experts: "
            f"{_num(spec.experts)} experts, {_num(spec.experts_per_token)} used per token)"
        )
    kv_values = spec.kv_values_per_token
    if spec.kv_latent_dim:
        kv_how = f"layers × latent width {spec.kv_latent_dim} (multi-head latent attention)"
    else:
        kv_how = "2 × layers × KV heads × head dim"
    lines = [
        f"{spec.name} — open model, {spec.family} family",
        f"Also known as: {', '.join(spec.aliases) if spec.aliases else 'no other names listed'}",
        f"Parameters: {params}.",
        f"Layers: {spec.layers}. Hidden size: {spec.hidden_size}. Feed-forward width: {spec.intermediate_size}"
        + (" per expert." if spec.is_moe else "."),
        f"Attention heads: {spec.attention_heads}. KV heads: {spec.kv_heads}"
        + (" (grouped-query attention)" if spec.kv_heads < spec.attention_heads else "")
        + f". Head dim: {spec.head_dim}.",
        f"Vocabulary: {spec.vocab_size} tokens. Maximum context: {spec.max_context} tokens. "
        f"Tied embeddings: {_yes(spec.tied_embeddings)}.",
        f"KV cache per token at FP16: {kv_values * 2} bytes ({kv_values} cached values = {kv_how}, 2 bytes each).",
        f"Source: {spec.source} (checked {spec.as_of.isoformat()}).",
    ]
    return _document(
        "\n".join(lines),
        kind="model",
        title=spec.name,
        path=f"{rel}#{slug}",
        source=spec.source,
        name=spec.name,
        aliases=ALIAS_SEP.join(spec.aliases),
        doc_id=f"model:{slug}",
    )
