"""A project built on a language model, not on record, asked about on one card ("how much VRAM does this need? OOM on
my 3080 [an MLLM repo]"): no spec sheet of the card, and no made-up figure — what the error says, what a language
model's weights take at the usual sizes (arithmetic), and what to tell for an exact answer. Phrasings in no
evaluation set."""

from __future__ import annotations


def test_an_oom_with_an_llm_project_gets_what_is_known_not_a_spec_sheet(ask):
    reply = ask(
        "how much gpu memory does this need? it goes OOM on my rtx 4070 [OwlCap, a vision-language captioner]"
    )
    assert "no figure on record for this project" in reply.text
    assert "more than the card's 12 GB" in reply.text
    assert "a 7B about 14.0 GB" in reply.text  # 7B x 2 bytes in 16-bit
    assert "memory bandwidth" not in reply.text  # not the RTX 4070's spec sheet
    assert reply.memory_gb is None  # no figure for the project is invented


def test_a_training_run_of_such_a_project_is_left_to_the_training_answers(ask):
    reply = ask(
        "how much vram to finetune this? i get OOM on my rtx 4070 [OwlCap, a vision-language captioner]"
    )
    assert "no figure on record for this project, so I can't give" not in reply.text


def test_the_spec_of_a_card_is_still_its_spec(ask):
    assert "memory bandwidth" in ask("what's the memory bandwidth of the rtx 4070?").text
