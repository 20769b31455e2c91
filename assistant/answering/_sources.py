"""Sources for a reply: catalog rows, model specs, the assumptions file and retrieved passages."""

from __future__ import annotations

from collections.abc import Sequence

from .._reply import Source
from ..retrieval._documents import slugify
from ._facts import Facts

__all__ = ["collect_sources"]


def collect_sources(facts: Facts, passages: Sequence) -> list[Source]:
    """Every source the answer drew on, the numbers' sources first, without repeats."""
    sources: list[Source] = []
    for gpu in facts.gpus[:8]:
        price = (
            f"; price seen at {gpu.price.seen_at} ({gpu.price.as_of:%Y-%m})"
            if gpu.price
            else "; price unknown"
        )
        sources.append(
            Source(
                f"GPU catalog: {gpu.name}", f"corpus/gpus.yaml#{slugify(gpu.name)}", gpu.spec_source + price
            )
        )
    for tool in dict.fromkeys(s.tool for s in facts.support):
        sources.append(
            Source(
                f"Software support: {tool.name}", f"corpus/software.yaml#{slugify(tool.name)}", tool.source
            )
        )
    if facts.model:
        sources.append(
            Source(
                f"Model spec: {facts.model.name}",
                f"corpus/models.yaml#{slugify(facts.model.name)}",
                facts.model.source,
            )
        )
    elif facts.workload and facts.workload.shape_is_proxy:
        shape = facts.workload.shape
        sources.append(
            Source(
                f"Model spec (architecture proxy): {shape.name}",
                f"corpus/models.yaml#{slugify(shape.name)}",
                shape.source,
            )
        )
    if facts.estimate:
        keys = ", ".join(dict.fromkeys(a.key for a in facts.estimate.assumptions))
        sources.append(Source("Sizing assumptions", "corpus/assumptions.yaml", f"uses: {keys}"))
    for passage in passages:
        meta = passage.metadata
        if (
            meta.get("kind") != "guide"
            and facts.estimate is None
            and meta.get("name") not in {g.name for g in facts.gpus}
        ):
            continue
        snippet = " ".join(passage.page_content.split())[:240]
        sources.append(Source(meta.get("title", ""), meta.get("path", ""), snippet))
    unique: dict[str, Source] = {}
    for source in sources:
        unique.setdefault(source.path, source)
    return list(unique.values())
