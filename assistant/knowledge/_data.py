"""Load and validate YAML data files from ``corpus/`` with readable errors (pure, no LangChain)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .._errors import DataError

__all__ = ["DataError", "check_guides", "corpus_dir", "load_keyed", "load_rows", "read_utf8"]


def corpus_dir() -> Path:
    """The bundled knowledge base: ``corpus/`` installed as the package data ``assistant.corpus``."""
    from importlib.resources import files

    return Path(str(files("assistant.corpus")))


Row = TypeVar("Row", bound=BaseModel)

# libyaml's parser when PyYAML was built with it: the same safe subset, ~10x faster on the catalog.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_rows(path: Path, key: str, model: type[Row]) -> list[Row]:
    """Read the list under ``key`` in a YAML file and validate each row against ``model``."""
    try:
        document = yaml.load(read_utf8(path), Loader=SAFE_LOADER)
    except FileNotFoundError as exc:
        raise DataError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise DataError(f"{path}: expected a mapping with a list under '{key}'")
    if not document[key]:
        raise DataError(f"{path}: the list under '{key}' is empty; it needs at least one row")
    rows: list[Row] = []
    for number, raw in enumerate(document[key], start=1):
        label = raw.get("name", "?") if isinstance(raw, dict) else "?"
        try:
            rows.append(model.model_validate(raw))
        except ValidationError as exc:
            problems = "; ".join(
                f"field '{'.'.join(str(p) for p in err['loc']) or '(row)'}': {err['msg']}"
                for err in exc.errors()
            )
            raise DataError(f"{path}: row {number} ({label}): {problems}") from None
    return rows


def load_keyed(path: Path, key: str, model: type[Row], what: str) -> dict[str, Row]:
    """Read the mapping under ``key`` in a YAML file and validate each entry against ``model``, its name given as
    the field ``key`` ("assumptions", "tools"); ``what`` names one entry in errors ("assumption")."""
    try:
        raw = yaml.load(read_utf8(path), Loader=SAFE_LOADER)[key]
        entries = raw.items()
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"{path}: cannot read the {key}: {exc}") from exc
    rows: dict[str, Row] = {}
    for name, body in entries:
        try:
            rows[name] = model.model_validate({"key": name, **body})
        except (ValidationError, TypeError) as exc:
            raise DataError(f"{path}: {what} '{name}': {exc}") from None
    return rows


def read_utf8(path: Path) -> str:
    """The text of a corpus file; DataError naming the file, line and byte when it is not UTF-8."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            f"{path}: line {line}, column {column}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8"
        ) from None


def check_guides(corpus: Path) -> list[Path]:
    """The guide files of a corpus, each checked to be UTF-8; DataError if the folder is missing or empty."""
    folder = Path(corpus) / "guides"
    if not folder.is_dir():
        raise DataError(f"{folder}: the guides folder is missing (the corpus needs guides/*.md)")
    guides = sorted(folder.glob("*.md"))
    if not guides:
        raise DataError(f"{folder}: no guides (*.md) in the guides folder")
    for guide in guides:
        read_utf8(guide)
    return guides
