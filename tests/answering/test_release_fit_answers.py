"""A repository's own release asked to fit the user's hardware ("can I reproduce your results on a 3080?", "would this
approach run on a 16 GB card?"), no language model said: the research releases on record estimate it, labelled,
rather than the LLMs that fit the card or the card's spec sheet. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import asks_release_fit
from assistant.knowledge._workloads import Workloads, load_workloads


@pytest.mark.parametrize(
    "question",
    [
        "Lovely paper! Could I reproduce your results on one RTX 3080?",
        "Does this approach run on an A4000 (16 GB)",
        "Is it possible to replicate the experiments with a single RTX 4070 Ti?",
        "Would your implementation work on a T4 from Colab?",
    ],
)
def test_a_release_asked_on_a_card_gets_the_labelled_research_estimate(converse, question):
    reply = converse(question)
    assert "research releases on record" in reply.text, reply.text
    # the releases on record fall both sides of these cards: no verdict is guessed, the range is said
    assert reply.text.startswith(("**Yes**", "**No**", "**I can't say yes or no**")), reply.text
    assert "largest model here that runs" not in reply.text  # not the LLM listing
    assert "| spec |" not in reply.text  # not the card's spec sheet


def test_a_memory_said_against_a_release_is_a_fit_asked(converse):
    reply = converse("How usable is your method on laptops with 6gb of vram? [PolyGlaze]")
    assert "research releases on record" in reply.text and reply.text.startswith("**No**"), reply.text


@pytest.mark.parametrize(
    ("question", "yes_no", "hardware", "memory"),
    [
        ("can I reproduce the paper on two 3090s?", True, True, False),
        ("does your model run on a 4060?", True, True, False),
        ("how far would this codebase get on 12 GB cards?", False, False, True),
    ],
)
def test_the_release_and_the_fit_are_read(question, yes_no, hardware, memory):
    assert asks_release_fit(question, yes_no, hardware, memory)


@pytest.mark.parametrize(
    "question",
    [
        "can I reproduce your llama fine-tune results on a 3090?",  # a language model said
        "can your method be trained on a single 4090?",  # training: inference figures say nothing of it
        "can I run mixtral on my 3090?",  # no release asked about
    ],
)
def test_no_release_fit_for_llms_training_or_no_release(question):
    assert not asks_release_fit(question, True, True)


def test_the_llm_listing_stays_for_a_card_asked_about_alone(converse):
    reply = converse("can my RTX 3080 handle local models?")
    assert "research releases on record" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Could your network be trained on a single RTX 3090?",
        "is it possible to fine-tune this model on 2x A5000? [HoloSculpt]",
    ],
)
def test_a_release_to_train_with_nothing_on_record_gets_the_labelled_training_estimate(converse, question):
    reply = converse(question)
    estimate = load_workloads().research_estimate(training=True)
    assert reply.text.startswith(("**Yes**", "**No**")), reply.text
    assert "with a training figure" in reply.text and "to train" in reply.text
    assert "largest model I track" not in reply.text
    assert reply.memory_gb == estimate.median_gb


def test_a_trainer_named_in_mixed_case_is_no_release_to_train():
    assert not asks_release_fit("can I train a style with PixelTuner on my 3060?", True, True, training=True)
    assert asks_release_fit("can I train your model on my 3060?", True, True, training=True)


@pytest.mark.parametrize(
    "question",
    [
        "can I run it on my 3060? [picoGPT]",  # a GPT trainer's name: a language model
        "does this model fit a 4090? [OmniSee, a multimodal model]",
        "would your vision-language model run on a T4?",
    ],
)
def test_language_models_by_their_family_words_are_no_research_release(question):
    assert not asks_release_fit(question, True, True)


def test_the_release_is_named_from_the_bracketed_tag(converse, monkeypatch):
    # with too few training figures on record to estimate from, the answer says what decides it, naming the release
    monkeypatch.setattr(Workloads, "research_estimate", lambda self, training=False: None)
    reply = converse("Could I train it on two A100 80GB? [Acme Labs Zephon, research code]")
    assert reply.text.startswith("I can't tell whether **Acme Labs Zephon**"), reply.text
    assert "parameter count" in reply.text and reply.memory_gb is None


def test_an_oom_with_several_cards_named_is_not_pinned_on_the_first(converse):
    reply = converse(
        "Can the demo of your work run on one RTX 3090? I tried it on my A6000 and got CUDA out of memory."
    )
    assert "ran out of memory on the RTX 3090" not in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    ["do A40 cards have NVLink?", "Can two 4090s talk over PCIe fast enough?", "Is OneTrainer ok on a 3060?"],
)
def test_a_mixed_case_word_alone_is_no_release(question):
    assert not asks_release_fit(question, True, True)
