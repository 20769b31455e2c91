"""What `gpu-assistant doctor` reports: settings (secrets masked), data directory, corpus, index, embedder,
Chroma, the conversation store and the LLM, each checked for real and reported as ok, warn or fail.

A check *fails* when something the configured deployment needs is down (a Chroma server, Redis or an LLM
endpoint that does not answer, a corpus that does not load); it *warns* when the assistant still works
(an index not yet built is built on first use; a read-only data directory keeps conversations in memory).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._settings import Settings, load_settings

__all__ = ["Check", "diagnose", "masked_settings"]

PROBE_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, ``ok`` / ``warn`` / ``fail``, and what was found."""

    name: str
    status: str
    detail: str

    @property
    def failed(self) -> bool:
        return self.status == "fail"


def masked_settings(settings: Settings) -> dict[str, str]:
    """Every setting by environment variable, secrets and URL passwords masked."""
    shown: dict[str, str] = {}
    for name, field in Settings.model_fields.items():
        env = field.validation_alias.choices[0]
        value = getattr(settings, name)
        if value is None:
            text = "(unset)"
        elif hasattr(value, "get_secret_value"):
            text = "****" if value.get_secret_value() else "(empty)"
        else:
            text = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1****@", str(value))
        shown[env] = text
    return shown


def diagnose(settings: Settings | None = None) -> list[Check]:
    """Run every check against ``settings`` (the environment's by default)."""
    settings = settings or load_settings()
    checks = [
        _run("data directory", lambda: _data_dir(settings.data_dir)),
        _run("corpus", lambda: _corpus(settings)),
        _run("embedding model", _embedder),
        _run("vector store and index", lambda: _index(settings)),
        _run("conversations", lambda: _conversations(settings)),
        _run("LLM", lambda: _llm(settings)),
    ]
    return checks


def _run(name: str, check: Callable[[], tuple[str, str]]) -> Check:
    try:
        status, detail = check()
    except Exception as exc:  # a check reports what went wrong; it never stops the others
        status, detail = "fail", f"{type(exc).__name__}: {exc}"
    return Check(name, status, detail)


def _data_dir(path: Path) -> tuple[str, str]:
    if not path.exists():
        return "warn", f"{path} does not exist yet (created on first use)"
    if not os.access(path, os.W_OK):
        return "warn", f"{path} is read-only: the index must be complete; conversations stay in memory"
    return "ok", f"{path.resolve()} (writable)"


def _corpus(settings: Settings) -> tuple[str, str]:
    from .knowledge._catalog import load_catalog
    from .knowledge._data import check_guides
    from .knowledge._models import load_models
    from .sizing import load_assumptions

    corpus = settings.corpus_dir
    catalog = load_catalog(corpus / "gpus.yaml")
    models = load_models(corpus / "models.yaml")
    load_assumptions(corpus / "assumptions.yaml")
    guides = check_guides(corpus)
    return "ok", f"{corpus}: {len(catalog)} GPUs, {len(models)} models, {len(guides)} guides"


def _embedder() -> tuple[str, str]:
    from .retrieval._embeddings import bundled_embeddings

    start = time.perf_counter()
    vector = bundled_embeddings().embed_query("GPU memory")
    return "ok", f"bundled MiniLM loaded, {len(vector)} dimensions, {time.perf_counter() - start:.1f} s"


def _index(settings: Settings) -> tuple[str, str]:
    from .knowledge._catalog import load_catalog
    from .knowledge._models import load_models
    from .retrieval._documents import load_documents
    from .retrieval._embeddings import bundled_embeddings
    from .retrieval._vectorstore import open_vector_store

    where = (
        f"Chroma server at {settings.chroma_host}:{settings.chroma_port}"
        if settings.chroma_host
        else f"embedded Chroma in {settings.data_dir / 'chroma'}"
    )
    if not settings.chroma_host and not (settings.data_dir / "chroma").exists():
        return "warn", f"{where}: no index yet (built on the first question, or by `gpu-assistant index`)"
    corpus = settings.corpus_dir
    documents = load_documents(
        corpus, load_catalog(corpus / "gpus.yaml"), load_models(corpus / "models.yaml")
    )
    store = open_vector_store(settings, bundled_embeddings())
    stored = store.get(include=["metadatas"])
    hashes = {
        i: (m or {}).get("content_hash")
        for i, m in zip(stored["ids"], stored["metadatas"] or [], strict=False)
    }
    missing = sum(1 for d in documents if d.metadata["doc_id"] not in hashes)
    stale = sum(
        1
        for d in documents
        if d.metadata["doc_id"] in hashes and hashes[d.metadata["doc_id"]] != d.metadata["content_hash"]
    )
    if missing or stale:
        return (
            "warn",
            f"{where}: {missing} documents missing, {stale} out of date (run `gpu-assistant index`)",
        )
    return "ok", f"{where}: complete, {len(documents)} documents"


def _conversations(settings: Settings) -> tuple[str, str]:
    from ._conversations import ConversationStore, open_conversation_store

    store = open_conversation_store(settings)
    ping = getattr(store, "ping", None)
    if ping is not None:
        ping()
    if isinstance(store, ConversationStore) and settings.conversations_url != "memory":
        return "warn", "in memory only (the data directory cannot hold the SQLite file)"
    return "ok", f"{store.description}, {len(store)} active"


def _llm(settings: Settings) -> tuple[str, str]:
    import httpx

    if not settings.llm:
        return "ok", "none: the offline composer writes answers"
    provider = settings.llm.partition(":")[0]
    if provider == "openai":
        base = (
            settings.openai_base_url or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        ).rstrip("/")
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        response = httpx.get(
            f"{base}/models", headers={"Authorization": f"Bearer {key}"}, timeout=PROBE_TIMEOUT_S
        )
    else:
        base = (settings.ollama_base_url or "http://localhost:11434").rstrip("/")
        response = httpx.get(f"{base}/api/tags", timeout=PROBE_TIMEOUT_S)
    response.raise_for_status()
    return "ok", f"{settings.llm} at {base} answers"
