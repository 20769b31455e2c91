"""Conversations that survive restarts and replicas (issue 12, finding 8).

The stores are real: SQLite files in a temporary data directory, and a real ``redis-server`` that these
tests start on a free loopback port (installed by ``.ci/run``). The follow-up tests answer the second
turn in another Python process, which is what a restart or a second replica is.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import subprocess
import sys
import time
import types
import typing
from pathlib import Path

import pytest

from assistant import load_catalog, load_models, load_settings
from assistant._conversations import (
    RedisConversationStore,
    SQLiteConversationStore,
    open_conversation_store,
)
from assistant.understanding import understand
from assistant.understanding._codec import to_json, understanding_from_json
from tests.support.redis_server import free_port, require_redis, start_redis, stop

REPO = Path(__file__).resolve().parent.parent
FIRST = "How much memory do I need to fine-tune Llama 3 8B with QLoRA?"
FOLLOW_UP = "and with full fine-tuning?"  # says no model: only the conversation can supply it


# --- what is stored ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        FIRST,
        "compare the H100 and the A100 under $3/hour for 20 users at 8k context",
        "hello",
        "what is NVLink?",
    ],
)
def test_an_understanding_round_trips_through_plain_json(question):
    understood = understand(question, load_catalog(), load_models())
    text = json.dumps(to_json(understood), allow_nan=False)
    assert understanding_from_json(json.loads(text)) == understood


def _sample(hint):
    """A value of type ``hint`` other than a field's usual default (None, empty, False, 0)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _sample(next(a for a in args if a is not type(None)))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return (_sample(args[0]), _sample(args[0]))
        return tuple(_sample(a) for a in args)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return list(hint)[-1]
    return {bool: True, int: 3, float: 2.5, str: "x"}[hint]


def test_every_field_a_turn_keeps_survives_storage():
    # a field the codec cannot read back silently drops the whole conversation (every follow-up starts afresh)
    base = understand(FIRST, load_catalog(), load_models())
    hints = typing.get_type_hints(type(base.details))
    for field in dataclasses.fields(base.details):
        changed = dataclasses.replace(
            base, details=dataclasses.replace(base.details, **{field.name: _sample(hints[field.name])})
        )
        text = json.dumps(to_json(changed), allow_nan=False)
        assert understanding_from_json(json.loads(text)) == changed, field.name


def test_a_stored_turn_from_another_release_loads_or_is_dropped():
    understood = understand(FIRST, load_catalog(), load_models())
    data = to_json(understood)
    data["details"]["a_field_from_the_future"] = 1
    del data["details"]["budget_per_hour"]
    assert understanding_from_json(data).details.model == "Llama 3 8B"
    data["intent"] = "no-such-intent"
    with pytest.raises(ValueError):
        understanding_from_json(data)


# --- SQLite, the default --------------------------------------------------------------------------------------


def test_sqlite_is_the_default_store_in_the_data_directory(tmp_path):
    store = open_conversation_store(load_settings(data_dir=tmp_path))
    assert isinstance(store, SQLiteConversationStore)
    assert store.path == tmp_path / "conversations.sqlite3"


def test_sqlite_store_is_bounded_keeps_across_reopening_and_expires(tmp_path):
    path = tmp_path / "c.sqlite3"
    store = SQLiteConversationStore(path, ttl_seconds=60, max_conversations=3)
    for i in range(10):
        store.put(f"c{i}", f"state {i}")
    assert len(store) == 3 and store.get("c9") == "state 9" and store.get("c0") is None
    store.forget("c9")
    store.close()
    reopened = SQLiteConversationStore(path, ttl_seconds=60, max_conversations=3)
    assert reopened.get("c8") == "state 8" and reopened.get("c9") is None
    short = SQLiteConversationStore(path, ttl_seconds=0.2, max_conversations=3)
    time.sleep(0.3)
    assert short.get("c8") is None and len(short) == 0


def test_a_large_sqlite_store_stays_within_one_percent_of_its_bound(tmp_path):
    store = SQLiteConversationStore(tmp_path / "c.sqlite3", ttl_seconds=60, max_conversations=500)
    for i in range(2000):
        store.put(f"c{i}", f"state {i}")
        assert len(store) <= 505
    assert store.get("c1999") == "state 1999" and store.get("c0") is None


