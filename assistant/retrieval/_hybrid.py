"""Hybrid retrieval: BM25 keyword ranking and vector search fused by reciprocal rank."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.vectorstores import VectorStore
from pydantic import PrivateAttr
from rank_bm25 import BM25Okapi

from ..knowledge._names import NameIndex
from ._documents import ALIAS_SEP
from ._generic import GENERIC

__all__ = ["HybridRetriever", "covers_question", "tokenize"]

RRF_K = 60
_CANDIDATES = 20  # per ranker, at least; more when k is large
_WORD = re.compile(r"[a-z0-9]+(?:[.\-_][a-z0-9]+)*")
_DECIMAL = re.compile(r"\d+\.\d+")
_PLAIN = re.compile(r"[a-z0-9]+")
_JOINERS = re.compile(r"[-_]")
_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in",
    "is", "it", "its", "me", "my", "of", "on", "or", "should", "so", "than", "that", "the", "their", "there",
    "these", "this", "to", "use", "was", "what", "when", "where", "which", "who", "why", "will", "with",
    "you", "your",
})  # fmt: skip


def tokenize(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens ('a10g', 'mi300x', '8x7b', '3.1') plus joined name forms.

    Hyphenated words count in parts and whole ('h100-sxm' -> 'h100', 'sxm', 'h100sxm'), and a word
    followed by a number also counts joined ('gaudi 3' -> 'gaudi3'), so "Gaudi 3" outranks "Gaudi 2".
    """
    tokens: list[str] = []
    previous = ""
    for word in _WORD.findall(text.casefold()):
        if _PLAIN.fullmatch(word):  # most words: no hyphen, underscore or dot to split on
            if word not in _STOPWORDS:
                tokens.append(word)
            joined, last = word, word
        else:
            pieces = _JOINERS.split(word)
            parts = [p for piece in pieces for p in _split_dots(piece)]
            tokens.extend(p for p in parts if p not in _STOPWORDS)
            joined, last = "".join(pieces), pieces[-1]
            if len(pieces) > 1:
                tokens.append(joined)
        if previous.isalpha() and previous not in _STOPWORDS and word[0].isdigit():
            tokens.append(previous + joined)
        previous = last
    return tokens


def _split_dots(piece: str) -> list[str]:
    if _DECIMAL.fullmatch(piece):
        return [piece]
    return [p for p in piece.split(".") if p]


class _Keywords:
    """BM25Okapi's scores from an inverted index: the same arithmetic, without a Python pass over every
    document for every query term (``BM25Okapi.get_scores`` reads each document's term counts in turn)."""

    def __init__(self, bm25: BM25Okapi):
        self.bm25 = bm25
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, frequencies in enumerate(bm25.doc_freqs):
            for term, count in frequencies.items():
                ids, counts = postings.setdefault(term, ([], []))
                ids.append(i)
                counts.append(count)
        self._postings = {t: (np.array(ids), np.array(counts)) for t, (ids, counts) in postings.items()}
        doc_len = np.array(bm25.doc_len)
        self._norm = bm25.k1 * (1 - bm25.b + bm25.b * doc_len / bm25.avgdl)  # as get_scores computes it

    def scores(self, terms: list[str]):
        """``BM25Okapi.get_scores(terms)``, value for value."""
        bm25 = self.bm25
        score = np.zeros(bm25.corpus_size)
        for term in terms:
            frequency = np.zeros(bm25.corpus_size, dtype=int)
            posting = self._postings.get(term)
            if posting is not None:
                frequency[posting[0]] = posting[1]
            score += (bm25.idf.get(term) or 0) * (frequency * (bm25.k1 + 1) / (frequency + self._norm))
        return score


