"""A reading far below what the model needs (round 11, local): "65B now runs with only 8GB of RAM" is answered
No with the cause (llama.cpp memory-maps the file, so the weights count as file cache) even when the user did not ask why, and
the model's real need follows. Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_a_claim_of_running_in_far_less_memory_is_explained_by_mmap(assistant):
    reply = assistant.ask(
        "apparently 65b now runs with only 8GB of RAM in llama.cpp, do I need to change anything to get that?",
        conversation_id="far-below-1",
    )
    assert "mmap" in reply.text and "8 GB you see" in reply.text
    assert reply.memory_gb is not None and reply.memory_gb > 30  # a 65B Q4_K_M still needs ~40 GB


def test_with_nothing_else_asked_the_explanation_leads(assistant):
    reply = assistant.ask(
        "heard llama.cpp 13b runs with only 2GB of RAM since the latest update", conversation_id="fb-2"
    )
    first = reply.text.split("\n", 1)[0]
    assert (
        first.startswith("**No**") and "mmap" in first
    )  # a claim, not a question: the model still needs its memory
