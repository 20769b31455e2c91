"""Grader for the real-question evaluation set in ``tests/eval/real``.

Pure functions only: ``load`` reads a YAML file of items, ``grade`` checks one reply against one item and
returns the failure reasons (an empty list means pass), ``run`` asks an assistant every item (one fresh
conversation per item, every turn in order) and tallies the results. Nothing here imports the assistant's
internals; ``run`` needs only an object with ``ask(question, conversation_id=...)`` returning something
with ``.text``, ``.gpus`` and ``.memory_gb`` (and optionally ``.details``).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEV = HERE / "dev.yaml"
HELDOUT = HERE / "heldout.yaml"
FLOORS = HERE / "floors.yaml"
SHAPES = HERE / "shapes.yaml"

CATEGORIES = ("finetune", "serving", "local", "compare", "non_llm", "price", "followup")
CHECK_KEYS = frozenset(
    {
        "verdict",
        "memory_gb",
        "gpus_include",
        "gpus_exclude",
        "first_gpu_in",
        "mentions",
        "number_in_first_lines",
    }
)
VERDICTS = frozenset({"yes", "no", "only_with"})
DEV_PERCENT = 60  # items whose id hashes below this (out of 100) go to dev.yaml, the rest to heldout.yaml


# ----------------------------------------------------------------------------- loading and splitting


def load(path: str | Path) -> list[dict[str, Any]]:
    """The items of one eval file (a YAML list of mappings)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return list(data or [])


