"""Intent by nearest labelled example (corpus/intents.yaml) with the retrieval embedder, used where the rules
are unsure. Real bundled MiniLM, real ONNX export (from the session's shared index). Phrasings here are in no
evaluation set and not in intents.yaml."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from assistant._errors import DataError
from assistant.knowledge._data import corpus_dir
from assistant.understanding._intents import NearestIntent, load_intent_examples
from assistant.understanding._understand import Intent, understand

EVAL = Path(__file__).parents[1] / "eval"


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@pytest.fixture(scope="module")
def examples():
    return load_intent_examples(corpus_dir() / "intents.yaml")


@pytest.fixture(scope="module")
def nearest(shared_index, tmp_path_factory, examples):
    from assistant.retrieval._embeddings import bundled_embeddings, onnx_export_dir

    embedder = bundled_embeddings(onnx_export_dir(shared_index.data_dir))
    return NearestIntent(
        examples, embedder.embed_query, embedder.embed_queries, tmp_path_factory.mktemp("intent-cache")
    )


def test_the_examples_cover_every_answerable_intent_and_copy_no_evaluation_question(examples):
    assert {i for i, _ in examples} == set(Intent)
    asked = set()
    for path in [EVAL / "questions.yaml", *sorted((EVAL / "real").glob("*.yaml"))]:
        for text in re.findall(r"(?:question|turns?|-)\s*:?\s*['\"]?([^\n'\"]{12,})", path.read_text()):
            asked.add(_norm(text))
    copied = [text for _, text in examples if _norm(text) in asked]
    assert not copied, f"examples copied from an evaluation set: {copied}"


def test_a_malformed_intents_file_is_a_data_error(tmp_path):
    bad = tmp_path / "intents.yaml"
    bad.write_text(yaml.safe_dump({"recommend": ["which gpu"], "astrology": ["what is my sign"]}))
    with pytest.raises(DataError, match="astrology"):
        load_intent_examples(bad)
    bad.write_text(yaml.safe_dump({"recommend": "which gpu"}))
    with pytest.raises(DataError, match="list"):
        load_intent_examples(bad)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("could you steer me toward a sensible card for our machine learning group", Intent.RECOMMEND),
        ("could you write a short rhyme about my cat", Intent.OUT_OF_SCOPE),
        ("howdy! what kind of stuff can you answer", Intent.GREETING),
    ],
)
def test_the_nearest_examples_vote(nearest, question, intent):
    vote = nearest.vote(question)
    assert vote is not None and vote.intent is intent


def test_no_vote_when_nothing_is_close(nearest):
    assert nearest.vote("zxqv plorf") is None
    assert nearest.vote("   ") is None


def test_the_example_vectors_are_kept_and_reused(nearest, tmp_path, examples):
    nearest.vote("which card for a research lab")
    assert len(list(nearest._cache_dir.glob("intent-examples-*.npy"))) == 1
    calls = []
    again = NearestIntent(
        examples, nearest._embed_query, lambda texts: calls.append(texts), nearest._cache_dir
    )
    assert again.vote("which card for a research lab") is not None
    assert calls == []  # read from the cache file, not embedded again


def test_without_an_embedder_the_rules_stand(catalog, models, examples):
    def broken(_):
        raise ImportError("no embedder here")

    nearest = NearestIntent(examples, broken, broken)
    question = "help me figure out hardware for our new ML group"
    assert understand(question, catalog, models, intents=nearest) == understand(question, catalog, models)


@pytest.mark.parametrize(
    ("question", "rules_alone", "with_examples"),
    [
        (
            "Point me at something sensible to rent for fine-tuning experiments",
            Intent.EXPLAIN,
            Intent.RECOMMEND,
        ),
        ("help me figure out hardware for our new ML group", Intent.EXPLAIN, Intent.RECOMMEND),
    ],
)
def test_the_vote_decides_where_the_rules_are_unsure(
    catalog, models, nearest, question, rules_alone, with_examples
):
    assert understand(question, catalog, models).intent is rules_alone
    assert understand(question, catalog, models, intents=nearest).intent is with_examples


def test_the_vote_does_not_override_a_rule_with_a_cue(catalog, models, nearest):
    calls = []

    class Counting:
        def vote(self, question):
            calls.append(question)
            return nearest.vote(question)

    u = understand("How much memory to serve Llama 3 8B on an L4?", catalog, models, intents=Counting())
    assert u.intent is Intent.SIZE and calls == []  # a sure rule: the embedder is not even asked


def test_the_question_is_embedded_once_and_asking_stays_fast(assistant, monkeypatch):
    """The vote's query vector is the one retrieval uses; a warm vote costs milliseconds."""
    embedder = assistant.services.knowledge.embedder()
    onnx = embedder._get_onnx()
    assert onnx is not None
    embedded: list[str] = []
    real = onnx.embed
    monkeypatch.setattr(onnx, "embed", lambda texts: (embedded.extend(texts), real(texts))[1])
    question = "could you steer me toward a sensible accelerator setup for a small lab?"
    reply = assistant.ask(question)
    assert reply.intent == "recommend"
    assert embedded.count(question) == 1
    start = time.perf_counter()
    for _ in range(5):
        assistant.services.intents.vote(question)
    assert (time.perf_counter() - start) / 5 < 0.05
