"""The public Python API, end to end on a real embedded index with the offline writer."""

from __future__ import annotations

import threading

import pytest

import assistant as package
from assistant import Assistant, InvalidQuestion, Reply, Source, load_catalog


def test_public_api_is_what_it_says():
    assert set(package.__all__) >= {"Assistant", "InvalidQuestion", "Reply", "Source", "load_catalog"}
    for name in package.__all__:
        assert hasattr(package, name)
    assert issubclass(InvalidQuestion, ValueError)


def test_ask_returns_grounded_reply(assistant):
    reply = assistant.ask("Which GPU should I use to fine-tune a 7B model?", conversation_id="api-1")
    assert isinstance(reply, Reply)
    assert reply.text.strip() and reply.memory_gb and reply.gpus
    catalog_names = set(load_catalog().names)
    assert set(reply.gpus) <= catalog_names
    assert all(isinstance(s, Source) and s.title and s.path for s in reply.sources)
    assert reply.gpus[0] in reply.text.split("\n")[0]


def test_a_price_answer_leads_with_the_offerings_table(assistant):
    from assistant.answering._compose._format import money
    from assistant.knowledge._market import gpu_market

    reply = assistant.ask("how much does an H100 cost per hour?")
    market = gpu_market(assistant.services.offerings, "H100 SXM")
    lead = reply.text.split("\n")[0]
    assert money(market.on_demand.median) in lead and money(market.cheapest[0].per_gpu_hour) in lead


def test_stream_yields_the_same_text(assistant):
    question = "Compare the L4 and the T4"
    chunks = list(assistant.stream(question))
    assert len(chunks) > 1
    assert "".join(chunks) == assistant.ask(question).text


@pytest.mark.parametrize("bad", ["", "   \n\t", "x" * 4001])
def test_invalid_questions_raise_with_a_helpful_message(assistant, bad):
    with pytest.raises(InvalidQuestion, match=r"\w+"):
        assistant.ask(bad)
    with pytest.raises(InvalidQuestion):
        assistant.stream(bad)


def test_follow_ups_inherit_from_earlier_turns(assistant):
    first = assistant.ask("Which GPU to fine-tune a 7B model with QLoRA?", conversation_id="chain")
    second = assistant.ask("What about a 70B model?", conversation_id="chain")
    third = assistant.ask("And for inference in fp16?", conversation_id="chain")
    assert first.memory_gb < 10 < second.memory_gb < 60 < 130 < third.memory_gb
    assert "QLoRA" in second.text.split("\n")[0]
    assert "inference" in third.text.split("\n")[0]
    other = assistant.ask("What about a 70B model?", conversation_id="someone-else")
    assert "QLoRA" not in other.text.split("\n")[0]


def test_out_of_scope_gets_no_recommendation(assistant):
    reply = assistant.ask("What's a good recipe for lasagna?")
    assert reply.gpus == [] and reply.memory_gb is None
    assert "outside" in reply.text


def test_unknown_price_is_not_invented(assistant):
    catalog = load_catalog()
    unpriced = next(g for g in catalog if g.price is None)
    reply = assistant.ask(f"How much does the {unpriced.name} cost per hour?")
    assert "won't guess" in reply.text
    assert "$" not in reply.text.split("\n")[0]


def test_conversations_are_safe_under_concurrent_use(assistant):
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            cid = f"thread-{n}"
            assistant.ask("Which GPU to fine-tune a 7B model with QLoRA?", conversation_id=cid)
            follow = assistant.ask("What about a 70B model?", conversation_id=cid)
            assert 38 < follow.memory_gb < 60
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors


def test_conversation_memory_is_bounded(tmp_path):
    from assistant._conversations import ConversationStore

    store = ConversationStore(ttl_seconds=60, max_conversations=3)
    for i in range(10):
        store.put(f"c{i}", i)
    assert len(store) == 3 and store.get("c9") == 9 and store.get("c0") is None


def test_assistant_without_network_uses_offline_writer(assistant):
    from assistant.answering._writers import OfflineWriter

    assert isinstance(assistant.services.writer, OfflineWriter)
    assert "Assistant()" in Assistant.__doc__


@pytest.mark.parametrize(
    "question",
    [
        "what's the cheapest card that can serve a 13b model to 10 people",
        "explain what flash attention changes for memory use",
        "how much vram to fine tune mistral 7b with lora on 6 gigs",
        "hello there",
    ],
)
def test_the_query_vector_computed_ahead_changes_no_answer(assistant, question):
    """The question's vector is embedded in the background while it is understood; the reply is the same as
    when the search embeds it itself."""
    ahead = assistant._embed_ahead
    try:
        with_ahead = assistant.ask(question)
        assistant._embed_ahead = lambda text: None
        without = assistant.ask(question)
    finally:
        assistant._embed_ahead = ahead
    assert (with_ahead.text, with_ahead.details, with_ahead.sources) == (
        without.text,
        without.details,
        without.sources,
    )
