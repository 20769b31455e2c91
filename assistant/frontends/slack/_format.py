"""Markdown answers as Slack messages: mrkdwn text, tables Slack can show, and Block Kit blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import Reply, Source

from .._markdown import source_url

__all__ = [
    "DETAILS_ACTION",
    "DETAILS_BLOCK_ID",
    "FEEDBACK_ACTIONS",
    "FEEDBACK_BLOCK_ID",
    "SECTION_LIMIT",
    "answer_message",
    "details_message",
    "details_posted",
    "feedback_given",
    "split_mrkdwn",
    "to_mrkdwn",
]

SECTION_LIMIT = 3000  # characters of text in one section block (Slack's limit)
FALLBACK_LIMIT = 12_000  # characters of the plain `text` fallback (Slack truncates messages past 40k)
MAX_BLOCKS = 50  # blocks in one message (Slack's limit)
CONTEXT_ELEMENTS = 10  # elements in one context block (Slack's limit)
CODE_TABLE_WIDTH = 60  # widest table drawn as aligned columns; wider ones become bullet lines
FEEDBACK_BLOCK_ID = "feedback"
FEEDBACK_ACTIONS = {"feedback_up": "up", "feedback_down": "down"}
DETAILS_BLOCK_ID = "details"
DETAILS_ACTION = "show_details"

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_LINK = re.compile(r"\[([^\]]+)\]\((\S+?)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_SLOT = re.compile(r"\x00(\d+)\x00")
_BOLD_MARK = "\x01"


def _escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn reserves."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline(text: str) -> str:
    """One line of Markdown inline markup as mrkdwn: bold, italics, code, links, strikethrough."""
    slots: list[str] = []

    def keep(rendered: str) -> str:
        slots.append(rendered)
        return f"\x00{len(slots) - 1}\x00"

    text = _CODE_SPAN.sub(lambda m: keep(f"`{_escape(m.group(2).strip())}`"), text)
    text = _LINK.sub(lambda m: keep(f"<{m.group(2)}|{_escape(_plain(m.group(1)))}>"), text)
    text = _AUTOLINK.sub(lambda m: keep(f"<{m.group(1)}>"), text)
    text = _escape(text)
    text = _BOLD.sub(lambda m: f"{_BOLD_MARK}{m.group(2)}{_BOLD_MARK}", text)
    text = _ITALIC_STAR.sub(r"_\1_", text)
    text = _STRIKE.sub(r"~\1~", text)
    text = text.replace(_BOLD_MARK, "*")
    while _SLOT.search(text):
        text = _SLOT.sub(lambda m: slots[int(m.group(1))], text)
    return text


def _plain(text: str) -> str:
    """Markdown inline markup removed: for cells in code blocks and labels that are bolded whole."""
    text = _CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\2", text)
    text = _ITALIC_STAR.sub(r"\1", text)
    return _STRIKE.sub(r"\1", text)


def _cells(line: str) -> list[str]:
    """The cells of one Markdown table row (escaped pipes kept inside cells)."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", body)]


def _table(lines: Sequence[str]) -> list[str]:
    """A Markdown table as aligned columns in a code block when narrow, else as bullet lines."""
    header = _cells(lines[0])
    rows = [_cells(line) for line in lines[2:]]
    width = len(header)
    rows = [(row + [""] * width)[:width] for row in rows]
    plain = [[_plain(cell) for cell in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in plain) for i in range(width)]
    if sum(widths) + 2 * (width - 1) <= CODE_TABLE_WIDTH:

        def draw(row: list[str]) -> str:
            return "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()

        rule = "  ".join("-" * w for w in widths)
        return ["```", _escape(draw(plain[0])), rule, *(_escape(draw(row)) for row in plain[1:]), "```"]
    out = []
    for row in rows:
        label = _plain(row[0]).strip()
        parts = []
        for name, cell in zip(header[1:], row[1:], strict=True):
            if not cell.strip():
                continue
            name = _plain(name).strip()
            parts.append(f"{_escape(name)}: {_inline(cell)}" if name else _inline(cell))
        head = f"*{_escape(label)}*" if label else ""
        out.append("• " + " — ".join(p for p in (head, " · ".join(parts)) if p))
    return out


