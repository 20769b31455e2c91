"""Serving engines named in a question ("vLLM vs Ollama", "TGI or llama.cpp") and whether it asks how their
speed compares (pure)."""

from __future__ import annotations

import re

__all__ = ["BATCHING_ENGINES", "asks_engine_speed", "engines_named"]

# engine -> how people write it; the first group batch many requests continuously on a GPU server
_ENGINES = {
    "vLLM": r"\bvllm\b",
    "TGI": r"\btgi\b|\btext[- ]generation[- ]inference\b",
    "SGLang": r"\bsglang\b",
    "TensorRT-LLM": r"\btensorrt[- _]?llm\b|\btrt[- _]?llm\b",
    "LMDeploy": r"\blmdeploy\b",
    "Ollama": r"\bollama\b",
    "llama.cpp": r"\bllama[. ]?cpp\b",
    "LM Studio": r"\blm ?studio\b",
    "ExLlamaV2": r"\bexllama(?:v2)?\b",
    "Hugging Face transformers": r"\b(?:hf|hugging ?face) transformers\b|\bmodel\.generate\b",
}
BATCHING_ENGINES = ("vLLM", "TGI", "SGLang", "TensorRT-LLM", "LMDeploy")
_PATTERNS = {name: re.compile(p) for name, p in _ENGINES.items()}
_SPEED = re.compile(
    r"\bfast(?:er|est)?\b|\bspeed|\bslow(?:er)?\b|\bthroughput\b|\btokens?\s*(?:/|per)\s*s|\bt/s\b|\bsame\b|"
    r"\bperformance\b|\blatency\b|\bquicker\b"
)


def engines_named(text: str) -> tuple[str, ...]:
    """The engines ``text`` names, in the order they appear."""
    t = text.lower()
    hits = [(m.start(), name) for name, p in _PATTERNS.items() if (m := p.search(t))]
    return tuple(name for _, name in sorted(hits))


def asks_engine_speed(text: str) -> bool:
    """Whether ``text`` compares the speed of a batching server (vLLM, TGI…) with an engine that runs one
    request at a time or a few fixed slots (Ollama, llama.cpp, transformers…)."""
    named = engines_named(text)
    return (
        any(n in BATCHING_ENGINES for n in named)
        and any(n not in BATCHING_ENGINES for n in named)
        and bool(_SPEED.search(text.lower()))
    )
