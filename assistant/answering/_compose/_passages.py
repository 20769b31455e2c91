"""Answers quoted from retrieved guide passages: explanations and general recommendations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ...retrieval._generic import GENERIC
from .._facts import Facts
from ._catalog import fastest_within
from ._format import capitalized, markdown_table, money

__all__ = ["HELP_TEXT", "Passage", "first_sentences"]


class Passage(Protocol):
    """A retrieved text with metadata (a LangChain Document fits)."""

    page_content: str
    metadata: dict


HELP_TEXT = (
    "I help you choose a GPU or AI accelerator for machine-learning work: which GPU to train, "
    "fine-tune or serve a model on, how much memory it needs, how many GPUs, how fast, and what it "
    "costs per hour — plus specs, prices and comparisons of GPUs and accelerators, and "
    "explanations (LoRA vs QLoRA, quantization, KV cache, multi-GPU). Try:\n\n"
    "- *Which GPU should I use to fine-tune a 7B model?*\n"
    "- *Can I serve Llama 3 70B on one L40S?*\n"
    "- *How much does an H100 cost per hour?*\n"
    "- *Compare the L4 and the T4*\n"
    "- *What is the difference between training and inference GPUs?*"
)


def first_sentences(text: str, count: int) -> str:
    body = _strip_heading(text)
    sentences = re.split(r"(?<=[.!?])\s+", body)
    return " ".join(sentences[:count]).strip()


def _strip_heading(text: str) -> str:
    """Passage text without its 'Guide — Section' title line or Markdown headings."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    if blocks and " — " in blocks[0] and "\n" not in blocks[0].strip():
        blocks = blocks[1:]
    lines = [ln for b in blocks for ln in b.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return " ".join(lines).strip()


def _excerpt(text: str, words: int = 170) -> str:
    body = _strip_heading(text)
    tokens = body.split()
    if len(tokens) <= words:
        return body
    cut = " ".join(tokens[:words])
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    return cut[: end + 1] if end > 100 else cut + " …"


_YES_NO = re.compile(r"\W*(?:yes|no|only (?:with|if|when|by|using|on)|not without)\b", re.I)
# a guide's FAQ answer that opens "Yes, with …" / "No — …": the verdict of the question that section was written for
_VERDICT_LEAD = re.compile(
    r"\W*(?:yes|no)\b(?:\W*?(?:[,:;.]|\s[—–-])\s*|\s+(?=(?:for|with|if|when|on|as long as|but)\b))", re.I
)


def _without_verdict(excerpt: str) -> str:
    """The excerpt without a leading Yes/No: a what/how question asked nothing to say Yes to."""
    match = _VERDICT_LEAD.match(excerpt)
    if match is None:
        return excerpt
    rest = excerpt[match.end() :]
    return capitalized(rest)


_STOP_WORDS = (
    "a an the i my me we our you your to of in on at by is are be do does did can could will would should with and "
    "or for it its that this than then what how which there any some into over"
)
_STOP = frozenset(_STOP_WORDS.split())


def _words(text: str) -> set[str]:
    """Content words of a text, lower-cased, a plural 's' dropped ('gpus' and "gpu's" are 'gpu')."""
    words = re.findall(r"[a-z0-9_]+", text.lower().replace("'s", ""))
    return {
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in words
        if w not in _STOP
    }


def _shared(asked: set[str], passage: Passage) -> int:
    """How many of the user's content words a section's own question names, words every section uses ('gpu',
    'model', 'run', 'need') aside: "one vLLM server, two models" is about vLLM, not about GPUs and models."""
    return len((asked & _words(_section_question(passage))) - GENERIC)


def _section_question(passage: Passage) -> str:
    """The section heading of a guide passage (the question an FAQ section answers)."""
    return str(passage.metadata.get("title", "")).split(" — ", 1)[-1]


def explain_answer(facts: Facts, passages: Sequence[Passage]) -> str:
    guides = [p for p in passages if p.metadata.get("kind") == "guide"] or list(passages)
    if not guides:
        return (
            "I don't know — nothing in my knowledge base covers that, and I won't guess. "
            "My guides and sizing cover GPUs and accelerators for large language models. " + HELP_TEXT
        )
    if facts.understanding.details.yes_no:
        # "can it serve 10 users at once?": a passage that answers Yes or No outright leads, not the one that
        # ranked first for the post's other words; of several such sections, the one whose own question shares
        # the most words with the user's ("can vllm split a model over two gpus with tensor parallelism?" is the
        # tensor-parallel section's question, not the NVLink one's, though both speak of two GPUs)
        direct = [p for p in guides[:3] if _YES_NO.match(_strip_heading(p.page_content))]
        asked = _words(facts.understanding.question)
        if direct and (
            _shared(asked, best := max(direct, key=lambda p: _shared(asked, p)))
            or not _shared(asked, guides[0])
        ):  # a verdict section, unless its question names none of the user's words and the first's does
            guides = [best, *(p for p in guides if p is not best)]
    else:
        # "can you define the roofline model?": of the top sections, one whose own question names more of the
        # user's words than the first's leads ("roofline model" beats a section that only shares "model")
        asked = _words(facts.understanding.question)
        best = max(guides[:3], key=lambda p: _shared(asked, p))
        if _shared(asked, best) > _shared(asked, guides[0]):
            guides = [best, *(p for p in guides if p is not best)]
    top = guides[0]
    lead = _excerpt(top.page_content)
    if not facts.understanding.details.yes_no:
        lead = _without_verdict(lead)
    parts = [lead]
    more = guides[1:3]
    if more:
        parts.append(
            "**Related**\n"
            + "\n".join(
                f"- **{p.metadata.get('title', '')}**: {first_sentences(p.page_content, 1)}" for p in more
            )
        )
    return "\n\n".join(parts)


def general_recommendation(facts: Facts, passages: Sequence[Passage]) -> str:
    parts = []
    if facts.filters and facts.gpus:
        gpus = facts.gpus
        names = ", ".join(g.name for g in gpus[:8])
        lead = (
            f"{len(gpus)} GPUs and accelerators in the catalog match ({', '.join(facts.filters)}): {names}."
        )
        if fastest := fastest_within(facts):  # "the fastest I can hire under $1/hour": that card leads
            best, lead = fastest
            gpus = (best, *(g for g in gpus if g is not best))
        parts.append(lead)
        rows = [
            (g.name, f"{g.memory_gb:.0f} GB", money(g.price_per_hour), g.gpu_class, g.software)
            for g in gpus[:8]
        ]
        parts.append(markdown_table(("GPU", "memory", "$/hour", "class", "software"), rows))
        if any(p.metadata.get("kind") == "guide" for p in passages):
            parts.append(_excerpt(passages[0].page_content, 90))
    elif facts.filters:
        parts.append(f"No GPU in the catalog matches ({', '.join(facts.filters)}).")
    else:
        parts.append(explain_answer(facts, passages))
    parts.append(
        "Tell me the model (or its size) and whether you train, fine-tune or serve it, and I will size it exactly."
    )
    return "\n\n".join(parts)
