"""Intent by nearest labelled example: the question's embedding against example questions per intent.

The rules in ``_understand.py`` decide an intent whenever they have a cue; where they have none (or only
their fall-through default), the question is compared with the labelled examples in ``corpus/intents.yaml``
using the same MiniLM query embedder retrieval uses. The embedder is passed in (understanding does not
import retrieval), and the question's vector is the one retrieval will ask for next: the embedder caches
query vectors, so the question is embedded once. The examples are embedded once per data directory and
kept in ``<data_dir>/intent-examples-<hash>.npy`` (recomputed when the examples change).

Scoring: for each intent, the mean cosine similarity of its ``_TOP`` nearest examples; the best intent wins
when it is similar enough (``MIN_SIMILARITY``) and ahead of the runner-up by ``MIN_MARGIN``. Otherwise the
vote is None and the rules' answer stands.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from .._errors import DataError
from ..knowledge._data import SAFE_LOADER, read_utf8
from ._understand import Intent

__all__ = ["MIN_MARGIN", "MIN_SIMILARITY", "IntentVote", "NearestIntent", "load_intent_examples"]

log = logging.getLogger(__name__)

MIN_SIMILARITY = 0.45  # below this the question resembles no example closely enough to say
MIN_MARGIN = 0.03  # the best intent must lead the runner-up by this much
_TOP = 2


@dataclass(frozen=True)
class IntentVote:
    """The nearest examples' verdict: the intent, its score and its lead over the next intent."""

    intent: Intent
    score: float
    margin: float


def load_intent_examples(path: Path) -> tuple[tuple[Intent, str], ...]:
    """(intent, example) pairs from an intents file: a mapping of intent value -> list of questions;
    DataError when the file is missing or malformed."""
    try:
        data = yaml.load(read_utf8(Path(path)), Loader=SAFE_LOADER)
    except FileNotFoundError as exc:
        raise DataError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping of intent -> example questions")
    pairs = []
    for key, examples in data.items():
        if key not in {i.value for i in Intent}:
            raise DataError(f"{path}: '{key}' is not an intent ({', '.join(i.value for i in Intent)})")
        intent = Intent(key)
        if not isinstance(examples, list) or not all(isinstance(e, str) and e.strip() for e in examples):
            raise DataError(f"{path}: '{key}' must be a list of non-empty questions")
        pairs += [(intent, e.strip()) for e in examples]
    return tuple(pairs)


class NearestIntent:
    """Votes for an intent by the labelled examples nearest to a question (thread-safe, lazy)."""

    def __init__(
        self,
        examples: Sequence[tuple[Intent, str]],
        embed_query: Callable[[str], Sequence[float]],
        embed_texts: Callable[[list[str]], Sequence[Sequence[float]]],
        cache_dir: Path | None = None,
    ):
        self._intents = [intent for intent, _ in examples]
        self._texts = [text for _, text in examples]
        self._embed_query = embed_query
        self._embed_texts = embed_texts
        self._cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._matrix: np.ndarray | None = None
        self._lock = threading.Lock()
        self._failed = False

    @property
    def _cache_file(self) -> Path | None:
        if self._cache_dir is None:
            return None
        digest = hashlib.sha256(
            "\n".join(f"{i}\t{t}" for i, t in zip(self._intents, self._texts, strict=True)).encode()
        )
        return self._cache_dir / f"intent-examples-{digest.hexdigest()[:16]}.npy"

    def _examples(self) -> np.ndarray:
        with self._lock:
            if self._matrix is None:
                self._matrix = self._load_or_embed()
            return self._matrix

    def _load_or_embed(self) -> np.ndarray:
        path = self._cache_file
        if path is not None and path.is_file():
            try:
                matrix = np.load(path, allow_pickle=False)
                if matrix.shape[0] == len(self._texts):
                    return matrix
            except (OSError, ValueError) as exc:
                log.info("intent example vectors in %s unreadable (%s); embedding again", path, exc)
        matrix = _normalised(np.asarray(self._embed_texts(list(self._texts)), dtype=np.float32))
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp.npy")
                np.save(tmp, matrix, allow_pickle=False)
                tmp.replace(path)
            except OSError as exc:  # a read-only data directory: kept in memory only
                log.info("intent example vectors not saved in %s (%s)", path.parent, exc)
        return matrix

    def vote(self, question: str) -> IntentVote | None:
        """The intent the nearest examples agree on, or None when unsure (or the embedder is unavailable)."""
        if self._failed or not question.strip() or not self._texts:
            return None
        try:
            examples = self._examples()
            vector = _normalised(np.asarray([self._embed_query(question)], dtype=np.float32))[0]
        except Exception as exc:  # no embedder here: the rules' intent stands
            log.warning("intent examples unavailable (%s); using the rules alone", exc)
            self._failed = True
            return None
        similarity = examples @ vector
        scores: dict[Intent, float] = {}
        for intent in dict.fromkeys(self._intents):
            mine = np.sort(similarity[[i for i, x in enumerate(self._intents) if x is intent]])[::-1]
            scores[intent] = float(mine[:_TOP].mean())
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        (best, score), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
        if score < MIN_SIMILARITY or score - runner_up < MIN_MARGIN:
            return None
        return IntentVote(best, round(score, 4), round(score - runner_up, 4))


def _normalised(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)
