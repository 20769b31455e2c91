"""A data-center card nobody says they own, weighed for a kind of job ("is the B200 any good for serving LLMs?",
"is an L4 suitable for fine-tuning?"): a verdict from the card's class and the figure the job is bound by, what one
card holds, and the software off CUDA — not the home-card answer ("on your B200 ... llama.cpp"). A card the user has,
or a desktop card, keeps the what-runs answer. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from tests.support.checked_answers import checked_answer


def answer(bot, *turns):
    a = checked_answer(bot, *turns)
    return a.draft


@pytest.mark.parametrize(
    ("question", "card", "figure"),
    [
        ("is the B200 a good choice for serving LLMs?", "B200", "GB/s"),
        ("would the A100 80GB SXM be suitable for hosting a chatbot?", "A100 80GB SXM", "GB/s"),
        ("is the H100 SXM decent for fine-tuning?", "H100 SXM", "TFLOPS"),
    ],
)
def test_a_data_center_card_weighed_for_a_job_opens_with_yes_and_the_bound_figure(
    assistant, catalog, question, card, figure
):
    text = answer(assistant, question)
    first = text.split("\n")[0]
    assert first.startswith("**Yes**") and card in first and figure in first
    assert "on your" not in text.lower() and "llama.cpp" not in first


def test_an_inference_class_card_weighed_for_training_is_only_for_small_jobs(assistant):
    first = answer(assistant, "is an L4 suitable for fine-tuning?").split("\n")[0]
    assert (
        first.startswith("**Only for small jobs**")
        and "accelerator for inference" in first
        and "QLoRA" in first
    )
    assert "-class" not in first  # the catalog class in words, as the spec sheet says it


def test_a_card_off_cuda_lists_its_software(assistant):
    text = answer(assistant, "is the MI325X any good for inference?")
    assert "Software on the MI325X" in text and "vLLM" in text


@pytest.mark.parametrize(
    "question",
    [
        "is our A100 80GB SXM good for fine-tuning?",
        "is the rtx 5090 good for running llms?",
        "we've got an H100 SXM sitting idle, is it fine for serving chat models?",
    ],
)
def test_a_card_the_user_has_or_a_desktop_card_keeps_the_what_runs_answer(assistant, question):
    assert "**Software on" in answer(assistant, question) or "on your" in answer(assistant, question).lower()
