"""Markdown shared by the front ends that print Markdown (the CLI and the web app's API)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant import Source

__all__ = ["sources_markdown"]


def sources_markdown(sources: Sequence[Source]) -> str:
    """A numbered 'Sources' list to put under an answer, or '' when there are none."""
    if not sources:
        return ""
    lines = [f"{i}. {s.title} — `{s.path}`" for i, s in enumerate(sources, start=1)]
    return "\n\n**Sources**\n" + "\n".join(lines)