def to_mrkdwn(markdown: str) -> str:
    """Markdown as Slack mrkdwn: bold, headings as bold lines, links, bullets, and tables Slack can show."""
    lines = markdown.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            fence = _FENCE.match(line).group(1)
            out.append("```")
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                out.append(_escape(lines[i]))
                i += 1
            out.append("```")
            i += 1
            continue
        if _TABLE_ROW.match(line) and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            end = i + 2
            while end < len(lines) and _TABLE_ROW.match(lines[end]):
                end += 1
            out.extend(_table(lines[i:end]))
            i = end
            continue
        if heading := _HEADING.match(line):
            out.append(f"*{_escape(_plain(heading.group(1)))}*")
        elif _RULE.match(line):
            out.append("──────────")
        elif bullet := _BULLET.match(line):
            depth = len(bullet.group(1).expandtabs(4)) // 2
            out.append("    " * depth + ("• " if depth == 0 else "◦ ") + _inline(bullet.group(2)))
        elif quote := _QUOTE.match(line):
            out.append("> " + _inline(quote.group(1)))
        else:
            out.append(_inline(line))
        i += 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def split_mrkdwn(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Text cut into pieces of at most ``limit`` characters, at blank lines where possible; code blocks stay closed."""
    pieces: list[str] = []
    current: list[str] = []
    breaks: list[int] = []  # indexes in `current` of blank lines outside code blocks
    size = 0
    in_code = False
    lines = [part for line in text.split("\n") for part in _hard_wrap(line, limit - 12)]
    for line in lines:
        while current and size + len(line) + 1 + (4 if in_code else 0) > limit:
            usable = [b for b in breaks if sum(len(x) + 1 for x in current[:b]) >= limit // 2]
            if usable:
                cut = usable[-1]
                pieces.append("\n".join(current[:cut]).strip("\n"))
                current = current[cut + 1 :]
            else:
                pieces.append("\n".join([*current, "```"] if in_code else current).strip("\n"))
                current = ["```"] if in_code else []
            breaks = [n for n, x in enumerate(current) if not x.strip() and not _inside_code(current, n)]
            size = sum(len(x) + 1 for x in current)
        if not line.strip() and not in_code:
            breaks.append(len(current))
        current.append(line)
        size += len(line) + 1
        if line.startswith("```"):
            in_code = not in_code
    if "".join(current).strip():
        pieces.append("\n".join(current).strip("\n"))
    return [p for p in pieces if p.strip()]


def _inside_code(lines: Sequence[str], index: int) -> bool:
    """Whether line ``index`` falls inside a code block opened earlier in ``lines``."""
    return sum(1 for x in lines[:index] if x.startswith("```")) % 2 == 1


def _hard_wrap(line: str, width: int) -> list[str]:
    """A line longer than ``width`` cut into pieces, at spaces where possible."""
    parts = []
    while len(line) > width:
        cut = line.rfind(" ", width // 2, width)
        cut = cut if cut > 0 else width
        parts.append(line[:cut])
        line = line[cut:].lstrip(" ")
    parts.append(line)
    return parts


def _truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sources_block(sources: Sequence[Source]) -> dict | None:
    """A context block listing the sources' titles and paths."""
    if not sources:
        return None
    lines = [
        f"{n}. {_escape(s.title)} — `{_escape(s.path)}`{_link(s)}" for n, s in enumerate(sources, start=1)
    ]
    elements: list[str] = []
    for line in ["*Sources*", *lines]:
        if elements and len(elements[-1]) + len(line) + 1 <= SECTION_LIMIT:
            elements[-1] += "\n" + line
        elif len(elements) < CONTEXT_ELEMENTS:
            elements.append(_truncate(line, SECTION_LIMIT))
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": e} for e in elements]}


def _link(source: Source) -> str:
    """' — <url|source>' for a source with a web address Slack can link (none with characters it reserves)."""
    url = source_url(source)
    if not url or any(c in url for c in "<>|&"):
        return f" — {_escape(url)}" if url else ""
    return f" — <{url}|{'datasheet' if source.path.startswith('corpus/gpus.yaml') else 'source'}>"


def _details_block(answer_id: str) -> dict:
    """A 'Details' button that posts the answer's breakdown and assumptions in the thread."""
    return {
        "type": "actions",
        "block_id": DETAILS_BLOCK_ID,
        "elements": [
            {
                "type": "button",
                "action_id": DETAILS_ACTION,
                "text": {"type": "plain_text", "text": "Details (breakdown, assumptions)", "emoji": True},
                "value": answer_id,
            }
        ],
    }


def _feedback_block(feedback_id: str) -> dict:
    """Thumbs up/down buttons whose value identifies the answer."""
    labels = {"feedback_up": "👍 Helpful", "feedback_down": "👎 Not helpful"}
    return {
        "type": "actions",
        "block_id": FEEDBACK_BLOCK_ID,
        "elements": [
            {
                "type": "button",
                "action_id": action_id,
                "text": {"type": "plain_text", "text": labels[action_id], "emoji": True},
                "value": feedback_id,
            }
            for action_id in FEEDBACK_ACTIONS
        ],
    }


def answer_message(reply: Reply, feedback_id: str | None = None) -> dict:
    """``text`` (the plain fallback) and ``blocks`` of a Slack message showing ``reply``."""
    body = to_mrkdwn(reply.text)
    sections = split_mrkdwn(body) or [" "]
    extra = [b for b in (_sources_block(reply.sources),) if b]
    if feedback_id and reply.details.strip():
        extra.append(_details_block(feedback_id))
    if feedback_id:
        extra.append(_feedback_block(feedback_id))
    room = MAX_BLOCKS - len(extra)
    if len(sections) > room:
        sections = [
            *sections[: room - 1],
            _truncate(sections[room - 1], SECTION_LIMIT - 20) + "\n_(answer cut short)_",
        ]
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": s}} for s in sections] + extra
    return {"text": _truncate(body, FALLBACK_LIMIT) or "(no answer)", "blocks": blocks}


def details_message(details: str) -> dict:
    """``text`` and ``blocks`` of the thread reply that carries an answer's details."""
    body = to_mrkdwn(details)
    sections = split_mrkdwn(body) or [" "]
    if len(sections) > MAX_BLOCKS - 1:
        sections = [
            *sections[: MAX_BLOCKS - 2],
            _truncate(sections[MAX_BLOCKS - 2], SECTION_LIMIT - 20) + "\n_(cut short)_",
        ]
    blocks = [{"type": "context", "elements": [{"type": "mrkdwn", "text": "*Details*"}]}]
    blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": s}} for s in sections]
    return {"text": _truncate("Details\n" + body, FALLBACK_LIMIT), "blocks": blocks}


def details_posted(blocks: Sequence[dict], user_id: str | None) -> list[dict]:
    """The message's blocks with the 'Details' button replaced by a note that they are in the thread."""
    who = f" (asked by <@{user_id}>)" if user_id else ""
    note = {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": f"Details posted in the thread{who}."}],
    }
    return [note if b.get("block_id") == DETAILS_BLOCK_ID else b for b in blocks]


def feedback_given(blocks: Sequence[dict], vote: str, user_id: str | None) -> list[dict]:
    """The message's blocks with the feedback buttons replaced by a thank-you line."""
    emoji = "👍" if vote == "up" else "👎"
    who = f" from <@{user_id}>" if user_id else ""
    note = {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": f"{emoji} Feedback recorded{who}. Thank you!"}],
    }
    return [note if b.get("block_id") == FEEDBACK_BLOCK_ID else b for b in blocks]
