"""What the front ends share: sources with their links, the 'details' part of a reply, the JSON fields."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import Reply, Source

__all__ = ["details_markdown", "is_guide_section", "reply_fields", "source_url", "sources_markdown"]

_URL = re.compile(r"https?://[^\s<>()\"'`|\]\[]+")
_TRAILING = ".,;:!?"


def source_url(source: Source) -> str | None:
    """The web address a source names (a datasheet, a model's config.json), or None for corpus-only sources.

    Catalog rows and model specs carry their datasheet or config URL at the start of the snippet; a path
    that is itself a URL counts too. Only http(s) addresses are returned, never ``javascript:`` or the like.
    """
    for text in (source.path, source.snippet):
        match = _URL.search(text or "")
        if match:
            return match.group().rstrip(_TRAILING)
    return None


def is_guide_section(source: Source) -> bool:
    """Whether the source is a section of one of the bundled guides (``corpus/guides/<file>.md#<anchor>``)."""
    return bool(re.fullmatch(r"[\w.-]+/guides/[\w.-]+\.md(#[\w-]+)?", source.path or ""))


def sources_markdown(sources: Sequence[Source]) -> str:
    """A numbered 'Sources' list to put under an answer (with each source's web address), or '' if none."""
    if not sources:
        return ""
    lines = []
    for i, source in enumerate(sources, start=1):
        url = source_url(source)
        lines.append(f"{i}. {source.title} — `{source.path}`" + (f" — <{url}>" if url else ""))
    return "\n\n**Sources**\n" + "\n".join(lines)


def details_markdown(details: str) -> str:
    """The reply's details (breakdown, assumptions, alternatives) under a 'Details' heading, or '' if none."""
    details = (details or "").strip()
    return f"\n\n**Details**\n\n{details}" if details else ""


def reply_fields(reply: Reply, text: str | None = None) -> dict:
    """The reply as JSON-ready fields (the CLI's ``--json`` and the web API's body); ``text`` overrides its text."""
    return {
        "text": reply.text if text is None else text,
        "details": reply.details,
        "sources": [
            {"title": s.title, "path": s.path, "snippet": s.snippet, "url": source_url(s)}
            for s in reply.sources
        ],
        "gpus": list(reply.gpus),
        "memory_gb": reply.memory_gb,
        "intent": reply.intent,
    }
