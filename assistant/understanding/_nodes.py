"""Clusters told as servers: "96 DGX-A100 (8x40G)", "4 nodes of 8x H100", "2 servers with 8 A100s each",
"2 H100*8 machines" -> the GPUs they hold, spelled "768x A100 40GB" so the GPU count reader sees the whole cluster (pure).

A DGX/HGX system is an 8-GPU server of the GPU its name carries (NVIDIA's DGX/HGX A100, H100, H200, B200
designs); a memory size written after it ("(8x40G)", "640GB") picks the variant. A plain "node", "server"
or "machine" is read only when the GPUs per node are said ("of 8x H100", "with 8 A100s each").
"""

from __future__ import annotations

import re

from ._number_words import TENS, UNITS

__all__ = ["spell_nodes"]

_WORD_COUNT = (
    r"(?:(?:"
    + "|".join(TENS)
    + r")(?:[\s-](?:"
    + "|".join(list(UNITS)[:9])
    + r"))?|"
    + "|".join(k for k in UNITS if k != "one")
    + r")"
)
_COUNT = r"(\d{1,4}|" + _WORD_COUNT + r")"
_GPUS_PER_DGX = 8  # DGX/HGX systems carry 8 GPUs (NVIDIA DGX A100 / H100 / H200 / B200 datasheets)

# "96 NVIDIA DGX-A100 (8X40G)", "two DGX H100 systems", "4x HGX A100 640GB"
_DGX = re.compile(
    r"(?<![\w.])(\d{1,4}|an?|one|single|"
    + _WORD_COUNT
    + r")\s*[x×*]?\s*(?:nvidia\s+)?(?:dgx|hgx)[\s-]*([abh]\d{3})\b"
    r"(?:\s*(?:systems?|servers?|nodes?|boxes|machines?|pods?))?"
    r"(?:\s*\(?\s*(320|640|1128|1440)\s*g(?:b|ib)?\b(?:\s*\))?"
    r"|\s*\(?\s*(?:8\s*[x×*]\s*)?(\d{2,3})\s*g(?:b|ib)?\b(?:\s*\))?)?",
    re.I,
)
# "4 nodes of 8x H100", "2 servers with 8 A100s each", "16 machines, each with 8 H100 80GB"
_NODES = re.compile(
    r"(?<![\w.])" + _COUNT + r"\s+(?:gpu\s+)?(?:nodes?|servers?|machines?|hosts?|boxes)\s*(?:,\s*)?"
    r"(?:of|with|each with|having|each having|containing|[x×*])\s*(\d{1,2})\s*[x×*]?\s*"
    r"((?:nvidia\s+|amd\s+)?[a-z]+\s?\d{2,4}[a-z]*(?:\s+\d{2,3}\s*gb)?)(?:s\b)?(?:\s+(?:gpus?|cards?))?(?:\s+each)?",
    re.I,
)

# "4 nodes with 8 GPUs each", "2 servers x 8 gpus": the GPU named elsewhere in the question
_NODES_OF_GPUS = re.compile(
    r"(?<![\w.])" + _COUNT + r"\s+(?:gpu\s+)?(?:nodes?|servers?|machines?|hosts?|boxes)\s*(?:,\s*)?"
    r"(?:of|with|each with|having|each having|containing|[x×*])?\s*(\d{1,2})\s*(?:gpus?|cards?)\b"
    r"(?:\s+(?:each|per (?:node|server|machine|host)))?",
    re.I,
)
# "8 A100s per node, 2 nodes", "8 gpus per server x 4 servers": the GPUs per node first
_PER_NODE = re.compile(
    r"(?<![\w.])(\d{1,2})\s*[x×*]?\s*((?:nvidia\s+|amd\s+)?(?:[a-z]+\s?\d{2,4}[a-z]*(?:\s+\d{2,3}\s*gb)?(?:s\b)?|gpus?|cards?))"
    r"\s*(?:per|each|/|a)\s*(?:node|server|machine|host)\s*(?:,|x|×|\*|and|on|across|over|with)?\s*"
    + _COUNT
    + r"\s+(?:nodes?|servers?|machines?|hosts?)\b",
    re.I,
)

# "2 H100*8 machines", "two 8xH100 nodes", "4 A100x8 servers": a count of machines, each shaped GPU-times-N
_SHAPED_NODES = re.compile(
    r"(?<![\w.])" + _COUNT + r"\s+(?:(\d{1,2})\s*[x×*]\s*((?:nvidia\s+|amd\s+)?[a-z]+\s?\d{2,4}[a-z]*)"
    r"|((?:nvidia\s+|amd\s+)?[a-z]+\s?\d{2,4}[a-z]*)\s*[x×*]\s*(\d{1,2}))"
    r"\s+(?:gpu\s+)?(?:nodes?|servers?|machines?|hosts?|boxes)\b",
    re.I,
)
# "3*8*A100 (40G)", "2x8xH100", "4 x 8 x A100": nodes times GPUs per node
_PRODUCT = re.compile(r"(?<![\w.])(\d{1,4})\s*[x×*]\s*(\d{1,2})\s*[x×*]\s*(?=[a-z])", re.I)
# "A100 (40G)", "H100 (80GB)": the memory variant in brackets, written as the catalog writes it
_BRACKETED_MEMORY = re.compile(r"(?<=[a-z0-9])\s*\(\s*(\d{2,3})\s*g(?:b|ib)?\s*\)", re.I)


def spell_nodes(question: str) -> str:
    """``question`` with clusters of servers written as one GPU count ("96 DGX-A100" -> "768x A100")."""

    def dgx(m: re.Match[str]) -> str:
        systems = _number(m.group(1))
        count = systems * _GPUS_PER_DGX
        gpu = m.group(2).upper()
        per_gpu = m.group(4)
        if m.group(3):  # a system total: "DGX A100 640GB" is 8 x 80 GB
            per_gpu = str(int(m.group(3)) // _GPUS_PER_DGX)
        return f"{count}x {gpu}" + (f" {per_gpu}GB" if per_gpu else "")

    def nodes(m: re.Match[str]) -> str:
        return f"{_number(m.group(1)) * int(m.group(2))}x {m.group(3)}"

    def per_node(m: re.Match[str]) -> str:
        what = m.group(2)
        gpus = re.fullmatch(r"(?:gpus?|cards?)", what, re.I)
        return f"{int(m.group(1)) * _number(m.group(3))}" + (
            " GPUs" if gpus else f"x {re.sub(r's$', '', what)}"
        )

    def shaped(m: re.Match[str]) -> str:
        per, gpu = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(4))
        return f"{_number(m.group(1)) * int(per)}x {gpu}"

    question = _SHAPED_NODES.sub(shaped, question)
    question = _PRODUCT.sub(lambda m: f"{int(m.group(1)) * int(m.group(2))}x ", question)
    question = _NODES.sub(nodes, _DGX.sub(dgx, question))
    question = _NODES_OF_GPUS.sub(lambda m: f"{_number(m.group(1)) * int(m.group(2))} GPUs", question)
    question = _PER_NODE.sub(per_node, question)
    return _BRACKETED_MEMORY.sub(r" \1GB", question)


def _number(word: str) -> int:
    """'96', 'ninety-six', 'five', 'a' -> 96, 96, 5, 1."""
    if word.isdigit():
        return int(word)
    parts = re.split(r"[\s-]+", word.lower())
    return sum(TENS.get(p, UNITS.get(p, 0)) for p in parts) or 1