def _ask_in_another_process(env: dict[str, str], question: str, conversation: str) -> dict:
    """Answer one question in a fresh Python process (a restart, or another replica) and return the reply."""
    script = (
        "import json, sys\n"
        "from assistant import Assistant\n"
        "reply = Assistant().ask(sys.argv[1], conversation_id=sys.argv[2])\n"
        "print(json.dumps({'intent': reply.intent, 'memory_gb': reply.memory_gb, 'text': reply.text}))\n"
    )
    full_env = {**os.environ, **env, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script, question, conversation],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_follow_up_is_answered_after_a_restart_through_sqlite(assistant, tmp_path):
    data_dir = str(assistant.settings.data_dir)  # the session's index, already built
    first = assistant.ask(FIRST, conversation_id="restart-1")
    assert isinstance(assistant.services.conversations, SQLiteConversationStore)
    after = _ask_in_another_process({"ASSISTANT_DATA_DIR": data_dir}, FOLLOW_UP, "restart-1")
    assert after["memory_gb"] is not None and after["memory_gb"] > first.memory_gb, after["text"]
    assert "8B" in after["text"]
    alone = _ask_in_another_process({"ASSISTANT_DATA_DIR": data_dir}, FOLLOW_UP, "never-asked")
    assert alone["memory_gb"] is None  # without the conversation there is no model to size


# --- Redis, for replicas --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A real redis-server on a free loopback port, for this module."""
    require_redis()
    port = free_port()
    process = start_redis(tmp_path_factory.mktemp("redis"), port)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


def test_redis_url_opens_the_redis_store(redis_url, tmp_path):
    store = open_conversation_store(load_settings(data_dir=tmp_path, conversations_url=redis_url))
    assert isinstance(store, RedisConversationStore)
    store.put("r1", "state")
    assert store.get("r1") == "state" and len(store) >= 1
    store.forget("r1")
    assert store.get("r1") is None


def test_redis_keys_expire_after_the_ttl(redis_url):
    store = RedisConversationStore(redis_url, ttl_seconds=1, namespace="ttl-test")
    store.put("short", "state")
    assert store.get("short") == "state"
    time.sleep(2.2)
    assert store.get("short") is None


def test_a_follow_up_is_answered_by_a_second_process_through_redis(assistant, redis_url, monkeypatch):
    from assistant import Assistant

    data_dir = str(assistant.settings.data_dir)
    env = {"ASSISTANT_DATA_DIR": data_dir, "ASSISTANT_CONVERSATIONS_URL": redis_url}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    first_replica = Assistant()
    assert isinstance(first_replica.services.conversations, RedisConversationStore)
    first = first_replica.ask(FIRST, conversation_id="replica-1")
    second = _ask_in_another_process(env, FOLLOW_UP, "replica-1")
    assert second["memory_gb"] is not None and second["memory_gb"] > first.memory_gb, second["text"]
    assert "8B" in second["text"]


def test_redis_going_away_costs_the_context_not_the_answer(tmp_path):
    port = free_port()
    process = start_redis(tmp_path, port)
    store = RedisConversationStore(f"redis://127.0.0.1:{port}/0", ttl_seconds=60, timeout_s=0.5)
    store.put("gone", "state")
    stop(process)
    start = time.monotonic()
    assert store.get("gone") is None
    store.put("gone", "state")  # logged, not raised
    assert time.monotonic() - start < 5


def test_redis_without_the_package_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(ImportError, match=r"gpu-assistant\[redis\]"):
        RedisConversationStore("redis://127.0.0.1:1/0", ttl_seconds=60)


def test_a_bad_conversations_url_is_a_clear_settings_error():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="ASSISTANT_CONVERSATIONS_URL"):
        load_settings(conversations_url="postgres://nowhere")


def test_an_aside_it_cannot_place_does_not_end_the_thread(assistant):
    """An out-of-scope turn between two about one setup: the next turn still leans on the setup."""
    conversation = "aside-keeps-the-thread"
    assistant.ask("could my rtx 3090 run mistral nemo 12b?", conversation_id=conversation)
    aside = assistant.ask("write me a haiku about my cat", conversation_id=conversation)
    assert not aside.gpus
    reply = assistant.ask("how fast?", conversation_id=conversation)
    assert "RTX 3090" in reply.text and "tokens/s" in reply.text


@pytest.mark.parametrize("thanks", ["thanks!", "thank you so much", "cheers", "ty", "many thanks :)"])
def test_thanks_is_answered_briefly_and_keeps_the_thread(assistant, thanks):
    """'thanks!' between two questions: a short reply, not the help text, and the next turn keeps the setup."""
    conversation = f"thanks-keeps-the-thread-{thanks}"
    assistant.ask("what does qwen2.5 14b need in 4-bit for serving?", conversation_id=conversation)
    reply = assistant.ask(thanks, conversation_id=conversation)
    assert reply.text.startswith("You're welcome") and not reply.gpus
    after = assistant.ask("and on an A10G?", conversation_id=conversation)
    assert "Qwen2.5 14B" in after.text and "A10G" in after.text