class HybridRetriever(BaseRetriever):
    """Top-k passages for a query: BM25, vector similarity and named records, fused by reciprocal rank.

    The third ranking lists the GPU / model records whose name or alias the query mentions (forgiving
    typos, as the catalog does), so "Gaudi 2" brings up Gaudi 2 even when Gaudi 3 reads much the same.
    """

    store: VectorStore
    documents: list[Document]
    k: int = 4
    kinds: tuple[str, ...] | None = None

    _bm25: _Keywords | None = PrivateAttr(default=None)
    _doc_kinds: list[str] = PrivateAttr(default_factory=list)
    _by_id: dict[str, Document] = PrivateAttr(default_factory=dict)
    _names: NameIndex | None = PrivateAttr(default=None)
    _named: dict[str, list[int]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        """Build the BM25 index once; it is only read afterwards, so concurrent searches are safe."""
        corpus = [tokenize(doc.page_content) for doc in self.documents]
        self._bm25 = _Keywords(BM25Okapi(corpus)) if any(corpus) else None
        self._doc_kinds = [doc.metadata.get("kind", "") for doc in self.documents]
        self._by_id = {_key(doc): doc for doc in self.documents}
        labels: dict[str, list[str]] = {}
        for i, doc in enumerate(self.documents):
            name = doc.metadata.get("name")
            if name:
                self._named.setdefault(name, []).append(i)
                aliases = [a for a in str(doc.metadata.get("aliases", "")).split(ALIAS_SEP) if a]
                labels.setdefault(name, [name]).extend(aliases)
        self._names = NameIndex(labels) if labels else None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return self.search(query)

    def search(
        self,
        query: str,
        *,
        kinds: Iterable[str] | None = None,
        k: int | None = None,
        vector: Sequence[float] | None = None,
    ) -> list[Document]:
        """The top ``k`` documents for ``query``, restricted to ``kinds``, each with metadata 'score'.

        ``vector``: ``query``'s embedding when the caller has it already (computed while doing other work).
        """
        if isinstance(kinds, str):
            kinds = (kinds,)
        kinds = tuple(kinds) if kinds is not None else self.kinds
        k = self.k if k is None else k
        if k <= 0 or not query.strip() or kinds == ():
            return []
        depth = max(_CANDIDATES, 3 * k)
        fused: dict[str, float] = {}
        found: dict[str, Document] = {}
        rankings = (
            self._name_ranking(query, kinds),
            self._keyword_ranking(query, kinds, depth),
            self._vector_ranking(query, kinds, depth, vector),
        )
        for ranking in rankings:
            for rank, doc in enumerate(ranking, start=1):
                key = _key(doc)
                fused[key] = fused.get(key, 0.0) + 1.0 / (RRF_K + rank)
                found.setdefault(key, self._by_id.get(key, doc))
        best = sorted(fused, key=lambda key: fused[key], reverse=True)[:k]
        vector = rankings[2]
        if vector and _key(vector[0]) not in best:
            # Fusion can push the embedding's best match out on reworded questions; it keeps the last slot.
            best[-1] = _key(vector[0])
        return [
            Document(
                page_content=found[key].page_content,
                metadata={**found[key].metadata, "score": fused[key]},
                id=found[key].id,
            )
            for key in best
        ]

    def _name_ranking(self, query: str, kinds: Sequence[str] | None) -> list[Document]:
        if self._names is None:
            return []
        hits = [i for name in self._names.find_in_text(query) for i in self._named[name]]
        return [self.documents[i] for i in hits if kinds is None or self._doc_kinds[i] in kinds]

    def _keyword_ranking(self, query: str, kinds: Sequence[str] | None, depth: int) -> list[Document]:
        terms = tokenize(query)
        if self._bm25 is None or not terms:
            return []
        scores = self._bm25.scores(terms)
        order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
        ranked = [i for i in order if scores[i] > 0 and (kinds is None or self._doc_kinds[i] in kinds)]
        return [self.documents[i] for i in ranked[:depth]]

    def _vector_ranking(
        self, query: str, kinds: Sequence[str] | None, depth: int, vector: Sequence[float] | None = None
    ) -> list[Document]:
        where = None
        if kinds is not None:
            where = {"kind": kinds[0]} if len(kinds) == 1 else {"kind": {"$in": list(kinds)}}
        collection = getattr(self.store, "_collection", None)
        if collection is None or self.store.embeddings is None:  # another VectorStore: its own search
            if vector is not None:
                return self.store.similarity_search_by_vector(list(vector), k=depth, filter=where)
            return [doc for doc, _ in self.store.similarity_search_with_score(query, k=depth, filter=where)]
        # Only the ids are needed (the documents are here already): asking Chroma for ids and distances
        # rather than texts and metadata halves the query's cost.
        vector = list(vector) if vector is not None else self.store.embeddings.embed_query(query)
        hits = collection.query(
            query_embeddings=[vector], n_results=depth, where=where, include=["distances"]
        )
        ids = hits["ids"][0] if hits["ids"] else []
        if all(doc_id in self._by_id for doc_id in ids):
            return [self._by_id[doc_id] for doc_id in ids]
        # the store holds documents this retriever was not built with: read them from the store
        return self.store.similarity_search_by_vector(vector, k=depth, filter=where)


def _key(doc: Document) -> str:
    return doc.metadata.get("doc_id") or doc.id or doc.page_content


# a question's word and the word a guide uses for the same thing ("mix two cards" is what "combine" covers)
_SAME_STEM = {
    "mix": ("combi", "toget"),
    "mixed": ("combi", "toget"),
    "mixin": ("combi", "toget"),
    "along": ("combi", "toget"),
    "slugg": ("slow",),  # "why is my 3080 so sluggish in ollama?" is what a section on slow generation covers
    "laggy": ("slow",),
    "simul": (
        "concu",
        "paral",
    ),  # "serve 10 users simultaneously" is what a section on concurrent requests covers
}


def _stem(token: str) -> str:
    return token[:5] if len(token) > 5 else token


@lru_cache(maxsize=1024)
def _stems(text: str) -> frozenset[str]:
    """The stems of a passage's tokens (cached: the same corpus passages come back question after question)."""
    return frozenset(_stem(t) for t in tokenize(text))


# the word a question clause opens with, after the background written before it in the same sentence
_QUESTION_OPENER = re.compile(
    r"(?:^|[,;:\-–—]\s*)(?:can|could|is|are|does|do|will|would|how|what|why|which|should)\b", re.I
)


def covers_question(question: str, passages: Sequence[Document], known: str = "") -> bool:
    """Whether the passages mention most of the question's specific words (prefix-matched).

    Guards explanations against off-topic passages: 'best GPU for Stable Diffusion' shares only
    generic words with a guide on LLM pre-training, so the answer should say it does not know.
    Words of ``known`` (the GPUs the question names, which the catalog answers for) do not count:
    'would ollama use both of my 4060 Tis?' is answered by a guide that names no card.
    """
    skip = GENERIC | set(tokenize(known))
    words = _written_words(question, skip)
    if not words:
        return bool(passages)
    seen = set().union(*(_stems(p.page_content) for p in passages))
    found = sum(any(_covered(t, seen) for t in forms) for forms in words)
    if found / len(words) >= 0.5:  # half the words as written (a word once, however many forms it has)
        return True
    # a long post whose question is its last sentence ("... Can it really serve 10 users at once?"): the
    # background told around it is not what must be covered, the sentence asked is (three words at least)
    asked = [s for s in re.split(r"(?<=[?])\s+|(?<=[.!])\s+", question.strip()) if s.rstrip().endswith("?")]
    if not asked or asked[-1].strip() == question.strip():
        return False
    clause = asked[-1]
    opener = list(_QUESTION_OPENER.finditer(clause))
    if (
        opener
    ):  # "For example, in your graph of 2x A100 - can it really serve 10 users?": from its question word
        clause = clause[opener[-1].start() :]
    core = _written_words(clause, skip)
    return len(core) >= 3 and sum(any(_covered(t, seen) for t in forms) for forms in core) / len(core) > 0.5


def _written_words(text: str, skip: set[str] | frozenset[str]) -> set[tuple[str, ...]]:
    """The question's content words as written, each with its token forms ('low-memory' is one word, covered
    by 'memory'): a hyphenated word counted once, not as its parts and its joined form besides."""
    words = set()
    for word in _WORD.findall(text.casefold()):
        forms = tuple(t for t in tokenize(word) if len(t) > 1 and t not in skip and not t.isdigit())
        if forms:
            words.add(forms)
    return words


def _covered(token: str, seen: frozenset[str] | set[str]) -> bool:
    """Whether a token's stem, or a stem a guide uses for the same thing, is among the passages' stems."""
    return _stem(token) in seen or not seen.isdisjoint(_SAME_STEM.get(_stem(token), ()))