def split_of(item_id: str) -> str:
    """``"dev"`` or ``"heldout"``: a deterministic ~60/40 split on the SHA-256 of the item id."""
    bucket = int(hashlib.sha256(item_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "dev" if bucket < DEV_PERCENT else "heldout"


def turns_of(item: dict[str, Any]) -> list[str]:
    """The user turns of an item: ``turns`` for follow-up conversations, else the single ``question``."""
    if item.get("turns"):
        return [str(t) for t in item["turns"]]
    return [str(item["question"])]


def catalog_names(path: str | Path | None = None) -> set[str]:
    """The ``name:`` fields of ``corpus/gpus.yaml`` (read directly, not through the assistant package)."""
    data = yaml.safe_load(Path(path or REPO / "corpus" / "gpus.yaml").read_text(encoding="utf-8"))
    return {str(row["name"]) for row in data["gpus"]}


def validate(items: Iterable[dict[str, Any]], catalog: set[str] | None = None) -> list[str]:
    """Problems with the items' fields (empty list = all valid)."""
    problems: list[str] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        where = f"item {n} ({item.get('id', '?')})"
        item_id = item.get("id")
        if not isinstance(item_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", item_id):
            problems.append(f"{where}: id must be a lower-case slug")
        elif item_id in seen:
            problems.append(f"{where}: duplicate id")
        else:
            seen.add(item_id)
        if not re.match(r"https?://\S+$", str(item.get("source", ""))):
            problems.append(f"{where}: source must be a URL")
        if item.get("category") not in CATEGORIES:
            problems.append(f"{where}: category {item.get('category')!r} not in {CATEGORIES}")
        has_q, has_turns = bool(item.get("question")), bool(item.get("turns"))
        if has_q == has_turns:
            problems.append(f"{where}: needs exactly one of question / turns")
        if has_turns and (not isinstance(item["turns"], list) or len(item["turns"]) < 2):
            problems.append(f"{where}: turns must be a list of at least 2 questions")
        if item.get("category") == "followup" and not has_turns:
            problems.append(f"{where}: follow-up items must use turns")
        if not str(item.get("ground_truth", "")).strip():
            problems.append(f"{where}: empty ground_truth")
        problems.extend(f"{where}: {p}" for p in _check_problems(item.get("checks"), catalog))
    return problems


def paraphrase_problems(items: list[dict[str, Any]]) -> list[str]:
    """What is wrong with a paraphrase set: item problems (as ``validate``) and paraphrases whose checks differ
    from the dev item they reword (``paraphrase_of``), or that repeat its words."""
    dev = {item["id"]: item for item in load(DEV)}
    stamped = [{**i, "source": "https://example.org/ours", "ground_truth": "see checks"} for i in items]
    problems = validate(stamped, catalog_names())
    for item in items:
        if "paraphrase_of" not in item:
            continue
        original = dev.get(item["paraphrase_of"])
        if original is None or original["checks"] != item["checks"]:
            problems.append(f"{item['id']}: checks differ from {item['paraphrase_of']}")
        elif item.get("question") == original.get("question"):
            problems.append(f"{item['id']}: repeats the words of {item['paraphrase_of']}")
    return problems


def _check_problems(checks: Any, catalog: set[str] | None) -> list[str]:
    if not isinstance(checks, dict) or not checks:
        return ["checks must be a non-empty mapping"]
    problems = [f"unknown check {key!r}" for key in checks if key not in CHECK_KEYS]
    if "verdict" in checks and checks["verdict"] not in VERDICTS:
        problems.append(f"verdict must be one of {sorted(VERDICTS)}")
    for key in ("memory_gb", "number_in_first_lines"):
        if key in checks:
            value = checks[key]
            ok = (
                isinstance(value, list) and len(value) == 2 and all(isinstance(v, int | float) for v in value)
            )
            if not ok or value[0] > value[1]:
                problems.append(f"{key} must be [low, high]")
    for key in ("gpus_include", "gpus_exclude", "first_gpu_in"):
        if key in checks:
            names = checks[key]
            if not isinstance(names, list) or not names:
                problems.append(f"{key} must be a non-empty list")
            elif catalog is not None:
                problems.extend(f"{key}: {g!r} is not a catalog name" for g in names if g not in catalog)
    if "mentions" in checks:
        patterns = checks["mentions"]
        if not isinstance(patterns, list) or not patterns:
            problems.append("mentions must be a non-empty list")
        else:
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except (re.error, TypeError) as exc:
                    problems.append(f"mentions: bad regex {pattern!r}: {exc}")
    return problems


# ----------------------------------------------------------------------------- text helpers

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")


def strip_markdown(text: str) -> str:
    """Plain text: links keep their label; emphasis, code ticks, headings, quotes and bullets are dropped."""
    text = _LINK.sub(r"\1", text or "")
    text = re.sub(r"(\*\*|__|`+)", "", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+)(?<!\s)\*(?!\w)", r"\1", text)  # *italic*
    text = re.sub(r"(?<![\w_])_(?!\s)([^_\n]+)(?<!\s)_(?!\w)", r"\1", text)  # _italic_
    return "\n".join(_LINE_PREFIX.sub("", line) for line in text.splitlines())


def first_sentence(text: str) -> str:
    """The first sentence of the reply's plain text (up to the first . ! ? followed by a space, or line end)."""
    for line in strip_markdown(text).splitlines():
        line = line.strip()
        if line:
            return re.split(r"(?<=[.!?])\s+", line, maxsplit=1)[0]
    return ""


_YES = re.compile(r"yes\b")
_NO = re.compile(r"no\b")
_ONLY_WITH = re.compile(
    r"(only\s+(with|if|when|by|after|using|via|in)\b"
    r"|yes\s*[,:;—–-]?\s*(but\s+)?(only\s+)?(with|if|when|as long as|provided|using|by)\b"
    r"|not\s+without\b)"
)


def verdict_matches(expected: str, text: str) -> bool:
    """Whether the first sentence opens with the expected verdict (yes / no / only_with)."""
    start = first_sentence(text).lower().lstrip(" \t\"'“‘([{")
    if expected == "yes":
        return bool(_YES.match(start))
    if expected == "no":
        return bool(_NO.match(start))
    if expected == "only_with":
        return bool(_ONLY_WITH.match(start))
    raise ValueError(f"unknown verdict {expected!r}")


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_UNIT_AFTER = re.compile(
    r"(?:k|K|x|×|GB|GiB|MB|MiB|TB|TiB|ms|s|sec|h|hr|hrs|tok|tokens|t/s|it/s|W|kW|%|M|USD)(?![A-Za-z])"
)
_PARAMS_OR_BITS = re.compile(r"(?:[bB](?![A-Za-z])|\s*-?\s*bits?\b)", re.IGNORECASE)


def parse_numbers(text: str) -> list[float]:
    """Numbers a reader would take as quantities: ``1,234``, ``~35``, ``35.5``, ``$400``, ``1.5k``, ``24GB``.

    Skipped: digits glued to a preceding letter (``A100``, ``L4``, ``fp16``, ``Q4_K_M``, ``GPT-4``), model
    sizes (``13B``, ``70b``) and bit widths (``4-bit``, ``8 bit``), and digits glued to other letters.
    """
    values: list[float] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start > 0 else ""
        if before and (before.isalpha() or before in "_."):
            continue
        if before == "-" and start >= 2 and text[start - 2].isalpha():
            continue
        after = text[end : end + 8]
        if _PARAMS_OR_BITS.match(after):
            continue
        unit = _UNIT_AFTER.match(after)
        if after[:1].isalpha() and not unit:
            continue
        value = float(match.group().replace(",", ""))
        if unit and unit.group() in ("k", "K"):
            value *= 1000
        values.append(value)
    return values


def first_lines(text: str, n: int = 3) -> list[str]:
    """The first ``n`` non-empty plain-text lines (table separator rows skipped)."""
    lines = [line.strip() for line in strip_markdown(text).splitlines()]
    return [line for line in lines if line and not re.fullmatch(r"[|:\-\s]+", line)][:n]


def opens_with_verdict(text: str) -> bool:
    """Whether the first sentence starts with Yes / No / an "Only with"-style conditional verdict."""
    return any(verdict_matches(v, text) for v in ("yes", "no", "only_with"))


def number_first(text: str) -> bool:
    """Whether some quantity (as ``parse_numbers`` reads it) sits in the first three plain-text lines."""
    return bool(parse_numbers(" \n".join(first_lines(text))))


SHAPE_CHECKS = {"opens_with_verdict": opens_with_verdict, "number_first": number_first}


def grade_shape(item: dict[str, Any], reply: Any) -> list[str]:
    """Failure reasons for one shape item (``check``: opens_with_verdict | number_first); empty = pass."""
    if reply is None:
        return ["no reply"]
    text = str(getattr(reply, "text", "") or "")
    if SHAPE_CHECKS[item["check"]](text):
        return []
    return [f"{item['check']}: first lines {' / '.join(first_lines(text))[:160]!r}"]


def shape_problems(items: list[dict[str, Any]]) -> list[str]:
    """What is wrong with a shape set: ids, sources, questions, checks and the dev split."""
    problems: list[str] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        where = f"item {n} ({item.get('id', '?')})"
        item_id = str(item.get("id", ""))
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", item_id) or item_id in seen:
            problems.append(f"{where}: id must be a unique lower-case slug")
        seen.add(item_id)
        if split_of(item_id) != "dev":
            problems.append(f"{where}: id hashes to held-out")
        if not re.match(r"https?://\S+$", str(item.get("source", ""))):
            problems.append(f"{where}: source must be a URL")
        if not str(item.get("question", "")).strip():
            problems.append(f"{where}: empty question")
        if item.get("check") not in SHAPE_CHECKS:
            problems.append(f"{where}: check must be one of {sorted(SHAPE_CHECKS)}")
    return problems


def run_shapes(
    assistant: Any, items: Iterable[dict[str, Any]]
) -> tuple[int, int, list[tuple[str, list[str]]]]:
    """Ask every shape item in a fresh conversation; returns ``(passed, total, failures)``."""
    passed = total = 0
    failures: list[tuple[str, list[str]]] = []
    for item in items:
        total += 1
        try:
            reply = assistant.ask(
                str(item["question"]), conversation_id=f"shape-{item['id']}-{uuid.uuid4().hex[:8]}"
            )
            reasons = grade_shape(item, reply)
        except Exception as exc:  # a crash fails that item only
            reasons = [f"error: {type(exc).__name__}: {exc}"]
        if reasons:
            failures.append((item["id"], reasons))
        else:
            passed += 1
    return passed, total, failures


# ----------------------------------------------------------------------------- grading


def grade(item: dict[str, Any], reply: Any) -> list[str]:
    """Failure reasons for one reply against one item's checks (empty list = pass)."""
    if reply is None:
        return ["no reply"]
    checks = item.get("checks") or {}
    text = str(getattr(reply, "text", "") or "")
    gpus = [str(g) for g in (getattr(reply, "gpus", None) or [])]
    memory = getattr(reply, "memory_gb", None)
    failures: list[str] = []

    if "verdict" in checks and not verdict_matches(checks["verdict"], text):
        failures.append(
            f"verdict: expected {checks['verdict']}, first sentence {first_sentence(text)[:120]!r}"
        )

    if "memory_gb" in checks:
        low, high = checks["memory_gb"]
        if memory is None:
            failures.append(f"memory_gb: none given, expected {low}-{high}")
        elif not low <= float(memory) <= high:
            failures.append(f"memory_gb: {float(memory):g} not in {low}-{high}")

    if "gpus_include" in checks:
        missing = [g for g in checks["gpus_include"] if g not in gpus]
        if missing:
            failures.append(f"gpus_include: missing {missing} (gpus={gpus})")

    if "gpus_exclude" in checks and gpus and gpus[0] in checks["gpus_exclude"]:
        failures.append(f"gpus_exclude: {gpus[0]} recommended first")

    if "first_gpu_in" in checks:
        if not gpus:
            failures.append(f"first_gpu_in: no gpus, expected one of {checks['first_gpu_in']}")
        elif gpus[0] not in checks["first_gpu_in"]:
            failures.append(f"first_gpu_in: {gpus[0]} not in {checks['first_gpu_in']}")

    # facts may sit behind the reply's details fold (breakdown, assumptions, caveats): mentions read both;
    # the verdict and the first lines stay on the short text
    details = str(getattr(reply, "details", "") or "")
    for pattern in checks.get("mentions", []):
        if not re.search(pattern, f"{text}\n\n{details}", re.IGNORECASE):
            failures.append(f"mentions: /{pattern}/ not found")

    if "number_in_first_lines" in checks:
        low, high = checks["number_in_first_lines"]
        numbers = parse_numbers(" \n".join(first_lines(text)))
        if not any(low <= v <= high for v in numbers):
            failures.append(f"number_in_first_lines: none of {numbers[:8]} in {low}-{high}")

    return failures


def run(
    assistant: Any, items: Iterable[dict[str, Any]]
) -> tuple[int, int, dict[str, tuple[int, int]], list[tuple[str, list[str]]]]:
    """Ask every item (fresh conversation each, turns in order); grade the last reply.

    Returns ``(passed, total, per_category, failures)`` where ``per_category`` maps category to
    ``(passed, total)`` and ``failures`` lists ``(id, reasons)``.
    """
    passed = total = 0
    tally: dict[str, list[int]] = {}
    failures: list[tuple[str, list[str]]] = []
    for item in items:
        conversation_id = f"real-eval-{item['id']}-{uuid.uuid4().hex[:8]}"
        try:
            reply = None
            for turn in turns_of(item):
                reply = assistant.ask(turn, conversation_id=conversation_id)
            reasons = grade(item, reply)
        except Exception as exc:  # a crash is a failure of that item, not of the whole run
            reasons = [f"error: {type(exc).__name__}: {exc}"]
        counts = tally.setdefault(item["category"], [0, 0])
        counts[1] += 1
        total += 1
        if reasons:
            failures.append((item["id"], reasons))
        else:
            counts[0] += 1
            passed += 1
    per_category = {cat: (tally[cat][0], tally[cat][1]) for cat in CATEGORIES if cat in tally}
    return passed, total, per_category, failures
