"""Ollama asked to serve several users: one loaded model answers only as many requests at once as it has slots
(`OLLAMA_NUM_PARALLEL`), the rest queue, and each slot holds its own context — said in the answer, with or
without a model named. Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_a_shared_ollama_box_says_the_slots_and_the_queue(ask):
    reply = ask("six analysts will hit one ollama server on an rtx 4080 with mistral 7b, does that work?")
    head = reply.text.split("_Assumed")[0]
    assert "`OLLAMA_NUM_PARALLEL=6`" in head
    assert "queue" in head
    assert "num_ctx x 6" in head


def test_no_model_named_gives_what_the_card_serves_and_the_slots(ask):
    reply = ask("ollama for a dozen coworkers, 12 users, on one RTX 3090")
    assert reply.intent == "my_hardware"
    assert "On your **RTX 3090**" in reply.text
    assert "`OLLAMA_NUM_PARALLEL=12`" in reply.text.split("| model |")[0]


def test_one_user_gets_no_slot_note(ask):
    reply = ask("can I run mistral 7b in ollama on my rtx 4080?")
    assert "OLLAMA_NUM_PARALLEL=" not in reply.text


def test_the_slots_set_by_the_user_keep_their_own_answer(ask):
    reply = ask("OLLAMA_NUM_PARALLEL=4 for 4 users with llama 3 8b on a 3090, enough vram?")
    assert "Ollama and 4 users" not in reply.text
    assert "`OLLAMA_NUM_PARALLEL=4`" in reply.text
