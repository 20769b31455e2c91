"""A GPU named without its memory size ("a V100", "an A100") when its sizes disagree on the verdict: the answer says
which size it read and what the other size does. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_a_bare_v100_says_the_32gb_one_would_hold_it(assistant):
    a = checked_answer(assistant, "would a v100 take mistral 7b in vllm for a small chat service?")
    assert "V100 16GB" in a.first_line, a.first_line
    assert "_Read as the V100 16GB (no memory size said); on one V100 32GB it fits" in a.draft


def test_a_bare_a100_says_the_40gb_one_would_not(assistant):
    a = checked_answer(assistant, "is one a100 enough to serve qwen2.5 32b unquantized?")
    assert "Read as the A100 80GB" in a.draft and "the A100 40GB does not hold it" in a.draft


def test_a_size_said_or_no_difference_adds_nothing(assistant):
    assert "Read as the" not in checked_answer(assistant, "qwen2.5 32b in bf16 on an a100 40gb?").draft
    assert "Read as the" not in checked_answer(assistant, "would an a100 serve llama 3.1 8b?").draft
